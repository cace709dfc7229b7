"""Sign-in, first run and plain-text names, on fakes of the services interface."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from desktop_app.qt.session import DeskSession


def sign_in(qtbot: QtBot, session: DeskSession, code: str, pin: str) -> None:
    """Type like an operator: code, Enter, PIN, Enter."""
    ui = session.sign_in_view.ui
    ui.codeEdit.clear()
    qtbot.keyClicks(ui.codeEdit, code)
    qtbot.keyClick(ui.codeEdit, Qt.Key.Key_Return)
    qtbot.keyClicks(ui.pinEdit, pin)
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)


def test_the_pin_field_is_masked_and_takes_digits_only(started: DeskSession,
                                                      qtbot: QtBot) -> None:
    pin = started.sign_in_view.ui.pinEdit
    assert pin.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(pin, "12ab34")
    assert pin.text() == "1234"


def test_sign_in_success_shows_the_desk_with_the_staff_name(started: DeskSession,
                                                            qtbot: QtBot) -> None:
    with qtbot.waitSignal(started.signed_in, timeout=1000) as signal:
        sign_in(qtbot, started, "100", "1234")
    assert signal.args[0].name == "Li Na"
    window = started.main_window
    assert window is not None and window.isVisible()
    assert not started.sign_in_view.isVisible()
    assert window.staff_label.text() == "Li Na"
    assert window.sync_label.text() == "Sync: not set up"
    assert window.printer_label.text() == "Printer: not set up"
    assert window.scanner_label.text() == "Scanner: keyboard"
    assert window.settings.store_groups["store"].editors["store_name"].value() == "Test Gym"


def test_a_wrong_pin_shows_a_message_and_clears_the_pin(started: DeskSession,
                                                        qtbot: QtBot) -> None:
    sign_in(qtbot, started, "100", "9999")
    view = started.sign_in_view
    assert view.message() == "Wrong staff code or PIN."
    assert view.ui.pinEdit.text() == ""
    assert view.ui.codeEdit.text() == "100"
    assert started.main_window is None


def test_a_locked_staff_code_says_so(started: DeskSession, qtbot: QtBot) -> None:
    for _ in range(5):
        sign_in(qtbot, started, "100", "0000")
    sign_in(qtbot, started, "100", "1234")
    assert "locked" in started.sign_in_view.message()
    assert started.main_window is None


def test_empty_fields_are_caught_before_any_service_call(started: DeskSession,
                                                         qtbot: QtBot) -> None:
    qtbot.mouseClick(started.sign_in_view.ui.signInButton, Qt.MouseButton.LeftButton)
    assert started.sign_in_view.message() == "Enter your staff code."


# First run (the wizard) is tested on the real services in tests/qt/first_run/.


def test_names_are_plain_text_everywhere(session: DeskSession, empty_services: Any,
                                         qtbot: QtBot) -> None:
    name = "<b>x</b>"
    empty_services.auth.add("7", name, "1111")
    session.start(lambda: empty_services)
    sign_in(qtbot, session, "7", "1111")
    window = session.main_window
    assert window is not None
    session.lock()
    labels: list[QLabel] = [window.staff_label, window.lock_screen.ui.staffNameLabel]
    for label in labels:
        assert label.text() == name
        assert label.textFormat() == Qt.TextFormat.PlainText
        # Rendered as plain text, the tags take room; as rich text only a bold "x" would.
        assert label.sizeHint().width() >= label.fontMetrics().horizontalAdvance(name)
