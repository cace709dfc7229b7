"""Where scans come from and go to. The keyboard wedge and the camera both feed `route`,
which hands the code to the session (the current page decides what it means) and to the
scanner window's live list. The camera runs only while the operator has it on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop_app.devices.device_config import DeviceConfigStore, camera_source_args, scan_settings

if TYPE_CHECKING:  # the window and the camera load OpenCV: only when the operator opens them
    from desktop_app.qt.scanner_window import ScannerWindow
    from desktop_app.qt.scanning.camera_worker import CameraWorker


class ScannerHub(QObject):
    code_scanned = Signal(str)
    """A code arrived from any scanner (already routed to the session)."""

    camera_running_changed = Signal(bool)
    """The camera started (True) or stopped (False)."""

    def __init__(self, devices: DeviceConfigStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._devices = devices
        self._worker: CameraWorker | None = None
        self.window: ScannerWindow | None = None

    def route(self, code: str, source: str = "keyboard") -> None:
        if self.window is not None:
            self.window.show_read(source, code)
        self.code_scanned.emit(code)

    def open_window(self, parent: QWidget | None = None) -> ScannerWindow:
        if self.window is None:
            from desktop_app.qt.scanner_window import ScannerWindow

            camera = self._devices.load().camera
            self.window = ScannerWindow(scan_settings(camera).guide, parent)
            self.window.camera_toggled.connect(self.set_camera)
        self.window.show()
        self.window.raise_()
        return self.window

    def set_camera(self, on: bool) -> None:
        if on:
            self._start_camera()
        else:
            self._stop_camera()

    def _start_camera(self) -> None:
        if self._worker is not None:
            return
        # Loaded here: OpenCV and the decoders cost a third of a second, and most desks
        # scan with a keyboard-wedge scanner only.
        from desktop_app.devices.scanning.camera import CameraSource
        from desktop_app.qt.scanning.camera_worker import CameraWorker

        camera = self._devices.load().camera
        worker = CameraWorker(lambda: CameraSource(**camera_source_args(camera)),
                              scan_settings(camera))
        worker.code_scanned.connect(lambda text, _sym: self.route(text, "camera"))
        worker.scanning_failed.connect(self._camera_failed)
        worker.scanning_stopped.connect(self._camera_stopped)
        if self.window is not None:
            worker.frame_captured.connect(self.window.camera_view.show_frame)
            worker.code_scanned.connect(self.window.camera_view.show_result)
        self._worker = worker
        worker.start()
        self.camera_running_changed.emit(True)

    def _stop_camera(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
            self.camera_running_changed.emit(False)

    def _camera_failed(self, message: str) -> None:
        self._worker = None
        if self.window is not None:
            self.window.set_camera_running(False, message)
        self.camera_running_changed.emit(False)

    def _camera_stopped(self) -> None:
        if self._worker is not None:  # the camera went away on its own
            self._worker = None
            if self.window is not None:
                self.window.set_camera_running(False)
            self.camera_running_changed.emit(False)

    def shutdown(self) -> None:
        self._stop_camera()
