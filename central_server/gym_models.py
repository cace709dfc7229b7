"""The server's tables for entitlements, check-ins, classes and bookings:
the state its op handlers re-run the domain rules on (SYNC.md).

Entitlements and check-ins follow the member (chain-wide); class types, schedules,
sessions, bookings and strikes belong to the store that made them. Every row keeps the
desk-made id, so a pulled change lands on the desk's own row."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from central_server.models import Base, When


class GymEntitlement(Base):
    __tablename__ = "gym_entitlements"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), index=True)
    store_id: Mapped[str] = mapped_column(String(36))  # where it was sold
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    valid_from: Mapped[datetime] = mapped_column(When)
    valid_until: Mapped[datetime | None] = mapped_column(When)
    units_total: Mapped[int | None] = mapped_column(Integer)
    units_used: Mapped[int] = mapped_column(Integer, default=0)
    access_start: Mapped[str | None] = mapped_column(String(5))
    access_end: Mapped[str | None] = mapped_column(String(5))
    scope: Mapped[Any] = mapped_column(JSON, nullable=True)
    sharers: Mapped[Any] = mapped_column(JSON, default=list)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    price_minor: Mapped[int] = mapped_column(Integer, default=0)
    activated_at: Mapped[datetime | None] = mapped_column(When)
    renewed_from_id: Mapped[str | None] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(When)
    updated_at: Mapped[datetime] = mapped_column(When)
    deleted_at: Mapped[datetime | None] = mapped_column(When)  # refunded


class GymSharer(Base):
    """Family members named on an entitlement (its `sharers`), indexed for "what may this
    member use"."""

    __tablename__ = "gym_entitlement_sharers"
    entitlement_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True, index=True)


class GymHold(Base):
    __tablename__ = "gym_entitlement_holds"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entitlement_id: Mapped[str] = mapped_column(String(36), index=True)
    starts_at: Mapped[datetime] = mapped_column(When)
    ends_at: Mapped[datetime] = mapped_column(When)
    ended_at: Mapped[datetime | None] = mapped_column(When)
    reason: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(When)
    updated_at: Mapped[datetime] = mapped_column(When)


class GymCheckin(Base):
    """Append-only: the desk's verdict as it was. `units_applied` is what the server could
    take from the entitlement (never below zero left); less than `units` is a double spend
    for the manager's reconciliation list (`double_spent`)."""

    __tablename__ = "gym_checkins"
    __table_args__ = (Index("ix_gym_checkins_member_at", "member_id", "at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    store_id: Mapped[str] = mapped_column(String(36))
    device_id: Mapped[str] = mapped_column(String(36))
    desk_id: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[str | None] = mapped_column(String(36))
    approver_id: Mapped[str | None] = mapped_column(String(36))
    at: Mapped[datetime] = mapped_column(When)
    scanned_code: Mapped[str | None] = mapped_column(String(200))
    member_id: Mapped[str | None] = mapped_column(String(36))
    entitlement_id: Mapped[str | None] = mapped_column(String(36))
    owner_id: Mapped[str | None] = mapped_column(String(36))
    verdict: Mapped[str] = mapped_column(String(8))
    granted: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[Any] = mapped_column(JSON, default=list)
    units: Mapped[int] = mapped_column(Integer, default=0)
    units_applied: Mapped[int] = mapped_column(Integer, default=0)
    double_spent: Mapped[bool] = mapped_column(Boolean, default=False)
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    override_note: Mapped[str | None] = mapped_column(Text)
    attended_booking_ids: Mapped[Any] = mapped_column(JSON, nullable=True)
    void_op_id: Mapped[str | None] = mapped_column(String(36))
    voided_at: Mapped[datetime | None] = mapped_column(When)
    void_staff_id: Mapped[str | None] = mapped_column(String(36))
    void_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class GymClassType(Base):
    __tablename__ = "gym_class_types"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36), index=True)
    name: Mapped[str] = mapped_column(String(200))
    capacity: Mapped[int] = mapped_column(Integer)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    booking_opens_days: Mapped[int] = mapped_column(Integer, default=7)
    late_cancel_hours: Mapped[int] = mapped_column(Integer, default=12)
    checkin_closes_minutes: Mapped[int] = mapped_column(Integer, default=15)
    min_size: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(When)
    updated_at: Mapped[datetime] = mapped_column(When)


class GymSchedule(Base):
    __tablename__ = "gym_class_schedules"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36), index=True)
    class_type_id: Mapped[str] = mapped_column(String(36))
    weekday: Mapped[int] = mapped_column(Integer)
    start_time: Mapped[str] = mapped_column(String(5))
    instructor: Mapped[str] = mapped_column(String(200), default="")
    room: Mapped[str] = mapped_column(String(100), default="")
    capacity: Mapped[int | None] = mapped_column(Integer)
    valid_from: Mapped[str] = mapped_column(String(10))  # ISO date, store local
    valid_until: Mapped[str | None] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(When)
    updated_at: Mapped[datetime] = mapped_column(When)


class GymSession(Base):
    """Locked (FOR UPDATE) while a booking takes or frees a seat."""

    __tablename__ = "gym_class_sessions"
    __table_args__ = (
        UniqueConstraint("schedule_id", "starts_at", name="uq_gym_class_sessions_schedule_start"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36), index=True)
    class_type_id: Mapped[str] = mapped_column(String(36))
    schedule_id: Mapped[str | None] = mapped_column(String(36))
    starts_at: Mapped[datetime] = mapped_column(When)
    ends_at: Mapped[datetime] = mapped_column(When)
    capacity: Mapped[int] = mapped_column(Integer)
    instructor: Mapped[str] = mapped_column(String(200), default="")
    room: Mapped[str] = mapped_column(String(100), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    checkin_closed_at: Mapped[datetime | None] = mapped_column(When)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(When)
    updated_at: Mapped[datetime] = mapped_column(When)


class GymSessionAlias(Base):
    """A desk's id for a slot another desk generated first: ops naming it reach the
    server's session."""

    __tablename__ = "gym_class_session_aliases"
    alias_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(36))


class GymBooking(Base):
    __tablename__ = "gym_bookings"
    __table_args__ = (
        Index("ix_gym_bookings_session_status", "session_id", "status"),
        Index("ix_gym_bookings_member_status", "member_id", "status"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36))
    session_id: Mapped[str] = mapped_column(String(36))
    member_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16))
    queued: Mapped[int] = mapped_column(Integer)
    credit_entitlement_id: Mapped[str | None] = mapped_column(String(36))
    promoted_in_window: Mapped[bool] = mapped_column(Boolean, default=False)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(When)
    updated_at: Mapped[datetime] = mapped_column(When)


class GymStrike(Base):
    __tablename__ = "gym_booking_strikes"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    store_id: Mapped[str] = mapped_column(String(36))
    member_id: Mapped[str] = mapped_column(String(36), index=True)
    booking_id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(When)
    forgiven_at: Mapped[datetime | None] = mapped_column(When)
    forgiven_by: Mapped[str | None] = mapped_column(String(36))
    forgive_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)


class MemberTagSet(Base):
    """A member's tags (member.tags.v1): the whole set, last writer by HLC wins."""

    __tablename__ = "member_tag_sets"
    member_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tags: Mapped[Any] = mapped_column(JSON, default=list)
    hlc: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
