"""The class service on a real SQLite file: sessions from a weekly schedule, credits taken
and returned, waitlist promotion, no-shows, strikes and forgiveness."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop_app.domain.bookings import BookingRefused
from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.permissions import Role
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import AuditEntry, EntitlementRow

CREDITS = EntitlementDraft(EntitlementKind.CLASS_CREDITS, "10 classes", 80_000, days=90,
                           units=10)


def setup_session(services, admin, capacity: int = 1, hours_ahead: int = 48) -> str:
    ct = services.classes.create_class_type(admin, "Yoga", capacity, 60)
    start = services.clock.now() + timedelta(hours=hours_ahead)
    local = start.astimezone(ZoneInfo("Asia/Shanghai"))
    services.classes.add_schedule(admin, ct, local.weekday(), local.time(), date(2026, 1, 1))
    (made,) = services.classes.generate_sessions(admin, local.date(), 1)
    return made


def member_with_credits(services, admin, name: str) -> tuple[str, str]:
    m = services.members.create(admin, MemberDraft(name=name))
    return m.id, services.entitlements.sell(admin, m.id, CREDITS)


def used(services, ent: str) -> int:
    with services.db.read() as s:
        return s.get(EntitlementRow, ent).units_used


def test_credits_are_taken_at_booking_and_come_back_on_an_early_cancel(services, admin) -> None:
    sid = setup_session(services, admin)
    mid, ent = member_with_credits(services, admin, "A")
    b = services.classes.book(admin, sid, mid)
    assert b.status == "confirmed" and used(services, ent) == 1
    services.classes.cancel(admin, b.id)
    assert used(services, ent) == 0


def test_a_freed_seat_promotes_the_first_waitlisted_member(services, admin) -> None:
    sid = setup_session(services, admin, capacity=1)
    (m1, e1), (m2, e2), (m3, e3) = (member_with_credits(services, admin, n) for n in "XYZ")
    first = services.classes.book(admin, sid, m1)
    second = services.classes.book(admin, sid, m2)
    services.classes.book(admin, sid, m3)
    assert second.status == "waitlisted" and used(services, e2) == 0
    services.classes.cancel(admin, first.id)
    statuses = {line.member_id: line.status for line in services.classes.roster(sid)}
    assert statuses == {m1: "cancelled", m2: "confirmed", m3: "waitlisted"}
    assert used(services, e2) == 1 and used(services, e3) == 0


def test_raising_the_capacity_promotes(services, admin) -> None:
    sid = setup_session(services, admin, capacity=1)
    (m1, _), (m2, _) = (member_with_credits(services, admin, n) for n in "PQ")
    services.classes.book(admin, sid, m1)
    services.classes.book(admin, sid, m2)
    view = services.classes.edit_session(admin, sid, capacity=2)
    assert view.confirmed == 2 and view.waitlisted == 0


def test_booking_needs_a_valid_entitlement_covering_the_class(services, admin) -> None:
    sid = setup_session(services, admin)
    m = services.members.create(admin, MemberDraft(name="No plan"))
    with pytest.raises(BookingRefused, match="no_entitlement_for_class"):
        services.classes.book(admin, sid, m.id)


def test_a_no_show_forfeits_the_credit_and_three_strikes_bar_booking(services, admin,
                                                                    clock) -> None:
    mid, ent = member_with_credits(services, admin, "Absent")
    strikes = []
    for _ in range(3):
        sid = setup_session(services, admin, capacity=5, hours_ahead=24)
        services.classes.book(admin, sid, mid)
        clock.advance(hours=24, minutes=15)
        strikes += services.classes.close_checkin(admin, sid)
    assert len(strikes) == 3 and used(services, ent) == 3
    sid = setup_session(services, admin, capacity=5, hours_ahead=24)
    with pytest.raises(BookingRefused, match="member_barred"):
        services.classes.book(admin, sid, mid)
    strike_id = services.classes.strikes_of(mid)[0][0]
    services.classes.forgive_strike(admin, strike_id, "doctor's note")
    assert services.classes.book(admin, sid, mid).status == "confirmed"
    with services.db.read() as s:
        assert s.scalars(select(AuditEntry).where(
            AuditEntry.action == "booking.strike_forgive")).one().details["note"] == \
            "doctor's note"


def test_a_check_in_before_class_marks_the_booking_attended(services, admin, clock) -> None:
    sid = setup_session(services, admin, capacity=2, hours_ahead=1)
    m = services.members.create(admin, MemberDraft(name="Attends"))
    services.entitlements.sell(admin, m.id, EntitlementDraft(
        EntitlementKind.PERIOD, "Monthly", 30_000, days=30))
    services.classes.book(admin, sid, m.id)
    clock.advance(minutes=40)
    r = services.checkin.check_in(admin, code=m.card_code)
    assert r.decision.attended_booking_ids
    assert [line.status for line in services.classes.roster(sid)] == ["attended"]
    clock.advance(minutes=40)
    assert services.classes.close_checkin(admin, sid) == []


def test_promotion_leaves_overlapping_waitlists(services, admin) -> None:
    a = setup_session(services, admin, capacity=1)
    b = setup_session(services, admin, capacity=1)
    (m1, _), (m2, _), (m3, _) = (member_with_credits(services, admin, n) for n in "JKL")
    hold_a = services.classes.book(admin, a, m1)
    services.classes.book(admin, b, m2)
    services.classes.book(admin, a, m3)
    services.classes.book(admin, b, m3)
    services.classes.cancel(admin, hold_a.id)
    roster_b = {line.member_id: line.status for line in services.classes.roster(b)}
    assert roster_b[m3] == "cancelled"


def test_an_offline_booking_is_provisional(services, admin) -> None:
    sid = setup_session(services, admin)
    mid, _ = member_with_credits(services, admin, "Offline")
    assert services.classes.book(admin, sid, mid, offline=True).provisional


def test_desk_staff_cannot_forgive_a_strike(services, admin, staff_of) -> None:
    from desktop_app.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.classes.forgive_strike(staff_of(Role.FRONT_DESK), "x", "please")
