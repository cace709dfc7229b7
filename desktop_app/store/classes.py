"""Class sessions and bookings as the booking rules see them, read inside the writing
transaction (so a seat count cannot change underneath a booking)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.orm import Session

from desktop_app.domain.bookings import (
    Booking,
    BookingStatus,
    ClassRules,
    MemberAgenda,
    Roster,
    SessionInfo,
    Strike,
)
from desktop_app.store.checkin_models import BookingRow, BookingStrike, ClassSession, ClassType
from desktop_app.store.models import EntitlementRow, Member

_entitlements = cast(Table, EntitlementRow.__table__)


@dataclass
class LoadedRoster:
    session_row: ClassSession
    class_type: ClassType
    roster: Roster
    rows: dict[str, BookingRow]


def rules_of(ct: ClassType) -> ClassRules:
    return ClassRules(booking_opens_days=ct.booking_opens_days,
                      late_cancel_hours=ct.late_cancel_hours,
                      checkin_closes_minutes=ct.checkin_closes_minutes)


def info_of(s: ClassSession) -> SessionInfo:
    return SessionInfo(s.id, s.class_type_id, s.starts_at, s.ends_at, s.capacity, s.cancelled)


def booking_of(b: BookingRow) -> Booking:
    return Booking(b.id, b.member_id, BookingStatus(b.status), b.queued,
                   b.credit_entitlement_id, b.promoted_in_window, b.provisional)


def load_roster(session: Session, session_id: str) -> LoadedRoster | None:
    found = session.execute(  # the session and its class type in one query
        select(ClassSession, ClassType)
        .join(ClassType, ClassType.id == ClassSession.class_type_id)
        .where(ClassSession.id == session_id)).first()
    if found is None or found[0].deleted_at is not None:
        return None
    s, ct = found
    rows = {b.id: b for b in session.scalars(
        select(BookingRow).where(BookingRow.session_id == session_id))}
    roster = Roster(info_of(s), tuple(booking_of(b) for b in rows.values()))
    return LoadedRoster(s, ct, roster, rows)


def member_agenda(session: Session, member_id: str, now: datetime) -> MemberAgenda:
    upcoming = [(info_of(s), BookingStatus(status)) for s, status in session.execute(
        select(ClassSession, BookingRow.status)
        .join(BookingRow, BookingRow.session_id == ClassSession.id)
        .where(BookingRow.member_id == member_id,
               BookingRow.status.in_(("confirmed", "waitlisted")),
               ClassSession.ends_at > now))]
    strikes = [Strike(s.id, s.at, s.forgiven_at is not None) for s in session.scalars(
        select(BookingStrike).where(BookingStrike.member_id == member_id))]
    return MemberAgenda(upcoming, strikes)


def waitlisted_elsewhere(session: Session, member_id: str,
                         exclude_session: str) -> list[BookingRow]:
    return list(session.scalars(select(BookingRow).where(
        BookingRow.member_id == member_id, BookingRow.status == "waitlisted",
        BookingRow.session_id != exclude_session)))


def sessions_between(session: Session, start: datetime, end: datetime
                     ) -> list[tuple[ClassSession, str, int, int]]:
    """Sessions starting in [start, end) with their class name, seats taken and waiting."""
    taken = (select(func.count()).where(BookingRow.session_id == ClassSession.id,
                                        BookingRow.status.in_(("confirmed", "attended")))
             .correlate(ClassSession).scalar_subquery())
    waiting = (select(func.count()).where(BookingRow.session_id == ClassSession.id,
                                          BookingRow.status == "waitlisted")
               .correlate(ClassSession).scalar_subquery())
    rows = session.execute(
        select(ClassSession, ClassType.name, taken, waiting)
        .join(ClassType, ClassType.id == ClassSession.class_type_id)
        .where(ClassSession.starts_at >= start, ClassSession.starts_at < end,
               ClassSession.deleted_at.is_(None))
        .order_by(ClassSession.starts_at))
    return [(s, name, int(t), int(w)) for s, name, t, w in rows]


def roster_lines(session: Session, session_id: str) -> list[tuple[BookingRow, str, str]]:
    rows = session.execute(
        select(BookingRow, Member.name, Member.number)
        .join(Member, Member.id == BookingRow.member_id)
        .where(BookingRow.session_id == session_id)
        .order_by(BookingRow.queued))
    return [(b, name, number) for b, name, number in rows]


def move_credit(session: Session, entitlement_id: str, credit: int,
                now: datetime) -> tuple[int, int | None] | None:
    """Give back (`credit` > 0) or take (< 0) class credits on an entitlement in one UPDATE,
    stamping it changed; its (units used, units total) after, or None when it is gone."""
    row = session.connection().execute(
        update(_entitlements)
        .where(_entitlements.c.id == entitlement_id)
        .values(units_used=_entitlements.c.units_used - credit,
                updated_at=now, version=func.coalesce(_entitlements.c.version, 0) + 1)
        .returning(_entitlements.c.units_used, _entitlements.c.units_total)).first()
    return None if row is None else (row[0], row[1])
