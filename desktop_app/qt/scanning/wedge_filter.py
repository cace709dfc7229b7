"""Application-wide recognition of keyboard-wedge scanners (Qt glue over WedgeMachine).

Installed on the QApplication, the filter sees every key press before the focused widget
does. Characters that might be a scan are swallowed and held; a completed scan is emitted as
`scan_received` and never reaches the line edit; anything else is re-sent, in order, to the
widget it was meant for, so typing still works (at most ~45 ms late).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.devices.scanning.wedge import ENTER, TAB, Action, WedgeConfig, WedgeMachine

# Modifiers a scanner may send with a character (Shift for capitals, keypad digits).
_TYPING_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier


@dataclass(frozen=True, slots=True)
class _HeldKey:
    """A copy of a swallowed key press: Qt deletes the event once the filter returns."""

    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeFilter(QObject):
    scan_received = Signal(str)
    """A keyboard-wedge scanner typed a whole code (prefix and suffix stripped)."""

    def __init__(
        self,
        config: WedgeConfig | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._machine = WedgeMachine(config, clock)
        self._held: list[_HeldKey] = []
        self._replaying = False
        self.enabled = True
        # Releases a burst that went quiet: the next key may be seconds away, or never come.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(math.ceil(self._machine.config.max_gap_s * 1000) + 5)
        self._timer.timeout.connect(self._on_quiet)

    def install(self, app: QCoreApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        app.removeEventFilter(self)
        self._release(len(self._held))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if self._replaying or not self.enabled or event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or not _is_first_receiver(watched):
            return False
        assert isinstance(event, QKeyEvent)
        char = _char_of(event)
        step = self._machine.other_key() if char is None else self._machine.key(char)
        self._release(len(step.released))
        if step.action is Action.PASS:
            return False
        if step.action is Action.HOLD:
            self._held.append(_HeldKey(watched, event.key(), event.modifiers(), event.text()))
            self._timer.start()
            return True
        self._timer.stop()
        self._held.clear()
        assert step.scan is not None
        self.scan_received.emit(step.scan)
        return True

    def _on_quiet(self) -> None:
        released = self._machine.poll()
        if released:
            self._release(len(released))
        elif self._machine.holding:
            self._timer.start()  # the injected clock has not moved yet; look again later

    def _release(self, count: int) -> None:
        """Re-send the first `count` held key presses, in order, to their widgets."""
        keys, self._held = self._held[:count], self._held[count:]
        if not self._held:
            self._timer.stop()
        self._replaying = True
        try:
            for k in keys:
                if not shiboken6.isValid(k.target):
                    continue  # the widget closed while its keys were held
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    copy = QKeyEvent(kind, k.key, k.modifiers, k.text)
                    QCoreApplication.sendEvent(k.target, copy)
        finally:
            self._replaying = False


def _is_first_receiver(widget: QWidget) -> bool:
    """True for the widget a key press is first delivered to. Qt offers an ignored key press
    to each parent in turn, and the filter must count it once."""
    focus = QApplication.focusWidget()
    return widget is focus if focus is not None else widget.isWindow()


def _char_of(event: QKeyEvent) -> str | None:
    if event.isAutoRepeat() or event.modifiers() & ~_TYPING_MODIFIERS:
        return None  # a held key or a shortcut: a person at the keyboard
    key = event.key()
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return ENTER
    if key == Qt.Key.Key_Tab:
        return TAB
    text = event.text()
    return text if len(text) == 1 else None


def prepare_scan_field(widget: QWidget, digits_only: bool = True) -> None:
    """Make a field safe for scanner input: no input method (Chinese IMEs swallow letters and
    open candidate windows) and hints that ask for plain digits or Latin text."""
    widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
    hints = Qt.InputMethodHint.ImhNoPredictiveText | Qt.InputMethodHint.ImhNoAutoUppercase
    if digits_only:
        hints |= Qt.InputMethodHint.ImhDigitsOnly
    else:
        hints |= Qt.InputMethodHint.ImhPreferLatin
    widget.setInputMethodHints(hints)
