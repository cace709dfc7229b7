"""The one place where an error becomes something the operator reads.

A ``DomainError`` is an expected "no" from a business rule: it becomes translated text chosen
by its stable ``code``. Anything else is a bug or a broken device: it is logged with its
traceback and the operator sees a generic message. Nothing is swallowed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.domain.errors import DomainError, ValidationError

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    """Translated text for an exception: by code for domain errors, generic otherwise."""
    if not isinstance(exc, DomainError):
        return QCoreApplication.translate(
            "ErrorText", "Something went wrong. The details were written to the log.")
    code = exc.code
    if code == "bad_credentials":
        return QCoreApplication.translate("ErrorText", "Wrong staff code or PIN.")
    if code == "staff_locked":
        return QCoreApplication.translate(
            "ErrorText",
            "This staff code is locked after too many wrong PINs. Try again in a few minutes.")
    if code == "permission_denied":
        return QCoreApplication.translate("ErrorText",
                                          "You are not allowed to do this. Ask a manager.")
    if isinstance(exc, ValidationError):
        return validation_text(exc)
    if code == "not_found":
        return QCoreApplication.translate("ErrorText", "Not found.")
    if code == "conflict":
        return QCoreApplication.translate(
            "ErrorText", "Someone else changed this at the same time. Please try again.")
    return QCoreApplication.translate("ErrorText", "This cannot be done (%1).").replace("%1", code)


def validation_text(exc: ValidationError) -> str:
    """Translated text for a rejected input, by the field it concerns."""
    if exc.field == "pin":
        return QCoreApplication.translate("ErrorText", "A PIN is 4 to 8 digits.")
    if exc.field == "code":
        return QCoreApplication.translate("ErrorText",
                                          "A staff code is 1 to 32 letters or digits.")
    if exc.field == "name":
        return QCoreApplication.translate("ErrorText", "Please enter a name (at most 200 "
                                                       "characters).")
    return QCoreApplication.translate("ErrorText", "Please check what you entered.")


class ErrorHandler(QObject):
    """Logs every error and shows it: inline through a callback, or in a message box."""

    error_shown = Signal(str)
    """An error message was shown to the operator (its translated text)."""

    def __init__(self, parent: QObject | None = None, use_dialogs: bool = True) -> None:
        super().__init__(parent)
        self._use_dialogs = use_dialogs
        self._box: QMessageBox | None = None

    def handle(self, exc: BaseException, show: Callable[[str], None] | None = None,
               context: str = "") -> None:
        """Log ``exc`` as it deserves, then show its text via ``show`` or a message box."""
        if isinstance(exc, DomainError):
            log.info("%s refused: %s (%s)", context or "task", exc.code, exc)
        else:
            log.error("%s failed", context or "task", exc_info=(type(exc), exc,
                                                                 exc.__traceback__))
        text = error_text(exc)
        if show is not None:
            try:
                show(text)
            except Exception:
                log.exception("showing an error inline failed")
                self._show_dialog(text)
        else:
            self._show_dialog(text)
        self.error_shown.emit(text)

    def log_only(self, exc: BaseException, context: str = "") -> None:
        """For outcomes nobody waits for any more (a superseded search): log, don't show."""
        log.warning("%s failed after being superseded", context or "task",
                    exc_info=(type(exc), exc, exc.__traceback__))

    def _show_dialog(self, text: str) -> None:
        if not self._use_dialogs:
            return
        parent: QWidget | None = QApplication.activeWindow()
        if self._box is None:
            self._box = QMessageBox(QMessageBox.Icon.Warning, "", "", QMessageBox.StandardButton.Ok,
                                    parent)
        box = self._box
        box.setWindowTitle(QCoreApplication.translate("ErrorText", "Frontdesk"))
        box.setText(text)
        box.open()  # not exec(): never block the event loop
