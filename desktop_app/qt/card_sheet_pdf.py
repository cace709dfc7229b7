"""Member card sheets as PDF: the pages of desktop_app.devices.card_sheet, one per A4 page,
written with Qt's QPdfWriter (the one PDF writer the desk ships)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from desktop_app.devices.card_sheet import DPI, CardFace, render_pages


def save_pdf(faces: Sequence[CardFace], path: Path, font_path: str | None = None) -> int:
    """Write the sheet to `path`; returns the number of pages."""
    pages = render_pages(faces, font_path)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        for i, page in enumerate(pages):
            if i:
                writer.newPage()
            data = page.tobytes("raw", "RGB")
            image = QImage(data, page.width, page.height, page.width * 3,
                           QImage.Format.Format_RGB888)
            painter.drawImage(QRect(0, 0, page.width, page.height), image)
    finally:
        painter.end()
    return len(pages)
