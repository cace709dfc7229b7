"""Holds, renewals and the cooling-off refund (DOMAIN.md, Entitlements), one test per rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_app.domain.entitlements import (
    Entitlement,
    EntitlementKind,
    EntitlementStatus,
    Hold,
    entitlement_status,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.holds import (
    HoldRefused,
    RefundRefused,
    as_of,
    effective_until,
    end_hold_early,
    refundable,
    renewal_window,
    validate_hold,
)

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def period(*holds: Hold, until: datetime = NOW + 30 * DAY) -> Entitlement:
    return Entitlement("e1", "m1", EntitlementKind.PERIOD, NOW - 30 * DAY, until, holds=holds)


def test_a_hold_needs_an_end_date_and_a_reason() -> None:
    with pytest.raises(ValidationError):
        validate_hold(period(), NOW, None, "travel")
    with pytest.raises(ValidationError):
        validate_hold(period(), NOW, NOW + 10 * DAY, " ")
    assert validate_hold(period(), NOW, NOW + 10 * DAY, "travel").ends_at == NOW + 10 * DAY


def test_a_hold_lasts_7_to_90_days() -> None:
    with pytest.raises(HoldRefused):
        validate_hold(period(), NOW, NOW + 6 * DAY, "x")
    with pytest.raises(HoldRefused):
        validate_hold(period(), NOW, NOW + 91 * DAY, "x")
    validate_hold(period(), NOW, NOW + 7 * DAY, "x")
    validate_hold(period(), NOW, NOW + 90 * DAY, "x")


def test_at_most_two_holds_a_year() -> None:
    h1 = Hold(NOW - 200 * DAY, NOW - 190 * DAY)
    h2 = Hold(NOW - 100 * DAY, NOW - 90 * DAY)
    with pytest.raises(HoldRefused):
        validate_hold(period(h1, h2), NOW, NOW + 10 * DAY, "x")
    old = Hold(NOW - 400 * DAY, NOW - 390 * DAY)
    validate_hold(period(old, h2), NOW, NOW + 10 * DAY, "x")


def test_during_a_hold_entry_status_is_on_hold() -> None:
    ent = period(Hold(NOW - DAY, NOW + 9 * DAY))
    assert entitlement_status(as_of(ent, NOW), NOW) is EntitlementStatus.ON_HOLD


def test_when_a_hold_ends_on_schedule_the_expiry_moves_by_the_days_held() -> None:
    ent = period(Hold(NOW - 20 * DAY, NOW - 10 * DAY))
    assert effective_until(ent, NOW) == NOW + 40 * DAY


def test_an_early_end_moves_the_expiry_only_by_the_days_actually_held() -> None:
    hold = Hold(NOW - 4 * DAY, NOW + 26 * DAY)
    ended = end_hold_early(hold, NOW)
    assert effective_until(period(ended), NOW + 100 * DAY) == NOW + 34 * DAY
    assert entitlement_status(as_of(period(ended), NOW), NOW) is not EntitlementStatus.ON_HOLD


def test_an_expired_period_comes_back_to_life_when_a_hold_moved_it() -> None:
    ent = period(Hold(NOW - 40 * DAY, NOW - 20 * DAY), until=NOW - 5 * DAY)
    assert entitlement_status(as_of(ent, NOW), NOW) is EntitlementStatus.ACTIVE


def test_a_renewal_starts_the_day_after_the_old_one_ends() -> None:
    ends = datetime(2026, 3, 31, 16, 0, tzinfo=UTC)  # 2026-04-01 00:00 local (exclusive)
    win = renewal_window(period(until=ends), NOW, TZ, 30 * DAY)
    assert win.valid_from.astimezone(TZ).date().isoformat() == "2026-04-01"
    assert win.valid_until - win.valid_from == 30 * DAY


def test_a_renewal_after_a_long_lapse_starts_today() -> None:
    win = renewal_window(period(until=NOW - 60 * DAY), NOW, TZ, 30 * DAY)
    assert win.valid_from.astimezone(TZ).date() == NOW.astimezone(TZ).date()


def test_an_unused_purchase_is_refundable_within_7_days() -> None:
    refundable(NOW - 7 * DAY, None, 0, NOW)
    with pytest.raises(RefundRefused):
        refundable(NOW - 7 * DAY - timedelta(seconds=1), None, 0, NOW)


def test_the_first_checkin_activates_it_and_ends_the_cooling_off() -> None:
    with pytest.raises(RefundRefused):
        refundable(NOW - DAY, NOW - DAY, 0, NOW)
    with pytest.raises(RefundRefused):
        refundable(NOW - DAY, None, 1, NOW)
