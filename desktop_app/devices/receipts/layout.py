"""Layout: document + paper -> fixed-width lines (the printer-independent step).

The result is plain data and doubles as the preview model a Qt widget paints
(see ``preview``). Every ``Line.text`` fits ``paper.columns // size.width_mult``
columns as measured by the policy it was laid out with.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import (
    Align,
    Barcode,
    Column,
    ColumnsRow,
    Cut,
    Document,
    Feed,
    Logo,
    QrCode,
    Rule,
    Size,
    TextRow,
)
from .width import DISPLAY, TextPolicy, pad, text_width, truncate, wrap


@dataclass(frozen=True)
class Paper:
    name: str
    columns: int  # Font A (12x24 dots) columns
    dots: int  # printable width in dots at 203 dpi

    @property
    def dots_per_column(self) -> int:
        return self.dots // self.columns


PAPER_58 = Paper("58mm", 32, 384)
PAPER_80 = Paper("80mm", 48, 576)


@dataclass(frozen=True)
class Line:
    """One printed text line. ``text`` is already aligned with spaces (trailing spaces
    dropped) and fits ``capacity`` columns."""

    text: str
    bold: bool = False
    size: Size = Size.NORMAL


LaidOutItem = Line | QrCode | Barcode | Logo | Feed | Cut


@dataclass(frozen=True)
class LaidOut:
    paper: Paper
    items: tuple[LaidOutItem, ...]

    def capacity(self, line: Line) -> int:
        return self.paper.columns // line.size.width_mult

    def text_lines(self) -> list[str]:
        return [it.text for it in self.items if isinstance(it, Line)]


def layout(doc: Document, paper: Paper, policy: TextPolicy = DISPLAY) -> LaidOut:
    items: list[LaidOutItem] = []
    for block in doc.blocks:
        if isinstance(block, TextRow):
            items.extend(_text_row(block, paper, policy))
        elif isinstance(block, ColumnsRow):
            items.extend(_columns_row(block, paper.columns, policy))
        elif isinstance(block, Rule):
            ch = policy.prepare(block.char) or "-"
            n = paper.columns // max(text_width(ch, policy), 1)
            items.append(Line(ch * n))
        else:
            items.append(block)
    return LaidOut(paper, tuple(items))


def _text_row(row: TextRow, paper: Paper, policy: TextPolicy) -> list[Line]:
    cap = paper.columns // row.style.size.width_mult
    out: list[Line] = []
    for piece in wrap(policy.prepare(row.text), cap, policy):
        text = pad(piece, cap, row.style.align, policy).rstrip(" ")
        out.append(Line(text, row.style.bold, row.style.size))
    return out


def column_widths(cols: tuple[Column, ...], cap: int, gap: int, policy: TextPolicy) -> list[int]:
    """Share ``cap`` columns between cells.

    Fixed cells that must not be cut (no wrap: amounts, quantities) grow to fit their
    text, taking room from the flexible cell; the flexible cell gets what is left. If
    the fixed cells alone overflow, every cell shrinks in proportion (and truncates).
    """
    room = cap - gap * (len(cols) - 1)
    wanted: list[int | None] = []
    for c in cols:
        if c.width is None:
            wanted.append(None)
        elif c.wrap:
            wanted.append(c.width)
        else:
            wanted.append(max(c.width, text_width(policy.prepare(c.text), policy)))
    fixed = sum(w for w in wanted if w is not None)
    flex_count = sum(1 for w in wanted if w is None)
    min_flex = 4 if flex_count else 0
    if fixed + min_flex * flex_count > room:
        # first undo the growth, then shrink proportionally
        wanted = [c.width if c.width is not None else None for c in cols]
        fixed = sum(w for w in wanted if w is not None)
        if fixed + min_flex * flex_count > room:
            budget = max(room - min_flex * flex_count, 0)
            scaled = [(w * budget) // fixed if w is not None and fixed else w for w in wanted]
            wanted = scaled
            fixed = sum(w for w in wanted if w is not None)
    widths: list[int] = []
    flex_left = room - fixed
    for w in wanted:
        if w is None:
            share = flex_left // flex_count
            widths.append(max(share, 0))
        else:
            widths.append(max(w, 0))
    return widths


def _columns_row(row: ColumnsRow, cap: int, policy: TextPolicy) -> list[Line]:
    widths = column_widths(row.columns, cap, row.gap, policy)
    cells: list[list[str]] = []
    for col, w in zip(row.columns, widths, strict=True):
        text = policy.prepare(col.text).replace("\n", " ")
        if w <= 0:
            pieces = [""]
        elif col.wrap:
            pieces = wrap(text, w, policy)
        else:
            pieces = [truncate(text, w, policy)]
        cells.append([pad(p, w, col.align, policy) for p in pieces])
    height = max(len(c) for c in cells)
    sep = " " * row.gap
    lines: list[Line] = []
    for i in range(height):
        parts = [c[i] if i < len(c) else " " * w for c, w in zip(cells, widths, strict=True)]
        lines.append(Line(sep.join(parts).rstrip(" "), row.bold))
    return lines


def align_offset(align: Align, content_dots: int, paper_dots: int) -> int:
    """Left offset in dots for an image/code placed with ``align``."""
    room = max(paper_dots - content_dots, 0)
    if align is Align.CENTER:
        return room // 2
    if align is Align.RIGHT:
        return room
    return 0
