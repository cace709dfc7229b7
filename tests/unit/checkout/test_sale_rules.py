"""DOMAIN.md, Checkout: lines, discounts with the cashier's limit, tenders and change."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.sales import (
    Discount,
    OverTendered,
    PaymentShort,
    SaleLine,
    Tender,
    TenderKind,
    allocate,
    discount_within_limit,
    price_sale,
    settle,
)

TEA = SaleLine("Tea", 2, 1500, product_id="p-tea", barcode="690000000001")
TOWEL = SaleLine("Towel", 1, 3000, product_id="p-towel")


def test_a_sale_has_product_lines_and_free_amount_lines() -> None:
    free = SaleLine("Locker fee", 1, 500)
    priced = price_sale([TEA, free])
    assert priced.total == 3500
    assert priced.lines[1].line.product_id is None


def test_a_line_discount_takes_off_that_line_only() -> None:
    priced = price_sale([SaleLine("Tea", 2, 1500, discount=Discount(percent=10)), TOWEL])
    assert [p.amount for p in priced.lines] == [2700, 3000]


def test_an_order_discount_is_spread_over_the_lines_exactly() -> None:
    priced = price_sale([TEA, TOWEL, SaleLine("Gum", 1, 1)], Discount(amount=1000))
    assert priced.total == 6001 - 1000
    assert sum(p.order_discount for p in priced.lines) == 1000


def test_the_member_tier_discount_applies_after_line_discounts() -> None:
    priced = price_sale([SaleLine("Tea", 1, 1000, discount=Discount(amount=200))],
                        member_discount_pct=5)
    assert priced.total == 760
    assert priced.member_discount == 40


def test_a_cashier_may_give_up_to_the_limit() -> None:
    assert discount_within_limit(price_sale([TEA], Discount(percent=10)), 10)


def test_a_discount_beyond_the_limit_needs_approval() -> None:
    assert not discount_within_limit(price_sale([TEA], Discount(percent=11)), 10)
    big_line = price_sale([SaleLine("Tea", 1, 1000, discount=Discount(percent=20)),
                           SaleLine("TV", 1, 1_000_000)])
    assert not discount_within_limit(big_line, 10)  # one line over, even if the sale is not


def test_line_and_order_discounts_may_not_stack_past_the_limit() -> None:
    stacked = price_sale([SaleLine("Tea", 1, 1000, discount=Discount(percent=10))],
                         Discount(percent=10))
    assert not discount_within_limit(stacked, 10)


def test_the_member_discount_does_not_count_against_the_cashier_limit() -> None:
    assert discount_within_limit(price_sale([TEA], member_discount_pct=15), 10)


def test_a_discount_is_a_percent_or_an_amount_not_both() -> None:
    with pytest.raises(ValidationError):
        Discount(percent=5, amount=100)


def test_cash_gives_change() -> None:
    s = settle(2730, [Tender(TenderKind.CASH, 5000)])
    assert s.change == 2270
    assert s.net(TenderKind.CASH) == 2730


def test_split_tenders_pay_the_total() -> None:
    s = settle(10000, [Tender(TenderKind.CARD, 6000), Tender(TenderKind.CASH, 5000)])
    assert (s.change, s.net(TenderKind.CARD), s.net(TenderKind.CASH)) == (1000, 6000, 4000)


@pytest.mark.parametrize("kind", [TenderKind.CARD, TenderKind.WECHAT, TenderKind.ALIPAY,
                                  TenderKind.STORED_VALUE, TenderKind.POINTS])
def test_only_cash_gives_change(kind: TenderKind) -> None:
    with pytest.raises(OverTendered):
        settle(1000, [Tender(kind, 1001)])


def test_a_sale_must_be_fully_paid() -> None:
    with pytest.raises(PaymentShort):
        settle(1000, [Tender(TenderKind.CASH, 999)])


def test_allocation_is_exact_and_proportional() -> None:
    assert allocate(100, [1, 1, 1]) == [34, 33, 33]
    assert allocate(0, [5, 5]) == [0, 0]
