"""The daily summary of a business day or a range, with its comparisons, and the 14-day trend
(DOMAIN.md, Daily summary). Everything is read from the local database in one snapshot."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import reduce
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, case, func, select

from desktop_app.reports import rollups
from desktop_app.reports.figures import (
    HELD,
    bookings,
    checkins,
    class_sessions,
    class_types,
    daily_figures,
    not_voided,
    trend_figures,
    windows,
)
from desktop_app.reports.model import (
    ClassLine,
    Figures,
    Freshness,
    Period,
    StaffLine,
    Summary,
    TrendPoint,
)
from desktop_app.reports.scope import Scope
from desktop_app.store.models import AuditEntry, OutboxOp, Setting, SyncState

TREND_DAYS = 14
audit = AuditEntry.__table__
outbox = OutboxOp.__table__
sync_state = SyncState.__table__
settings = Setting.__table__

# Audit actions counted per staff member, by column of the staff table.
STAFF_ACTIONS = {
    "checkin.override": "overrides",
    "sale.discount_over_limit": "overrides",
    "checkin.void": "voids",
    "sale.refund": "refunds",
    "storedvalue.refund": "refunds",
    "points.adjust": "adjustments",
}


def scope_of(conn: Connection, store_id: str | None, rollups: bool = True) -> Scope:
    """The store's time zone and cut-off (settings, defaults Asia/Shanghai and 04:00) and the
    store this desk is enrolled in."""
    stored = dict(conn.execute(select(settings.c.key, settings.c.value).where(
        settings.c.key.in_(("timezone", "day_cutoff")))).all())
    desk_store = conn.execute(select(sync_state.c.value).where(
        sync_state.c.key == "sync.store_id")).scalar()
    return Scope(
        tz=ZoneInfo(str(stored.get("timezone") or "Asia/Shanghai")),
        cutoff=time.fromisoformat(str(stored.get("day_cutoff") or "04:00")),
        store_id=store_id,
        desk_store_id=desk_store or None,
        rollups=rollups,
    )


def unique_members(conn: Connection, scope: Scope, period: Period) -> int:
    """Members let in at least once in the period (a member who came twice counts once):
    from the visit chains when the period is hour-aligned, else from the check-ins."""
    if scope.rollups:
        counted = rollups.unique_members(conn, scope, period)
        if counted is not None:
            return counted
    return unique_members_direct(conn, scope, period)


def unique_members_direct(conn: Connection, scope: Scope, period: Period) -> int:
    """Unique members from the check-in rows. The ids come back as one joined string and are
    counted in a Python set: over a month of a busy gym that is several times faster than
    SQLite's COUNT(DISTINCT) on 36-char text."""
    start, end = scope.bounds(period)
    at = checkins.c.at
    joined = conn.execute(select(func.group_concat(checkins.c.member_id, ",")).where(
        at >= start, at < end, checkins.c.granted, checkins.c.member_id.is_not(None),
        scope.owned(checkins.c.store_id), not_voided())).scalar()
    return len(set(joined.split(","))) if joined else 0


def checkins_by_hour(conn: Connection, scope: Scope, period: Period) -> tuple[int, ...]:
    """Granted check-ins per local hour of the day, over the period. Days of 24 hour-aligned
    hours with one UTC offset come from the hourly rollup (one query for all of them), each
    UTC hour counted under its local hour; the others as below."""
    hours = [0] * 24
    keyed = {day: rollups.local_hour_keys(scope, day) for day in period.each_day()
             } if scope.rollups else {}
    local: dict[int, int] = {}
    for got in keyed.values():
        if got is not None:
            local.update(got[2])
    if local:
        for h, granted, _ in rollups.checkins_by_hour_rows(conn, scope, min(local),
                                                          max(local) + 1):
            if h in local:
                hours[local[h]] += granted
    direct = [day for day in period.each_day() if keyed.get(day) is None]
    _direct_by_hour(conn, scope, direct, hours)
    return tuple(hours)


def _direct_by_hour(conn: Connection, scope: Scope, days: list[date], hours: list[int]
                    ) -> None:
    """One window per local wall-clock hour from the cut-off (so DST days have 23 or 25),
    one query per day (with a few dozen windows SQLite walks them and range-scans the
    index; with hundreds it may choose to scan the table instead)."""
    for day in days:
        start = datetime.combine(day, scope.cutoff, tzinfo=scope.tz)
        _, end = scope.bounds(Period.day(day))
        spans = []
        for h in range(25):
            a, b = start + timedelta(hours=h), start + timedelta(hours=h + 1)
            if a.astimezone(UTC) >= end:
                break
            spans.append((str(a.hour), a.astimezone(UTC), min(b.astimezone(UTC), end)))
        w = windows(spans)
        for key, n in conn.execute(
                select(w.c.k, func.count()).select_from(w)
                .join(checkins, and_(checkins.c.at >= w.c.s, checkins.c.at < w.c.e))
                .where(checkins.c.granted, scope.owned(checkins.c.store_id), not_voided())
                .group_by(w.c.k)):
            hours[int(key)] += int(n)


