"""A job the desk runs by itself: once the database is open (so a desk that was off catches
up at start-up) and then on a timer. The work runs on the database lane of the task runner,
never on the GUI thread; a run is never started while the previous one is still going, and a
failure is logged and retried at the next tick. Subclasses say what the job is."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from desktop_app.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop_app.services.registry import Services

log = logging.getLogger(__name__)
EVERY_MINUTE_MS = 60_000


class BackgroundJob(QObject):
    name = "background job"

    def __init__(self, parent: QObject, session: Any, runner: TaskRunner,
                 interval_ms: int = EVERY_MINUTE_MS) -> None:
        """`session`: the DeskSession (its `services` and `services_ready`)."""
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._busy = False
        self.runs = 0  # runs that finished
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)
        session.services_ready.connect(self._start)

    @staticmethod
    def work(services: Services) -> Any:
        """The job itself, on the database lane."""
        raise NotImplementedError

    def finished(self, result: Any) -> None:
        """On the GUI thread, with what `work` returned."""

    def _start(self) -> None:
        self.run()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def run(self) -> None:
        services = self._session.services
        if services is None or self._busy:
            return
        self._busy = True
        self._runner.submit(self.work, services, on_result=self._done, on_error=self._failed)

    def _done(self, result: Any) -> None:
        self._busy = False
        self.runs += 1
        self.finished(result)

    def _failed(self, text: str) -> None:
        self._busy = False
        log.warning("%s failed (retried at the next tick): %s", self.name, text)
