"""The desk's background close of ended class sessions: it runs once the database is open
(a desk started after the class catches up), then on its timer, on the database lane of the
task runner (not the GUI thread), and striking twice is impossible."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.qt.class_closer import ClassCloser
from desktop_app.qt.errors import ErrorHandler
from desktop_app.qt.session import DeskSession
from desktop_app.qt.tasks import ThreadedTaskRunner
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft


def class_missed(services, admin) -> str:  # type: ignore[no-untyped-def]
    """A class booked by one member who does not come; returns the booking id."""
    ct = services.classes.create_class_type(admin, "Pilates", 5, 45)
    start = services.clock.now() + timedelta(hours=1)
    local = start.astimezone(ZoneInfo("Asia/Shanghai"))
    services.classes.add_schedule(admin, ct, local.weekday(), local.time(), date(2026, 1, 1))
    (sid,) = services.classes.generate_sessions(admin, local.date(), 1)
    m = services.members.create(admin, MemberDraft(name="Absent"))
    services.entitlements.sell(admin, m.id, EntitlementDraft(
        EntitlementKind.CLASS_CREDITS, "5 classes", 40_000, days=60, units=5))
    return services.classes.book(admin, sid, m.id).id


def test_start_up_closes_what_ended_while_the_desk_was_off(
        session: DeskSession, services, admin, clock, qapp) -> None:  # type: ignore[no-untyped-def]
    booking = class_missed(services, admin)
    clock.advance(hours=3)
    closer = ClassCloser(qapp, session, session._runner)
    seen: list[list[str]] = []
    closer.sessions_closed.connect(seen.append)
    session.attach_services(services)
    assert seen == [[booking]]
    assert closer.timer.isActive()
    closer.run()  # the next tick: nothing left to close
    assert seen == [[booking]] and closer.runs == 2
    closer.stop()


def test_the_timer_closes_a_class_that_ends_later(
        session: DeskSession, services, admin, clock, qapp, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    booking = class_missed(services, admin)
    closer = ClassCloser(qapp, session, session._runner, interval_ms=20)
    seen: list[list[str]] = []
    closer.sessions_closed.connect(seen.append)
    session.attach_services(services)
    assert seen == []  # the class has not happened yet
    clock.advance(hours=3)
    qtbot.waitUntil(lambda: seen == [[booking]], timeout=3000)
    closer.stop()


def test_the_close_runs_off_the_gui_thread(
        session: DeskSession, services, admin, clock, qapp, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    class_missed(services, admin)
    clock.advance(hours=3)
    runner = ThreadedTaskRunner(ErrorHandler(use_dialogs=False))
    threads: list[threading.Thread] = []
    real = services.classes.close_due

    def spy() -> list[str]:
        threads.append(threading.current_thread())
        return real()

    services.classes.close_due = spy
    closer = ClassCloser(qapp, session, runner)
    seen: list[list[str]] = []
    closer.sessions_closed.connect(seen.append)
    try:
        session.services = services
        closer.run()
        qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    finally:
        closer.stop()
        runner.shutdown()
    assert threads and threads[0] is not threading.main_thread()
