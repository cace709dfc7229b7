"""Catalogue rows as read from a CSV file: validated one by one, each bad row named by its
line and reason, so a dry run can show what an import would do before it does it."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.money import parse_amount

HEADERS = ("barcode", "name", "price", "category", "points_multiplier")


@dataclass(frozen=True, slots=True)
class ProductRow:
    line: int
    barcode: str
    name: str
    price: int
    category: str | None
    points_multiplier_pct: int | None


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), else GB18030 (what Excel on a Chinese Windows saves)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _multiplier(text: str) -> int | None:
    """ "" -> None (the category's); "2" or "2x" -> 200; "1.5" -> 150; "0" excludes."""
    text = text.strip().lower().rstrip("x×")
    if not text:
        return None
    try:
        value = round(float(text) * 100)
    except ValueError as exc:
        raise ValidationError("points_multiplier", "not_a_number") from exc
    if not 0 <= value <= 1000:
        raise ValidationError("points_multiplier", "out_of_range")
    return value


def parse_products(data: bytes) -> tuple[list[ProductRow], list[BadRow]]:
    text = decode(data)
    reader = csv.reader(io.StringIO(text))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [h for h in HEADERS[:3] if h not in header]
    if missing:
        return [], [BadRow(1, f"missing column(s): {', '.join(missing)}")]
    col = {h: header.index(h) for h in HEADERS if h in header}
    good: list[ProductRow] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    for raw in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in raw):
            continue

        def cell(name: str, row: list[str] = raw) -> str:
            i = col.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        barcode, name = cell("barcode"), cell("name")
        try:
            if not barcode or not barcode.isalnum() or len(barcode) > 64:
                raise ValidationError("barcode", "missing or not a barcode")
            if not name:
                raise ValidationError("name", "missing")
            try:
                price = parse_amount(cell("price"))
            except ValidationError as exc:
                raise ValidationError("price", "not_an_amount") from exc
            if price < 0:
                raise ValidationError("price", "negative")
            multiplier = _multiplier(cell("points_multiplier"))
        except ValidationError as exc:
            bad.append(BadRow(line, f"{exc.field}: {exc.reason}"))
            continue
        if barcode in seen:
            bad.append(BadRow(line, f"barcode: repeats line {seen[barcode]}"))
            continue
        seen[barcode] = line
        good.append(ProductRow(line, barcode, name, price, cell("category") or None, multiplier))
    return good, bad
