"""Receipt printing, printer-independent part: document model, layout, ESC/POS and raster
rendering, preview model, templates and transports.

A print queue does: ``chunks = render(doc, profile)`` then ``transport.send(chunks)``.
"""

from . import commands
from .commands import cash_drawer_kick
from .document import (
    Align,
    Barcode,
    BarcodeKind,
    Column,
    ColumnsRow,
    Cut,
    Document,
    Feed,
    Logo,
    QrCode,
    Rule,
    Size,
    Style,
    TextRow,
)
from .fonts import ReceiptFontNotFound, find_cjk_font
from .layout import PAPER_58, PAPER_80, LaidOut, Line, Paper, layout
from .preview import ReceiptPreview, preview
from .profiles import PrinterProfile, TextMode, gb18030, raster, single_byte
from .render import ReceiptRenderError, render, render_units, uses_raster

__all__ = [
    "PAPER_58",
    "PAPER_80",
    "Align",
    "Barcode",
    "BarcodeKind",
    "Column",
    "ColumnsRow",
    "Cut",
    "Document",
    "Feed",
    "LaidOut",
    "Line",
    "Logo",
    "Paper",
    "PrinterProfile",
    "QrCode",
    "ReceiptFontNotFound",
    "ReceiptPreview",
    "ReceiptRenderError",
    "Rule",
    "Size",
    "Style",
    "TextMode",
    "TextRow",
    "cash_drawer_kick",
    "commands",
    "find_cjk_font",
    "gb18030",
    "layout",
    "preview",
    "raster",
    "render",
    "render_units",
    "single_byte",
    "uses_raster",
]
