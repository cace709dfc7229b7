"""The desk on the REAL services and a temporary SQLite database, through the threaded runner:
first run, sign-in, wrong PIN; and no SQL ever runs on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from desktop_app.paths import DataPaths
from desktop_app.qt.app import open_services
from desktop_app.qt.config import DeskConfig
from desktop_app.qt.errors import ErrorHandler
from desktop_app.qt.idle import IdleWatcher
from desktop_app.qt.session import DeskSession
from desktop_app.qt.tasks import ThreadedTaskRunner


@pytest.fixture
def real_session(qapp: QApplication, data_paths: DataPaths) -> Iterator[DeskSession]:
    runner = ThreadedTaskRunner(ErrorHandler(use_dialogs=False))
    idle = IdleWatcher(qapp)
    session = DeskSession(runner, idle, DeskConfig(data_paths.config), "en")
    yield session
    session.shutdown()
    for w in (session.main_window, session.first_run_wizard, session.sign_in_view):
        if w is not None:
            w.close()
            w.deleteLater()


def test_first_run_and_sign_in_on_the_real_database(real_session: DeskSession, qtbot: QtBot,
                                                    data_paths: DataPaths) -> None:
    gui_thread = threading.get_ident()
    sql_threads: set[int] = set()

    def watch(services: Any) -> None:
        def before(*_: Any) -> None:
            sql_threads.add(threading.get_ident())
        event.listen(services.db.engine, "before_cursor_execute", before)

    real_session.services_ready.connect(lambda: watch(real_session.services))
    db: Path = data_paths.database
    real_session.start(lambda: open_services(db, data_paths.backups))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: real_session.first_run_wizard is not None
                    and real_session.first_run_wizard.isVisible(), timeout=20_000)
    wizard = real_session.first_run_wizard
    assert wizard is not None
    wizard.store_page.ui.nameEdit.setText("Lotus Gym")
    wizard.next()
    admin = wizard.admin_page.ui
    admin.codeEdit.setText("1")
    admin.nameEdit.setText("王芳")
    admin.pinEdit.setText("2580")
    admin.pinAgainEdit.setText("2580")
    wizard.next()
    wizard.next()  # printer: none
    wizard.next()  # scanner: keyboard wedge
    with qtbot.waitSignal(real_session.signed_in, timeout=20_000):
        wizard.button(wizard.WizardButton.FinishButton).click()
    window = real_session.main_window
    assert window is not None and window.staff_label.text() == "王芳"
    store_name = window.settings.store_groups["store"].editors["store_name"]
    qtbot.waitUntil(lambda: store_name.value() == "Lotus Gym", timeout=10_000)

    with qtbot.waitSignal(real_session.signed_out, timeout=5000):
        window.ui.actionSignOut.trigger()
    view = real_session.sign_in_view
    view.ui.codeEdit.setText("1")
    view.ui.pinEdit.setText("0000")
    view.ui.signInButton.click()
    qtbot.waitUntil(lambda: view.message() == "Wrong staff code or PIN.", timeout=20_000)
    view.ui.pinEdit.setText("2580")
    with qtbot.waitSignal(real_session.signed_in, timeout=20_000):
        view.ui.signInButton.click()

    assert sql_threads, "no SQL was seen"
    assert gui_thread not in sql_threads, "SQL ran on the GUI thread"
    assert len(sql_threads) == 1, "database work ran on more than one thread"
