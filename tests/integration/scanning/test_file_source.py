"""Generated codes written to a video file / image sequence, read back through the same
FrameSource -> ScanLoop -> decode path the camera uses."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from desktop_app.devices.scanning.camera import CameraSource
from desktop_app.devices.scanning.file_source import (
    FileSource,
    write_image_sequence,
    write_video,
)
from desktop_app.devices.scanning.loop import ScanLoop, ScanSettings
from desktop_app.devices.scanning.roi import FULL_FRAME
from desktop_app.devices.scanning.synthetic import Degradation, clean_frame, degraded_frame
from desktop_app.devices.scanning.types import Frame, Read, Symbology

CODES = [
    ("FD1:000000018:12345:ABCDEFGHIJKLMNOP", Symbology.QR),
    ("SKU-00042", Symbology.CODE128),
    ("4006381333931", Symbology.EAN13),
]
BLANK = np.full((480, 640), 180, np.uint8)


def frames_for(codes: list[tuple[str, Symbology]], repeat: int = 2) -> list[np.ndarray]:
    rng = np.random.default_rng(11)
    out: list[np.ndarray] = []
    for text, sym in codes:
        out += [clean_frame(text, sym)] * repeat
        deg = Degradation(0.55, 12.0, 0.02, 0.5, 0.7, 2.0)
        out.append(degraded_frame(text, sym, deg, rng))
        out.append(BLANK)
    return out


def read_all(source: FileSource) -> list[tuple[str, Symbology]]:
    got: list[tuple[str, Symbology]] = []
    loop = ScanLoop(
        source, lambda r, f: got.append((r.text, r.symbology)), ScanSettings(guide=FULL_FRAME)
    )
    source.open()
    try:
        while (frame := source.read(timeout=0.5)) is not None:
            loop.process(frame)
    finally:
        source.close()
    return got


def test_mjpg_video_through_file_source(tmp_path: Path) -> None:
    path = write_video(frames_for(CODES), tmp_path / "codes.avi")
    # Each code once: the repeats (same code within 3 s of loop time) are deduplicated.
    assert read_all(FileSource(path)) == CODES


def test_image_sequence_through_file_source(tmp_path: Path) -> None:
    pattern = write_image_sequence(frames_for(CODES, repeat=1), tmp_path / "seq")
    assert read_all(FileSource(pattern)) == CODES


def test_missing_file_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        FileSource(tmp_path / "nope.avi").open()


def test_scan_loop_thread_reports_each_code_once_and_finishes(tmp_path: Path) -> None:
    path = write_video(frames_for(CODES, repeat=4), tmp_path / "codes.avi")
    got: list[Read] = []
    finished = threading.Event()
    loop = ScanLoop(
        FileSource(path, fps=60.0),
        lambda r, f: got.append(r),
        ScanSettings(max_rate_hz=60.0, guide=FULL_FRAME),
        on_finished=finished.set,
    )
    loop.start()
    assert finished.wait(10.0)
    loop.stop()
    assert [(r.text, r.symbology) for r in got] == CODES


def test_camera_source_keeps_only_the_newest_frame(tmp_path: Path) -> None:
    frames = [clean_frame(f"FRAME-{i:03d}", Symbology.CODE128) for i in range(40)]
    path = write_video(frames, tmp_path / "cam.avi")
    cam = CameraSource(str(path), resolution=None)  # cv2.VideoCapture opens files like devices
    cam.open()
    try:
        first = cam.read(timeout=2.0)
        assert first is not None
        threading.Event().wait(0.3)  # the grab thread runs ahead meanwhile
        later: Frame | None = cam.read(timeout=2.0)
    finally:
        cam.close()
    assert later is not None and later.index > first.index + 1
    assert cam.dropped > 0
