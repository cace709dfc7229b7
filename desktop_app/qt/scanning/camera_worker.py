"""Camera scanning off the GUI thread.

The ScanLoop runs on its own Python thread (grab, rate cap, decode, dedupe). Its callbacks
post to this QObject through queued connections, so `code_scanned` and `frame_captured` are
always emitted on the GUI thread and the GUI thread never waits on the camera.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

from desktop_app.devices.scanning.loop import ScanLoop, ScanSettings
from desktop_app.devices.scanning.types import Frame, FrameSource, Read

log = logging.getLogger(__name__)


def frame_to_qimage(image: object) -> QImage:
    """A deep-copied QImage of a grey or BGR frame (safe to build on any thread)."""
    arr = np.asarray(image)
    if arr.ndim == 2:
        h, w = arr.shape
        return QImage(arr.data, w, h, arr.strides[0], QImage.Format.Format_Grayscale8).copy()
    rgb = np.ascontiguousarray(cv2.cvtColor(arr, cv2.COLOR_BGR2RGB))
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, rgb.strides[0], QImage.Format.Format_RGB888).copy()


class CameraWorker(QObject):
    code_scanned = Signal(str, str)
    """A new code was read from the camera: its text and symbology (e.g. "qr", "ean13")."""
    frame_captured = Signal(QImage)
    """A preview frame is ready (at most `preview_fps` a second)."""
    scanning_failed = Signal(str)
    """The source could not be opened; the message says why."""
    scanning_stopped = Signal()
    """The loop ended: stopped, or the file ran out, or the camera was lost."""

    _read_posted = Signal(str, str)
    _frame_posted = Signal(QImage)
    _stop_posted = Signal()
    _fail_posted = Signal(str)

    def __init__(
        self,
        source_factory: Callable[[], FrameSource],
        settings: ScanSettings | None = None,
        *,
        preview_fps: float = 15.0,
    ) -> None:
        # A worker lives exactly as long as its loop, whoever started it: owned by the
        # application (never by a Python reference count, whose last reference the loop thread
        # may drop, destroying a QObject outside its thread; nor by a parent that could go
        # first), it deletes itself on the GUI thread once its loop has ended. A test that let
        # go of its worker crashed the event loop about 1 run in 15.
        super().__init__(QCoreApplication.instance())
        self._stopped = False  # set by stop(): a late frame or read is not passed on
        self._source_factory = source_factory
        self._settings = settings or ScanSettings()
        self._preview_interval = 1.0 / preview_fps if preview_fps > 0 else None
        self._last_preview = 0.0
        # Set by the loop thread, cleared on the GUI thread: one preview in flight at a time,
        # so a busy GUI never piles up frames in its event queue.
        self._preview_pending = threading.Event()
        self._loop: ScanLoop | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._read_posted.connect(self._emit_read, queued)
        self._frame_posted.connect(self._emit_frame, queued)
        self._stop_posted.connect(self._loop_ended, queued)
        self._fail_posted.connect(self.scanning_failed, queued)

    @property
    def running(self) -> bool:
        return self._loop is not None and self._loop.running

    def start(self) -> None:
        if self.running:
            return
        if self._stopped:
            raise RuntimeError("a camera worker runs once: make a new one")
        self._loop = ScanLoop(
            self._source_factory(),
            self._on_read,
            self._settings,
            on_frame=self._on_frame if self._preview_interval else None,
            on_finished=self._stop_posted.emit,
            on_failed=lambda exc: self._fail_posted.emit(str(exc)),
        )
        self._loop.start()  # returns at once: the camera opens on the loop's thread

    def stop(self) -> None:
        self._stopped = True
        if self._loop is not None:
            self._loop.stop(timeout=0)  # never wait on the camera here: its thread closes it
            self._loop = None

    # --- loop thread -------------------------------------------------------------------
    def _on_read(self, read: Read, frame: Frame) -> None:
        self._read_posted.emit(read.text, read.symbology.value)

    def _on_frame(self, frame: Frame) -> None:
        assert self._preview_interval is not None
        now = time.monotonic()
        if self._preview_pending.is_set() or now - self._last_preview < self._preview_interval:
            return
        self._last_preview = now
        self._preview_pending.set()
        self._frame_posted.emit(frame_to_qimage(frame.image))

    # --- GUI thread --------------------------------------------------------------------
    @Slot(str, str)
    def _emit_read(self, text: str, symbology: str) -> None:
        if not self._stopped:
            self.code_scanned.emit(text, symbology)

    @Slot()
    def _loop_ended(self) -> None:
        self.scanning_stopped.emit()
        self.deleteLater()  # one run per worker; freed here, on the GUI thread

    @Slot(QImage)
    def _emit_frame(self, image: QImage) -> None:
        self._preview_pending.clear()
        if not self._stopped:
            self.frame_captured.emit(image)
