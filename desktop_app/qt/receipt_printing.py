"""Receipt printing in the running desk: the print worker starts once the database is open
(when this machine has a printer), its state shows in the status bar, every finished sale and
test page goes to the print queue, and the worker stops before the services close.

The worker reads the printer settings for every job, so a settings change only needs a wake,
never a restart; nothing here waits on the worker thread while the desk runs."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.paths import DataPaths
from desktop_app.qt.printer_status import PrinterStatus
from desktop_app.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop_app.qt.session import DeskSession
    from desktop_app.services.print_worker import PrintWorker
    from desktop_app.services.registry import Services


def queue_receipt(services: Services, actor: Any, kind: str, data: Any, lang: str) -> Any:
    """Runs on the database lane: the receipt, with the store's header, into the queue."""
    from desktop_app.services.printing import store_header

    header = store_header(services.settings.current())
    return services.printing.print_receipt(actor, kind, data, header, lang)


def queue_test_page(services: Services, actor: Any, setup: str, lang: str) -> Any:
    """Runs on the database lane: a test page with the store's header into the queue."""
    from desktop_app.services.printing import store_header

    header = store_header(services.settings.current())
    return services.printing.print_test_page(actor, header, lang, setup)


class ReceiptPrinting:
    def __init__(self, app: QApplication, session: DeskSession, paths: DataPaths,
                 runner: TaskRunner) -> None:
        self._session = session
        self._runner = runner
        self._devices = DeviceConfigStore(paths.config)
        self._worker: PrintWorker | None = None
        self.status = PrinterStatus(app)
        app.aboutToQuit.connect(self.stop)  # connected before the session's shutdown
        session.services_ready.connect(self.follow_settings)
        session.signed_in.connect(lambda _actor: self._signed_in())
        self.status.printer_state_changed.connect(lambda *_: self._show())

    def follow_settings(self) -> None:
        """Run the worker when this machine has a printer, and not when it has none."""
        services = self._session.services
        if services is None:
            return
        wanted = self._devices.load().printer.transport != "none"
        if wanted and self._worker is None:
            from desktop_app.services.print_worker import PrintWorker

            self._worker = PrintWorker(services.printing, lambda: self._devices.load().printer)
            self._worker.on_state(self.status.report)
            self._worker.start()
        elif wanted and self._worker is not None:
            self._worker.wake()  # it reads the new settings for its next job
        elif self._worker is not None:
            # Printing turned off: let the thread finish its attempt without holding the GUI.
            threading.Thread(target=self._worker.stop, name="print-worker-stop",
                             daemon=True).start()
            self._worker = None
        self._show()

    def _signed_in(self) -> None:
        window = self._session.main_window
        if window is not None and not window.property("receipts_wired"):
            window.setProperty("receipts_wired", True)
            window.checkout.sale_finalized.connect(self.print_sale)
            window.checkout.receipt_ready.connect(self.print_document)
            window.printer_test_requested.connect(self.print_test_page)
            window.device_settings_saved.connect(lambda _devices: self.follow_settings())
        self._show()

    def print_sale(self, result: Any) -> None:
        """Queue the sale's receipt. A replayed sale was printed the first time."""
        services, actor = self._session.services, self._session.actor
        if services is None or result.replayed:
            return
        self._runner.submit(queue_receipt, services, actor, "sale", result.receipt,
                            self._session.language)

    def print_document(self, kind: str, data: Any) -> None:
        """Queue a refund, top-up or shift report receipt, as a sale's."""
        services, actor = self._session.services, self._session.actor
        if services is None:
            return
        self._runner.submit(queue_receipt, services, actor, kind, data, self._session.language)

    def print_test_page(self, setup: str) -> None:
        services, actor = self._session.services, self._session.actor
        if services is None:
            return
        self._runner.submit(queue_test_page, services, actor, setup, self._session.language)
        self.follow_settings()

    def stop(self) -> None:
        """At quit: stop the worker (waiting for its current attempt) before the services
        close."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def _show(self) -> None:
        window = self._session.main_window
        if window is not None:
            activity = self.status.activity if self._worker is not None else "off"
            window.set_printer_state(activity, self.status.detail)
