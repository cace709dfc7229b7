"""Property tests over the pure points rules (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.points import (
    Entry,
    EntryKind,
    PointsPolicy,
    Posting,
    check_redemption,
    expiry_postings,
    max_redeemable,
    points_to_earn,
    refund_postings,
    replay,
    sale_postings,
    unposted,
)
from desktop_app.domain.refunds import LineState, SaleState, TenderState, plan_refund, whole_sale
from desktop_app.domain.sales import SaleLine, Tender, TenderKind, price_sale, settle

POLICY = PointsPolicy()
DAY0 = date(2026, 3, 2)


class Book:
    """A model ledger: (source, kind) unique, as the store enforces it."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, Posting]] = []

    def post(self, postings: list[Posting]) -> None:
        keys = {(p.source, p.kind.value) for _, p in self.rows}
        for p in unposted(postings, keys):
            self.rows.append((f"e{len(self.rows)}", p))
            keys.add((p.source, p.kind.value))

    def entries(self) -> list[Entry]:
        return [Entry(i, p.delta, p.kind, p.expires_on, p.lot_ref) for i, p in self.rows]

    @property
    def balance(self) -> int:
        return sum(p.delta for _, p in self.rows)

    def lot_of(self, source: str) -> str | None:
        return next((i for i, p in self.rows
                     if p.source == source and p.kind == EntryKind.EARN), None)


lines_st = st.lists(st.builds(SaleLine, name=st.just("item"), quantity=st.integers(1, 4),
                              unit_price=st.integers(1, 50_000),
                              points_multiplier_pct=st.sampled_from([None, 0, 100, 200])),
                    min_size=1, max_size=5)


def run_sale(book: Book, sale_id: str, lines: list[SaleLine], redeem_frac: float,
             day: date) -> tuple[SaleState, int]:
    priced = price_sale(lines)
    best = max_redeemable(book.balance, priced.total, POLICY)
    points = int(best * redeem_frac)
    tenders: list[Tender] = []
    if points >= POLICY.redeem_minimum:
        value = check_redemption(points, book.balance, priced.total, POLICY)
        tenders.append(Tender(TenderKind.POINTS, value, points=points))
    else:
        points, value = 0, 0
    if priced.total - value:
        tenders.append(Tender(TenderKind.CARD, priced.total - value))
    settlement = settle(priced.total, tenders)
    earned = points_to_earn(priced, settlement, POLICY)
    book.post(sale_postings(sale_id, earned, points, day, POLICY))
    state = SaleState(
        lines=tuple(LineState(i, p.line.quantity, p.amount) for i, p in enumerate(priced.lines)),
        tenders=tuple(TenderState(i, t.kind, t.amount) for i, t in enumerate(tenders)),
        points_earned=earned, points_reversed=0, points_spent=points, points_returned=0)
    return state, earned


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(lines_st, st.floats(0, 1), st.integers(0, 800)), max_size=6),
       st.integers(0, 900))
def test_balance_equals_the_sum_of_entries(sales, expire_after) -> None:
    book = Book()
    book.post([Posting("adjustment:seed", EntryKind.ADJUST, 5000, DAY0 + timedelta(days=40))])
    for n, (lines, frac, offset) in enumerate(sales):
        day = DAY0 + timedelta(days=offset)
        state, _ = run_sale(book, f"s{n}", lines, frac, day)
        if n % 2:
            plan = plan_refund(state, whole_sale(state))
            book.post(refund_postings(f"r{n}", plan.points_reversed, plan.points_returned, day,
                                      POLICY, book.lot_of(f"sale:s{n}")))
        assert replay(book.entries()).balance == book.balance
    book.post(expiry_postings(replay(book.entries()), DAY0 + timedelta(days=expire_after)))
    assert replay(book.entries()).balance == book.balance


@settings(max_examples=60, deadline=None)
@given(lines_st, st.floats(0, 1), st.integers(0, 20_000))
def test_finalising_the_same_sale_twice_never_awards_twice(lines, frac, start) -> None:
    book = Book()
    if start:
        book.post([Posting("adjustment:seed", EntryKind.ADJUST, start, date(2027, 1, 31))])
    run_sale(book, "same", lines, frac, DAY0)
    once = (book.balance, len(book.rows))
    replayed = [p for _, p in book.rows if p.source == "sale:same"]  # the same op, sent again
    book.post(replayed)
    assert (book.balance, len(book.rows)) == once


