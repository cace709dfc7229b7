"""One editor widget per setting, chosen by the setting's declared type, choices and range.

Store settings (domain.settings) and device settings (domain.device_settings) are declared
once, with their defaults; the Settings page and the first-run wizard build their fields
from those declarations through ``make_editor`` instead of laying out each one by hand.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

INT_LIMIT = 1_000_000


class SettingEditor(QWidget):
    """A value editor with one interface whatever the type: ``value()``, ``set_value()``."""

    value_edited = Signal()
    """The operator changed the value (not emitted by ``set_value``)."""

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_editable(self, editable: bool) -> None:
        self.setEnabled(editable)


def _wrap(editor: SettingEditor, inner: QWidget) -> None:
    layout = QHBoxLayout(editor)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(inner)
    editor.setFocusProxy(inner)


class TextEditor(SettingEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.textEdited.connect(self.value_edited)
        _wrap(self, self.edit)

    def value(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value: Any) -> None:
        self.edit.setText(str(value))


class IntEditor(SettingEditor):
    def __init__(self, low: float | None, high: float | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QSpinBox(self)
        self.spin.setRange(int(low) if low is not None else 0,
                           int(high) if high is not None else INT_LIMIT)
        self.spin.valueChanged.connect(lambda _v: self.value_edited.emit())
        _wrap(self, self.spin)

    def value(self) -> int:
        return int(self.spin.value())

    def set_value(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(int(value))
        self.spin.blockSignals(False)


class FloatEditor(SettingEditor):
    def __init__(self, low: float | None, high: float | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spin = QDoubleSpinBox(self)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(0.1)
        self.spin.setRange(low if low is not None else 0.0,
                           high if high is not None else float(INT_LIMIT))
        self.spin.valueChanged.connect(lambda _v: self.value_edited.emit())
        _wrap(self, self.spin)

    def value(self) -> float:
        return float(self.spin.value())

    def set_value(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(float(value))
        self.spin.blockSignals(False)


class ChoiceEditor(SettingEditor):
    """One of a fixed set; shown by a caption (translated by the caller) per choice."""

    def __init__(self, choices: tuple[Any, ...], captions: dict[Any, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        for choice in choices:
            self.combo.addItem((captions or {}).get(choice, str(choice)), choice)
        self.combo.activated.connect(lambda _i: self.value_edited.emit())
        _wrap(self, self.combo)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value)
        if index >= 0:
            self.combo.setCurrentIndex(index)


class MultiChoiceEditor(SettingEditor):
    """Several of a fixed set (barcode formats): one check box each."""

    def __init__(self, choices: tuple[Any, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Any, QCheckBox] = {}
        for choice in choices:
            box = QCheckBox(str(choice), self)
            box.toggled.connect(lambda _c: self.value_edited.emit())
            layout.addWidget(box)
            self.boxes[choice] = box
        layout.addStretch(1)

    def value(self) -> tuple[Any, ...]:
        return tuple(c for c, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: Any) -> None:
        for choice, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(choice in tuple(value))
            box.blockSignals(False)


class BoolEditor(SettingEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.toggled.connect(lambda _c: self.value_edited.emit())
        _wrap(self, self.box)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


def make_editor(default: Any, choices: tuple[Any, ...] | None = None,
                low: float | None = None, high: float | None = None,
                captions: dict[Any, str] | None = None,
                parent: QWidget | None = None) -> SettingEditor:
    """The editor for a setting whose default is ``default``."""
    if isinstance(default, tuple):
        return MultiChoiceEditor(choices or default, parent)
    if choices is not None:
        return ChoiceEditor(choices, captions, parent)
    if isinstance(default, bool):
        return BoolEditor(parent)
    if isinstance(default, int):
        return IntEditor(low, high, parent)
    if isinstance(default, float):
        return FloatEditor(low, high, parent)
    return TextEditor(parent)


def shown(value: Any) -> str:
    """A value as plain text for the "default" caption."""
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if value != "" else "—"

