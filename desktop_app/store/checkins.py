"""Reading the facts a check-in decision needs, and entitlement rows as domain values.

Every query here is one indexed lookup by member, code or entitlement: the decision must
stay fast on a million members and millions of past check-ins.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.checkin import BookedSession, Candidate, PastCheckin
from desktop_app.domain.entitlements import Entitlement, EntitlementKind, Hold
from desktop_app.domain.settings import StoreSettings
from desktop_app.store.checkin_models import BookingRow, CheckinRow, CheckinVoid, ClassSession
from desktop_app.store.models import (
    EntitlementHold,
    EntitlementRow,
    EntitlementSharer,
    Setting,
)

POLICIES_KEY = "checkin_policies"


def _hhmm(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def to_domain(row: EntitlementRow, holds: Sequence[EntitlementHold]) -> Entitlement:
    return Entitlement(
        id=row.id,
        member_id=row.member_id,
        kind=EntitlementKind(row.kind),
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        units_total=row.units_total,
        units_used=row.units_used,
        access_start=_hhmm(row.access_start),
        access_end=_hhmm(row.access_end),
        holds=tuple(Hold(h.starts_at, h.ends_at, h.ended_at) for h in holds
                    if h.deleted_at is None),
        blocked=row.blocked,
    )


def candidates_of(session: Session, member_id: str) -> list[Candidate]:
    """The member's own entitlements and the family pools that name them."""
    shared_ids = list(session.scalars(
        select(EntitlementSharer.entitlement_id).where(EntitlementSharer.member_id == member_id)))
    rows = list(session.scalars(select(EntitlementRow).where(
        EntitlementRow.member_id == member_id, EntitlementRow.deleted_at.is_(None))))
    if shared_ids:
        rows += list(session.scalars(select(EntitlementRow).where(
            EntitlementRow.id.in_(shared_ids), EntitlementRow.deleted_at.is_(None))))
    if not rows:
        return []
    ids = [r.id for r in rows]
    holds: dict[str, list[EntitlementHold]] = {}
    for h in session.scalars(select(EntitlementHold).where(
            EntitlementHold.entitlement_id.in_(ids))):
        holds.setdefault(h.entitlement_id, []).append(h)
    sharers: dict[str, set[str]] = {}
    for ent_id, mid in session.execute(select(
            EntitlementSharer.entitlement_id, EntitlementSharer.member_id).where(
            EntitlementSharer.entitlement_id.in_(ids))):
        sharers.setdefault(ent_id, set()).add(mid)
    out = []
    for r in rows:
        scope: dict[str, Any] = r.scope or {}
        stores = scope.get("stores")
        out.append(Candidate(to_domain(r, holds.get(r.id, [])), r.price_minor,
                             frozenset(stores) if stores else None,
                             frozenset(sharers.get(r.id, set()))))
    return out


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


def store_settings(session: Session) -> StoreSettings:
    """The store's settings as the writing transaction sees them (no second connection)."""
    settings = StoreSettings()
    for row in session.scalars(select(Setting)):
        if row.key in StoreSettings.field_names():
            settings = settings.with_value(row.key, row.value)
    return settings
