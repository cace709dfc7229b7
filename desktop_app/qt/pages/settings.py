"""The Settings page (F6): this desk's language now; store settings in a later issue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.qt.forms.ui_settings_page import Ui_SettingsPage
from desktop_app.qt.i18n import LANGUAGE_NAMES
from desktop_app.qt.pages.base import Page


class SettingsPage(Page):
    """Language switch (stored per desk) and a read-only view of the store settings."""

    language_chosen = Signal(str)
    """The operator picked a language in the switch ("en" or "zh_CN")."""

    def __init__(self, current_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.ui.headingLabel.setObjectName("pageHeading")
        for code, name in LANGUAGE_NAMES.items():
            self.ui.languageCombo.addItem(name, code)
        self.set_language(current_language)
        self.ui.languageCombo.activated.connect(self._language_activated)
        for label in (self.ui.storeNameValue, self.ui.idleValue):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self._idle_minutes: int | None = None

    def title(self) -> str:
        return self.tr("Settings")

    def set_language(self, lang: str) -> None:
        """Show ``lang`` as selected without announcing a change."""
        index = self.ui.languageCombo.findData(lang)
        if index >= 0:
            self.ui.languageCombo.setCurrentIndex(index)

    def show_store_settings(self, store_name: str, idle_lock_minutes: int) -> None:
        self.ui.storeNameValue.setText(store_name or "-")
        self._idle_minutes = idle_lock_minutes
        self._show_idle()

    def _show_idle(self) -> None:
        if self._idle_minutes is not None:
            self.ui.idleValue.setText(self.tr("%n minute(s)", "", self._idle_minutes))

    def _language_activated(self, index: int) -> None:
        self.language_chosen.emit(str(self.ui.languageCombo.itemData(index)))

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self._show_idle()
