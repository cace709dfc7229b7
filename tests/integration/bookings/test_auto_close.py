"""Automatic close of a class session (DOMAIN.md, Classes: "a no-show (not checked in when
check-in closes) forfeits the credit and adds a strike"): the desk's background job closes
every session that has ended, once. Real SQLite files; a second run, a desk started days
later, and two threads at once all count each strike exactly once."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft
from desktop_app.services.registry import Services
from desktop_app.store.checkin_models import BookingStrike
from desktop_app.store.models import EntitlementRow, OutboxOp

CREDITS = EntitlementDraft(EntitlementKind.CLASS_CREDITS, "10 classes", 80_000, days=90,
                           units=10)


def booked_session(services, admin, capacity: int = 2) -> tuple[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    """A 60-minute class two hours ahead with three members: two booked, one waitlisted."""
    ct = services.classes.create_class_type(admin, "Spin", capacity, 60)
    start = services.clock.now() + timedelta(hours=2)
    local = start.astimezone(ZoneInfo("Asia/Shanghai"))
    services.classes.add_schedule(admin, ct, local.weekday(), local.time(), date(2026, 1, 1))
    (sid,) = services.classes.generate_sessions(admin, local.date(), 1)
    bookings = {}
    for name in ("comes", "stays home", "waits"):
        m = services.members.create(admin, MemberDraft(name=name))
        services.entitlements.sell(admin, m.id, CREDITS)
        bookings[name] = services.classes.book(admin, sid, m.id).id
    return sid, bookings


def statuses(services, sid: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {line.member_name: line.status for line in services.classes.roster(sid)}


def strikes(services) -> int:  # type: ignore[no-untyped-def]
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(BookingStrike))


def close_ops(services) -> int:  # type: ignore[no-untyped-def]
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(OutboxOp)
                        .where(OutboxOp.name == "class_session.close.v1"))


def test_at_session_end_unattended_bookings_become_no_shows_with_a_strike_once(
        services, admin, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    sid, b = booked_session(services, admin)
    clock.advance(hours=2, minutes=5)
    services.classes.mark_attended(admin, b["comes"])
    clock.advance(minutes=56)  # the class has ended
    assert services.classes.close_due() == [b["stays home"]]
    assert statuses(services, sid) == {"comes": "attended", "stays home": "no_show",
                                       "waits": "cancelled"}
    assert strikes(services) == 1 and close_ops(services) == 1
    # Idempotent: the next runs find nothing, the strike is counted once.
    clock.advance(minutes=1)
    assert services.classes.close_due() == []
    assert services.classes.close_due() == []
    assert strikes(services) == 1 and close_ops(services) == 1
    (line,) = [s for s in services.classes.standing(
        next(line.member_id for line in services.classes.roster(sid)
             if line.member_name == "stays home")).strikes]
    assert line.class_name == "Spin" and not line.forgiven


def test_the_no_show_keeps_its_credit_spent(services, admin, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    sid, b = booked_session(services, admin)
    clock.advance(hours=3, minutes=1)
    assert b["stays home"] in services.classes.close_due()  # the close ran and struck them
    line = next(x for x in services.classes.roster(sid) if x.member_name == "stays home")
    assert statuses(services, sid)["stays home"] == "no_show"
    with services.db.read() as s:
        ent = s.scalars(select(EntitlementRow).where(
            EntitlementRow.member_id == line.member_id)).one()
        assert ent.units_used == 1


def test_nothing_closes_before_the_session_has_ended(services, admin,
                                                     clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    sid, _ = booked_session(services, admin)
    clock.advance(hours=2, minutes=30)  # check-in closed at +15, the class still running
    assert services.classes.close_due() == []
    assert statuses(services, sid)["stays home"] == "confirmed"
    assert strikes(services) == 0


def test_a_cancelled_session_is_never_closed(services, admin, clock: FixedClock) -> None:  # type: ignore[no-untyped-def]
    sid, _ = booked_session(services, admin)
    services.classes.edit_session(admin, sid, cancelled=True)
    clock.advance(hours=4)
    assert services.classes.close_due() == []
    assert strikes(services) == 0 and close_ops(services) == 0


def test_a_desk_started_days_later_closes_what_it_missed_once(
        services, admin, clock: FixedClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sid, b = booked_session(services, admin)
    path = tmp_path / "desk.sqlite3"
    services.close()  # the desk was off over the class
    later = FixedClock(clock.now() + timedelta(days=3))
    reopened = Services.open(path, later)
    try:
        assert set(reopened.classes.close_due()) == {b["comes"], b["stays home"]}
        assert reopened.classes.close_due() == []
        assert strikes(reopened) == 2 and close_ops(reopened) == 1
    finally:
        reopened.close()


def test_two_threads_closing_at_once_count_each_strike_once(
        services, admin, clock: FixedClock, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    booked_session(services, admin)
    clock.advance(hours=4)
    other = Services.open(tmp_path / "desk.sqlite3", clock)
    results: list[list[str]] = []
    barrier = threading.Barrier(2)

    def run(svc) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        results.append(svc.classes.close_due())

    threads = [threading.Thread(target=run, args=(s,)) for s in (services, other)]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    finally:
        other.close()
    assert sorted(len(r) for r in results) == [0, 2]
    assert strikes(services) == 2 and close_ops(services) == 1
