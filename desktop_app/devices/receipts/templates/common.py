"""Building blocks shared by the templates."""

from __future__ import annotations

from datetime import datetime

from ..document import (
    Align,
    Block,
    Column,
    ColumnsRow,
    Cut,
    Rule,
    Size,
    Style,
    TextRow,
)
from .data import ItemLine, StoreText
from .labels import Labels, format_money

AMOUNT_COLS = 11  # fits "-¥99,999.99"; wider amounts grow the cell rather than truncate
QTY_COLS = 4


def when(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M")


def header(store: StoreText, labels: Labels, copy: bool, title: str | None = None) -> list[Block]:
    blocks: list[Block] = []
    for i, text in enumerate(store.header):
        style = (
            Style(bold=True, size=Size.DOUBLE_HEIGHT, align=Align.CENTER)
            if i == 0
            else Style(align=Align.CENTER)
        )
        blocks.append(TextRow(text, style))
    if title:
        blocks.append(TextRow(title, Style(bold=True, size=Size.DOUBLE, align=Align.CENTER)))
    if copy:
        # Reprints must be told apart from originals at a glance (refund fraud).
        blocks.append(
            TextRow(labels["copy"], Style(bold=True, size=Size.DOUBLE, align=Align.CENTER))
        )
    blocks.append(Rule())
    return blocks


def footer(store: StoreText, copy: bool, labels: Labels) -> list[Block]:
    blocks: list[Block] = [Rule()]
    blocks.extend(TextRow(t, Style(align=Align.CENTER)) for t in store.footer)
    if copy:
        blocks.append(TextRow(labels["copy"], Style(bold=True, align=Align.CENTER)))
    blocks.append(Cut())
    return blocks


def kv(label: str, value: str, bold: bool = False) -> ColumnsRow:
    """Label on the left, value flush right: values line up down the receipt."""
    return ColumnsRow(
        (Column(label, None, wrap=True), Column(value, AMOUNT_COLS, Align.RIGHT)), bold=bold
    )


def info(label: str, value: str) -> ColumnsRow:
    """Label: value pairs such as the receipt number (value may be long)."""
    return ColumnsRow((Column(label, 8), Column(value, None, wrap=True)))


def item_rows(lines: tuple[ItemLine, ...], labels: Labels, sign: int = 1) -> list[Block]:
    blocks: list[Block] = [
        ColumnsRow(
            (
                Column(labels["item"], None),
                Column(labels["qty"], QTY_COLS, Align.RIGHT),
                Column(labels["amount"], AMOUNT_COLS, Align.RIGHT),
            ),
            bold=True,
        )
    ]
    for ln in lines:
        blocks.append(
            ColumnsRow(
                (
                    Column(ln.name, None, wrap=True),
                    Column(f"{ln.quantity}", QTY_COLS, Align.RIGHT),
                    Column(format_money(sign * ln.amount), AMOUNT_COLS, Align.RIGHT),
                )
            )
        )
        if ln.quantity != 1 or ln.discount:
            detail = f"  @{format_money(ln.unit_price)}"
            if ln.discount:
                detail += f"  {labels['discount']} -{format_money(ln.discount)}"
            blocks.append(TextRow(detail))
    return blocks
