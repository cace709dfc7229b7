"""The receipt preview: paints the same preview model the printer path lays out
(`desktop_app.devices.receipts.preview`), on a monospace grid. A wide (CJK) character takes
two cells, as on the printer; bold and double width/height follow each line's style.
QR codes, barcodes and logos are drawn as labelled boxes: the preview is for text and layout.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.devices.receipts.preview import (
    PreviewBarcode,
    PreviewCut,
    PreviewFeed,
    PreviewImage,
    PreviewItem,
    PreviewLine,
    PreviewQr,
    ReceiptPreview,
)
from desktop_app.devices.receipts.width import DISPLAY, clusters

PAPER = QColor("#fffef8")
INK = QColor("#1b1b1b")
MARGIN = 12  # px of paper around the print area
CODE_ROWS = {PreviewQr: 8, PreviewBarcode: 4, PreviewImage: 6}


def _monospace(point_size: float) -> QFont:
    font = QFont("Noto Sans Mono CJK SC")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setFamilies(["Noto Sans Mono CJK SC", "Noto Sans CJK SC", "DejaVu Sans Mono",
                      "Monospace"])
    font.setPointSizeF(point_size)
    return font


class ReceiptPreviewWidget(QWidget):
    """Shows one ``ReceiptPreview``; ``set_preview(None)`` clears it."""

    def __init__(self, parent: QWidget | None = None, point_size: float = 10.0) -> None:
        super().__init__(parent)
        self._preview: ReceiptPreview | None = None
        self._font = _monospace(point_size)
        metrics = QFontMetricsF(self._font)
        self.cell_w = metrics.horizontalAdvance("0")
        self.cell_h = metrics.height() * 1.15
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Receipt preview"))

    def set_preview(self, preview: ReceiptPreview | None) -> None:
        self._preview = preview
        # Fixed to the paper: it lives in a scroll area (adjustSize would cap it at the screen).
        self.setFixedSize(self.sizeHint())
        self.update()

    def preview(self) -> ReceiptPreview | None:
        return self._preview

    # -- geometry -------------------------------------------------------------------------
    def _rows(self, item: PreviewItem) -> int:
        if isinstance(item, PreviewLine):
            return item.height_mult
        if isinstance(item, PreviewFeed):
            return item.lines
        if isinstance(item, PreviewCut):
            return 2
        return CODE_ROWS[type(item)]

    def sizeHint(self) -> QSize:  # noqa: N802
        columns = self._preview.columns if self._preview else 32
        rows = sum(self._rows(i) for i in self._preview.items) if self._preview else 4
        return QSize(int(columns * self.cell_w + 2 * MARGIN),
                     int(rows * self.cell_h + 2 * MARGIN))

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(self.rect(), PAPER)
        if self._preview is None:
            painter.end()
            return
        y = float(MARGIN)
        for item in self._preview.items:
            rows = self._rows(item)
            if isinstance(item, PreviewLine):
                self._paint_line(painter, item, y)
            elif isinstance(item, PreviewCut):
                self._paint_cut(painter, y + self.cell_h * 0.5)
            elif not isinstance(item, PreviewFeed):
                self._paint_box(painter, item, y, rows)
            y += rows * self.cell_h
        painter.end()

    def _paint_line(self, painter: QPainter, line: PreviewLine, y: float) -> None:
        font = QFont(self._font)
        font.setBold(line.bold)
        painter.setFont(font)
        painter.setPen(INK)
        cell_w = self.cell_w * line.width_mult
        cell_h = self.cell_h * line.height_mult
        x = float(MARGIN)
        for cluster in clusters(line.text):
            cells = DISPLAY.width(cluster)
            if cells <= 0:
                continue
            if cluster.strip():
                rect = QRectF(x, y, cells * cell_w, cell_h)
                painter.save()
                # Scale the glyph into its cells: double width/height like the printer does.
                painter.translate(rect.center())
                painter.scale(line.width_mult, line.height_mult)
                box = QRectF(-cells * self.cell_w, -self.cell_h / 2, 2 * cells * self.cell_w,
                             self.cell_h)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, cluster)
                painter.restore()
            x += cells * cell_w

    def _paint_cut(self, painter: QPainter, y: float) -> None:
        pen = QPen(QColor("#9a9a9a"))
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(0, int(y), self.width(), int(y))

    def _paint_box(self, painter: QPainter, item: PreviewItem, y: float, rows: int) -> None:
        assert self._preview is not None
        label = {PreviewQr: "QR", PreviewBarcode: "|||||", PreviewImage: "IMG"}[type(item)]
        data = getattr(item, "data", "")
        height = rows * self.cell_h * 0.9
        width = height if isinstance(item, PreviewQr) else self._preview.columns * self.cell_w * 0.7
        x = MARGIN + (self._preview.columns * self.cell_w - width) / 2
        rect = QRectF(x, y, width, height)
        painter.setPen(QPen(INK))
        painter.drawRect(rect)
        painter.setFont(self._font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{label}\n{data}"[:40])
