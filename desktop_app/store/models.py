"""SQLAlchemy 2.0 typed models of the desk's local database.

Every synced entity has a desk-made UUIDv7 id, created/updated times, a version that grows
on each change, and a tombstone (`deleted_at`): nothing synced is ever hard-deleted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_app.store.types import ISODate, JSONText, UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Columns every synced entity carries."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class Store(Synced, Base):
    __tablename__ = "stores"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")


class Tier(Synced, Base):
    __tablename__ = "tiers"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    rank: Mapped[int] = mapped_column(Integer, default=0)
    points_multiplier_pct: Mapped[int] = mapped_column(Integer, default=100)
    discount_pct: Mapped[int] = mapped_column(Integer, default=0)
    birthday_bonus_points: Mapped[int] = mapped_column(Integer, default=0)
    threshold_minor: Mapped[int] = mapped_column(Integer, default=0)


class Member(Synced, Base):
    __tablename__ = "members"
    number: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    phone_last4: Mapped[str | None] = mapped_column(String(4))
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    birthday: Mapped[date | None] = mapped_column(ISODate())
    gender: Mapped[str | None] = mapped_column(String(16))
    photo_path: Mapped[str | None] = mapped_column(String(500))
    tier_id: Mapped[str | None] = mapped_column(ForeignKey("tiers.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    note_flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_sms: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_sms_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    consent_email: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_email_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    home_store_id: Mapped[str | None] = mapped_column(ForeignKey("stores.id"))
    status: Mapped[str] = mapped_column(String(16), default="active")
    merged_into_id: Mapped[str | None] = mapped_column(ForeignKey("members.id"))
    points_balance: Mapped[int] = mapped_column(Integer, default=0)  # cache of the ledger
    qr_secret: Mapped[str | None] = mapped_column(String(64))  # signs the dynamic member QR


class Tag(Synced, Base):
    __tablename__ = "tags"
    name: Mapped[str] = mapped_column(String(100), unique=True)


class MemberTag(Base):
    __tablename__ = "member_tags"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), primary_key=True)
    tag_id: Mapped[str] = mapped_column(ForeignKey("tags.id"), primary_key=True, index=True)


class Card(Synced, Base):
    __tablename__ = "cards"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="active")  # active / revoked
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class EntitlementRow(Synced, Base):
    __tablename__ = "entitlements"
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[datetime] = mapped_column(UTCDateTime())
    valid_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    units_total: Mapped[int | None] = mapped_column(Integer)
    units_used: Mapped[int] = mapped_column(Integer, default=0)
    access_start: Mapped[str | None] = mapped_column(String(5))  # "06:00", store local time
    access_end: Mapped[str | None] = mapped_column(String(5))
    scope: Mapped[Any] = mapped_column(
        JSONText(), nullable=True, default=None
    )  # {"stores": [...], ...}
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    price_minor: Mapped[int] = mapped_column(Integer, default=0)
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    renewed_from_id: Mapped[str | None] = mapped_column(ForeignKey("entitlements.id"))


class EntitlementSharer(Base):
    """Named family members who draw on one entitlement's pool."""

    __tablename__ = "entitlement_sharers"
    entitlement_id: Mapped[str] = mapped_column(ForeignKey("entitlements.id"), primary_key=True)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"), primary_key=True, index=True)


class EntitlementHold(Synced, Base):
    __tablename__ = "entitlement_holds"
    entitlement_id: Mapped[str] = mapped_column(ForeignKey("entitlements.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(Text)


class Staff(Synced, Base):
    __tablename__ = "staff"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSONText())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AuditEntry(Base):
    """Append-only, hash-chained (desktop_app.domain.chain): a changed or removed row is found
    by `frontdesk check-db`."""

    __tablename__ = "audit_log"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    actor_id: Mapped[str | None] = mapped_column(String(36))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    approver_id: Mapped[str | None] = mapped_column(String(36))
    approver_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str | None] = mapped_column(String(32))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    details: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    op_id: Mapped[str | None] = mapped_column(String(36))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxOp(Base):
    """An op waiting to be pushed (SYNC.md). `seq` numbers this device's ops 1, 2, 3 … and is
    never reused (AUTOINCREMENT), even after acknowledged ops are pruned."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_seq", "state", "seq"), {"sqlite_autoincrement": True})
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    hlc: Mapped[str] = mapped_column(String(64))
    actor_id: Mapped[str | None] = mapped_column(String(36))
    approver_id: Mapped[str | None] = mapped_column(String(36))
    args: Mapped[Any] = mapped_column(JSONText())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # pending -> applied | duplicate | rejected | compensated
    state: Mapped[str] = mapped_column(String(16), default="pending")
    result: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)
    acked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SyncState(Base):
    """Small key/value facts about this device: device id, server, cursor, last HLC,
    the audit chain's head."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Counter(Base):
    """Named counters (member numbers) incremented inside the writing transaction."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


__all__ = [
    "AuditEntry",
    "Base",
    "Card",
    "Counter",
    "EntitlementHold",
    "EntitlementRow",
    "EntitlementSharer",
    "Member",
    "MemberTag",
    "OutboxOp",
    "Setting",
    "Staff",
    "Store",
    "Synced",
    "SyncState",
    "Tag",
    "Tier",
]
