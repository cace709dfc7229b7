"""Sync in the running desk: the engine is built on the database lane once the database is
open, a background thread pushes and pulls (SYNC.md: the GUI thread never waits on the
network), and the status bar shows online/offline, ops waiting, the last success, a
"Sync now" button and the list of rejected or adjusted ops."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from desktop_app.qt.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from desktop_app.qt.session import DeskSession
    from desktop_app.qt.widgets.sync_status import SyncStatusBridge, SyncWorker
    from desktop_app.services.registry import Services
    from desktop_app.sync.engine import SyncEngine


def build_engine(services: Services) -> SyncEngine:
    """Runs on the database lane: the engine reads its status from the database."""
    from desktop_app.sync.engine import SyncEngine

    return SyncEngine(services.db, services.clock)


class DeskSync(QObject):
    def __init__(self, app: QApplication, session: DeskSession, runner: TaskRunner) -> None:
        super().__init__(app)
        self._session = session
        self._runner = runner
        self.engine: SyncEngine | None = None
        self._bridge: SyncStatusBridge | None = None
        self._worker: SyncWorker | None = None
        app.aboutToQuit.connect(self.stop)  # connected before the session's shutdown
        session.services_ready.connect(self._open)
        session.signed_in.connect(lambda _actor: self._show_in_window())

    def _open(self) -> None:
        services = self._session.services
        if services is not None and self.engine is None:
            self._runner.submit(build_engine, services, on_result=self._start)

    def _start(self, engine: Any) -> None:
        from desktop_app.qt.widgets.sync_status import SyncStatusBridge, SyncWorker

        self.engine = engine
        self._bridge = SyncStatusBridge(engine, self)
        self._worker = SyncWorker(engine)
        self._worker.start()
        self._show_in_window()

    def _show_in_window(self) -> None:
        window = self._session.main_window
        if window is None or self.engine is None or window.property("sync_widget"):
            return
        from desktop_app.qt.widgets.sync_status import SyncStatusWidget

        engine, bridge = self.engine, self._bridge
        assert bridge is not None
        widget = SyncStatusWidget(window)
        window.setProperty("sync_widget", True)
        window.sync_label.hide()  # the widget says more than "not set up"
        window.statusBar().insertWidget(0, widget)
        bridge.status_changed.connect(widget.show_status)
        widget.sync_requested.connect(
            lambda: self._runner.submit(engine.request_sync, lane=Lane.POOL))
        widget.show_status(engine.status)

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
