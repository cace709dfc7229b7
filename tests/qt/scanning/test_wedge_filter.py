"""The application-wide wedge filter with synthesised key events and an injected clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.devices.scanning.wedge import WedgeConfig
from desktop_app.qt.scanning.wedge_filter import WedgeFilter, prepare_scan_field


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[tuple[QLineEdit, QLineEdit]]:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    first, second = QLineEdit(), QLineEdit()
    layout.addWidget(first)
    layout.addWidget(second)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    yield first, second  # the window stays referenced (alive) until the test ends
    window.close()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wedge(clock: FakeClock) -> Iterator[WedgeFilter]:
    f = WedgeFilter(WedgeConfig(prefix="", suffix=""), clock=clock)
    app = QApplication.instance()
    assert app is not None
    f.install(app)
    yield f
    f.uninstall(app)


def type_text(widget: QWidget, text: str, clock: FakeClock, gap_s: float) -> None:
    for ch in text:
        clock.now += gap_s
        if ch == "\r":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch == "\t":
            QTest.keyClick(widget, Qt.Key.Key_Tab)
        else:
            QTest.keyClicks(widget, ch)


def test_fast_burst_is_one_scan_and_stays_out_of_the_line_edit(
    qtbot: QtBot, form: tuple[QLineEdit, QLineEdit], wedge: WedgeFilter, clock: FakeClock
) -> None:
    first, _ = form
    with qtbot.waitSignal(wedge.scan_received, timeout=1000) as blocker:
        type_text(first, "1234567890123456\r", clock, gap_s=0.008)
    assert blocker.args == ["1234567890123456"]
    assert first.text() == ""


def test_slow_typing_reaches_the_line_edit(
    qtbot: QtBot, form: tuple[QLineEdit, QLineEdit], wedge: WedgeFilter, clock: FakeClock
) -> None:
    first, _ = form
    scans: list[str] = []
    wedge.scan_received.connect(scans.append)
    returned: list[bool] = []
    first.returnPressed.connect(lambda: returned.append(True))
    type_text(first, "hello 42\r", clock, gap_s=0.150)
    assert first.text() == "hello 42"
    assert returned == [True]  # Enter still reaches the field, after the characters
    assert scans == []


def test_a_trailing_typed_character_is_released_by_the_timer(
    qtbot: QtBot, form: tuple[QLineEdit, QLineEdit], wedge: WedgeFilter, clock: FakeClock
) -> None:
    first, _ = form
    type_text(first, "ab", clock, gap_s=0.2)
    assert first.text() == "a"  # "b" is held: it might start a scan
    clock.now += 0.2
    qtbot.waitUntil(lambda: first.text() == "ab", timeout=1000)


def test_tab_terminated_scan_keeps_focus(
    qtbot: QtBot, form: tuple[QLineEdit, QLineEdit], wedge: WedgeFilter, clock: FakeClock
) -> None:
    first, _ = form
    with qtbot.waitSignal(wedge.scan_received, timeout=1000) as blocker:
        type_text(first, "000000018\t", clock, gap_s=0.01)
    assert blocker.args == ["000000018"]
    assert QApplication.focusWidget() is first


def test_prepare_scan_field_disables_the_input_method(qtbot: QtBot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    prepare_scan_field(field)
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    assert field.inputMethodHints() & Qt.InputMethodHint.ImhDigitsOnly
