"""Who needs a call: entitlements that end within 7 and 30 days, and members who stopped
coming (last seen 14-29 and 30-59 days before the end of the period), with their consent
flags so staff know whether they may text or mail them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, func, select

from desktop_app.reports.figures import checkins, members, not_voided
from desktop_app.reports.model import AbsentLine, ExpiringLine, Period, Watchlists
from desktop_app.reports.scope import Scope
from desktop_app.reports.summary import scope_of
from desktop_app.store.models import EntitlementRow

entitlements = EntitlementRow.__table__
LIMIT = 200


def watchlists(conn: Connection, period: Period, store_id: str | None = None,
               limit: int = LIMIT) -> Watchlists:
    scope = scope_of(conn, store_id)
    _, end = scope.bounds(period)
    exp7, exp30, expiring = _expiring(conn, scope, end, limit)
    absent14, lines14 = _absent(conn, scope, end, 14, 30, limit)
    absent30, lines30 = _absent(conn, scope, end, 30, 60, limit)
    return Watchlists(exp7, exp30, expiring, absent14, absent30,
                      tuple((lines14 + lines30)[:limit]))


def _expiring(conn: Connection, scope: Scope, end: datetime, limit: int
              ) -> tuple[int, int, tuple[ExpiringLine, ...]]:
    until = entitlements.c.valid_until
    base = (select(func.count()).select_from(entitlements.join(
        members, members.c.id == entitlements.c.member_id))
        .where(entitlements.c.deleted_at.is_(None), entitlements.c.blocked.is_(False),
               members.c.status == "active", scope.owned(members.c.home_store_id)))
    week = end + timedelta(days=7)
    month = end + timedelta(days=30)
    n7 = conn.execute(base.where(until >= end, until < week)).scalar() or 0
    n30 = conn.execute(base.where(until >= end, until < month)).scalar() or 0
    rows = conn.execute(
        select(entitlements.c.id, members.c.id, members.c.number, members.c.name,
               entitlements.c.name, until)
        .select_from(entitlements.join(members, members.c.id == entitlements.c.member_id))
        .where(entitlements.c.deleted_at.is_(None), entitlements.c.blocked.is_(False),
               members.c.status == "active", scope.owned(members.c.home_store_id),
               until >= end, until < month)
        .order_by(until, members.c.number).limit(limit))
    return int(n7), int(n30), tuple(ExpiringLine(*row) for row in rows)


def _absent(conn: Connection, scope: Scope, end: datetime, since_days: int, window_days: int,
            limit: int) -> tuple[int, list[AbsentLine]]:
    """Members whose last visit falls [window_days, since_days) days before `end`: seen in the
    window, not since. Members with no visit in the window at all are not listed (they
    lapsed long ago, or never came)."""
    cut = end - timedelta(days=since_days)
    start = end - timedelta(days=window_days)
    at = checkins.c.at
    came = (checkins.c.granted, checkins.c.member_id.is_not(None),
            scope.owned(checkins.c.store_id), not_voided())
    recent = select(checkins.c.member_id).where(at >= cut, at < end, *came)
    lapsed = (select(checkins.c.member_id.label("member_id"), func.max(at).label("last_seen"))
              .where(at >= start, at < cut, *came,
                     checkins.c.member_id.not_in(recent))
              .group_by(checkins.c.member_id).subquery())
    who = (lapsed.join(members, members.c.id == lapsed.c.member_id))
    active = (members.c.status == "active", members.c.merged_into_id.is_(None))
    # One pass: the window count is taken over every lapsed member before the LIMIT.
    rows = conn.execute(
        select(members.c.id, members.c.number, members.c.name, members.c.phone,
               lapsed.c.last_seen, members.c.consent_sms, members.c.consent_email,
               func.count().over())
        .select_from(who).where(*active)
        .order_by(lapsed.c.last_seen.desc(), members.c.number).limit(limit)).all()
    count = int(rows[0][-1]) if rows else 0
    return count, [
        AbsentLine(mid, number, name, phone, _utc(last), bool(sms), bool(email))
        for mid, number, name, phone, last, sms, email, _ in rows]


def _utc(value: datetime | str) -> datetime:
    """max() over a text column may come back as its stored text."""
    if isinstance(value, str):
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return value
