"""The server's tables for products, sales, the points ledger, stored value and shifts:
the state its op handlers re-run the domain rules on (SYNC.md).

Sales and refunds are immutable once written (corrections are refunds); a sale's refund state
is the sum of its refunds. The points ledger is append-only with `(source, kind)` unique, so
a replayed op never posts twice; the member's balance is `members.points_balance`, moved in
the same transaction as its entries."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from central_server.models import Base, BigId, When


class ProductRow(Base):
    __tablename__ = "sales_products"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    barcode: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    price_minor: Mapped[int] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(100))
    points_multiplier_pct: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(When)


class SaleRecord(Base):
    """A finalised sale as the server re-priced it. `lines`: [{quantity, amount, ...}] in
    line order (line_no = index + 1); `tenders`: [{kind, net, sv_principal, sv_bonus}]."""

    __tablename__ = "sales_sales"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(32))
    member_id: Mapped[str | None] = mapped_column(String(36), index=True)
    shift_id: Mapped[str | None] = mapped_column(String(36))
    cashier_id: Mapped[str | None] = mapped_column(String(36))
    finalized_at: Mapped[datetime] = mapped_column(When)
    gross: Mapped[int] = mapped_column(Integer)
    discount: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Integer)
    points_earned: Mapped[int] = mapped_column(Integer)
    points_spent: Mapped[int] = mapped_column(Integer)
    lines: Mapped[Any] = mapped_column(JSON)
    tenders: Mapped[Any] = mapped_column(JSON)
    op_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(When)


class RefundRecord(Base):
    """`lines`: [{line_no, quantity, amount}]; `to_tenders`: [[tender index, money]]."""

    __tablename__ = "sales_refunds"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales_sales.id"), index=True)
    store_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(32))
    amount: Mapped[int] = mapped_column(Integer)
    lines: Mapped[Any] = mapped_column(JSON)
    to_tenders: Mapped[Any] = mapped_column(JSON)
    points_reversed: Mapped[int] = mapped_column(Integer)
    points_returned: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    refunded_at: Mapped[datetime] = mapped_column(When)
    op_id: Mapped[str] = mapped_column(String(36))


class PointsEntryRow(Base):
    """Append-only. `lot_ref`: for a negative entry, the id of the lot it takes from first."""

    __tablename__ = "sales_points_ledger"
    __table_args__ = (
        UniqueConstraint("source", "kind", name="uq_sales_points_ledger_source_kind"),
    )
    seq: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    delta: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(120))
    expires_on: Mapped[str | None] = mapped_column(String(10))  # ISO date of a lot's last day
    lot_ref: Mapped[str | None] = mapped_column(String(36))
    # The lot's (source, kind): how desks, whose entry ids are their own, find that lot.
    lot_source: Mapped[str | None] = mapped_column(String(120))
    lot_kind: Mapped[str | None] = mapped_column(String(16))
    op_id: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(When)


class StoredValueAccountRow(Base):
    __tablename__ = "sales_stored_value_accounts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), unique=True)
    principal: Mapped[int] = mapped_column(Integer, default=0)
    bonus: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="active")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(When)


class StoredValueMoveRow(Base):
    """Append-only; `source` unique so a replayed op never moves money twice."""

    __tablename__ = "sales_stored_value_moves"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(
        ForeignKey("sales_stored_value_accounts.id"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(120), unique=True)
    principal: Mapped[int] = mapped_column(Integer)
    bonus: Mapped[int] = mapped_column(Integer)
    paid: Mapped[int] = mapped_column(Integer)
    store_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str | None] = mapped_column(String(32))
    op_id: Mapped[str] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(When)


class ShiftRow(Base):
    __tablename__ = "sales_shifts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(ForeignKey("stores.id"), index=True)
    device_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(32))
    opened_by: Mapped[str | None] = mapped_column(String(36))
    opened_at: Mapped[datetime] = mapped_column(When)
    opening_float: Mapped[int] = mapped_column(Integer)
    closed_by: Mapped[str | None] = mapped_column(String(36))
    closed_at: Mapped[datetime | None] = mapped_column(When)
    counted: Mapped[Any] = mapped_column(JSON, nullable=True)
    summary: Mapped[Any] = mapped_column(JSON, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
