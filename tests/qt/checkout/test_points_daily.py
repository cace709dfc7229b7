"""The desk runs the points jobs at start-up and again when the business day rolls over,
through the task runner (inline here), never twice for one day."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop_app.qt.points_daily import PointsDailyRun
from desktop_app.services.members import MemberDraft


class _Session(QObject):
    services_ready = Signal()

    def __init__(self, services: object) -> None:
        super().__init__()
        self.services = services


def test_runs_at_start_up_and_on_the_next_business_day(qtbot, services, admin, clock,
                                                        runner) -> None:
    today = services.sales.points.business_day()
    member = services.members.create(admin, MemberDraft(name="Lapsed", phone="13900000003"))
    services.sales.points.adjust(admin, member.id, 300, "old", today.replace(year=today.year - 2))
    session = _Session(services)
    daily = PointsDailyRun(session, session, runner, interval_ms=60_000)
    ran = []
    daily.day_run.connect(ran.append)
    assert not daily.timer.isActive()
    session.services_ready.emit()  # the database is open
    assert daily.timer.isActive() and daily.runs == 1
    assert [(r.day, r.expired) for r in ran] == [(today, 300)]
    daily.timer.timeout.emit()  # a minute later: the same day, nothing run
    assert daily.runs == 2 and len(ran) == 1
    clock.advance(days=1)
    daily.timer.timeout.emit()
    assert daily.runs == 3 and [r.day.toordinal() - today.toordinal() for r in ran] == [0, 1]
    assert ran[1].expired == 0  # the lapsed lot went yesterday
    daily.stop()
    assert not daily.timer.isActive()


def test_a_failure_is_retried_at_the_next_check(qtbot, services, runner, monkeypatch) -> None:
    session = _Session(services)
    daily = PointsDailyRun(session, session, runner)
    calls = []

    def broken() -> None:
        calls.append(1)
        raise RuntimeError("disk full")

    monkeypatch.setattr(services.sales.points, "daily_run", broken)
    session.services_ready.emit()
    assert calls == [1] and daily.runs == 0
    monkeypatch.undo()
    daily.timer.timeout.emit()
    assert daily.runs == 1  # not stuck busy after the failure
    daily.stop()
