"""Rollup tables of the daily summary (issue 9). Written only by SQLite triggers created in
migration 0800_report_rollups, in the same transaction as the sales, refunds, points, stored
value, check-in and void rows they count (whoever writes those: services, sync, imports);
never by Python code. The reports read them for periods whose business days start on a UTC
hour (desktop_app/reports/rollups.py); anything else is read from the source rows.

An hour is a UTC hour number, unixepoch // 3600. A store key is a check-in's store_id, ''
when it has none; '*' in report_visits is the chain of all stores."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base


class ReportMoneyHour(Base):
    __tablename__ = "report_money_hours"
    hour: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sales: Mapped[int] = mapped_column(Integer, server_default="0")
    gross: Mapped[int] = mapped_column(Integer, server_default="0")
    discounts: Mapped[int] = mapped_column(Integer, server_default="0")
    sales_total: Mapped[int] = mapped_column(Integer, server_default="0")
    refunds: Mapped[int] = mapped_column(Integer, server_default="0")
    refund_amount: Mapped[int] = mapped_column(Integer, server_default="0")
    points_earned: Mapped[int] = mapped_column(Integer, server_default="0")
    points_redeemed: Mapped[int] = mapped_column(Integer, server_default="0")
    points_expired: Mapped[int] = mapped_column(Integer, server_default="0")
    points_adjusted: Mapped[int] = mapped_column(Integer, server_default="0")
    sv_topped_up: Mapped[int] = mapped_column(Integer, server_default="0")
    sv_topup_paid: Mapped[int] = mapped_column(Integer, server_default="0")
    sv_spent: Mapped[int] = mapped_column(Integer, server_default="0")


class ReportTenderHour(Base):
    """Sale tender nets less refund tenders, per UTC hour and tender kind."""

    __tablename__ = "report_tender_hours"
    hour: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    net: Mapped[int] = mapped_column(Integer, server_default="0")


class ReportCheckinHour(Base):
    """Check-ins not voided, granted and denied, per store key and UTC hour."""

    __tablename__ = "report_checkin_hours"
    store_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    hour: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    checkins: Mapped[int] = mapped_column(Integer, server_default="0")
    denied: Mapped[int] = mapped_column(Integer, server_default="0")


class ReportVisit(Base):
    """A UTC hour in which a member was let in (n check-ins, none voided) at a store key, and
    the member's previous such hour in the same chain (None: the first)."""

    __tablename__ = "report_visits"
    __table_args__ = (Index("ix_report_visits_hour", "store_key", "hour", "prev"),)
    store_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    # A member merge leaves these rows alone: it moves the check-ins, and their update
    # trigger moves the visits (desktop_app/store/merge.py).
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True,
                                           info={"member_merge": "keep"})
    hour: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    n: Mapped[int] = mapped_column(Integer)
    prev: Mapped[int | None] = mapped_column(Integer)
