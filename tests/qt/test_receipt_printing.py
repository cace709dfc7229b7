"""The desk's print worker follows this machine's printer settings without the GUI thread
ever waiting for the worker (a printer can take seconds to give up)."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.device_settings import DeviceSettings, PrinterSettings
from desktop_app.paths import DataPaths
from desktop_app.qt.receipt_printing import ReceiptPrinting
from desktop_app.qt.tasks import InlineTaskRunner
from desktop_app.services.print_worker import PrintWorker


class SessionSignals(QObject):
    services_ready = Signal()
    signed_in = Signal(object)

    def __init__(self, services: object) -> None:
        super().__init__()
        self.services = services
        self.main_window = None


def save_printer(paths: DataPaths, printer: PrinterSettings) -> None:
    DeviceConfigStore(paths.config).save(DeviceSettings(printer=printer))


def test_turning_printing_off_does_not_wait_for_the_worker(services, errors, tmp_path,
                                                          monkeypatch) -> None:
    paths = DataPaths(tmp_path / "desk").ensure()
    save_printer(paths, PrinterSettings(transport="file", file_path=str(tmp_path / "out.bin")))
    session = SessionSignals(services)
    printing = ReceiptPrinting(QApplication.instance(), session, paths,  # type: ignore[arg-type]
                               InlineTaskRunner(errors))
    stopped = threading.Event()
    real_stop = PrintWorker.stop

    def slow_stop(worker: PrintWorker, timeout: float = 15.0) -> None:
        time.sleep(1.0)  # a printer in the middle of a stalled write
        real_stop(worker, timeout)
        stopped.set()

    monkeypatch.setattr(PrintWorker, "stop", slow_stop)
    session.services_ready.emit()
    assert printing._worker is not None  # a printer is set up: the worker runs
    save_printer(paths, PrinterSettings(transport="none"))
    began = time.monotonic()
    printing.follow_settings()
    assert time.monotonic() - began < 0.5  # the GUI thread did not wait
    assert printing._worker is None
    assert stopped.wait(10)  # and the worker did stop, on its own thread
