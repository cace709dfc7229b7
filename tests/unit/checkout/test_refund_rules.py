"""DOMAIN.md: a refund (whole sale or some lines) gives back money, reverses earned points and
returns spent points, pro rata."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.refunds import (
    LineState,
    NothingToRefund,
    SaleState,
    TenderState,
    plan_refund,
    whole_sale,
)
from desktop_app.domain.sales import TenderKind

SALE = SaleState(
    lines=(LineState(1, 2, 6000), LineState(2, 1, 4000)),
    tenders=(TenderState(0, TenderKind.POINTS, 2000), TenderState(1, TenderKind.CASH, 8000)),
    points_earned=80, points_reversed=0, points_spent=2000, points_returned=0)


def test_a_refund_of_some_lines_reverses_earned_and_returns_spent_points_pro_rata() -> None:
    plan = plan_refund(SALE, {1: 1})
    assert plan.amount == 3000
    assert plan.points_reversed == 24  # 80 x 3000/10000
    assert plan.points_returned == 600
    assert dict(plan.to_tenders) == {0: 600, 1: 2400}


def test_a_whole_refund_gives_everything_back() -> None:
    plan = plan_refund(SALE, whole_sale(SALE))
    assert (plan.amount, plan.points_reversed, plan.points_returned) == (10_000, 80, 2000)


def test_the_last_partial_refund_settles_the_rest_exactly() -> None:
    first = plan_refund(SALE, {1: 1})
    after = SaleState(
        lines=(LineState(1, 2, 6000, 1, first.amount), LineState(2, 1, 4000)),
        tenders=(TenderState(0, TenderKind.POINTS, 2000, 600),
                 TenderState(1, TenderKind.CASH, 8000, 2400)),
        points_earned=80, points_reversed=24, points_spent=2000, points_returned=600)
    rest = plan_refund(after, whole_sale(after))
    assert rest.amount + first.amount == 10_000
    assert rest.points_reversed + first.points_reversed == 80
    assert rest.points_returned + first.points_returned == 2000


def test_a_refund_cannot_take_more_units_than_are_left() -> None:
    with pytest.raises(ValidationError):
        plan_refund(SALE, {2: 2})
    with pytest.raises(NothingToRefund):
        plan_refund(SALE, {})
