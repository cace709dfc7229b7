"""A camera as a frame source: cv2.VideoCapture on a worker thread that keeps only the newest
frame, so a slow decode never works through a backlog of stale images."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import cv2

from desktop_app.devices.scanning.types import Frame

log = logging.getLogger(__name__)

# After this many failed grabs in a row the device is taken as gone (unplugged).
_MAX_FAILED_GRABS = 50


class CameraSource:
    """`device` is a camera index (0 = first camera) or anything cv2.VideoCapture opens."""

    def __init__(
        self,
        device: int | str = 0,
        resolution: tuple[int, int] | None = (640, 480),
        *,
        capture_factory: Callable[..., Any] = cv2.VideoCapture,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.device = device
        self.resolution = resolution
        self._factory = capture_factory
        self._clock = clock
        self._cond = threading.Condition()
        self._latest: Frame | None = None
        self._returned = -1
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._capture: Any = None
        self._lost = False
        self.dropped = 0  # frames overwritten before anyone read them: the cost of "newest only"

    def open(self) -> None:
        cap = self._factory(self.device)
        if not cap.isOpened():
            cap.release()
            raise OSError(f"cannot open camera {self.device!r}")
        if self.resolution is not None:
            cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.resolution[0])
            cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.resolution[1])
        self._capture = cap
        self._stop.clear()
        self._thread = threading.Thread(target=self._grab_loop, name="camera-grab", daemon=True)
        self._thread.start()

    def _grab_loop(self) -> None:
        failures, index = 0, 0
        while not self._stop.is_set():
            ok, image = self._capture.read()
            if not ok or image is None:
                failures += 1
                if failures >= _MAX_FAILED_GRABS:
                    log.warning("camera %r stopped delivering frames", self.device)
                    with self._cond:
                        self._lost = True
                        self._cond.notify_all()
                    return
                self._stop.wait(0.02)
                continue
            failures = 0
            frame = Frame(image, self._clock(), index)
            index += 1
            with self._cond:
                if self._latest is not None and self._latest.index > self._returned:
                    self.dropped += 1
                self._latest = frame
                self._cond.notify_all()

    def read(self, timeout: float) -> Frame | None:
        with self._cond:
            self._cond.wait_for(self._has_new, timeout)
            if not self._has_new():
                return None
            assert self._latest is not None
            self._returned = self._latest.index
            return self._latest

    def _has_new(self) -> bool:
        return self._lost or (self._latest is not None and self._latest.index > self._returned)

    @property
    def exhausted(self) -> bool:
        return self._lost

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
            self._thread = None
        if self._capture is not None:
            self._capture.release()
            self._capture = None
