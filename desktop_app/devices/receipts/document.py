"""Receipt document model: what to print, with no idea of which printer prints it.

Pure frozen dataclasses so a document can be built on any thread, handed to a worker,
compared in tests and persisted by a print queue (everything is plain data).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Align(Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Size(Enum):
    """Character magnification. Width magnification halves the columns a line can hold."""

    NORMAL = (1, 1)
    DOUBLE_HEIGHT = (1, 2)
    DOUBLE_WIDTH = (2, 1)
    DOUBLE = (2, 2)

    @property
    def width_mult(self) -> int:
        return self.value[0]

    @property
    def height_mult(self) -> int:
        return self.value[1]


@dataclass(frozen=True)
class Style:
    bold: bool = False
    size: Size = Size.NORMAL
    align: Align = Align.LEFT


PLAIN = Style()


@dataclass(frozen=True)
class TextRow:
    """Free text; wrapped by display width. Embedded newlines start new lines."""

    text: str
    style: Style = PLAIN


@dataclass(frozen=True)
class Column:
    """One cell of a ColumnsRow.

    ``width`` is a share of the line in display columns; ``None`` means "take what is left"
    (at most one flexible column per row). ``wrap`` lets a cell flow onto extra lines
    (item names); otherwise it is truncated with an ellipsis (amounts never are: a fixed
    cell narrower than its amount is widened by taking space from the flexible cell).
    """

    text: str
    width: int | None = None
    align: Align = Align.LEFT
    wrap: bool = False


@dataclass(frozen=True)
class ColumnsRow:
    columns: tuple[Column, ...]
    bold: bool = False
    gap: int = 1


@dataclass(frozen=True)
class Rule:
    """A horizontal rule across the paper."""

    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    data: str
    module_size: int = 6  # dots per module; 6 is readable by phone cameras at 203 dpi
    align: Align = Align.CENTER


class BarcodeKind(Enum):
    CODE128 = "CODE128"
    EAN13 = "EAN13"


@dataclass(frozen=True)
class Barcode:
    data: str
    kind: BarcodeKind = BarcodeKind.CODE128
    height: int = 80  # dots
    module_width: int = 2  # dots; 2 keeps a 16-digit Code128 inside 58 mm paper
    show_text: bool = True
    align: Align = Align.CENTER


@dataclass(frozen=True)
class Logo:
    """An image (PNG/BMP/... bytes, any mode Pillow reads); dithered to 1 bit when printed."""

    image: bytes
    max_width_dots: int | None = None
    align: Align = Align.CENTER


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    partial: bool = True
    feed_lines: int = 4  # the cutter sits a few lines above the print head


Block = TextRow | ColumnsRow | Rule | QrCode | Barcode | Logo | Feed | Cut


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def __add__(self, other: Document) -> Document:
        return Document(self.blocks + other.blocks)
