"""The sync status in the status bar: online / offline, ops waiting, last success, a "Sync
now" button, the list of rejected or compensated ops (SYNC.md, Operating it), and while a
new desk loads its data, a progress bar of the step under way.

Wiring (composition root):

    engine = SyncEngine(services.db, clock)
    bridge = SyncStatusBridge(engine)                 # engine thread -> GUI thread
    widget = SyncStatusWidget()
    bridge.status_changed.connect(widget.show_status)
    widget.sync_requested.connect(lambda: runner.submit(engine.request_sync, lane=Lane.POOL))
    worker = SyncWorker(engine); worker.start()       # background loop; worker.stop() on quit
    window.statusBar().addPermanentWidget(widget)

The GUI thread never waits on the network: the engine runs on the worker thread, and only
immutable SyncStatus values cross over, through a queued signal.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.sync.engine import INDEXING, Loading, SyncEngine, SyncStatus


class SyncStatusBridge(QObject):
    status_changed = Signal(object)
    """The engine's status changed (a SyncStatus); delivered on the GUI thread."""

    def __init__(self, engine: SyncEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        engine.on_status(self.status_changed.emit)  # emitted from the worker: queued


class SyncWorker:
    """Runs `engine.run` on a plain daemon thread until `stop()`."""

    def __init__(self, engine: SyncEngine, interval_s: float = 30.0) -> None:
        self._engine = engine
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=engine.run, args=(self._stop, interval_s), name="sync", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout_s)


class SyncStatusWidget(QWidget):
    sync_requested = Signal()
    """The operator asked to sync now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = SyncStatus()
        self.state_label = QLabel(self)
        # May be cut short (its whole text is the tooltip): a long status must not push Lock
        # and Sign out off a 1366-pixel screen.
        self.state_label.setMinimumWidth(140)
        self.issues_button = QPushButton(self)
        self.issues_button.setFlat(True)
        self.issues_button.clicked.connect(self.show_issues)
        self.sync_button = QPushButton(self)
        self.sync_button.clicked.connect(self.sync_requested.emit)
        self.loading_bar = QProgressBar(self)
        self.loading_bar.setFixedWidth(160)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state_label)
        layout.addWidget(self.loading_bar)
        layout.addWidget(self.issues_button)
        layout.addWidget(self.sync_button)
        self.show_status(self._status)

    def show_status(self, status: SyncStatus) -> None:
        self._status = status
        if status.loading is not None:  # the step's progress is the news: nothing else
            text = self.tr("Loading data from the server…") + " · " + self._step_name(
                status.loading.step)
        elif not status.enrolled:
            text = self.tr("Not connected to a server")
        else:
            text = self._state_text(status) + " · " + self.tr("%n waiting", "", status.pending)
            if status.last_success is not None:
                when = status.last_success.astimezone().strftime("%H:%M")
                text += " · " + self.tr("last sync %1").replace("%1", when)
        self.state_label.setText(text)
        self.state_label.setToolTip(text)
        self.issues_button.setVisible(bool(status.issues))
        self.issues_button.setText(self.tr("%n need attention", "", len(status.issues)))
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setVisible(not status.bootstrapping)
        self.sync_button.setEnabled(status.enrolled)
        self._show_loading(status.loading)

    def _state_text(self, status: SyncStatus) -> str:
        if status.problem == "unauthorised":
            return self.tr("This desk was disconnected by the server")
        if status.problem == "schema_too_old":
            return self.tr("Update needed to receive changes")
        if status.problem == "failed":
            return self.tr("Sync failed, trying again (details in the log)")
        return self.tr("Online") if status.online else self.tr("Offline")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.show_status(self._status)  # every text again, in the new language
        super().changeEvent(event)

    def _show_loading(self, loading: Loading | None) -> None:
        self.loading_bar.setVisible(loading is not None)
        if loading is None:
            return
        if loading.total:  # the label beside it names the step
            self.loading_bar.setRange(0, loading.total)
            self.loading_bar.setValue(min(loading.done, loading.total))
        else:  # a step of unknown length (the search index): a busy bar
            self.loading_bar.setRange(0, 0)

    def _step_name(self, step: str) -> str:
        """Staff say what a step loads in their words; the smaller tables go as "other"."""
        names = {
            "member": self.tr("Members"),
            "card": self.tr("Cards"),
            "booking": self.tr("Bookings"),
            "points_entry": self.tr("Points"),
            INDEXING: self.tr("Search index"),
        }
        return names.get(step, self.tr("Other data"))

    def show_issues(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Changes the server did differently"))
        listing = QListWidget(dialog)
        for issue in self._status.issues:
            kind = self.tr("rejected") if issue.state == "rejected" else self.tr("adjusted")
            at = (issue.acked_at or datetime.now(UTC)).astimezone().strftime("%Y-%m-%d %H:%M")
            listing.addItem(f"{at}  {issue.name}  {kind}  {issue.reason or ''}".rstrip())
        layout = QVBoxLayout(dialog)
        layout.addWidget(listing)
        close = QPushButton(self.tr("Close"), dialog)
        close.clicked.connect(dialog.accept)
        layout.addWidget(close)
        dialog.open()
