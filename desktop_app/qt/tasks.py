"""The task runner: how the desk does anything slow without freezing the screen.

Contract (ARCHITECTURE.md, conventions 3 and 4):

1. ``submit(fn, *args, ...)`` runs ``fn(*args)`` OFF the GUI thread and returns a task id
   at once. Nothing a task does may touch a widget.
2. A task runs in one of two lanes:
   - ``Lane.DATABASE``: ONE dedicated worker thread, tasks strictly one after another in
     submission order. Every database read or write goes here, so SQLite writes are
     serialised and a connection is only ever used from that thread.
   - ``Lane.POOL``: a ``QThreadPool`` for everything else that blocks (network, printer).
3. Workers receive ids and immutable values (str, int, frozen dataclasses, bound methods of
   services), never widgets or ORM objects; they return plain values in the same spirit.
4. The outcome comes back to the GUI thread through a queued signal. Then exactly one of
   ``on_result(value)`` or the error path is called, on the GUI thread.
5. Errors are never swallowed: every exception goes to the one ``ErrorHandler``. It logs
   unexpected exceptions with their traceback, and turns a ``DomainError`` into translated
   text by its ``code``. If the caller passed ``on_error(text)`` the text goes there (a form
   showing it inline); otherwise the handler shows it to the operator itself.
6. ``latest_key``: for search-as-you-type. Only the newest task submitted under a key is
   delivered; older ones are skipped if they have not started, and their results dropped if
   they have (their errors are still logged, never shown).
7. ``InlineTaskRunner`` has the same interface and runs each task synchronously inside
   ``submit``; tests use it so that a click's whole effect has happened when the click returns.
8. ``shutdown()`` lets queued database work finish, then stops the worker; call it before
   the services are closed (or submit ``services.close`` as the last database task).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal

from desktop_app.qt.errors import ErrorHandler

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[str], None]


class Lane(Enum):
    DATABASE = "database"
    POOL = "pool"


@dataclass(frozen=True, slots=True)
class _Job:
    task_id: int
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    latest_key: str | None


@dataclass(slots=True)
class _Pending:
    on_result: ResultCallback | None
    on_error: ErrorCallback | None
    latest_key: str | None
    name: str


class TaskRunner(QObject):
    """The interface shared by the threaded runner and the inline one (see the module doc)."""

    task_finished = Signal(int)
    """A task's outcome (result or error) has been delivered on the GUI thread."""

    def __init__(self, errors: ErrorHandler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._errors = errors
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()

    @property
    def errors(self) -> ErrorHandler:
        return self._errors

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        lane: Lane = Lane.DATABASE,
        latest_key: str | None = None,
    ) -> int:
        """Queue ``fn(*args)``; return its task id at once."""
        task_id = next(self._ids)
        name = getattr(fn, "__qualname__", repr(fn))
        self._pending[task_id] = _Pending(on_result, on_error, latest_key, name)
        if latest_key is not None:
            with self._lock:
                self._latest[latest_key] = task_id
        self._start(_Job(task_id, fn, args, latest_key), lane)
        return task_id

    def pending_count(self) -> int:
        return len(self._pending)

    def shutdown(self) -> None:
        """Finish queued work and stop the workers."""

    # -- for subclasses ---------------------------------------------------------------
    def _start(self, job: _Job, lane: Lane) -> None:
        raise NotImplementedError

    def _is_current(self, job: _Job) -> bool:
        if job.latest_key is None:
            return True
        with self._lock:
            return self._latest.get(job.latest_key) == job.task_id

    def _execute(self, job: _Job) -> tuple[Any, BaseException | None]:
        """Run one job (on whichever thread calls this); never raises."""
        if not self._is_current(job):
            return _SKIPPED, None
        try:
            return job.fn(*job.args), None
        except BaseException as exc:  # noqa: BLE001 - delivered to the error handler
            return None, exc

    def _deliver(self, task_id: int, result: Any, error: BaseException | None) -> None:
        """On the GUI thread: hand the outcome to its callback or to the error handler."""
        pending = self._pending.pop(task_id, None)
        if pending is None:
            log.error("task %s delivered twice or never submitted", task_id)
            return
        stale = pending.latest_key is not None and self._latest.get(pending.latest_key) != task_id
        if pending.latest_key is not None and not stale:
            with self._lock:
                self._latest.pop(pending.latest_key, None)
        try:
            if error is not None:
                if stale:
                    self._errors.log_only(error, pending.name)
                else:
                    self._errors.handle(error, pending.on_error, pending.name)
            elif result is not _SKIPPED and not stale and pending.on_result is not None:
                try:
                    pending.on_result(result)
                except Exception as exc:  # a bug in the view's callback: show it, once
                    self._errors.handle(exc, None, f"{pending.name} (result callback)")
        finally:
            self.task_finished.emit(task_id)


class _Skipped:
    def __repr__(self) -> str:
        return "<skipped: superseded by a newer task>"


_SKIPPED: Any = _Skipped()


class _DatabaseWorker(QThread):
    """The one thread that talks to the database; runs jobs in submission order."""

    job_done = Signal(int, object, object)
    """A job ran on the database thread: (task id, result, exception or None)."""

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self.setObjectName("frontdesk-database")
        self._runner = runner
        self.jobs: queue.Queue[_Job | None] = queue.Queue()

    def run(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            result, error = self._runner._execute(job)
            self.job_done.emit(job.task_id, result, error)


class _PoolJob(QRunnable):
    def __init__(self, runner: ThreadedTaskRunner, job: _Job) -> None:
        super().__init__()
        self._runner = runner
        self._job = job

    def run(self) -> None:
        result, error = self._runner._execute(self._job)
        # A signal of a GUI-thread object, emitted here: Qt queues it to the GUI thread.
        self._runner.pool_job_done.emit(self._job.task_id, result, error)


class ThreadedTaskRunner(TaskRunner):
    """The real runner: one database thread plus a thread pool."""

    pool_job_done = Signal(int, object, object)
    """A job ran on the thread pool: (task id, result, exception or None)."""

    def __init__(self, errors: ErrorHandler, parent: QObject | None = None,
                 max_pool_threads: int = 4) -> None:
        super().__init__(errors, parent)
        self._db = _DatabaseWorker(self)
        self._db.job_done.connect(self._deliver)
        self.pool_job_done.connect(self._deliver)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_pool_threads)
        self._db.start()
        self._closed = False

    def _start(self, job: _Job, lane: Lane) -> None:
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        if lane is Lane.DATABASE:
            self._db.jobs.put(job)
        else:
            self._pool.start(_PoolJob(self, job))

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._db.jobs.put(None)
        self._db.wait()
        self._pool.waitForDone()


class InlineTaskRunner(TaskRunner):
    """Same interface; each task runs synchronously inside ``submit`` (for tests)."""

    def _start(self, job: _Job, lane: Lane) -> None:
        result, error = self._execute(job)
        self._deliver(job.task_id, result, error)