def class_lines(conn: Connection, scope: Scope, period: Period) -> tuple[ClassLine, ...]:
    start, end = scope.bounds(period)
    status = bookings.c.status
    rows = conn.execute(
        select(class_sessions.c.id, class_types.c.name, class_sessions.c.starts_at,
               class_sessions.c.capacity,
               func.sum(case((status.in_(HELD), 1), else_=0)),
               func.sum(case((status == "attended", 1), else_=0)),
               func.sum(case((status == "no_show", 1), else_=0)),
               class_sessions.c.cancelled)
        .select_from(class_sessions.join(
            class_types, class_types.c.id == class_sessions.c.class_type_id).outerjoin(
            bookings, bookings.c.session_id == class_sessions.c.id))
        .where(class_sessions.c.starts_at >= start, class_sessions.c.starts_at < end,
               class_sessions.c.deleted_at.is_(None), scope.owned(class_types.c.store_id))
        .group_by(class_sessions.c.id).order_by(class_sessions.c.starts_at))
    return tuple(ClassLine(sid, name, starts, cap, int(b or 0), int(a or 0), int(n or 0),
                           bool(cancelled))
                 for sid, name, starts, cap, b, a, n, cancelled in rows)


def staff_lines(conn: Connection, scope: Scope, period: Period) -> tuple[StaffLine, ...]:
    """Who overrode, voided, refunded or adjusted, from the hash-chained audit log. An action
    approved by a manager's PIN counts for the staff member who did it (the approver is in the
    log)."""
    if not scope.money_here:  # the audit log is this desk's own
        return ()
    start, end = scope.bounds(period)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, action, n in conn.execute(
            select(audit.c.actor_name, audit.c.action, func.count())
            .where(audit.c.at >= start, audit.c.at < end,
                   audit.c.action.in_(tuple(STAFF_ACTIONS)))
            .group_by(audit.c.actor_name, audit.c.action)):
        counts[name or "?"][STAFF_ACTIONS[action]] += int(n)
    return tuple(StaffLine(name, **dict(by)) for name, by in sorted(counts.items()))


def freshness(conn: Connection) -> Freshness:
    state = dict(conn.execute(select(sync_state.c.key, sync_state.c.value).where(
        sync_state.c.key.in_(("sync.last_success", "sync.device_id", "sync.token")))).all())
    pending = conn.execute(select(func.count()).select_from(outbox).where(
        outbox.c.state == "pending")).scalar()
    last = state.get("sync.last_success")
    return Freshness(
        enrolled=bool(state.get("sync.token")),
        last_sync=datetime.fromisoformat(last) if last else None,
        pending_changes=int(pending or 0),
    )


def _total(days: dict[date, Figures], period: Period, unique: int) -> Figures:
    summed = reduce(Figures.plus, (days[d] for d in period.each_day()), Figures())
    return replace(summed, unique_members=unique)


def summarise(conn: Connection, period: Period, store_id: str | None = None,
              now: datetime | None = None, rollups: bool = True) -> Summary:
    """The period's figures beside the previous period and the same days last week, with the
    14-day trend: one pass of per-day figures over all the days any of them needs.
    `rollups=False` reads every figure from the source rows (the tests compare the two)."""
    scope = scope_of(conn, store_id, rollups)
    previous, last_week = period.previous(), period.last_week()
    trend_days = _trend_period(period.last, TREND_DAYS)
    compared = period.each_day() + previous.each_day() + last_week.each_day()
    # Revenue by tender and unique members are compared for ranges too: from the rollups a
    # month beside two more months is a few thousand rollup rows.
    days = daily_figures(conn, scope, compared, compared)
    # The trend's other days need only revenue, sales and check-ins.
    days.update(trend_figures(conn, scope, [d for d in trend_days.each_day() if d not in days]))

    return Summary(
        period=period,
        store_id=store_id,
        timezone=scope.tz.key,
        current=_total(days, period, unique_members(conn, scope, period)),
        previous=_total(days, previous, unique_members(conn, scope, previous)),
        last_week=_total(days, last_week, unique_members(conn, scope, last_week)),
        checkins_by_hour=checkins_by_hour(conn, scope, period),
        classes=class_lines(conn, scope, period),
        staff=staff_lines(conn, scope, period),
        freshness=freshness(conn),
        money_here=scope.money_here,
        computed_at=now,
        trend=_trend(days, trend_days),
    )


def _trend_period(last_day: date, days: int) -> Period:
    return Period(last_day - timedelta(days=days - 1), last_day)


def _trend(per_day: dict[date, Figures], period: Period) -> tuple[TrendPoint, ...]:
    return tuple(TrendPoint(d, per_day[d].revenue, per_day[d].sales, per_day[d].checkins)
                 for d in period.each_day())


def trend(conn: Connection, last_day: date, store_id: str | None = None,
          days: int = TREND_DAYS) -> tuple[TrendPoint, ...]:
    """One point per business day for the `days` days ending with `last_day`."""
    scope = scope_of(conn, store_id)
    period = _trend_period(last_day, days)
    return _trend(trend_figures(conn, scope, period.each_day()), period)
