"""The lock screen shown over the desk after the idle time: the signed-in staff member's PIN
unlocks it; "Switch staff" signs out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QWidget

from desktop_app.qt.forms.ui_lock_screen import Ui_LockScreen
from desktop_app.qt.sign_in import PIN_PATTERN


class LockScreen(QWidget):
    """Covers the workspace; asks for the PIN of the staff member who is signed in."""

    pin_entered = Signal(str)
    """The operator typed a PIN to unlock."""

    switch_staff_chosen = Signal()
    """The operator chose to sign out from the lock screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_LockScreen()
        self.ui.setupUi(self)
        self.ui.staffNameLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.messageLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.ui.pinEdit.setValidator(QRegularExpressionValidator(PIN_PATTERN, self))
        self.ui.pinEdit.returnPressed.connect(self._submit)
        self.ui.unlockButton.clicked.connect(self._submit)
        self.ui.signOutButton.clicked.connect(self.switch_staff_chosen)

    def prepare(self, staff_name: str) -> None:
        """Clear the form for a new lock of ``staff_name`` (shown as plain text)."""
        self.ui.staffNameLabel.setText(staff_name)
        self.ui.pinEdit.clear()
        self.ui.messageLabel.clear()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        for w in (self.ui.pinEdit, self.ui.unlockButton, self.ui.signOutButton):
            w.setEnabled(not busy)
        if not busy:
            self.ui.pinEdit.setFocus()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.ui.messageLabel.setProperty("error", True)
        self.ui.messageLabel.setText(text)
        self.ui.pinEdit.clear()
        self.ui.pinEdit.setFocus()

    def _submit(self) -> None:
        pin = self.ui.pinEdit.text()
        if not pin:
            self.ui.messageLabel.setText(self.tr("Enter your PIN."))
            return
        self.pin_entered.emit(pin)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
        super().changeEvent(event)
