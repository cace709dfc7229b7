"""The composition root: the one place where the desk's objects are built and wired.

Nothing here is a module-level singleton: ``run`` builds the application, the task runner,
the error handler, the idle watcher and the session, hands each its collaborators, and runs
the event loop. The database is opened on the task runner's database thread.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QStyleFactory

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.clock import SystemClock
from desktop_app.logs import configure_logging
from desktop_app.paths import APP_NAME, DataPaths, repo_resources
from desktop_app.qt.class_closer import ClassCloser
from desktop_app.qt.config import DeskConfig
from desktop_app.qt.desk_sync import DeskSync
from desktop_app.qt.errors import ErrorHandler
from desktop_app.qt.i18n import Translations, choose_language
from desktop_app.qt.idle import IdleWatcher
from desktop_app.qt.points_daily import PointsDailyRun
from desktop_app.qt.receipt_printing import ReceiptPrinting
from desktop_app.qt.scanner_hub import ScannerHub
from desktop_app.qt.scanning.wedge_filter import WedgeFilter
from desktop_app.qt.session import DeskSession
from desktop_app.qt.tasks import ThreadedTaskRunner

if TYPE_CHECKING:
    from desktop_app.services.registry import Services

log = logging.getLogger(__name__)


def style_sheet_path() -> Path:
    """ui/style.qss: beside resources/ from source; the installer bundles it the same way."""
    return repo_resources().parent / "ui" / "style.qss"


def translations_dir() -> Path:
    return repo_resources() / "translations"


def _announce_when_ready(session: DeskSession) -> None:
    """For start-up benchmarks and smoke tests: with FRONTDESK_READY_FILE set, write a line
    to that file once the sign-in screen is up and the database is open (after the next paint,
    so the screen is really usable)."""
    target = os.environ.get("FRONTDESK_READY_FILE")
    if not target:
        return

    def write() -> None:
        with open(target, "a", encoding="utf-8") as out:
            out.write(f"sign-in ready {time.time():.6f}\n")

    session.services_ready.connect(lambda: QTimer.singleShot(0, write))


def _offer_scanner_window(session: DeskSession, scanners: ScannerHub) -> None:
    window = session.main_window
    if window is not None and not window.property("scanner_window_wired"):
        window.setProperty("scanner_window_wired", True)
        window.scanner_window_requested.connect(lambda: scanners.open_window(window))


def build_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setStyle(QStyleFactory.create("Fusion"))
    qss = style_sheet_path()
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    else:
        log.warning("style sheet %s is missing; using plain Fusion", qss)
    return app


def open_services(db_path: Path, backup_dir: Path) -> Services:
    """Runs on the database thread: backup, migrations, then the services. The services (and
    SQLAlchemy under them) are imported here too, so the sign-in screen does not wait."""
    from desktop_app.services.registry import Services

    return Services.open(db_path, SystemClock(), backup_dir=backup_dir)


def run(paths: DataPaths, db_path: Path, lang: str | None) -> int:
    """Start the desk on ``db_path``; returns the exit code of the event loop."""
    paths.ensure()
    configure_logging(paths.logs)
    app = build_application(sys.argv[:1])
    config = DeskConfig(paths.config)
    language = choose_language(lang, config.language())
    translations = Translations(app, translations_dir())
    translations.apply(language)

    errors = ErrorHandler(app)
    runner = ThreadedTaskRunner(errors, app)
    idle = IdleWatcher(app, app)
    session = DeskSession(runner, idle, config, language, translations, app)
    # Kept alive for the event loop; created before session.shutdown is connected, so the
    # print worker stops before the services close.
    _printing = ReceiptPrinting(app, session, paths, runner)
    _sync = DeskSync(app, session, runner)  # likewise stops before the services close
    # Ended class sessions close (no-shows, strikes) at start-up and every minute after.
    _closer = ClassCloser(app, session, runner)
    app.aboutToQuit.connect(_closer.stop)
    # Points expiry and birthday bonuses: at start-up and when the business day rolls over.
    _points_daily = PointsDailyRun(app, session, runner)
    app.aboutToQuit.connect(_points_daily.stop)
    app.aboutToQuit.connect(session.shutdown)
    # Keyboard-wedge scanners type into whatever has focus: one app-wide filter takes their
    # bursts out of the key stream and hands the code to the session, which routes it.
    # The camera, when the operator turns it on, feeds the same route; the scanner window
    # shows every read as it happens.
    scanners = ScannerHub(DeviceConfigStore(paths.config), app)
    scanners.code_scanned.connect(session.route_scan)
    app.aboutToQuit.connect(scanners.shutdown)
    wedge = WedgeFilter(parent=app)
    wedge.install(app)
    wedge.scan_received.connect(scanners.route)
    session.signed_in.connect(lambda _actor: _offer_scanner_window(session, scanners))
    _announce_when_ready(session)
    session.start(partial(open_services, db_path, paths.backups))
    log.info("desk started on %s in %s", db_path, language)
    return app.exec()
