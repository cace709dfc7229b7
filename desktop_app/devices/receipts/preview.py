"""Preview model: the laid-out receipt as plain data for a Qt widget to paint.

The widget (desktop_app/qt, later) draws ``PreviewLine.text`` on a grid of ``columns``
cells (a wide character spans two) and placeholders for codes and images; it needs no
printer knowledge and no Pillow. ``to_dict`` gives a JSON-able form.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass

from .document import Barcode, Cut, Document, Feed, Logo, QrCode
from .layout import PAPER_58, Line, Paper, layout
from .width import DISPLAY, text_width


@dataclass(frozen=True)
class PreviewLine:
    text: str
    bold: bool
    width_mult: int
    height_mult: int
    display_width: int  # columns used, already multiplied by width_mult


@dataclass(frozen=True)
class PreviewQr:
    data: str
    module_size: int
    align: str


@dataclass(frozen=True)
class PreviewBarcode:
    kind: str
    data: str
    show_text: bool
    align: str


@dataclass(frozen=True)
class PreviewImage:
    image: bytes  # the original image bytes; Qt's QImage.fromData reads them
    align: str


@dataclass(frozen=True)
class PreviewFeed:
    lines: int


@dataclass(frozen=True)
class PreviewCut:
    partial: bool


PreviewItem = PreviewLine | PreviewQr | PreviewBarcode | PreviewImage | PreviewFeed | PreviewCut


@dataclass(frozen=True)
class ReceiptPreview:
    columns: int
    dots: int
    items: tuple[PreviewItem, ...]

    def to_dict(self) -> dict[str, object]:
        items: list[dict[str, object]] = []
        for it in self.items:
            d = asdict(it)
            if isinstance(it, PreviewImage):
                d["image"] = base64.b64encode(it.image).decode("ascii")
            d["type"] = type(it).__name__.removeprefix("Preview").lower()
            items.append(d)
        return {"columns": self.columns, "dots": self.dots, "items": items}


def preview(doc: Document, paper: Paper = PAPER_58) -> ReceiptPreview:
    laid = layout(doc, paper, DISPLAY)
    out: list[PreviewItem] = []
    for it in laid.items:
        if isinstance(it, Line):
            wm, hm = it.size.value
            out.append(PreviewLine(it.text, it.bold, wm, hm, text_width(it.text) * wm))
        elif isinstance(it, QrCode):
            out.append(PreviewQr(it.data, it.module_size, it.align.value))
        elif isinstance(it, Barcode):
            out.append(PreviewBarcode(it.kind.value, it.data, it.show_text, it.align.value))
        elif isinstance(it, Logo):
            out.append(PreviewImage(it.image, it.align.value))
        elif isinstance(it, Feed):
            out.append(PreviewFeed(it.lines))
        elif isinstance(it, Cut):
            out.append(PreviewCut(it.partial))
    return ReceiptPreview(paper.columns, paper.dots, tuple(out))
