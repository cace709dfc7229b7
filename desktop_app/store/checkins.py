"""Reading the facts a check-in decision needs, and entitlement rows as domain values.

Every query here is one indexed lookup by member, code or entitlement: the decision must
stay fast on a million members and millions of past check-ins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.checkin import BookedSession, Candidate, PastCheckin
from desktop_app.domain.entitlements import Entitlement, entitlement_of
from desktop_app.store.checkin_models import BookingRow, CheckinRow, CheckinVoid, ClassSession
from desktop_app.store.door import entitlements_of
from desktop_app.store.models import (
    EntitlementHold,
    EntitlementRow,
    Setting,
)

POLICIES_KEY = "checkin_policies"


def to_domain(row: EntitlementRow, holds: Sequence[EntitlementHold]) -> Entitlement:
    return entitlement_of(row, (h for h in holds if h.deleted_at is None))


def candidates_of(session: Session, member_id: str) -> list[Candidate]:
    """The member's own entitlements and the family pools that name them (the door's read)."""
    return [candidate for candidate, _scope in entitlements_of(session, member_id)]


def recent_checkins(session: Session, member_id: str, since: datetime) -> list[PastCheckin]:
    rows = session.execute(
        select(CheckinRow.at, CheckinRow.member_id, CheckinRow.entitlement_id, CheckinRow.granted,
               CheckinRow.units, CheckinVoid.checkin_id)
        .outerjoin(CheckinVoid, CheckinVoid.checkin_id == CheckinRow.id)
        .where(CheckinRow.member_id == member_id, CheckinRow.at >= since)
    )
    return [PastCheckin(at, mid or "", ent, granted, units, voided is not None)
            for at, mid, ent, granted, units, voided in rows]


def booked_sessions(session: Session, member_id: str, now: datetime) -> list[BookedSession]:
    """The member's confirmed bookings of classes starting around now."""
    window = timedelta(hours=2)
    rows = session.execute(
        select(BookingRow.id, ClassSession.starts_at)
        .join(ClassSession, ClassSession.id == BookingRow.session_id)
        .where(BookingRow.member_id == member_id, BookingRow.status == "confirmed",
               ClassSession.starts_at >= now - window, ClassSession.starts_at <= now + window)
    )
    return [BookedSession(bid, starts) for bid, starts in rows]


def stored_policies(session: Session) -> dict[str, Any]:
    row = session.get(Setting, POLICIES_KEY)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}
