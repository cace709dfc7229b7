"""DOMAIN.md, Checkout and points: earning, redemption, lots and expiry."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.points import (
    Entry,
    EntryKind,
    PointsPolicy,
    RedemptionRefused,
    check_redemption,
    expiry_postings,
    lot_expiry,
    max_redeemable,
    points_to_earn,
    replay,
)
from desktop_app.domain.sales import SaleLine, Tender, TenderKind, price_sale, settle

POLICY = PointsPolicy()


def earn(lines, tenders, policy=POLICY, tier=100, promo=100) -> int:
    priced = price_sale(lines)
    return points_to_earn(priced, settle(priced.total, tenders), policy, tier, promo)


def cash(amount: int) -> list[Tender]:
    return [Tender(TenderKind.CASH, amount)]


def test_base_rate_is_one_point_per_yuan_paid() -> None:
    assert earn([SaleLine("Tea", 1, 12_345)], cash(12_345)) == 123


def test_the_tier_multiplier_scales_earning() -> None:
    assert earn([SaleLine("Tea", 1, 10_000)], cash(10_000), tier=150) == 150


def test_a_product_multiplier_scales_its_line() -> None:
    lines = [SaleLine("Tea", 1, 10_000, points_multiplier_pct=200), SaleLine("Gum", 1, 10_000)]
    assert earn(lines, cash(20_000)) == 300


def test_a_zero_multiplier_excludes_an_item() -> None:
    lines = [SaleLine("Gift card", 1, 10_000, points_multiplier_pct=0), SaleLine("Gum", 1, 500)]
    assert earn(lines, cash(10_500)) == 5


def test_a_category_multiplier_applies_when_the_product_has_none() -> None:
    policy = PointsPolicy(category_multipliers_pct={"drinks": 300, "tobacco": 0})
    lines = [SaleLine("Cola", 1, 1000, category="drinks"),
             SaleLine("Cigars", 1, 5000, category="tobacco"),
             SaleLine("Cola+", 1, 1000, category="drinks", points_multiplier_pct=100)]
    assert earn(lines, cash(7000), policy) == 30 + 0 + 10


def test_an_active_promotion_multiplies_earning() -> None:
    assert earn([SaleLine("Tea", 1, 10_000)], cash(10_000), promo=200) == 200


def test_nothing_is_earned_below_the_minimum_spend() -> None:
    policy = PointsPolicy(min_spend=5000)
    assert earn([SaleLine("Tea", 1, 4999)], cash(4999), policy) == 0
    assert earn([SaleLine("Tea", 1, 5000)], cash(5000), policy) == 50


def test_earning_is_capped_per_sale() -> None:
    capped = PointsPolicy(cap_per_sale=500)
    assert earn([SaleLine("TV", 1, 1_000_000)], cash(1_000_000), capped) == 500


def test_no_points_on_the_part_paid_with_points_or_stored_value() -> None:
    tenders = [Tender(TenderKind.POINTS, 3000, points=3000),
               Tender(TenderKind.STORED_VALUE, 2000), Tender(TenderKind.CARD, 5000)]
    assert earn([SaleLine("Tea", 1, 10_000)], tenders) == 50


def test_earning_is_rounded_down_once_per_sale() -> None:
    # Three lines of ¥0.50 earn 1 point together (¥1.50 -> 1), not 0 each.
    assert earn([SaleLine("Gum", 3, 50)], cash(150)) == 1
    assert earn([SaleLine("Gum", 1, 199)], cash(199)) == 1


def test_redemption_rate_is_100_points_per_yuan() -> None:
    assert check_redemption(500, 1000, 10_000, POLICY) == 500  # 500 points pay ¥5.00


def test_redemption_needs_at_least_the_minimum() -> None:
    with pytest.raises(RedemptionRefused) as err:
        check_redemption(99, 1000, 10_000, POLICY)
    assert err.value.details["reason"] == "below_minimum"


def test_redemption_pays_at_most_half_the_sale() -> None:
    assert check_redemption(5000, 9000, 10_000, POLICY) == 5000
    with pytest.raises(RedemptionRefused) as err:
        check_redemption(5001, 9000, 10_000, POLICY)
    assert err.value.details["reason"] == "over_limit"
    assert max_redeemable(9000, 10_000, POLICY) == 5000


def test_redemption_cannot_exceed_the_balance() -> None:
    with pytest.raises(RedemptionRefused):
        check_redemption(600, 500, 10_000, POLICY)


def test_redemption_is_blocked_while_the_balance_is_negative() -> None:
    with pytest.raises(RedemptionRefused) as err:
        check_redemption(100, -20, 10_000, POLICY)
    assert err.value.details["reason"] == "negative_balance"
    assert max_redeemable(-20, 10_000, POLICY) == 0


@pytest.mark.parametrize("earned,expires", [(date(2026, 3, 2), date(2027, 3, 31)),
                                            (date(2026, 1, 31), date(2027, 1, 31)),
                                            (date(2026, 12, 1), date(2027, 12, 31)),
                                            (date(2027, 2, 15), date(2028, 2, 29))])
def test_a_lot_expires_at_the_end_of_the_month_12_months_after_earning(earned, expires) -> None:
    assert lot_expiry(earned) == expires


def test_redemption_uses_the_lots_that_expire_soonest_first() -> None:
    state = replay([Entry("late", 100, EntryKind.EARN, date(2027, 6, 30)),
                    Entry("soon", 100, EntryKind.EARN, date(2027, 3, 31)),
                    Entry("spend", -150, EntryKind.REDEEM)])
    assert state.consumed["spend"] == (("soon", 100), ("late", 50))
    assert [(lot.entry_id, lot.remaining) for lot in state.lots] == [("late", 50)]


def test_expiry_posts_expire_entries_for_what_is_left_in_lapsed_lots() -> None:
    state = replay([Entry("a", 100, EntryKind.EARN, date(2027, 3, 31)),
                    Entry("b", 100, EntryKind.EARN, date(2027, 4, 30)),
                    Entry("spend", -30, EntryKind.REDEEM)])
    posts = expiry_postings(state, date(2027, 4, 1))
    assert [(p.kind, p.delta, p.lot_ref, p.source) for p in posts] == [
        (EntryKind.EXPIRE, -70, "a", "expiry:a")]


def test_a_negative_balance_is_paid_off_by_the_next_lot() -> None:
    state = replay([Entry("a", 100, EntryKind.EARN, date(2027, 3, 31)),
                    Entry("r1", -100, EntryKind.REDEEM),
                    Entry("rev", -40, EntryKind.REVERSE),
                    Entry("b", 100, EntryKind.EARN, date(2027, 5, 31))])
    assert state.balance == 60
    assert [(lot.entry_id, lot.remaining) for lot in state.lots] == [("b", 60)]


def test_a_reversal_takes_from_the_sale_s_own_lot_first() -> None:
    state = replay([Entry("old", 100, EntryKind.EARN, date(2027, 1, 31)),
                    Entry("sale", 50, EntryKind.EARN, date(2027, 6, 30)),
                    Entry("rev", -50, EntryKind.REVERSE, lot_ref="sale")])
    assert [(lot.entry_id, lot.remaining) for lot in state.lots] == [("old", 100)]


def test_a_promotion_counts_only_while_active_and_the_best_one_wins() -> None:
    from desktop_app.domain.points import Promotion, promotion_multiplier

    member_day = Promotion("member day", 200, weekdays=frozenset({2}))
    march = Promotion("march", 150, starts=date(2026, 3, 1), ends=date(2026, 3, 31))
    assert promotion_multiplier([member_day, march], date(2026, 3, 4)) == 200  # a Wednesday
    assert promotion_multiplier([member_day, march], date(2026, 3, 5)) == 150
    assert promotion_multiplier([member_day, march], date(2026, 4, 2)) == 100
