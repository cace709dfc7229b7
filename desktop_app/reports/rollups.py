"""Reading the per-hour rollups (desktop_app/store/report_rollups.py, kept by the triggers of
migration 0800_report_rollups). A business day whose UTC bounds fall on whole hours is the
sum of its UTC hours, so money, tenders and check-ins of any such days are read from a few
rows per hour whatever the traffic; unique members come from the visit chains. Days whose
bounds are not on the hour (a half-hour zone with a whole-hour cut-off, a cut-off like
04:30 in a whole-hour zone) are left to the direct queries (figures.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    CTE,
    ColumnElement,
    Connection,
    Integer,
    String,
    and_,
    column,
    func,
    or_,
    select,
    true,
    values,
)

from desktop_app.reports.model import Period
from desktop_app.reports.scope import Scope
from desktop_app.store.report_rollups import (
    ReportCheckinHour,
    ReportMoneyHour,
    ReportTenderHour,
    ReportVisit,
)

money = ReportMoneyHour.__table__
tender_hours = ReportTenderHour.__table__
checkin_hours = ReportCheckinHour.__table__
visits = ReportVisit.__table__

MONEY = ("sales", "gross", "discounts", "sales_total", "refunds", "refund_amount",
         "points_earned", "points_redeemed", "points_expired", "points_adjusted",
         "sv_topped_up", "sv_topup_paid", "sv_spent")  # fmt: skip
ALL_STORES = "*"  # the visit chain of every store
NO_STORE = ""  # the store key of check-ins with no store


def hour_of(instant: datetime) -> int | None:
    """The UTC hour number of an instant on a whole hour, else None."""
    seconds = instant.timestamp()
    return int(seconds) // 3600 if seconds % 3600 == 0 else None


def day_hours(scope: Scope, day: date) -> tuple[int, int] | None:
    """[first, end) UTC hours of a business day, or None when it does not start and end on
    a whole UTC hour (the rollups cannot add up to it)."""
    start, end = scope.bounds(Period.day(day))
    a, b = hour_of(start), hour_of(end)
    return (a, b) if a is not None and b is not None else None


def hour_map(scope: Scope, days: Iterable[date]) -> dict[int, date]:
    """UTC hour -> business day, for the days in `days` that are hour-aligned."""
    out: dict[int, date] = {}
    for day in days:
        span = day_hours(scope, day)
        if span is not None:
            out.update(dict.fromkeys(range(*span), day))
    return out


def checkin_keys(scope: Scope) -> ColumnElement[bool]:
    """Check-in rollup rows of the selected store (no store: this desk's store)."""
    key = checkin_hours.c.store_key
    if scope.store_id is None:
        return true()
    if scope.desk_store_id in (None, scope.store_id):
        return or_(key == scope.store_id, key == NO_STORE)
    return and_(key == scope.store_id)


def _windows(hours: dict[int, date]) -> CTE:
    """A VALUES table (k, s, e): each day's ISO date and its [first, end) UTC hours."""
    spans: dict[date, list[int]] = {}
    for h, day in hours.items():
        spans.setdefault(day, []).append(h)
    return values(column("k", String), column("s", Integer), column("e", Integer),
                  name="hw").data([(d.isoformat(), min(hs), max(hs) + 1)
                                   for d, hs in sorted(spans.items())]).cte("hw")


def _per_day(rows: Iterable[Sequence[Any]], names: Sequence[str]
             ) -> dict[date, dict[str, int]]:
    return {date.fromisoformat(str(k)): {n: int(v or 0) for n, v in zip(names, sums, strict=True)}
            for k, *sums in rows}


def money_by_day(conn: Connection, hours: dict[int, date],
                 names: Sequence[str] = MONEY) -> dict[date, dict[str, int]]:
    """The money figures `names` of each day, summed over its hours by SQLite."""
    if not hours:
        return {}
    w = _windows(hours)
    return _per_day(conn.execute(
        select(w.c.k, *[func.sum(money.c[n]) for n in names]).select_from(w)
        .join(money, and_(money.c.hour >= w.c.s, money.c.hour < w.c.e)).group_by(w.c.k)),
        names)


def tenders_by_day(conn: Connection, hours: dict[int, date]) -> dict[date, dict[str, int]]:
    out: dict[date, dict[str, int]] = {}
    if not hours:
        return out
    w, t = _windows(hours), tender_hours.c
    for k, kind, net in conn.execute(
            select(w.c.k, t.kind, func.sum(t.net)).select_from(w)
            .join(tender_hours, and_(t.hour >= w.c.s, t.hour < w.c.e))
            .group_by(w.c.k, t.kind)):
        out.setdefault(date.fromisoformat(str(k)), {})[str(kind)] = int(net or 0)
    return out


def checkins_by_hour_rows(conn: Connection, scope: Scope, lo: int, hi: int
                          ) -> list[tuple[int, int, int]]:
    """(UTC hour, granted, denied) of the selected store for the hours lo .. hi-1."""
    c = checkin_hours.c
    return [(int(h), int(g or 0), int(d or 0)) for h, g, d in conn.execute(
        select(c.hour, func.sum(c.checkins), func.sum(c.denied))
        .where(c.hour >= lo, c.hour < hi, checkin_keys(scope)).group_by(c.hour))]


def checkins_by_day(conn: Connection, scope: Scope, hours: dict[int, date]
                    ) -> dict[date, dict[str, int]]:
    if not hours:
        return {}
    w, c = _windows(hours), checkin_hours.c
    return _per_day(conn.execute(
        select(w.c.k, func.sum(c.checkins), func.sum(c.denied)).select_from(w)
        .join(checkin_hours, and_(c.hour >= w.c.s, c.hour < w.c.e))
        .where(checkin_keys(scope)).group_by(w.c.k)), ("checkins", "denied"))


def local_hour_keys(scope: Scope, day: date) -> tuple[int, int, dict[int, int]] | None:
    """For a business day of 24 hours, hour-aligned and with one UTC offset throughout:
    its UTC hours and the local wall-clock hour each one is counted under (as the direct
    query's windows do); None for any other day (DST changes, half-hour bounds)."""
    span = day_hours(scope, day)
    if span is None or span[1] - span[0] != 24:
        return None
    start, end = scope.bounds(Period.day(day))
    if start.astimezone(scope.tz).utcoffset() != end.astimezone(scope.tz).utcoffset():
        return None
    keys = {h: datetime.fromtimestamp(h * 3600, UTC).astimezone(scope.tz).hour
            for h in range(*span)}
    return span[0], span[1], keys


def unique_members(conn: Connection, scope: Scope, period: Period) -> int | None:
    """Members let in at least once in the period, from the visit chains: a member counts
    once, on its first visit hour in the period, the one whose previous visit is before the
    period (or that has none). None when the period is not hour-aligned, or when the desk's
    store has check-ins both with and without a store in it (two chains cannot be merged)."""
    first, _ = scope.bounds(Period.day(period.first))
    _, last = scope.bounds(Period.day(period.last))
    a, b = hour_of(first), hour_of(last)
    if a is None or b is None:
        return None
    v = visits.c

    def count(key: str) -> int:
        return int(conn.execute(select(func.count()).select_from(visits).where(
            v.store_key == key, v.hour >= a, v.hour < b,
            or_(v.prev.is_(None), v.prev < a))).scalar() or 0)

    def any_in(key: str) -> bool:
        return conn.execute(select(v.hour).where(
            v.store_key == key, v.hour >= a, v.hour < b).limit(1)).first() is not None

    if scope.store_id is None:
        return count(ALL_STORES)
    if scope.desk_store_id in (None, scope.store_id) and any_in(NO_STORE):
        if any_in(scope.store_id):
            return None
        return count(NO_STORE)
    return count(scope.store_id)
