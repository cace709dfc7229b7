"""What the status bar is told while a desk joins a server: each step of the first load with
its rows (the bar), the desk enrolled from the first page on even when Settings enrolled it
through another engine, a background loop that starts within seconds of the enrolment, and
an unexpected failure said, not only logged."""

from __future__ import annotations

import sqlite3
import threading
import time

from desktop_app.services.members import MemberDraft
from desktop_app.sync.engine import INDEXING, Loading, SyncEngine, SyncStatus
from desktop_app.sync.protocol import BOOTSTRAP_ENTITIES
from tests.helpers.waiting import wait_for


def _server_with_members(server, make_desk, n: int) -> tuple[str, set[str]]:  # type: ignore[no-untyped-def]
    """A new store on the server, and `n` new members (members are chain-wide: the server
    also holds those of the module's other tests)."""
    store = server.store()
    first = make_desk("first")
    first.enrol(server, store)
    made = {first.services.members.create(first.admin, MemberDraft(name=f"Progress {i}")).id
            for i in range(n)}  # fmt: skip
    assert first.sync().ok
    return store, made


def test_a_bootstrap_reports_each_step_s_progress(server, make_desk) -> None:
    store, made = _server_with_members(server, make_desk, 25)
    new = make_desk("new", bootstrap_page=10)
    # The running desk's engine (the status bar's); Settings enrols through another one.
    running = SyncEngine(new.services.db, new.clock, bootstrap_page=10)
    seen: list[SyncStatus] = []
    running.on_status(seen.append)
    new.enrol(server, store)
    assert running.sync_once().ok  # its first round is the bootstrap
    running.close()
    loading = [s for s in seen if s.loading is not None]
    assert all(s.enrolled for s in loading)  # never "not connected" while it loads
    members = [(s.loading.done, s.loading.total) for s in loading  # type: ignore[union-attr]
               if s.loading.step == "member"]  # type: ignore[union-attr]
    total = len(server.members())
    assert members == [(0, None), *((n, total) for n in range(10, total, 10)), (total, total)]
    steps = list(dict.fromkeys(s.loading.step for s in loading))  # type: ignore[union-attr]
    assert steps == [*BOOTSTRAP_ENTITIES, INDEXING]  # in load order, the index last
    assert loading[-1].loading == Loading(INDEXING)
    assert running.status.loading is None and not running.status.bootstrapping
    assert made <= set(new.members())


def test_the_background_loop_starts_within_seconds_of_an_enrolment(server, make_desk) -> None:
    store, made = _server_with_members(server, make_desk, 3)
    new = make_desk("new")
    running = SyncEngine(new.services.db, new.clock)
    stop = threading.Event()
    loop = threading.Thread(target=running.run, args=(stop, 30.0, False), daemon=True)
    loop.start()
    try:
        time.sleep(0.5)  # the loop is waiting: nothing to sync with yet
        new.enrol(server, store)  # as the first-run wizard does
        assert wait_for(lambda: made <= set(new.members())), "the loop did not start syncing"
        assert running.status.enrolled and running.status.online
    finally:
        stop.set()
        loop.join(10)
        running.close()


def test_an_unexpected_failure_is_said_in_the_status(server, make_desk, monkeypatch) -> None:
    store, _ = _server_with_members(server, make_desk, 1)
    new = make_desk("new")
    new.enrol(server, store)
    broken = threading.Event()

    def fails_once() -> object:
        if not broken.is_set():
            broken.set()
            raise RuntimeError("disk I/O error")
        return SyncEngine.sync_once(new.engine)

    monkeypatch.setattr(new.engine, "sync_once", fails_once)
    monkeypatch.setattr(new.engine.backoff, "base_s", 0.01)
    statuses: list[SyncStatus] = []
    new.engine.on_status(statuses.append)
    stop = threading.Event()
    loop = threading.Thread(target=new.engine.run, args=(stop, 30.0, False), daemon=True)
    loop.start()
    try:
        assert wait_for(lambda: any(s.problem == "failed" for s in statuses))
        failed = next(s for s in statuses if s.problem == "failed")
        assert failed.detail == "disk I/O error"
        assert wait_for(lambda: new.engine.status.problem is None and new.engine.status.online)
    finally:
        stop.set()
        loop.join(10)


def test_a_database_fault_before_a_round_does_not_end_syncing(server, make_desk,
                                                             monkeypatch) -> None:
    store, made = _server_with_members(server, make_desk, 1)
    new = make_desk("new")
    new.enrol(server, store)
    enrolment = new.engine.store.enrolment
    faults = iter([True])

    def locked_once() -> object:
        if next(faults, False):
            raise sqlite3.OperationalError("database is locked")
        return enrolment()

    monkeypatch.setattr(new.engine.store, "enrolment", locked_once)
    monkeypatch.setattr(new.engine.backoff, "base_s", 0.01)
    statuses: list[SyncStatus] = []
    new.engine.on_status(statuses.append)
    stop = threading.Event()
    loop = threading.Thread(target=new.engine.run, args=(stop, 30.0, False), daemon=True)
    loop.start()
    try:
        assert wait_for(lambda: any(s.problem == "failed" for s in statuses))
        assert wait_for(lambda: made <= set(new.members()))  # the loop went on and synced
        assert loop.is_alive()
    finally:
        stop.set()
        loop.join(10)
