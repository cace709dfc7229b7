"""The print worker runs on its own thread; this bridge carries its activity to the GUI
thread as a signal (a cross-thread emit is queued), so views never touch the worker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop_app.services.print_worker import WorkerState


class PrinterStatus(QObject):
    printer_state_changed = Signal(str, str)
    """The print worker's activity changed (activity, detail), delivered on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.activity = "stopped"
        self.detail = ""
        self.printer_state_changed.connect(self._remember)

    def report(self, state: WorkerState) -> None:
        """Called on the worker thread."""
        self.printer_state_changed.emit(state.activity.value, state.detail)

    def _remember(self, activity: str, detail: str) -> None:
        self.activity, self.detail = activity, detail
