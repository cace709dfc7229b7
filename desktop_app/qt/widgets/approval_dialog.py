"""A manager approves one action on a cashier's screen with their staff code and PIN.

The dialog only collects the two values; the caller checks them through
``services.auth.approve`` on the task runner and learns who approved."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class ApprovalDialog(QDialog):
    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Manager approval"))
        form = QFormLayout(self)
        self.reason = QLabel(reason, self)
        self.reason.setWordWrap(True)
        form.addRow(self.reason)
        self.code = QLineEdit(self)
        self.code.setObjectName("approvalCode")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("approvalPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Manager code"), self.code)
        form.addRow(self.tr("PIN"), self.pin)
        self.error = QLabel(self)
        self.error.setObjectName("approvalError")
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.code.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.accept)

    def values(self) -> tuple[str, str]:
        return self.code.text().strip(), self.pin.text()