@settings(max_examples=80, deadline=None)
@given(lines_st, st.floats(0, 1), st.integers(0, 20_000),
       st.lists(st.integers(0, 4), max_size=4))
def test_refunding_everything_returns_the_balance_to_where_it_was(lines, frac, start,
                                                                   parts) -> None:
    book = Book()
    if start:
        book.post([Posting("adjustment:seed", EntryKind.ADJUST, start, date(2027, 1, 31))])
    before = book.balance
    state, _ = run_sale(book, "s", lines, frac, DAY0)
    lot = book.lot_of("sale:s")
    # Refund in some partial steps (one unit of a line each), then the rest.
    for step, line_no in enumerate(parts):
        line = state.lines[line_no % len(state.lines)]
        if line.quantity - line.refunded_quantity == 0:
            continue
        plan = plan_refund(state, {line.line_no: 1})
        book.post(refund_postings(f"r{step}", plan.points_reversed, plan.points_returned,
                                  DAY0, POLICY, lot))
        state = advance(state, plan)
    remaining = whole_sale(state)
    if remaining:
        plan = plan_refund(state, remaining)
        book.post(refund_postings("last", plan.points_reversed, plan.points_returned, DAY0,
                                  POLICY, lot))
    assert book.balance == before


def advance(state: SaleState, plan) -> SaleState:
    by_line = {ln.line_no: ln for ln in plan.lines}
    back = dict(plan.to_tenders)
    return SaleState(
        lines=tuple(
            LineState(ln.line_no, ln.quantity, ln.amount,
                      ln.refunded_quantity + (by_line[ln.line_no].quantity
                                              if ln.line_no in by_line else 0),
                      ln.refunded_amount + (by_line[ln.line_no].amount
                                            if ln.line_no in by_line else 0))
            for ln in state.lines),
        tenders=tuple(TenderState(t.index, t.kind, t.amount, t.refunded + back.get(t.index, 0))
                      for t in state.tenders),
        points_earned=state.points_earned,
        points_reversed=state.points_reversed + plan.points_reversed,
        points_spent=state.points_spent,
        points_returned=state.points_returned + plan.points_returned)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 500), st.integers(0, 400)), min_size=1, max_size=8),
       st.data())
def test_redemption_consumes_the_lots_that_expire_soonest(lots, data) -> None:
    entries = [Entry(f"lot{i}", pts, EntryKind.EARN, DAY0 + timedelta(days=d))
               for i, (pts, d) in enumerate(lots)]
    total = sum(pts for pts, _ in lots)
    spend = data.draw(st.integers(1, total))
    state = replay([*entries, Entry("spend", -spend, EntryKind.REDEEM)])
    order = sorted(entries, key=lambda e: (e.expires_on, e.id))
    expected, need = [], spend
    for e in order:
        if need == 0:
            break
        take = min(need, e.delta)
        expected.append((e.id, take))
        need -= take
    assert list(state.consumed["spend"]) == expected
    left = min((lot.expires_on for lot in state.lots), default=None)
    used = max(e.expires_on for e in entries if e.id in dict(expected))
    assert left is None or left >= used


@settings(max_examples=150, deadline=None)
@given(lines_st, st.integers(0, 100), st.integers(0, 100))
def test_no_points_on_the_part_paid_with_points_or_stored_value(lines, pts_pct, sv_pct) -> None:
    plain = [SaleLine(ln.name, ln.quantity, ln.unit_price) for ln in lines]  # all x1
    priced = price_sale(plain)
    points_part = priced.total * pts_pct // 200  # at most half, as redemption allows
    sv_part = (priced.total - points_part) * sv_pct // 100
    rest = priced.total - points_part - sv_part
    tenders = [Tender(k, a) for k, a in ((TenderKind.POINTS, points_part),
                                         (TenderKind.STORED_VALUE, sv_part),
                                         (TenderKind.CASH, rest)) if a]
    earned = points_to_earn(priced, settle(priced.total, tenders), POLICY)
    assert earned == rest // 100  # exactly ¥1 -> 1 point on the money part, nothing else
