"""A video file or an image sequence as a frame source, for tests and demos.

cv2.VideoCapture opens `codes.avi` and `frames/%04d.png` just as it opens a camera, so the
path from frames to decoded codes is the one the desk uses, without a camera.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import cv2

from desktop_app.devices.scanning.types import Frame, Image


class FileSource:
    """Frames in file order. With `fps` the frames are paced like a live camera's; without,
    each `read` returns the next frame at once. `loop` restarts at the end (demos)."""

    def __init__(
        self,
        path: str | Path,
        *,
        fps: float | None = None,
        loop: bool = False,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = str(path)
        self._fps = fps
        self._loop = loop
        self._clock = clock
        self._sleep = sleep
        self._capture: Any = None
        self._index = 0
        self._next_due = 0.0
        self._done = False

    def open(self) -> None:
        cap = cv2.VideoCapture(self.path)
        if not cap.isOpened():
            raise OSError(f"cannot open {self.path!r}")
        self._capture = cap
        self._next_due = self._clock()
        self._done = False

    def read(self, timeout: float) -> Frame | None:
        if self._capture is None or self._done:
            return None
        if self._fps:
            wait = self._next_due - self._clock()
            if wait > timeout:
                self._sleep(timeout)
                return None
            if wait > 0:
                self._sleep(wait)
            self._next_due = max(self._next_due + 1.0 / self._fps, self._clock() - 1.0)
        ok, image = self._capture.read()
        if not ok and self._loop and self._index > 0:
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._capture.read()
        if not ok or image is None:
            self._done = True
            return None
        frame = Frame(image, self._clock(), self._index)
        self._index += 1
        return frame

    @property
    def exhausted(self) -> bool:
        return self._done

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None


def write_video(frames: Sequence[Image], path: str | Path, fps: float = 10.0) -> Path:
    """Frames (grey or BGR, all one size) to an MJPG .avi that FileSource can play."""
    if not frames:
        raise ValueError("no frames to write")
    h, w = frames[0].shape[:2]
    out = Path(path)
    writer = cv2.VideoWriter(str(out), cv2.VideoWriter.fourcc(*"MJPG"), fps, (w, h), True)
    if not writer.isOpened():
        raise OSError(f"cannot write video {out}")
    try:
        for f in frames:
            writer.write(f if f.ndim == 3 else cv2.cvtColor(f, cv2.COLOR_GRAY2BGR))
    finally:
        writer.release()
    return out


def write_image_sequence(frames: Sequence[Image], folder: str | Path) -> str:
    """Frames to numbered PNGs; returns the printf-style pattern cv2.VideoCapture opens."""
    d = Path(folder)
    d.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(frames):
        if not cv2.imwrite(str(d / f"{i:04d}.png"), f):
            raise OSError(f"cannot write {d / f'{i:04d}.png'}")
    return str(d / "%04d.png")
