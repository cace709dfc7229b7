"""Tables of check-ins, classes and bookings (issue 5).

Check-ins are append-only: a void is a row of its own in `checkin_voids`, never an edit.
Indexes follow the hot paths: a member's recent check-ins and bookings (the decision), a
session's roster (booking under the write lock), the day's list (the front desk page).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base, Synced
from desktop_app.store.types import ISODate, JSONText, UTCDateTime


class CheckinRow(Base):
    """One attempt at the door, allowed or not, with the op id that syncs it."""

    __tablename__ = "checkins"
    __table_args__ = (
        Index("ix_checkins_member_at", "member_id", "at"),
        Index("ix_checkins_at", "at"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    store_id: Mapped[str | None] = mapped_column(String(36))
    desk_id: Mapped[str | None] = mapped_column(String(64))
    staff_id: Mapped[str | None] = mapped_column(String(36))
    scanned_code: Mapped[str | None] = mapped_column(String(200))
    member_id: Mapped[str | None] = mapped_column(String(36))  # who came in
    entitlement_id: Mapped[str | None] = mapped_column(String(36))
    owner_id: Mapped[str | None] = mapped_column(String(36))  # whose pool (family sharing)
    verdict: Mapped[str] = mapped_column(String(8))  # allow / warn / deny
    granted: Mapped[bool] = mapped_column(Boolean)
    reasons: Mapped[Any] = mapped_column(JSONText())
    units: Mapped[int] = mapped_column(Integer, default=0)
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    override_note: Mapped[str | None] = mapped_column(Text)
    approver_id: Mapped[str | None] = mapped_column(String(36))
    attended_booking_ids: Mapped[Any] = mapped_column(JSONText(), nullable=True, default=None)


class CheckinVoid(Base):
    """A void of one check-in; its unit went back to the entitlement."""

    __tablename__ = "checkin_voids"
    checkin_id: Mapped[str] = mapped_column(ForeignKey("checkins.id"), primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    staff_id: Mapped[str | None] = mapped_column(String(36))
    approver_id: Mapped[str | None] = mapped_column(String(36))
    reason: Mapped[str] = mapped_column(Text, default="")


class ClassType(Synced, Base):
    __tablename__ = "class_types"
    name: Mapped[str] = mapped_column(String(200))
    store_id: Mapped[str | None] = mapped_column(String(36))
    capacity: Mapped[int] = mapped_column(Integer)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    booking_opens_days: Mapped[int] = mapped_column(Integer, default=7)
    late_cancel_hours: Mapped[int] = mapped_column(Integer, default=12)
    checkin_closes_minutes: Mapped[int] = mapped_column(Integer, default=15)
    min_size: Mapped[int] = mapped_column(Integer, default=0)


class ClassSchedule(Synced, Base):
    """A weekly slot: sessions are generated from it, then edited one by one."""

    __tablename__ = "class_schedules"
    class_type_id: Mapped[str] = mapped_column(ForeignKey("class_types.id"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 0 Monday .. 6 Sunday, store local
    start_time: Mapped[str] = mapped_column(String(5))  # "18:30", store local
    instructor: Mapped[str] = mapped_column(String(200), default="")
    room: Mapped[str] = mapped_column(String(100), default="")
    capacity: Mapped[int | None] = mapped_column(Integer)  # None: the class type's
    valid_from: Mapped[date] = mapped_column(ISODate())
    valid_until: Mapped[date | None] = mapped_column(ISODate())


class ClassSession(Synced, Base):
    __tablename__ = "class_sessions"
    __table_args__ = (
        Index("ix_class_sessions_starts_at", "starts_at"),
        Index("uq_class_sessions_schedule_start", "schedule_id", "starts_at", unique=True),
    )
    class_type_id: Mapped[str] = mapped_column(ForeignKey("class_types.id"))
    schedule_id: Mapped[str | None] = mapped_column(ForeignKey("class_schedules.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime())
    capacity: Mapped[int] = mapped_column(Integer)
    instructor: Mapped[str] = mapped_column(String(200), default="")
    room: Mapped[str] = mapped_column(String(100), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    checkin_closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class BookingRow(Synced, Base):
    __tablename__ = "bookings"
    __table_args__ = (
        Index("ix_bookings_session_status", "session_id", "status"),
        Index("ix_bookings_member_status", "member_id", "status"),
    )
    session_id: Mapped[str] = mapped_column(ForeignKey("class_sessions.id"))
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    status: Mapped[str] = mapped_column(String(16))
    queued: Mapped[int] = mapped_column(Integer)  # first-come order within the session
    credit_entitlement_id: Mapped[str | None] = mapped_column(String(36))
    promoted_in_window: Mapped[bool] = mapped_column(Boolean, default=False)
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)


class BookingStrike(Synced, Base):
    __tablename__ = "booking_strikes"
    __table_args__ = (Index("ix_booking_strikes_member_at", "member_id", "at"),)
    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"))
    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id"), unique=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    forgiven_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    forgiven_by: Mapped[str | None] = mapped_column(String(36))
    forgive_note: Mapped[str | None] = mapped_column(Text)
