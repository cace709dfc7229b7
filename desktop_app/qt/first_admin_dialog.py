"""First run: on a database with no staff, create the first administrator."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.qt.forms.ui_first_admin import Ui_FirstAdminDialog
from desktop_app.qt.sign_in import PIN_PATTERN

MIN_PIN_LENGTH = 4


class FirstAdminDialog(QDialog):
    """Collects code, name and the PIN twice; stays open until the session says it worked."""

    admin_entered = Signal(str, str, str)
    """The operator filled in a valid form (code, name, pin)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstAdminDialog()
        self.ui.setupUi(self)
        self.ui.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        for edit in (self.ui.pinEdit, self.ui.pinAgainEdit):
            edit.setValidator(QRegularExpressionValidator(PIN_PATTERN, self))
        self.ui.buttonBox.accepted.connect(self._submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._retranslate()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.ui.messageLabel.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.setEnabled(not busy)

    def message(self) -> str:
        return self.ui.messageLabel.text()

    def _submit(self) -> None:
        code = self.ui.codeEdit.text().strip()
        name = self.ui.nameEdit.text().strip()
        pin = self.ui.pinEdit.text()
        if not code or not name:
            self.ui.messageLabel.setText(self.tr("Enter a staff code and a name."))
            return
        if len(pin) < MIN_PIN_LENGTH:
            self.ui.messageLabel.setText(
                self.tr("The PIN needs at least %n digits.", "", MIN_PIN_LENGTH))
            return
        if pin != self.ui.pinAgainEdit.text():
            self.ui.messageLabel.setText(self.tr("The two PINs differ. Type them again."))
            self.ui.pinEdit.clear()
            self.ui.pinAgainEdit.clear()
            self.ui.pinEdit.setFocus()
            return
        self.ui.messageLabel.clear()
        self.set_busy(True)
        self.admin_entered.emit(code, name, pin)

    def _retranslate(self) -> None:
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create administrator"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)
