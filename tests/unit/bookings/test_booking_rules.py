"""One test per rule of DOMAIN.md, Classes and bookings, named after the rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.domain.bookings import (
    BookingRefused,
    BookingStatus,
    MemberAgenda,
    Roster,
    SessionInfo,
    Strike,
    barred_until,
    check_member_may_book,
)

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
H = timedelta(hours=1)
D = timedelta(days=1)


def session(sid: str = "s1", start: datetime = NOW + 2 * D, capacity: int = 2,
            minutes: int = 60) -> SessionInfo:
    return SessionInfo(sid, "yoga", start, start + timedelta(minutes=minutes), capacity)


def full_roster(capacity: int = 1, waiting: int = 2) -> Roster:
    r = Roster(session(capacity=capacity))
    for i in range(capacity + waiting):
        r, _ = r.book(f"b{i}", f"m{i}", f"credits-{i}")
    return r


def test_capacity_is_never_exceeded_the_next_member_is_waitlisted() -> None:
    r = Roster(session(capacity=1))
    r, first = r.book("b1", "m1", "c1")
    r, second = r.book("b2", "m2", "c2")
    assert first.booking.status is BookingStatus.CONFIRMED and first.credit == -1
    assert second.booking.status is BookingStatus.WAITLISTED and second.credit == 0
    assert len(r.confirmed) == 1


def test_class_credits_are_taken_at_booking_and_returned_on_an_early_cancel() -> None:
    r, taken = Roster(session()).book("b1", "m1", "c1")
    assert taken.credit == -1
    r, cancelled = r.cancel("b1", NOW)
    assert cancelled.booking.status is BookingStatus.CANCELLED and cancelled.credit == 1


def test_late_cancel_inside_the_window_forfeits_the_credit() -> None:
    s = session(start=NOW + 11 * H)
    r, _ = Roster(s).book("b1", "m1", "c1")
    r, change = r.cancel("b1", NOW)
    assert change.booking.status is BookingStatus.LATE_CANCELLED and change.credit == 0


def test_a_member_holds_at_most_one_active_booking_per_session() -> None:
    r, _ = Roster(session()).book("b1", "m1", None)
    with pytest.raises(BookingRefused, match="already_booked"):
        r.book("b2", "m1", None)


def test_at_most_5_upcoming_bookings_per_member() -> None:
    agenda = MemberAgenda([(session(f"o{i}", NOW + (i + 3) * D), BookingStatus.CONFIRMED)
                           for i in range(5)])
    with pytest.raises(BookingRefused, match="too_many_upcoming"):
        check_member_may_book(session(), agenda, NOW)
    check_member_may_book(session(), MemberAgenda(agenda.upcoming[:4]), NOW)


def test_no_two_overlapping_sessions() -> None:
    other = session("o", NOW + 2 * D + timedelta(minutes=30))
    with pytest.raises(BookingRefused, match="overlapping_booking"):
        check_member_may_book(session(), MemberAgenda([(other, BookingStatus.CONFIRMED)]), NOW)
    # Waiting for an overlapping slot is allowed: only seats may not overlap.
    check_member_may_book(session(), MemberAgenda([(other, BookingStatus.WAITLISTED)]), NOW)


def test_booking_opens_7_days_before() -> None:
    with pytest.raises(BookingRefused, match="booking_not_open"):
        check_member_may_book(session(start=NOW + 8 * D), MemberAgenda(), NOW)
    check_member_may_book(session(start=NOW + 7 * D), MemberAgenda(), NOW)


def test_a_cancelled_or_started_session_cannot_be_booked() -> None:
    with pytest.raises(BookingRefused, match="session_started"):
        check_member_may_book(session(start=NOW - H), MemberAgenda(), NOW)
    s = SessionInfo("x", "yoga", NOW + D, NOW + D + H, 5, cancelled=True)
    with pytest.raises(BookingRefused, match="session_cancelled"):
        check_member_may_book(s, MemberAgenda(), NOW)


def test_the_waitlist_is_first_come_first_served() -> None:
    r = full_roster(capacity=1, waiting=2)
    r, _ = r.cancel("b0", NOW)
    r, promoted = r.promote(NOW, lambda b: f"credits-{b.member_id}")
    assert [c.booking.id for c in promoted] == ["b1"]
    assert [b.id for b in r.waitlist] == ["b2"]
    assert promoted[0].credit == -1


def test_promotion_skips_a_waitlisted_member_without_a_valid_entitlement() -> None:
    r = full_roster(capacity=1, waiting=2)
    r, _ = r.cancel("b0", NOW)
    r, promoted = r.promote(NOW, lambda b: False if b.id == "b1" else "c")
    assert [c.booking.id for c in promoted] == ["b2"]
    assert [b.id for b in r.waitlist] == ["b1"]  # keeps their place for the next seat


def test_raising_the_capacity_promotes_from_the_waitlist() -> None:
    r = full_roster(capacity=1, waiting=2).set_capacity(3)
    r, promoted = r.promote(NOW, lambda b: None)
    assert [c.booking.id for c in promoted] == ["b1", "b2"] and len(r.confirmed) == 3


def test_capacity_cannot_drop_below_the_confirmed_seats() -> None:
    with pytest.raises(BookingRefused, match="capacity_below_confirmed"):
        full_roster(capacity=2, waiting=0).set_capacity(1)


def test_promotion_is_automatic_only_until_the_late_cancel_window_opens() -> None:
    r = full_roster(capacity=1, waiting=1)
    r, _ = r.cancel("b0", r.session.starts_at - 11 * H)
    inside = r.session.starts_at - 11 * H
    assert r.promote(inside, lambda b: None)[1] == []
    _, manual = r.promote(inside, lambda b: None, manual=True)
    assert manual[0].booking.promoted_in_window


def test_a_promoted_member_leaves_the_waitlists_of_overlapping_sessions() -> None:
    other = Roster(session("s2", capacity=0))
    other, _ = other.book("w", "m1", None)
    other, left = other.leave_waitlist("m1")
    assert left[0].booking.status is BookingStatus.CANCELLED and other.waitlist == ()


def test_a_no_show_forfeits_the_credit_and_adds_a_strike() -> None:
    r = full_roster(capacity=2, waiting=0)
    r, _ = r.mark_attended("b0")
    closes = r.session.starts_at + timedelta(minutes=15)
    with pytest.raises(BookingRefused, match="checkin_still_open"):
        r.close_checkin(closes - timedelta(seconds=1))
    r, changes, strikes = r.close_checkin(closes)
    assert [s.id for s in strikes] == ["b1"]
    assert all(c.credit == 0 for c in changes)
    assert r.get("b1").status is BookingStatus.NO_SHOW
    assert r.get("b0").status is BookingStatus.ATTENDED


def test_members_promoted_inside_the_window_are_exempt_from_strikes() -> None:
    r = full_roster(capacity=1, waiting=1)
    inside = r.session.starts_at - 2 * H
    r, _ = r.cancel("b0", inside)
    r, _ = r.promote(inside, lambda b: None, manual=True)
    _, _, strikes = r.close_checkin(r.session.starts_at + timedelta(minutes=15))
    assert strikes == []


def test_3_strikes_in_30_days_bar_booking_for_7_days() -> None:
    strikes = [Strike(f"s{i}", NOW - timedelta(days=d)) for i, d in enumerate((29, 10, 1))]
    until = barred_until(strikes, NOW)
    assert until == NOW - D + 7 * D
    with pytest.raises(BookingRefused, match="member_barred"):
        check_member_may_book(session(), MemberAgenda(strikes=strikes), NOW)
    assert barred_until(strikes, NOW + 6 * D) is None
    spread = [Strike(f"s{i}", NOW - timedelta(days=d)) for i, d in enumerate((32, 10, 1))]
    assert barred_until(spread, NOW) is None


def test_a_forgiven_strike_does_not_count() -> None:
    strikes = [Strike("a", NOW - 3 * D), Strike("b", NOW - 2 * D, forgiven=True),
               Strike("c", NOW - D)]
    assert barred_until(strikes, NOW) is None


def test_an_offline_booking_is_provisional_until_the_server_confirms() -> None:
    r, c = Roster(session(capacity=1)).book("b1", "m1", "c1", provisional=True)
    assert c.booking.provisional and c.booking.status is BookingStatus.CONFIRMED
    ok, confirmed = r.server_result("b1", seat_given=True)
    assert not confirmed.booking.provisional
    _, full = r.server_result("b1", seat_given=False)
    assert full.booking.status is BookingStatus.WAITLISTED and full.credit == 1
