"""The Backups group: the automatic-backup settings, the backups on this desk (newest first),
"Back up now", "Restore…" (after a confirmation naming the backup) and a support bundle.

Asking questions goes through ``confirm`` and ``choose_bundle_path`` so that tests can answer
them; the real ones are modal message and file dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop_app.qt.pages.settings_form import SettingsForm, SettingSpec


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_save_path(parent: QWidget, title: str, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, "Zip (*.zip)")
    return path


class BackupsGroup(SettingsForm):
    """Settings form plus the list of backups and their actions."""

    backup_requested = Signal()
    """The operator asked for a backup now."""

    restore_confirmed = Signal(object)
    """The operator confirmed restoring this backup (its Path)."""

    bundle_requested = Signal(object)
    """The operator chose where to save a support bundle (a Path)."""

    def __init__(self, title_source: str, specs: Sequence[SettingSpec],
                 parent: QWidget | None = None) -> None:
        super().__init__(title_source, specs, (), parent)
        self.confirm: Callable[[str, str], bool] = lambda t, x: ask_yes_no(self, t, x)
        self.choose_bundle_path: Callable[[str, str], str] = (
            lambda t, s: ask_save_path(self, t, s))
        self.bundle_dir = Path.home()
        self.list = QListWidget(self)
        self.list.setObjectName("backupList")
        self.list.setMinimumHeight(110)
        self.list.currentRowChanged.connect(lambda _r: self._update_actions())
        self.backup_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.bundle_button = QPushButton(self)
        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button.clicked.connect(self._restore_clicked)
        self.bundle_button.clicked.connect(self._bundle_clicked)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.bundle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = self.outer
        layout.insertWidget(1, self.list)
        layout.insertLayout(2, buttons)
        self._backups: list[Any] = []
        self._busy = False
        self.retranslate()
        self._update_actions()

    def show_backups(self, backups: Sequence[Any]) -> None:
        """``backups``: BackupFile values, newest first (as the service lists them)."""
        self._backups = list(backups)
        self.list.clear()
        for backup in self._backups:
            item = QListWidgetItem(self._describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(backup.path.name)
            self.list.addItem(item)
        if self._backups:
            self.list.setCurrentRow(0)
        self._update_actions()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_actions()

    def selected(self) -> Any | None:
        row = self.list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        self._update_actions()

    def _describe(self, backup: Any) -> str:
        when = QLocale().toString(backup.taken_at.astimezone(), QLocale.FormatType.ShortFormat)
        size = QLocale().formattedDataSize(int(backup.size_bytes))
        return f"{when}   {self._label_text(backup.label)}   {size}"

    def _label_text(self, label: str) -> str:
        names = {"auto": self.tr("automatic"), "manual": self.tr("manual"),
                 "pre-restore": self.tr("before a restore"),
                 "pre-migration": self.tr("before an update")}
        return names.get(label, label)

    def _restore_clicked(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        text = self.tr(
            "Restore the backup %1 taken %2?\n\nEverything entered since then on this desk is "
            "replaced by that copy (the current state is first saved as a safety backup). "
            "After the restore this desk will enrol with the server again as a new device, "
            "and everyone must sign in again.").replace("%1", backup.path.name).replace(
            "%2", QLocale().toString(backup.taken_at.astimezone(),
                                     QLocale.FormatType.ShortFormat))
        if self.confirm(self.tr("Restore a backup"), text):
            self.restore_confirmed.emit(backup.path)

    def _bundle_clicked(self) -> None:
        suggested = str(self.bundle_dir / "frontdesk-support.zip")
        chosen = self.choose_bundle_path(self.tr("Save support bundle"), suggested)
        if chosen:
            self.bundle_requested.emit(Path(chosen))

    def _update_actions(self) -> None:
        if not hasattr(self, "bundle_button"):
            return
        idle = not self._busy
        self.backup_button.setEnabled(idle)
        self.bundle_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and self.is_editable() and self.selected() is not None)

    def retranslate(self) -> None:
        super().retranslate()
        if not hasattr(self, "bundle_button"):
            return
        self.backup_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore…"))
        self.bundle_button.setText(self.tr("Save support bundle…"))
        if self._backups:
            self.show_backups(self._backups)
