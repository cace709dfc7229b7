"""The additive figures, per business day, in one grouped query per source table: rows are
grouped by the UTC hour (or minute) of their timestamp, and each group is folded into its
business day here. Sums over days then give any period, its comparisons and the trend."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    and_,
    case,
    func,
    literal_column,
    not_,
    select,
)

from desktop_app.reports.model import Figures, Period
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

Day = dict[str, int]


def daily_figures(conn: Connection, scope: Scope, period: Period) -> dict[date, Figures]:
    """Figures (all but unique members) of every business day of `period`."""
    start, end = scope.bounds(period)
    chars = scope.bucket_chars(period)
    days: dict[date, Day] = defaultdict(lambda: defaultdict(int))
    tender_sums: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))

    def fold(rows: object, names: tuple[str, ...]) -> None:
        for key, *values in rows:  # type: ignore[attr-defined]
            day = days[scope.day_of(key)]
            for name, value in zip(names, values, strict=True):
                day[name] += int(value or 0)

    if scope.money_here:
        _money(conn, scope, start, end, chars, fold, tender_sums)
    _members(conn, scope, start, end, chars, fold)
    _checkins(conn, scope, start, end, chars, fold)
    _classes(conn, scope, start, end, chars, fold)

    out: dict[date, Figures] = {}
    for day in period.each_day():
        values = days.get(day, {})
        kinds = tender_sums.get(day, {})
        out[day] = Figures(**values, tenders=tuple(sorted((k, v) for k, v in kinds.items() if v)))
    return out


def _money(conn, scope, start, end, chars, fold, tender_sums) -> None:
    at = sales.c.finalized_at
    b = scope.bucket(at, chars)
    in_window = and_(at >= start, at < end)
    fold(conn.execute(select(
        b, func.count(), func.sum(sales.c.gross),
        func.sum(sales.c.manual_discount + sales.c.member_discount), func.sum(sales.c.total),
    ).where(in_window).group_by(b)), ("sales", "gross", "discounts", "sales_total"))

    for key, kind, net in conn.execute(
        select(b, tenders.c.kind, func.sum(tenders.c.net))
        .select_from(sales.join(tenders, tenders.c.sale_id == sales.c.id))
        .where(in_window).group_by(b, tenders.c.kind)
    ):
        tender_sums[scope.day_of(key)][kind] += int(net or 0)

    rat = refunds.c.refunded_at
    rb = scope.bucket(rat, chars)
    r_window = and_(rat >= start, rat < end)
    fold(conn.execute(select(rb, func.count(), func.sum(refunds.c.amount))
                      .where(r_window).group_by(rb)), ("refunds", "refund_amount"))
    for key, kind, amount in conn.execute(
        select(rb, refund_tenders.c.kind, func.sum(refund_tenders.c.amount))
        .select_from(refunds.join(refund_tenders, refund_tenders.c.refund_id == refunds.c.id))
        .where(r_window).group_by(rb, refund_tenders.c.kind)
    ):
        tender_sums[scope.day_of(key)][kind] -= int(amount or 0)

    lat = ledger.c.at
    lb = scope.bucket(lat, chars)
    k, d = ledger.c.kind, ledger.c.delta
    fold(conn.execute(select(
        lb,
        func.sum(case((k.in_(("earn", "reverse")), d), else_=0)),
        func.sum(case((k == "redeem", -d), else_=0)),
        func.sum(case((k == "expire", -d), else_=0)),
        func.sum(case((k == "adjust", d), else_=0)),
    ).where(lat >= start, lat < end).group_by(lb)),
        ("points_earned", "points_redeemed", "points_expired", "points_adjusted"))

    sat = sv_moves.c.at
    sb = scope.bucket(sat, chars)
    mk, value = sv_moves.c.kind, sv_moves.c.principal + sv_moves.c.bonus
    fold(conn.execute(select(
        sb,
        func.sum(case((mk == "topup", value), else_=0)),
        func.sum(case((mk == "topup", sv_moves.c.paid), else_=0)),
        func.sum(case((mk.in_(("spend", "refund")), -value), else_=0)),
    ).where(sat >= start, sat < end).group_by(sb)),
        ("sv_topped_up", "sv_topup_paid", "sv_spent"))


def _members(conn, scope, start, end, chars, fold) -> None:
    at = members.c.created_at
    b = scope.bucket(at, chars)
    fold(conn.execute(select(b, func.count()).where(
        at >= start, at < end, members.c.merged_into_id.is_(None),
        scope.owned(members.c.home_store_id)).group_by(b)), ("new_members",))


def not_voided() -> ColumnElement[bool]:
    """Leaves out voided check-ins by rowid, which every index of `checkins` carries, so the
    report's covering index never has to reach the table rows (voids are few: the set of
    their rowids is built once per query)."""
    voided = checkins.alias("voided")
    rowids = select(literal_column("voided.rowid", Integer)).select_from(voided).where(
        voided.c.id.in_(select(voids.c.checkin_id)))
    return literal_column("checkins.rowid").not_in(rowids)


def _checkins(conn, scope, start, end, chars, fold) -> None:
    at = checkins.c.at
    b = scope.bucket(at, chars)
    fold(conn.execute(select(
        b,
        func.sum(case((checkins.c.granted, 1), else_=0)),
        func.sum(case((checkins.c.granted, 0), else_=1)),
    ).where(at >= start, at < end, scope.owned(checkins.c.store_id), not_voided())
        .group_by(b)), ("checkins", "denied"))


def _classes(conn, scope, start, end, chars, fold) -> None:
    at = class_sessions.c.starts_at
    b = scope.bucket(at, chars)
    held = bookings.c.status.in_(HELD)
    booked = (select(func.count()).where(bookings.c.session_id == class_sessions.c.id, held)
              .scalar_subquery())
    attended = (select(func.count()).where(bookings.c.session_id == class_sessions.c.id,
                                           bookings.c.status == "attended").scalar_subquery())
    no_show = (select(func.count()).where(bookings.c.session_id == class_sessions.c.id,
                                          bookings.c.status == "no_show").scalar_subquery())
    fold(conn.execute(select(
        b, func.count(), func.sum(class_sessions.c.capacity), func.sum(booked),
        func.sum(attended), func.sum(no_show),
    ).select_from(class_sessions.join(class_types,
                                      class_types.c.id == class_sessions.c.class_type_id))
        .where(at >= start, at < end, not_(class_sessions.c.cancelled),
               class_sessions.c.deleted_at.is_(None), scope.owned(class_types.c.store_id))
        .group_by(b)), ("sessions", "seats", "booked", "attended", "no_shows"))
