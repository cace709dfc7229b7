"""The first-run wizard's pages. Store, administrator and enrolment are Designer forms; the
printer and scanner pages are built from the device settings' declarations, so their fields,
defaults and checks are the same as on the Settings page."""

from __future__ import annotations

import platform
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

from desktop_app.domain.device_settings import CameraSettings, PrinterSettings, ScannerSettings
from desktop_app.domain.errors import ValidationError
from desktop_app.qt.errors import error_text
from desktop_app.qt.forms.ui_wizard_admin import Ui_WizardAdminPage
from desktop_app.qt.forms.ui_wizard_enrol import Ui_WizardEnrolPage
from desktop_app.qt.forms.ui_wizard_store import Ui_WizardStorePage
from desktop_app.qt.setting_editors import SettingEditor, make_editor
from desktop_app.qt.settings_catalogue import (
    CAMERA_TEXTS,
    PRINTER_TEXTS,
    SCANNER_TEXTS,
    captions,
    translated,
)
from desktop_app.qt.sign_in import PIN_PATTERN

MIN_PIN_LENGTH = 4
PRINTER_FIELDS = ("transport", "host", "port", "usb_device", "serial_device", "printer_name",
                  "file_path", "paper_width_mm", "profile")
# Which address fields a connection needs; the others are hidden.
TRANSPORT_FIELDS = {"none": (), "network": ("host", "port"), "usb": ("usb_device",),
                    "serial": ("serial_device",), "cups": ("printer_name",),
                    "win32raw": ("printer_name",), "file": ("file_path",)}


class WizardPage(QWizardPage):
    """A page with an inline message line; retranslates itself on LanguageChange."""

    message: QLabel

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class StorePage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WizardStorePage()
        self.ui.setupUi(self)
        self.message = self.ui.messageLabel
        self.retranslate()

    def values(self) -> tuple[str, str]:
        return self.ui.nameEdit.text().strip(), self.ui.addressEdit.text().strip()

    def validatePage(self) -> bool:  # noqa: N802
        if not self.values()[0]:
            self.show_error(self.tr("Enter the store's name."))
            return False
        self.message.clear()
        return True

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.setTitle(self.tr("Your store"))


class AdminPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WizardAdminPage()
        self.ui.setupUi(self)
        self.message = self.ui.messageLabel
        for edit in (self.ui.pinEdit, self.ui.pinAgainEdit):
            edit.setValidator(QRegularExpressionValidator(PIN_PATTERN, self))
        self.created_name: str | None = None
        self.retranslate()

    def values(self) -> tuple[str, str, str]:
        return (self.ui.codeEdit.text().strip(), self.ui.nameEdit.text().strip(),
                self.ui.pinEdit.text())

    def mark_created(self, name: str) -> None:
        """The administrator exists now: the form can no longer change it."""
        self.created_name = name
        for edit in (self.ui.codeEdit, self.ui.nameEdit, self.ui.pinEdit, self.ui.pinAgainEdit):
            edit.setReadOnly(True)
        self.retranslate()

    def validatePage(self) -> bool:  # noqa: N802
        if self.created_name is not None:
            return True
        code, name, pin = self.values()
        if not code or not name:
            self.show_error(self.tr("Enter a staff code and a name."))
            return False
        if len(pin) < MIN_PIN_LENGTH:
            self.show_error(self.tr("The PIN needs at least %n digits.", "", MIN_PIN_LENGTH))
            return False
        if pin != self.ui.pinAgainEdit.text():
            self.show_error(self.tr("The two PINs differ. Type them again."))
            self.ui.pinEdit.clear()
            self.ui.pinAgainEdit.clear()
            self.ui.pinEdit.setFocus()
            return False
        self.message.clear()
        return True

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.setTitle(self.tr("The first administrator"))
        if self.created_name is not None:
            self.message.setText(self.tr("The administrator %1 has been created.")
                                 .replace("%1", self.created_name))


