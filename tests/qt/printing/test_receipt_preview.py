"""The preview widget paints a Chinese sale receipt from the preview model: CJK characters
take two cells, the text is really drawn (ink where a Han character is), and a screenshot is
kept in docs/screenshots/ for review."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor

from desktop_app.devices.receipts import PAPER_58, preview
from desktop_app.devices.receipts.preview import PreviewLine
from desktop_app.devices.receipts.templates import sale_receipt
from desktop_app.qt.widgets.receipt_preview import MARGIN, PAPER, ReceiptPreviewWidget

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.helpers.receipt_samples import SALE, STORE  # noqa: E402

SCREENSHOT = ROOT / "docs" / "screenshots" / "receipt_preview_sale_zh_CN.png"


def ink_in(image, x0: float, y0: float, x1: float, y1: float) -> int:
    paper = QColor(PAPER).rgb()
    return sum(1 for x in range(int(x0), int(x1)) for y in range(int(y0), int(y1))
               if image.pixel(x, y) != paper)


def test_a_chinese_sale_receipt_is_painted_on_the_grid(qtbot) -> None:
    model = preview(sale_receipt(SALE, STORE, "zh_CN"), PAPER_58)
    widget = ReceiptPreviewWidget()
    qtbot.addWidget(widget)
    widget.set_preview(model)
    widget.show()
    size = widget.sizeHint()
    assert abs(size.width() - (32 * widget.cell_w + 2 * MARGIN)) < 1
    image = widget.grab().toImage()
    # Find the cashier line: "收银员" label then "王小明"; each Han char spans 2 cells.
    y = float(MARGIN)
    lines = [it for it in model.items]
    for item in lines:
        if isinstance(item, PreviewLine) and "王小明" in item.text:
            break
        y += widget._rows(item) * widget.cell_h
    else:
        raise AssertionError("no cashier line in the preview")
    col = item.text.index("王小明")
    prefix_cells = sum(2 if ord(c) > 0x2E80 else 1 for c in item.text[:col])
    x = MARGIN + prefix_cells * widget.cell_w
    # Ink inside the two cells of "王", and the line is as wide as its display width.
    assert ink_in(image, x, y, x + 2 * widget.cell_w, y + widget.cell_h) > 10
    assert item.display_width <= 32
    end = MARGIN + item.display_width * widget.cell_w
    assert ink_in(image, end + 1, y, min(image.width(), end + 3 * widget.cell_w),
                  y + widget.cell_h) == 0
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    assert image.save(str(SCREENSHOT))
