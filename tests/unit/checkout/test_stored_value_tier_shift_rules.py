"""DOMAIN.md, Checkout and points: stored value, tiers, shifts."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.domain.sales import TenderKind
from desktop_app.domain.shifts import RefundFacts, SaleFacts, TopUpFacts, summarise
from desktop_app.domain.stored_value import (
    Balance,
    BonusRule,
    Draw,
    InsufficientStoredValue,
    cancel,
    give_back,
    spend,
    top_up,
)
from desktop_app.domain.tiers import (
    TierRule,
    after_purchase,
    birthday_bonus,
    monthly_review,
    qualifying_spend,
)

RULES = [BonusRule(100_000, 10_000), BonusRule(50_000, 3_000)]


def test_a_top_up_may_carry_a_bonus() -> None:
    balance, bonus = top_up(Balance(), 100_000, RULES)
    assert (bonus, balance) == (10_000, Balance(100_000, 10_000))


def test_the_best_single_bonus_rule_applies_and_rules_do_not_stack() -> None:
    assert top_up(Balance(), 199_999, RULES)[1] == 10_000
    assert top_up(Balance(), 49_999, RULES)[1] == 0


def test_principal_and_bonus_are_kept_as_two_balances() -> None:
    balance, _ = top_up(Balance(5_000, 500), 50_000, RULES)
    assert (balance.principal, balance.bonus) == (55_000, 3_500)


def test_a_spend_draws_from_principal_and_bonus_in_proportion() -> None:
    after, drawn = spend(Balance(100_000, 10_000), 11_000)
    assert drawn == Draw(10_000, 1_000)
    assert after == Balance(90_000, 9_000)


def test_a_spend_cannot_exceed_the_stored_value() -> None:
    with pytest.raises(InsufficientStoredValue):
        spend(Balance(100, 10), 111)


def test_spending_everything_empties_both_balances() -> None:
    assert spend(Balance(333, 17), 350)[0] == Balance(0, 0)


def test_a_refunded_stored_value_payment_goes_back_as_it_was_drawn() -> None:
    after, drawn = spend(Balance(1000, 100), 550)
    assert give_back(after, drawn) == Balance(1000, 100)


def test_cancelling_the_card_refunds_the_remaining_principal_only() -> None:
    assert cancel(Balance(42_000, 4_200)) == (42_000, 4_200)


TIERS = [TierRule("silver", 1, 100_000, 120, 0, 100), TierRule("gold", 2, 500_000, 150, 5, 500)]
NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def test_qualifying_spend_is_a_rolling_12_months() -> None:
    spends = [(datetime(2025, 3, 2, 1, 0, tzinfo=UTC), 99_999),  # exactly 12 months: out
              (datetime(2025, 3, 3, tzinfo=UTC), 300_000),
              (datetime(2026, 2, 1, tzinfo=UTC), -20_000)]  # a refund counts against
    assert qualifying_spend(spends, NOW) == 280_000


def test_upgrade_happens_as_soon_as_a_threshold_is_crossed() -> None:
    assert after_purchase(TIERS[0], 500_000, TIERS) == TIERS[1]


def test_downgrade_only_at_the_monthly_review() -> None:
    assert after_purchase(TIERS[1], 10, TIERS) == TIERS[1]
    assert monthly_review(150_000, TIERS) == TIERS[0]
    assert monthly_review(10, TIERS) is None


def test_a_tier_brings_a_birthday_bonus_on_the_birthday() -> None:
    assert birthday_bonus(TIERS[1], date(1990, 3, 2), date(2026, 3, 2)) == 500
    assert birthday_bonus(TIERS[1], date(1990, 3, 3), date(2026, 3, 2)) == 0
    assert birthday_bonus(TIERS[0], date(2000, 2, 29), date(2026, 2, 28)) == 100


def test_shift_reports_list_totals_refunds_discounts_and_over_short() -> None:
    sales = [SaleFacts(10_000, 1_000, 9_000, {TenderKind.CASH: 9_000}),
             SaleFacts(5_000, 0, 5_000, {TenderKind.CARD: 3_000, TenderKind.POINTS: 2_000})]
    refunds = [RefundFacts(2_000, {TenderKind.CASH: 2_000})]
    tops = [TopUpFacts(50_000, {TenderKind.WECHAT: 50_000})]
    x = summarise(20_000, sales, refunds, tops)
    assert (x.sales_count, x.gross_sales, x.discounts, x.refunds_total, x.net_sales) == (
        2, 15_000, 1_000, 2_000, 12_000)
    assert x.cash_expected == 20_000 + 9_000 - 2_000
    assert x.over_short is None  # an X report has no count
    z = summarise(20_000, sales, refunds, tops,
                  {TenderKind.CASH: 26_900, TenderKind.CARD: 3_000, TenderKind.WECHAT: 50_000})
    by_kind = {t.kind: t for t in z.tenders}
    assert by_kind[TenderKind.CASH].over_short == -100
    assert z.over_short == -100
    assert by_kind[TenderKind.POINTS].counted is None  # points are not counted money
