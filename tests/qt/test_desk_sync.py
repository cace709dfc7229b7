"""The running desk builds its sync engine off the GUI thread once the database is open, runs
it in the background, and shows its state in the status bar after sign-in."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desktop_app.qt.desk_sync import DeskSync
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.tasks import InlineTaskRunner
from desktop_app.qt.widgets.sync_status import SyncStatusWidget


class SessionSignals(QObject):
    """The two facts DeskSync listens to, and what it reads from the session."""

    services_ready = Signal()
    signed_in = Signal(object)

    def __init__(self, services: object) -> None:
        super().__init__()
        self.services = services
        self.main_window: MainWindow | None = None


def test_sync_starts_in_the_background_and_shows_in_the_status_bar(qtbot, services, admin,
                                                                    errors) -> None:
    app = QApplication.instance()
    session = SessionSignals(services)
    sync = DeskSync(app, session, InlineTaskRunner(errors))  # type: ignore[arg-type]
    try:
        session.services_ready.emit()
        assert sync.engine is not None and sync._worker is not None
        assert not sync.engine.status.enrolled
        window = MainWindow(None, "en")
        qtbot.addWidget(window)
        session.main_window = window
        session.signed_in.emit(admin)
        widgets = window.statusBar().findChildren(SyncStatusWidget)
        assert len(widgets) == 1 and window.sync_label.isHidden()
        session.signed_in.emit(admin)  # a second sign-in adds no second widget
        assert len(window.statusBar().findChildren(SyncStatusWidget)) == 1
    finally:
        sync.stop()
