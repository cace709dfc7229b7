"""The print worker's state reaches the status bar on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.printer_status import PrinterStatus
from desktop_app.services.print_worker import Activity, WorkerState


def test_worker_thread_reports_arrive_on_the_gui_thread(qtbot) -> None:
    status = PrinterStatus()
    received: list[tuple[str, str, bool]] = []
    status.printer_state_changed.connect(
        lambda a, d: received.append((a, d, QThread.currentThread() is status.thread())))
    with qtbot.waitSignal(status.printer_state_changed, timeout=2000):
        threading.Thread(target=status.report,
                         args=(WorkerState(Activity.RETRYING, "printer refused"),)).start()
    assert received == [("retrying", "printer refused", True)]
    assert (status.activity, status.detail) == ("retrying", "printer refused")


def test_status_bar_says_what_the_printer_is_doing(qtbot) -> None:
    window = MainWindow(None, "en")
    qtbot.addWidget(window)
    assert window.printer_label.text() == "Printer: not set up"
    window.set_printer_state("retrying", "connection refused by 127.0.0.1:9100")
    assert "retrying" in window.printer_label.text()
    assert window.printer_label.toolTip() == "connection refused by 127.0.0.1:9100"
    window.set_printer_state("idle")
    assert window.printer_label.text() == "Printer: ready"
