"""The Settings page (F6): every setting of the store and of this machine, grouped, each with
its value, default and one-line help; backups and sync; the desk's language.

Store settings are changed through ``settings.change`` (needs settings.manage, audited): the
fields are read-only for staff without that permission, and the service refuses anyway.
Device settings are saved to this machine's config folder. Every read and write goes through
the task runner, off the GUI thread."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QPushButton, QWidget

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.device_settings import (
    CameraSettings,
    DeviceSettings,
    PrinterSettings,
    ScannerSettings,
)
from desktop_app.domain.permissions import Permission
from desktop_app.domain.settings import StoreSettings
from desktop_app.qt import desk_setup
from desktop_app.qt.forms.ui_settings_page import Ui_SettingsPage
from desktop_app.qt.i18n import LANGUAGE_NAMES
from desktop_app.qt.pages.base import DeskContext, Page
from desktop_app.qt.pages.settings_backups import BackupsGroup
from desktop_app.qt.pages.settings_form import SettingsForm, device_specs, store_specs
from desktop_app.qt.pages.settings_sync import SyncGroup
from desktop_app.qt.printer_test_panel import PrinterTestPanel
from desktop_app.qt.settings_catalogue import (
    CAMERA_TEXTS,
    FIXED_RULES,
    GROUP_KEYS,
    GROUP_TITLES,
    PRINTER_TEXTS,
    SCANNER_TEXTS,
)
from desktop_app.qt.tasks import Lane
from desktop_app.qt.widgets.wheel_guard import guard_wheel

log = logging.getLogger(__name__)

DEVICE_KINDS = {"printer": (PrinterSettings, PRINTER_TEXTS),
                "scanner": (ScannerSettings, SCANNER_TEXTS),
                "camera": (CameraSettings, CAMERA_TEXTS)}


class SettingsPage(Page):
    """Grouped settings in a scrolling column; the language switch last."""

    language_chosen = Signal(str)
    """The operator picked a language in the switch ("en" or "zh_CN")."""

    store_settings_changed = Signal(object)
    """Store settings were saved (the new StoreSettings)."""

    database_restored = Signal()
    """A backup was restored over the database: everyone must sign in again."""

    scanner_test_requested = Signal()
    """The operator wants to try the scanners (the scanner window with its live reads)."""

    printer_test_requested = Signal(str)
    """The operator asked for a test page (the setup it describes, e.g. "80 mm")."""

    device_settings_saved = Signal(object)
    """This machine's device settings were saved (the new DeviceSettings)."""

    def __init__(self, current_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.ui.headingLabel.setObjectName("pageHeading")
        for code, name in LANGUAGE_NAMES.items():
            self.ui.languageCombo.addItem(name, code)
        self.set_language(current_language)
        self.ui.languageCombo.activated.connect(self._language_activated)
        self.device_store: DeviceConfigStore | None = None
        self.log_dir: Path | None = None
        self._devices = DeviceSettings()
        self._store_name = ""

        self.store_groups: dict[str, SettingsForm] = {}
        for key in ("store", "checkin", "checkout", "staff"):
            self.store_groups[key] = SettingsForm(GROUP_TITLES[key],
                                                  store_specs(GROUP_KEYS[key]),
                                                  FIXED_RULES.get(key, ()), self)
        self.device_groups: dict[str, SettingsForm] = {
            name: SettingsForm(GROUP_TITLES[name], device_specs(kind, texts), (), self)
            for name, (kind, texts) in DEVICE_KINDS.items()}
        self.sync = SyncGroup(GROUP_TITLES["sync"], FIXED_RULES["sync"], self)
        self.backups = BackupsGroup(GROUP_TITLES["backups"], store_specs(GROUP_KEYS["backups"]),
                                    self)
        self.store_groups["backups"] = self.backups
        for group in self.store_groups.values():
            group.changes_requested.connect(partial(self._store_changes, group))
        for name, group in self.device_groups.items():
            group.changes_requested.connect(partial(self._device_changes, name))
        self.sync.enrol_requested.connect(self._enrol)
        self.backups.backup_requested.connect(self._back_up)
        self.backups.restore_confirmed.connect(self._restore)
        self.backups.bundle_requested.connect(self._bundle)
        self.printer_test = PrinterTestPanel(self)
        self.printer_test.test_page_requested.connect(
            lambda: self.printer_test_requested.emit(self.printer_test.setup_text()))
        self.scanner_test_button = QPushButton(self)
        self.scanner_test_button.clicked.connect(self.scanner_test_requested)
        ordered: list[QWidget] = [*[self.store_groups[k] for k in
                                    ("store", "checkin", "checkout", "staff")],
                                  *self.device_groups.values(), self.printer_test,
                                  self.scanner_test_button,
                                  self.sync, self.backups]
        for index, widget in enumerate(ordered):  # before the language group, as listed
            self.ui.groupsLayout.insertWidget(index, widget)
        self.set_editable(False)
        guard_wheel(self)  # scrolling the page must not change a printer or a limit
        self.retranslate()

    def title(self) -> str:
        return self.tr("Settings")

    # -- wiring ------------------------------------------------------------------------
    def set_machine(self, device_store: DeviceConfigStore, log_dir: Path) -> None:
        """Where this machine keeps its device settings and its logs."""
        self.device_store = device_store
        self.log_dir = log_dir
        self.backups.bundle_dir = log_dir.parent

    def attach(self, context: DeskContext) -> None:
        super().attach(context)
        self.refresh()

    def refresh(self) -> None:
        """Load everything shown here (store settings, devices, sync, backups)."""
        context = self.context
        if context is None:
            return
        context.runner.submit(context.services.settings.current,
                              on_result=self.show_store_settings)
        self._refresh_sync()
        self._list_backups()
        if self.device_store is not None:
            context.runner.submit(self.device_store.load, on_result=self.show_devices,
                                  lane=Lane.POOL)

    # -- state shown -------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Show ``lang`` as selected without announcing a change."""
        index = self.ui.languageCombo.findData(lang)
        if index >= 0:
            self.ui.languageCombo.setCurrentIndex(index)

    def show_store_settings(self, settings: Any) -> None:
        """Show the saved store settings; editable only for staff with settings.manage."""
        values = {key: getattr(settings, key) for key in StoreSettings.field_names()
                  if hasattr(settings, key)}
        self._store_name = str(values.get("store_name", ""))
        for group in self.store_groups.values():
            group.show_values(values)
        actor = self.context.current_actor() if self.context is not None else None
        self.set_editable(actor is not None and actor.can(Permission.SETTINGS_MANAGE))

    def show_devices(self, devices: DeviceSettings) -> None:
        self._devices = devices
        self.printer_test.show_setup(devices.printer.paper_width_mm, self._store_name,
                                     self.ui.languageCombo.currentData() or "en")
        for name, group in self.device_groups.items():
            kind = getattr(devices, name)
            group.show_values({key: getattr(kind, key) for key in kind.field_names()})

    def set_editable(self, editable: bool) -> None:
        for group in self.store_groups.values():
            group.set_editable(editable)
        self.sync.set_editable(editable)

    # -- store settings ----------------------------------------------------------------
    def _store_changes(self, group: SettingsForm, changes: dict[str, Any]) -> None:
        context = self.context
        actor = context.current_actor() if context is not None else None
        if context is None or actor is None:
            return
        group.set_editable(False)

        def saved(settings: Any) -> None:
            self.show_store_settings(settings)
            group.show_message(self.tr("Saved."))
            self.store_settings_changed.emit(settings)

        def refused(text: str) -> None:
            group.show_message(text)
            self.refresh()  # show what was really saved before the refusal

        context.runner.submit(desk_setup.change_store_settings, context.services, actor,
                              changes, on_result=saved, on_error=refused)

    # -- device settings ---------------------------------------------------------------
    def _device_changes(self, name: str, changes: dict[str, Any]) -> None:
        group = self.device_groups[name]
        if self.context is None or self.device_store is None:
            return
        current = getattr(self._devices, name)
        try:
            for key, value in changes.items():
                current = current.with_value(key, value)
        except Exception as exc:  # a ValidationError: say which field, keep the edit
            self.context.runner.errors.handle(exc, group.show_message, "device settings")
            return
        devices = DeviceSettings(**{**{n: getattr(self._devices, n) for n in DEVICE_KINDS},
                                    name: current})

        def saved(value: DeviceSettings) -> None:
            self.show_devices(value)
            group.show_message(self.tr("Saved for this computer."))
            self.device_settings_saved.emit(value)

        self.context.runner.submit(desk_setup.save_devices, self.device_store, devices,
                                   on_result=saved, on_error=group.show_message,
                                   lane=Lane.POOL)

    # -- sync --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._refresh_sync()  # the changes waiting move while the page is away

    def _refresh_sync(self) -> None:
        if self.context is not None:
            self.context.runner.submit(desk_setup.sync_summary, self.context.services,
                                       on_result=self.sync.show_summary,
                                       on_error=self.sync.show_message)

    def _enrol(self, url: str, code: str) -> None:
        if self.context is None:
            return
        self.sync.show_message(self.tr("Enrolling…"))

        def done(summary: Any) -> None:
            self.sync.show_summary(summary)
            self.sync.code_edit.clear()  # a one-time code: used up
            self.sync.show_message(self.tr("This desk is enrolled."))

        self.context.runner.submit(desk_setup.enrol_desk, self.context.services, url, code,
                                   "desk", on_result=done, on_error=self.sync.show_message)

    # -- backups -----------------------------------------------------------------------
    def _list_backups(self) -> None:
        if self.context is not None:
            self.context.runner.submit(desk_setup.list_backups, self.context.services,
                                       on_result=self.backups.show_backups,
                                       on_error=self.backups.show_message)

    def _back_up(self) -> None:
        if self.context is None:
            return
        self.backups.set_busy(True)

        def done(backup: Any) -> None:
            self.backups.set_busy(False)
            self.backups.show_message(self.tr("Backup %1 taken.").replace("%1",
                                                                         backup.path.name))
            self._list_backups()

        self.context.runner.submit(self.context.services.backups.take, "manual",
                                   on_result=done, on_error=self._backup_failed)

    def _restore(self, path: Path) -> None:
        context = self.context
        actor = context.current_actor() if context is not None else None
        if context is None or actor is None:
            return
        self.backups.set_busy(True)

        def done(safety: Any) -> None:
            self.backups.set_busy(False)
            self.backups.show_message(self.tr("Restored %1. The state before it was kept as "
                                              "%2.").replace("%1", path.name)
                                      .replace("%2", safety.path.name))
            self._list_backups()
            self.database_restored.emit()

        context.runner.submit(context.services.backups.restore, actor, path,
                              on_result=done, on_error=self._backup_failed)

    def _bundle(self, dest: Path) -> None:
        if self.context is None or self.log_dir is None:
            return
        self.backups.set_busy(True)

        def done(path: Any) -> None:
            self.backups.set_busy(False)
            self.backups.show_message(self.tr("Support bundle saved as %1.").replace("%1",
                                                                                    str(path)))

        self.context.runner.submit(desk_setup.support_bundle, self.context.services,
                                   self.log_dir, dest, on_result=done,
                                   on_error=self._backup_failed)

    def _backup_failed(self, text: str) -> None:
        self.backups.set_busy(False)
        self.backups.show_message(text)

    def _language_activated(self, index: int) -> None:
        self.language_chosen.emit(str(self.ui.languageCombo.itemData(index)))

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        if hasattr(self, "scanner_test_button"):  # LanguageChange can come during setupUi
            self.scanner_test_button.setText(self.tr("Test the scanner and camera…"))
