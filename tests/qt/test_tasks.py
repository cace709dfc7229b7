"""The task runner's contract (desktop_app/qt/tasks.py)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import AuthenticationFailed
from desktop_app.qt.errors import ErrorHandler
from desktop_app.qt.tasks import InlineTaskRunner, Lane, ThreadedTaskRunner


@pytest.fixture
def threaded(errors: ErrorHandler) -> Iterator[ThreadedTaskRunner]:
    r = ThreadedTaskRunner(errors)
    yield r
    r.shutdown()


def test_work_runs_off_the_gui_thread_and_the_result_comes_back_on_it(
        qtbot: QtBot, threaded: ThreadedTaskRunner) -> None:
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work(x: int) -> int:
        seen["worker"] = threading.get_ident()
        return x * 2

    def done(value: int) -> None:
        seen["callback"] = threading.get_ident()
        seen["value"] = value

    for lane in (Lane.DATABASE, Lane.POOL):
        seen.clear()
        with qtbot.waitSignal(threaded.task_finished, timeout=5000):
            threaded.submit(work, 21, on_result=done, lane=lane)
        assert seen["value"] == 42
        assert seen["worker"] != gui
        assert seen["callback"] == gui


def test_database_work_runs_on_one_thread_in_order(qtbot: QtBot,
                                                   threaded: ThreadedTaskRunner) -> None:
    threads: set[int] = set()
    order: list[int] = []

    def work(i: int) -> int:
        threads.add(threading.get_ident())
        order.append(i)
        return i

    results: list[int] = []
    for i in range(20):
        threaded.submit(work, i, on_result=results.append)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5000)
    assert len(threads) == 1
    assert order == list(range(20)) == results


def test_a_domain_error_becomes_translated_text_for_the_caller(
        qtbot: QtBot, threaded: ThreadedTaskRunner, errors: ErrorHandler) -> None:
    def refuse() -> None:
        raise AuthenticationFailed()

    got: list[str] = []
    with qtbot.waitSignal(errors.error_shown, timeout=5000) as shown:
        threaded.submit(refuse, on_result=lambda _: got.append("result"), on_error=got.append)
    assert got == ["Wrong staff code or PIN."]
    assert shown.args == ["Wrong staff code or PIN."]


def test_an_unexpected_error_is_logged_with_its_traceback_and_shown_generically(
        qtbot: QtBot, threaded: ThreadedTaskRunner, errors: ErrorHandler,
        caplog: pytest.LogCaptureFixture) -> None:
    def broken() -> None:
        raise ZeroDivisionError("boom")

    with caplog.at_level(logging.ERROR), qtbot.waitSignal(errors.error_shown,
                                                          timeout=5000) as shown:
        threaded.submit(broken, lane=Lane.POOL)  # no on_error: the handler shows it itself
    assert "went wrong" in shown.args[0]
    record = next(r for r in caplog.records if r.exc_info)
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_only_the_newest_result_of_a_latest_only_key_is_delivered(
        qtbot: QtBot, threaded: ThreadedTaskRunner) -> None:
    gate = threading.Event()
    started = threading.Event()
    ran: list[str] = []

    def search(text: str) -> str:
        if text == "z":
            started.set()
            gate.wait(5)
        ran.append(text)
        return text

    delivered: list[str] = []
    threaded.submit(search, "z", on_result=delivered.append, latest_key="member-search",
                    lane=Lane.POOL)
    assert started.wait(5)
    for text in ("zh", "zha", "zhang"):
        threaded.submit(search, text, on_result=delivered.append, latest_key="member-search")
    gate.set()
    qtbot.waitUntil(lambda: threaded.pending_count() == 0, timeout=5000)
    assert delivered == ["zhang"]
    assert "z" in ran  # it had started: ran, but its result was dropped


def test_the_inline_runner_delivers_before_submit_returns(runner: InlineTaskRunner) -> None:
    got: list[object] = []
    runner.submit(lambda a, b: a + b, 2, 3, on_result=got.append)
    assert got == [5]
    runner.submit(lambda: 1 / 0, on_error=got.append)
    assert isinstance(got[1], str) and "went wrong" in got[1]


def test_a_failing_result_callback_is_reported_not_swallowed(
        runner: InlineTaskRunner, errors: ErrorHandler, qtbot: QtBot) -> None:
    def bad_callback(_: object) -> None:
        raise RuntimeError("view bug")

    with qtbot.waitSignal(errors.error_shown, timeout=1000):
        runner.submit(lambda: 1, on_result=bad_callback)
