"""One group of settings on the Settings page: each setting with its editor, its default and
its one-line help; rules fixed in code shown read-only beside them; one "Save changes".

The group only collects and shows; the page decides how a change is saved (a store setting
through ``settings.change``, audited; a device setting into this machine's JSON file)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.settings import StoreSettings
from desktop_app.qt.setting_editors import SettingEditor, make_editor, shown
from desktop_app.qt.settings_catalogue import STORE_TEXTS, FixedRule, captions, translated


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """A setting as declared in the domain: key, default, allowed values, texts (source)."""

    key: str
    label: str
    help: str
    default: Any
    choices: tuple[Any, ...] | None = None
    low: float | None = None
    high: float | None = None


def store_specs(keys: Sequence[str]) -> list[SettingSpec]:
    defaults = StoreSettings()
    return [SettingSpec(key, *STORE_TEXTS[key], getattr(defaults, key)) for key in keys]


def device_specs(kind: type, texts: dict[str, tuple[str, str]]) -> list[SettingSpec]:
    """Specs for a device settings group (PrinterSettings, ScannerSettings, CameraSettings)."""
    defaults = kind()
    return [SettingSpec(f.name, *texts[f.name], getattr(defaults, f.name),
                        f.metadata["choices"], f.metadata["low"], f.metadata["high"])
            for f in fields(kind)]


class SettingsForm(QGroupBox):
    """A titled group of settings with a Save button (hidden when nothing is editable)."""

    changes_requested = Signal(dict)
    """The operator pressed Save: {key: new value} for the settings they changed."""

    def __init__(self, title_source: str, specs: Sequence[SettingSpec],
                 fixed: Sequence[FixedRule] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_source = title_source
        self.specs = {spec.key: spec for spec in specs}
        self._fixed = list(fixed)
        self._current: dict[str, Any] = {spec.key: spec.default for spec in specs}
        self.editors: dict[str, SettingEditor] = {}
        self._labels: dict[str, QLabel] = {}
        self.helps: dict[str, QLabel] = {}
        outer = self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(24)
        self.form.setVerticalSpacing(4)
        outer.addLayout(self.form)
        for spec in specs:
            editor = make_editor(spec.default, spec.choices, spec.low, spec.high, captions(),
                                 self)
            editor.setObjectName(f"edit_{spec.key}")
            editor.value_edited.connect(self._update_buttons)
            self.editors[spec.key] = editor
            self._add_row(spec.key, editor)
        self._fixed_values: list[QLabel] = []
        for number, _rule in enumerate(self._fixed):
            value = QLabel(self)
            value.setTextFormat(Qt.TextFormat.PlainText)
            self._fixed_values.append(value)
            self._add_row(f"fixed_{number}", value)
        bottom = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("formMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self._save_clicked)
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        outer.addLayout(bottom)
        self.save_button.setVisible(bool(specs))
        self._editable = True
        self.retranslate()
        self.show_values(self._current)

    # -- state shown -------------------------------------------------------------------
    def show_values(self, values: dict[str, Any]) -> None:
        """Show the saved values (those of this group's keys in ``values``)."""
        for key, value in values.items():
            if key in self.editors:
                self._current[key] = value
                self.editors[key].set_value(value)
        self._update_buttons()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for editor in self.editors.values():
            editor.set_editable(editable)
        self._update_buttons()

    def is_editable(self) -> bool:
        return self._editable

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def changed(self) -> dict[str, Any]:
        return {key: editor.value() for key, editor in self.editors.items()
                if editor.value() != self._current[key]}

    def current(self) -> dict[str, Any]:
        return dict(self._current)

    # -- building ----------------------------------------------------------------------
    def _add_row(self, key: str, field: QWidget) -> None:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(field)
        help_label = QLabel(self)
        help_label.setObjectName("settingHelp")
        help_label.setTextFormat(Qt.TextFormat.PlainText)
        help_label.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(help_label)
        self.form.addRow(label, column)
        self._labels[key] = label
        self.helps[key] = help_label

    def _save_clicked(self) -> None:
        changes = self.changed()
        if changes:
            self.message.clear()
            self.changes_requested.emit(changes)

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._editable and bool(self.changed()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setTitle(translated(self._title_source))
        self.save_button.setText(self.tr("Save changes"))
        for key, spec in self.specs.items():
            self._labels[key].setText(translated(spec.label))
            default = spec.default
            text = captions().get(default, shown(default)) if spec.choices else shown(default)
            self.helps[key].setText(self.tr("Default: %1. %2").replace("%1", text)
                                    .replace("%2", translated(spec.help)))
        for number, rule in enumerate(self._fixed):
            key = f"fixed_{number}"
            self._labels[key].setText(translated(rule.label))
            self._fixed_values[number].setText(str(rule.value()))
            self.helps[key].setText(self.tr("Fixed in this version. %1")
                                    .replace("%1", translated(rule.help)))
