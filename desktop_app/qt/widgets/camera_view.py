"""Camera preview: the newest frame scaled to fit, the guide box drawn on it, and the last
code read shown below as plain text (a scanned code may contain markup)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.devices.scanning.roi import GuideBox


class CameraView(QWidget):
    def __init__(self, guide: GuideBox | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._guide = guide or GuideBox()
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_label.setMinimumSize(320, 240)
        self.result_label = QLabel(self)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image_label, 1)
        layout.addWidget(self.result_label)

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        size = self.image_label.size()
        scaled = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
        )
        pixmap = QPixmap.fromImage(scaled)
        x, y, w, h = self._guide.rect(pixmap.width(), pixmap.height())
        painter = QPainter(pixmap)
        painter.setPen(QPen(QColor(0, 200, 0), 2))
        painter.drawRect(QRect(x, y, w - 1, h - 1))
        painter.end()
        self.image_label.setPixmap(pixmap)

    @Slot(str, str)
    def show_result(self, text: str, symbology: str) -> None:
        self.result_label.setText(f"{text}  ({symbology})")
