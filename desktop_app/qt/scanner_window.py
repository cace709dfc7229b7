"""The scanner window: the camera preview with its guide box and last result, Start/Stop,
and a live list of every read from the keyboard wedge and the camera with what the desk makes
of it (the scanner test that Settings opens). Codes are shown as plain text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTime, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.devices.scanning.roi import GuideBox
from desktop_app.domain.scan_payloads import PayloadKind, classify_scan
from desktop_app.qt.widgets.camera_view import CameraView

MAX_LOG_LINES = 200


class ScannerWindow(QWidget):
    camera_toggled = Signal(bool)
    """The operator asked to start (True) or stop (False) the camera."""

    def __init__(self, guide: GuideBox | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setObjectName("scannerWindow")
        self.camera_view = CameraView(guide, self)
        self.toggle_button = QPushButton(self)
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self.camera_toggled)
        self.toggle_button.toggled.connect(lambda _on: self._retranslate())
        self.state_label = QLabel(self)
        self.state_label.setTextFormat(Qt.TextFormat.PlainText)
        self.log_title = QLabel(self)
        self.reads = QListWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.toggle_button)
        top.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.camera_view, 3)
        layout.addWidget(self.log_title)
        layout.addWidget(self.reads, 2)
        self.resize(560, 640)
        self._retranslate()

    def set_camera_running(self, running: bool, message: str = "") -> None:
        self.toggle_button.blockSignals(True)
        self.toggle_button.setChecked(running)
        self.toggle_button.blockSignals(False)
        self._retranslate()
        if message:
            self.state_label.setText(message)

    def show_read(self, source: str, text: str) -> None:
        """Add one read at the top of the list: time, source, the code, what it is."""
        line = f"{QTime.currentTime().toString('HH:mm:ss')}  {source}  {text}  →  " \
               f"{self.describe(text)}"
        self.reads.insertItem(0, line)  # QListWidgetItem text is never rich text
        while self.reads.count() > MAX_LOG_LINES:
            self.reads.takeItem(self.reads.count() - 1)

    def describe(self, text: str) -> str:
        payload = classify_scan(text)
        kinds = {
            PayloadKind.MEMBER_CARD: self.tr("member card"),
            PayloadKind.MEMBER_NUMBER: self.tr("member number"),
            PayloadKind.DYNAMIC_MEMBER: self.tr("member phone QR"),
            PayloadKind.PRODUCT: self.tr("product"),
        }
        found = kinds.get(payload.kind)
        if found is not None:
            return found
        return self.tr("unknown code (%1)").replace("%1", str(payload.reason or ""))

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Scanner"))
        running = self.toggle_button.isChecked()
        self.toggle_button.setText(self.tr("Stop camera") if running else self.tr("Start camera"))
        self.state_label.setText(self.tr("Camera on: hold the code inside the green box")
                                 if running else self.tr("Camera off; the keyboard scanner "
                                                         "works anywhere in the desk"))
        self.log_title.setText(self.tr("Reads as they happen"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.toggle_button.isChecked():
            self.toggle_button.setChecked(False)  # closing the window stops the camera
        super().closeEvent(event)
