"""Scans from the camera and from the keyboard wedge reach the same route, and the scanner
window (the scanner test in Settings) lists each read with what the desk makes of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import desktop_app.devices.scanning.camera as camera_module
from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.devices.scanning.file_source import FileSource, write_video
from desktop_app.devices.scanning.synthetic import clean_frame
from desktop_app.devices.scanning.types import Symbology
from desktop_app.domain.codes import card_code_from_int
from desktop_app.qt.scanner_hub import ScannerHub

CARD = card_code_from_int(7)


@pytest.fixture
def camera_video(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The 'camera' plays a video of a member card's QR code (cv2 opens files like devices)."""
    video = write_video([clean_frame(CARD, Symbology.QR)] * 10, tmp_path / "cam.avi", fps=30)
    monkeypatch.setattr(camera_module, "CameraSource",
                        lambda **_kw: FileSource(video, fps=30.0, loop=True))
    return video


def test_a_camera_read_is_routed_and_listed(qtbot: QtBot, tmp_path: Path,
                                            camera_video: Path) -> None:
    hub = ScannerHub(DeviceConfigStore(tmp_path / "config"))
    routed: list[str] = []
    hub.code_scanned.connect(routed.append)
    window = hub.open_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(hub.code_scanned, timeout=5000):
        window.toggle_button.setChecked(True)  # the operator starts the camera
    assert routed[0] == CARD
    assert "camera" in window.reads.item(0).text() and "member card" in window.reads.item(0).text()
    assert window.camera_view.result_label.text().startswith(CARD)
    with qtbot.waitSignal(hub.camera_running_changed, timeout=2000) as stopped:
        window.close()  # closing the window stops the camera
    assert stopped.args == [False]


def test_keyboard_reads_are_listed_with_what_they_are(qtbot: QtBot, tmp_path: Path) -> None:
    hub = ScannerHub(DeviceConfigStore(tmp_path / "config"))
    window = hub.open_window()
    qtbot.addWidget(window)
    routed: list[str] = []
    hub.code_scanned.connect(routed.append)
    bad_check_digit = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
    hub.route("6901234567892")
    hub.route(bad_check_digit)
    hub.route("<b>SKU-1</b>")
    assert routed == ["6901234567892", bad_check_digit, "<b>SKU-1</b>"]
    assert "product" in window.reads.item(2).text()
    assert "unknown code (bad_check_digit)" in window.reads.item(1).text()
    assert "<b>SKU-1</b>" in window.reads.item(0).text()  # shown as typed, never as markup


def test_a_camera_that_cannot_open_says_so_without_blocking(qtbot: QtBot, tmp_path: Path,
                                                            monkeypatch) -> None:
    monkeypatch.setattr(camera_module, "CameraSource",
                        lambda **_kw: FileSource(tmp_path / "no-camera.avi"))
    hub = ScannerHub(DeviceConfigStore(tmp_path / "config"))
    window = hub.open_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(hub.camera_running_changed, timeout=3000,
                          check_params_cb=lambda on: on is False):
        window.toggle_button.setChecked(True)
    assert not window.toggle_button.isChecked()
    assert "no-camera" in window.state_label.text()
