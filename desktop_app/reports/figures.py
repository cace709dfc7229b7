"""The additive figures, per business day. Each query joins a small VALUES table of windows
(one row per business day: its UTC start and end, computed in Python from the store's time
zone and cut-off, DST-safe) to the source table's time index: SQLite walks the windows and
range-scans a covering index for each, so nothing is computed per row and nothing is sorted.
Sums over days then give any period, its comparisons and the trend."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from sqlalchemy import (
    CTE,
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    case,
    column,
    func,
    literal_column,
    not_,
    select,
    values,
)

from desktop_app.reports.model import Figures, Period
from desktop_app.reports.rollups import checkins_by_day, hour_map, money_by_day, tenders_by_day
from desktop_app.reports.scope import Scope
from desktop_app.store.checkin_models import (
    BookingRow,
    CheckinRow,
    CheckinVoid,
    ClassSession,
    ClassType,
)
from desktop_app.store.checkout_models import (
    PointsEntry,
    RefundRow,
    RefundTenderRow,
    SaleRow,
    SaleTenderRow,
    StoredValueMove,
)
from desktop_app.store.models import Member
from desktop_app.store.types import UTCDateTime

sales = SaleRow.__table__
tenders = SaleTenderRow.__table__
refunds = RefundRow.__table__
refund_tenders = RefundTenderRow.__table__
ledger = PointsEntry.__table__
sv_moves = StoredValueMove.__table__
members = Member.__table__
checkins = CheckinRow.__table__
voids = CheckinVoid.__table__
class_sessions = ClassSession.__table__
class_types = ClassType.__table__
bookings = BookingRow.__table__

HELD = ("confirmed", "attended", "no_show")  # bookings that took a seat
_UTC_TEXT = UTCDateTime()


def stored(instant: datetime) -> str:
    """An instant as the database stores it (fixed-width ISO text, so text order = time)."""
    return str(_UTC_TEXT.process_bind_param(instant, None))  # type: ignore[arg-type]


def windows(spans: Iterable[tuple[str, datetime, datetime]]) -> CTE:
    """A table (key, start, end) of UTC windows: WITH w(k, s, e) AS (VALUES ...)."""
    return values(column("k", String), column("s", String), column("e", String),
                  name="w").data([(key, stored(s), stored(e)) for key, s, e in spans]).cte("w")


def day_windows(scope: Scope, days: Iterable[date]) -> CTE:
    return windows((d.isoformat(), *scope.bounds(Period.day(d))) for d in days)


def _in(w: CTE, at: ColumnElement[datetime]) -> ColumnElement[bool]:
    return and_(at >= w.c.s, at < w.c.e)


def not_voided() -> ColumnElement[bool]:
    """Leaves out voided check-ins by rowid, which every index of `checkins` carries, so the
    covering index never has to reach the table rows (voids are few: the set of their rowids
    is built once per query)."""
    voided = checkins.alias("voided")
    rowids = select(literal_column("voided.rowid", Integer)).select_from(voided).where(
        voided.c.id.in_(select(voids.c.checkin_id)))
    return literal_column("checkins.rowid").not_in(rowids)


class _Days:
    """Per-day sums being gathered."""

    def __init__(self) -> None:
        self.values: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        self.tenders: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def fold(self, rows: Iterable[Sequence[object]], names: tuple[str, ...]) -> None:
        for key, *sums in rows:
            day = self.values[date.fromisoformat(str(key))]
            for name, value in zip(names, sums, strict=True):
                day[name] += int(value or 0)  # type: ignore[call-overload]

    def add(self, per_day: dict[date, dict[str, int]]) -> None:
        for day, sums in per_day.items():
            for name, value in sums.items():
                self.values[day][name] += value

    def add_tenders(self, per_day: dict[date, dict[str, int]]) -> None:
        for day, kinds in per_day.items():
            for kind, amount in kinds.items():
                self.tenders[day][kind] += amount

    def fold_tenders(self, rows: Iterable[Sequence[object]], sign: int) -> None:
        for key, kind, amount in rows:
            self.tenders[date.fromisoformat(str(key))][str(kind)] += sign * int(amount or 0)  # type: ignore[call-overload]


def daily_figures(conn: Connection, scope: Scope, days: Iterable[date],
                  tender_days: Iterable[date] = ()) -> dict[date, Figures]:
    """Figures (all but unique members) of each business day in `days` (in any order, with
    gaps), with revenue per tender for `tender_days`. Money, tenders and check-ins of
    hour-aligned days come from the per-hour rollups; other days, new members and classes
    from the source rows."""
    wanted_days = sorted(set(days))
    hours = hour_map(scope, wanted_days) if scope.rollups else {}
    rolled = set(hours.values())
    direct = [d for d in wanted_days if d not in rolled]
    got = _Days()
    if scope.money_here:
        if direct:
            _money(conn, day_windows(scope, direct), got)
        got.add(money_by_day(conn, hours))
        wanted = set(tender_days)
        if direct_tenders := sorted(wanted.difference(rolled)):
            _tenders(conn, day_windows(scope, direct_tenders), got)
        got.add_tenders(tenders_by_day(conn, {h: d for h, d in hours.items() if d in wanted}))
    if wanted_days:
        w = day_windows(scope, wanted_days)
        _members(conn, scope, w, got)
        _classes(conn, scope, w, got)
    if direct:
        _checkins(conn, scope, day_windows(scope, direct), got)
    got.add(checkins_by_day(conn, scope, hours))
    return _figures(got, wanted_days)


SALES_FIGURES = ("sales", "gross", "discounts", "sales_total", "refunds", "refund_amount")


def trend_figures(conn: Connection, scope: Scope, days: Iterable[date]) -> dict[date, Figures]:
    """Only what the trend draws (revenue, sales, check-ins) of each day in `days`."""
    wanted_days = sorted(set(days))
    hours = hour_map(scope, wanted_days) if scope.rollups else {}
    rolled = set(hours.values())
    direct = [d for d in wanted_days if d not in rolled]
    got = _Days()
    if direct:
        w = day_windows(scope, direct)
        if scope.money_here:
            _sales(conn, w, got)
        _checkins(conn, scope, w, got)
    if scope.money_here:
        got.add(money_by_day(conn, hours, SALES_FIGURES))
    got.add(checkins_by_day(conn, scope, hours))
    return _figures(got, wanted_days)


def _figures(got: _Days, days: list[date]) -> dict[date, Figures]:
    out: dict[date, Figures] = {}
    for day in days:
        kinds = got.tenders.get(day, {})
        out[day] = Figures(**got.values.get(day, {}),
                           tenders=tuple(sorted((k, v) for k, v in kinds.items() if v)))
    return out


def _grouped(w: CTE, *columns: object) -> Select[tuple[object, ...]]:
    return select(w.c.k, *columns).select_from(w)


def _sales(conn: Connection, w: CTE, got: _Days) -> None:
    at = sales.c.finalized_at
    got.fold(conn.execute(_grouped(
        w, func.count(), func.sum(sales.c.gross),
        func.sum(sales.c.manual_discount + sales.c.member_discount), func.sum(sales.c.total),
    ).join(sales, _in(w, at)).group_by(w.c.k)), ("sales", "gross", "discounts", "sales_total"))
    got.fold(conn.execute(_grouped(w, func.count(), func.sum(refunds.c.amount))
                          .join(refunds, _in(w, refunds.c.refunded_at)).group_by(w.c.k)),
             ("refunds", "refund_amount"))


def _money(conn: Connection, w: CTE, got: _Days) -> None:
    _sales(conn, w, got)
    k, d = ledger.c.kind, ledger.c.delta
    got.fold(conn.execute(_grouped(
        w,
        func.sum(case((k.in_(("earn", "reverse")), d), else_=0)),
        func.sum(case((k == "redeem", -d), else_=0)),
        func.sum(case((k == "expire", -d), else_=0)),
        func.sum(case((k == "adjust", d), else_=0)),
    ).join(ledger, _in(w, ledger.c.at)).group_by(w.c.k)),
        ("points_earned", "points_redeemed", "points_expired", "points_adjusted"))
    mk, value = sv_moves.c.kind, sv_moves.c.principal + sv_moves.c.bonus
    got.fold(conn.execute(_grouped(
        w,
        func.sum(case((mk == "topup", value), else_=0)),
        func.sum(case((mk == "topup", sv_moves.c.paid), else_=0)),
        func.sum(case((mk.in_(("spend", "refund")), -value), else_=0)),
    ).join(sv_moves, _in(w, sv_moves.c.at)).group_by(w.c.k)),
        ("sv_topped_up", "sv_topup_paid", "sv_spent"))


def _tenders(conn: Connection, w: CTE, got: _Days) -> None:
    got.fold_tenders(conn.execute(
        _grouped(w, tenders.c.kind, func.sum(tenders.c.net))
        .join(sales, _in(w, sales.c.finalized_at))
        .join(tenders, tenders.c.sale_id == sales.c.id)
        .group_by(w.c.k, tenders.c.kind)), 1)
    got.fold_tenders(conn.execute(
        _grouped(w, refund_tenders.c.kind, func.sum(refund_tenders.c.amount))
        .join(refunds, _in(w, refunds.c.refunded_at))
        .join(refund_tenders, refund_tenders.c.refund_id == refunds.c.id)
        .group_by(w.c.k, refund_tenders.c.kind)), -1)


def _members(conn: Connection, scope: Scope, w: CTE, got: _Days) -> None:
    got.fold(conn.execute(_grouped(w, func.count())
                          .join(members, _in(w, members.c.created_at))
                          .where(members.c.merged_into_id.is_(None),
                                 scope.owned(members.c.home_store_id))
                          .group_by(w.c.k)), ("new_members",))


def _checkins(conn: Connection, scope: Scope, w: CTE, got: _Days) -> None:
    got.fold(conn.execute(_grouped(
        w,
        func.sum(case((checkins.c.granted, 1), else_=0)),
        func.sum(case((checkins.c.granted, 0), else_=1)),
    ).join(checkins, _in(w, checkins.c.at))
        .where(scope.owned(checkins.c.store_id), not_voided()).group_by(w.c.k)),
        ("checkins", "denied"))


def _classes(conn: Connection, scope: Scope, w: CTE, got: _Days) -> None:
    def count(*where: ColumnElement[bool]) -> object:
        return (select(func.count()).where(bookings.c.session_id == class_sessions.c.id, *where)
                .scalar_subquery())

    got.fold(conn.execute(_grouped(
        w, func.count(), func.sum(class_sessions.c.capacity),
        func.sum(count(bookings.c.status.in_(HELD))),
        func.sum(count(bookings.c.status == "attended")),
        func.sum(count(bookings.c.status == "no_show")),
    ).join(class_sessions, _in(w, class_sessions.c.starts_at))
        .join(class_types, class_types.c.id == class_sessions.c.class_type_id)
        .where(not_(class_sessions.c.cancelled), class_sessions.c.deleted_at.is_(None),
               scope.owned(class_types.c.store_id)).group_by(w.c.k)),
        ("sessions", "seats", "booked", "attended", "no_shows"))