class _FieldsPage(WizardPage):
    """A page of device setting fields built from their declaration."""

    def __init__(self, kind: type, keys: tuple[str, ...], texts: dict[str, tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.texts = texts
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(16)
        self.layout_.addLayout(self.form)
        self.editors: dict[str, SettingEditor] = {}
        self.labels: dict[str, QLabel] = {}
        defaults = kind()
        field_meta = {f.name: f.metadata for f in fields(kind) if f.name in keys}
        for key in keys:
            meta = field_meta[key]
            editor = make_editor(getattr(defaults, key), meta["choices"], meta["low"],
                                 meta["high"], captions(), self)
            editor.setObjectName(f"edit_{key}")
            editor.set_value(getattr(defaults, key))
            editor.setToolTip(translated(texts[key][1]))
            label = QLabel(self)
            label.setBuddy(editor)
            self.form.addRow(label, editor)
            self.editors[key], self.labels[key] = editor, label
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.layout_.addWidget(self.message)
        self.layout_.addStretch(1)

    def settings(self, keys: tuple[str, ...] | None = None) -> Any:
        """The settings built from the fields; raises ValidationError naming a bad one."""
        value = self.kind()
        for key in keys if keys is not None else tuple(self.editors):
            value = value.with_value(key, self.editors[key].value())
        return value

    def _field_error(self, exc: ValidationError) -> None:
        label = self.texts.get(exc.field or "", ("", ""))[0]
        self.show_error(f"{translated(label)}: {error_text(exc)}" if label else error_text(exc))

    def retranslate(self) -> None:
        for key, label in self.labels.items():
            label.setText(translated(self.texts[key][0]))
            self.editors[key].setToolTip(translated(self.texts[key][1]))


class PrinterPage(_FieldsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PrinterSettings, PRINTER_FIELDS, PRINTER_TEXTS, parent)
        self.editors["transport"].value_edited.connect(self._show_needed_fields)
        self.retranslate()
        self._show_needed_fields()

    def printer(self) -> PrinterSettings:
        transport = self.editors["transport"].value()
        keys = ("transport", *TRANSPORT_FIELDS[transport], "paper_width_mm", "profile")
        settings: PrinterSettings = self.settings(keys)
        return settings

    def validatePage(self) -> bool:  # noqa: N802
        try:
            printer = self.printer()
        except ValidationError as exc:
            self._field_error(exc)
            return False
        if printer.transport != "none" and not printer.is_configured():
            self.show_error(self.tr("Fill in where the printer is, or choose None."))
            return False
        if printer.transport == "usb":
            try:
                printer.usb_ids()
            except ValidationError as exc:
                self._field_error(exc)
                return False
        self.message.clear()
        return True

    def _show_needed_fields(self) -> None:
        needed = TRANSPORT_FIELDS[self.editors["transport"].value()]
        for key in ("host", "port", "usb_device", "serial_device", "printer_name", "file_path"):
            self.form.setRowVisible(self.editors[key], key in needed)

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Receipt printer"))
        self.intro.setText(self.tr("How is the receipt printer connected? Choose None to set "
                                   "it up later in Settings. A network printer usually listens "
                                   "on port 9100."))


class ScannerPage(_FieldsPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CameraSettings, ("camera_index",), CAMERA_TEXTS, parent)
        self.camera_check = QCheckBox(self)
        self.camera_check.setObjectName("cameraCheck")
        self.form.insertRow(0, self.camera_check)
        self.camera_check.toggled.connect(lambda on: self.editors["camera_index"].setEnabled(on))
        self.editors["camera_index"].setEnabled(False)
        self.terminator = make_editor(ScannerSettings().wedge_terminator,
                                      ScannerSettings.choices("wedge_terminator"), None, None,
                                      captions(), self)
        self.terminator_label = QLabel(self)
        self.form.insertRow(0, self.terminator_label, self.terminator)
        self.retranslate()

    def uses_camera(self) -> bool:
        return self.camera_check.isChecked()

    def scanner(self) -> ScannerSettings:
        return ScannerSettings().with_value("wedge_terminator", self.terminator.value())

    def camera(self) -> CameraSettings:
        camera: CameraSettings = self.settings() if self.uses_camera() else CameraSettings()
        return camera

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Scanner and camera"))
        self.intro.setText(self.tr("A keyboard-wedge scanner needs no set-up: it types each "
                                   "code followed by Enter, and the desk tells it from typing. "
                                   "A camera can scan too."))
        self.terminator_label.setText(translated(SCANNER_TEXTS["wedge_terminator"][0]))
        self.camera_check.setText(self.tr("This desk also scans with a camera"))


class EnrolPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WizardEnrolPage()
        self.ui.setupUi(self)
        self.message = self.ui.messageLabel
        self.on_finish: Callable[[], bool] | None = None
        self.ui.deviceEdit.setText(platform.node() or "desk")
        self.ui.enrolCheck.toggled.connect(self._enable_fields)
        self._enable_fields(False)
        self.retranslate()

    def wants_enrolment(self) -> bool:
        return self.ui.enrolCheck.isChecked()

    def values(self) -> tuple[str, str, str]:
        return (self.ui.urlEdit.text().strip(), self.ui.codeEdit.text().strip(),
                self.ui.deviceEdit.text().strip() or "desk")

    def validatePage(self) -> bool:  # noqa: N802
        """The last page: Finish runs the wizard's steps (see FirstRunWizard)."""
        return self.on_finish() if self.on_finish is not None else self.check()

    def check(self) -> bool:
        if not self.wants_enrolment():
            return True
        url, code, _name = self.values()
        if not url.startswith(("http://", "https://")) or not code:
            self.show_error(self.tr("Enter the server address (http:// or https://) and the "
                                    "one-time code, or clear the check box to skip."))
            return False
        return True

    def _enable_fields(self, on: bool) -> None:
        for widget in (self.ui.urlEdit, self.ui.codeEdit, self.ui.deviceEdit):
            widget.setEnabled(on)

    def retranslate(self) -> None:
        self.ui.retranslateUi(self)
        self.setTitle(self.tr("Server (optional)"))
