"""Scrolling a long form must not change its values: a combo box or spin box under the
mouse takes the wheel only once it has been clicked into (has focus); until then the wheel
scrolls the page, as staff expect."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) \
                or watched.hasFocus():
            return False
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:  # a filtered event goes no further by itself: hand it on
            QApplication.sendEvent(area.viewport(), event)
        return True


def guard_wheel(root: QWidget) -> None:
    """Every combo and spin box below `root`, now: call after the form is built."""
    guard = WheelGuard(root)
    for box in [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus from the wheel itself
        box.installEventFilter(guard)
