"""The sign-in screen: staff code and PIN. It only collects input and shows messages; the
session runs the actual sign-in on the database thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRegularExpression, Qt, Signal
from PySide6.QtGui import QCloseEvent, QRegularExpressionValidator, QShowEvent
from PySide6.QtWidgets import QWidget

from desktop_app.qt.config import DeskConfig
from desktop_app.qt.forms.ui_sign_in import Ui_SignInView

PIN_PATTERN = QRegularExpression(r"\d{0,8}")


class SignInView(QWidget):
    """Staff code + PIN; Enter submits; errors show as text under the fields."""

    credentials_entered = Signal(str, str)
    """The operator submitted a staff code and a PIN (code, pin)."""

    def __init__(self, config: DeskConfig | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignInView()
        self.ui.setupUi(self)
        self._config = config
        self.ui.titleLabel.setObjectName("titleLabel")
        self.ui.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.pinEdit.setValidator(QRegularExpressionValidator(PIN_PATTERN, self))
        self.ui.codeEdit.returnPressed.connect(self._code_entered)
        self.ui.pinEdit.returnPressed.connect(self._submit)
        self.ui.signInButton.clicked.connect(self._submit)
        self._busy = False
        if config is not None and (geometry := config.geometry("sign_in")) is not None:
            self.restoreGeometry(geometry)

    # -- what the session calls ------------------------------------------------------------
    def set_busy(self, busy: bool, message: str = "") -> None:
        """While busy (opening the database, checking a PIN) input is disabled."""
        self._busy = busy
        for w in (self.ui.codeEdit, self.ui.pinEdit, self.ui.signInButton):
            w.setEnabled(not busy)
        self._set_message(message, error=False)
        if not busy:
            (self.ui.pinEdit if self.ui.codeEdit.text() else self.ui.codeEdit).setFocus()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self._set_message(text, error=True)
        self.ui.pinEdit.clear()
        self.ui.pinEdit.setFocus()

    def reset(self) -> None:
        """Back to an empty form (after sign-out)."""
        self.ui.codeEdit.clear()
        self.ui.pinEdit.clear()
        self.set_busy(False)

    def message(self) -> str:
        return self.ui.messageLabel.text()

    # -- internals -------------------------------------------------------------------------
    def _set_message(self, text: str, error: bool) -> None:
        self.ui.messageLabel.setProperty("error", error)
        self.ui.messageLabel.style().unpolish(self.ui.messageLabel)
        self.ui.messageLabel.style().polish(self.ui.messageLabel)
        self.ui.messageLabel.setText(text)

    def _code_entered(self) -> None:
        if self.ui.pinEdit.text():
            self._submit()
        else:
            self.ui.pinEdit.setFocus()

    def _submit(self) -> None:
        if self._busy:
            return
        code = self.ui.codeEdit.text().strip()
        pin = self.ui.pinEdit.text()
        if not code:
            self._set_message(self.tr("Enter your staff code."), error=True)
            self.ui.codeEdit.setFocus()
            return
        if not pin:
            self._set_message(self.tr("Enter your PIN."), error=True)
            self.ui.pinEdit.setFocus()
            return
        self.credentials_entered.emit(code, pin)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        (self.ui.pinEdit if self.ui.codeEdit.text() else self.ui.codeEdit).setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._config is not None:
            self._config.save_geometry("sign_in", self.saveGeometry())
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)
