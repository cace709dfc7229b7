"""The Sync group: whether this desk is enrolled with a server (and which), the local changes
waiting to be sent, an enrolment form, and the sync rules that are fixed in code."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.qt.pages.settings_form import SettingsForm
from desktop_app.qt.settings_catalogue import FixedRule


class SyncGroup(SettingsForm):
    enrol_requested = Signal(str, str)
    """The operator asked to enrol this desk: (server URL, one-time code)."""

    def __init__(self, title_source: str, fixed: Sequence[FixedRule],
                 parent: QWidget | None = None) -> None:
        super().__init__(title_source, (), fixed, parent)
        self.status = QLabel(self)
        self.status.setObjectName("syncStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.url_label, self.code_label = QLabel(self), QLabel(self)
        self.url_edit, self.code_edit = QLineEdit(self), QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        self.enrol_button = QPushButton(self)
        self.enrol_button.clicked.connect(self._enrol_clicked)
        form = QFormLayout()
        form.setHorizontalSpacing(24)
        form.addRow(self.url_label, self.url_edit)
        form.addRow(self.code_label, self.code_edit)
        form.addRow(QLabel(self), self.enrol_button)
        layout = self.outer
        layout.insertWidget(0, self.status)
        layout.insertLayout(1, form)
        self._summary: Any = None
        self.retranslate()

    def show_summary(self, summary: Any) -> None:
        """``summary``: desk_setup.SyncSummary."""
        self._summary = summary
        self._show()

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        for widget in (self.url_edit, self.code_edit, self.enrol_button):
            widget.setEnabled(editable)
        # A greyed-out form alone reads as broken: say who can use it.
        self.show_message("" if editable else self.tr(
            "Only an administrator can enrol this desk with a server."))

    def _enrol_clicked(self) -> None:
        url, code = self.url_edit.text().strip(), self.code_edit.text().strip()
        if not url.startswith(("http://", "https://")) or not code:
            self.show_message(self.tr("Enter the server address (http:// or https://) and the "
                                      "one-time code from the server."))
            return
        self.show_message("")
        self.enrol_requested.emit(url, code)

    def _show(self) -> None:
        s = self._summary
        if s is None:
            self.status.setText("")
        elif s.enrolled:
            self.status.setText(self.tr("Enrolled with %1 as device %2. Changes waiting to be "
                                        "sent: %3.").replace("%1", s.server_url)
                                .replace("%2", s.device_id).replace("%3", str(s.pending)))
        else:
            self.status.setText(self.tr("Not enrolled: this desk works on its own. Changes "
                                        "waiting to be sent: %1.").replace("%1", str(s.pending)))

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "enrol_button"):
            return
        self.url_label.setText(self.tr("Server address"))
        self.code_label.setText(self.tr("One-time code"))
        self.enrol_button.setText(self.tr("Enrol this desk"))
        self._show()
