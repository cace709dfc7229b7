"""Tables of checkout: products, sales with their lines and tenders, refunds, the points
ledger (append-only, hash-chained per member), stored value accounts and shifts.

Finalised sales, their lines and tenders, and ledger entries are never updated or deleted:
the migration adds triggers that refuse it, and `frontdesk check-db` finds a ledger row that
was changed anyway (the per-member hash chain)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base, Synced
from desktop_app.store.types import ISODate, JSONText, UTCDateTime


class Product(Synced, Base):
    __tablename__ = "products"
    barcode: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    price_minor: Mapped[int] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(100))
    points_multiplier_pct: Mapped[int | None] = mapped_column(Integer)  # None: category's
    active: Mapped[bool] = mapped_column(default=True)


class Shift(Synced, Base):
    __tablename__ = "shifts"
    number: Mapped[str] = mapped_column(String(32), unique=True)
    device_id: Mapped[str] = mapped_column(String(36), index=True)
    opened_by_id: Mapped[str] = mapped_column(String(36))
    opened_by_name: Mapped[str] = mapped_column(String(200))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opening_float: Mapped[int] = mapped_column(Integer)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by_id: Mapped[str | None] = mapped_column(String(36))
    counted: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    summary: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)


class SaleRow(Synced, Base):
    __tablename__ = "sales"
    __table_args__ = (Index("ix_sales_member_at", "member_id", "finalized_at"),)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    member_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    shift_id: Mapped[str | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    cashier_id: Mapped[str] = mapped_column(String(36))
    cashier_name: Mapped[str] = mapped_column(String(200))
    approver_id: Mapped[str | None] = mapped_column(String(36))
    finalized_at: Mapped[datetime] = mapped_column(UTCDateTime())
    gross: Mapped[int] = mapped_column(Integer)
    manual_discount: Mapped[int] = mapped_column(Integer)
    member_discount: Mapped[int] = mapped_column(Integer)
    total: Mapped[int] = mapped_column(Integer)
    change: Mapped[int] = mapped_column(Integer)
    points_earned: Mapped[int] = mapped_column(Integer)
    points_spent: Mapped[int] = mapped_column(Integer)
    op_id: Mapped[str] = mapped_column(String(36))


class SaleLineRow(Base):
    __tablename__ = "sale_lines"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[str | None] = mapped_column(ForeignKey("products.id"))
    barcode: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[int] = mapped_column(Integer)
    gross: Mapped[int] = mapped_column(Integer)
    line_discount: Mapped[int] = mapped_column(Integer)
    member_discount: Mapped[int] = mapped_column(Integer)
    order_discount: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)
    points_multiplier_pct: Mapped[int | None] = mapped_column(Integer)


class SaleTenderRow(Base):
    __tablename__ = "sale_tenders"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Integer)  # cash: what the customer handed over
    net: Mapped[int] = mapped_column(Integer)  # what it really paid (cash less the change)
    points: Mapped[int] = mapped_column(Integer, default=0)
    reference: Mapped[str] = mapped_column(String(100), default="")
    sv_principal: Mapped[int] = mapped_column(Integer, default=0)
    sv_bonus: Mapped[int] = mapped_column(Integer, default=0)


class RefundRow(Synced, Base):
    __tablename__ = "refunds"
    sale_id: Mapped[str] = mapped_column(ForeignKey("sales.id"), index=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    shift_id: Mapped[str | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    cashier_id: Mapped[str] = mapped_column(String(36))
    cashier_name: Mapped[str] = mapped_column(String(200))
    approver_id: Mapped[str | None] = mapped_column(String(36))
    refunded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(Integer)
    points_reversed: Mapped[int] = mapped_column(Integer)
    points_returned: Mapped[int] = mapped_column(Integer)
    op_id: Mapped[str] = mapped_column(String(36))


class RefundLineRow(Base):
    __tablename__ = "refund_lines"
    refund_id: Mapped[str] = mapped_column(ForeignKey("refunds.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)
    amount: Mapped[int] = mapped_column(Integer)


class RefundTenderRow(Base):
    __tablename__ = "refund_tenders"
    refund_id: Mapped[str] = mapped_column(ForeignKey("refunds.id"), primary_key=True)
    tender_idx: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(Integer)
    sv_principal: Mapped[int] = mapped_column(Integer, default=0)
    sv_bonus: Mapped[int] = mapped_column(Integer, default=0)


class PointsEntry(Base):
    """Append-only. `member_seq` numbers a member's entries 1, 2, 3 …; `prev_hash` chains each
    to the member's previous entry (desktop_app.domain.chain)."""

    __tablename__ = "points_ledger"
    __table_args__ = (
        UniqueConstraint("source", "kind", name="uq_points_ledger_source_kind"),
        UniqueConstraint("member_id", "member_seq", name="uq_points_ledger_member_seq"),
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    member_seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    delta: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(80))
    expires_on: Mapped[date | None] = mapped_column(ISODate(), index=True)
    lot_ref: Mapped[str | None] = mapped_column(String(36))
    op_id: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class PointsHead(Base):
    """Each member's chain head and entry count, kept apart from the entries so deleting a
    member's newest entries is found too."""

    __tablename__ = "points_heads"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), primary_key=True)
    head: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer)


class StoredValueAccount(Synced, Base):
    __tablename__ = "stored_value_accounts"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), unique=True)
    principal: Mapped[int] = mapped_column(Integer, default=0)
    bonus: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active / cancelled


class StoredValueMove(Base):
    """Every change to an account: top-up, spend, refund (of a spend), cancel."""

    __tablename__ = "stored_value_moves"
    __table_args__ = (UniqueConstraint("source", "kind", name="uq_stored_value_moves_source_kind"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("stored_value_accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(80))
    principal: Mapped[int] = mapped_column(Integer)  # signed change
    bonus: Mapped[int] = mapped_column(Integer)
    paid: Mapped[int] = mapped_column(Integer, default=0)  # money in (+) or out (-) of the desk
    tender_kind: Mapped[str | None] = mapped_column(String(20))
    shift_id: Mapped[str | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    number: Mapped[str | None] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    staff_id: Mapped[str | None] = mapped_column(String(36))
    op_id: Mapped[str | None] = mapped_column(String(36))


__all__ = [
    "PointsEntry",
    "PointsHead",
    "Product",
    "RefundLineRow",
    "RefundRow",
    "RefundTenderRow",
    "SaleLineRow",
    "SaleRow",
    "SaleTenderRow",
    "Shift",
    "StoredValueAccount",
    "StoredValueMove",
]
