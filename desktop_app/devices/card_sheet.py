"""Member card sheets: A4 pages of ten cards (85.6 x 54 mm, the ID-1 size), each with the
member's name and number, a QR code and a Code 128 barcode of the card code, for printing
on card stock or handing to a card printer. Pure image work (Pillow, segno, python-barcode);
a PDF is made from these pages by desktop_app.qt.card_sheet_pdf (Qt's QPdfWriter).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import segno
from barcode import Code128
from barcode.writer import ImageWriter
from PIL import Image, ImageDraw

from desktop_app.devices.receipts.fonts import find_cjk_font, load_font

DPI = 300
A4 = (2480, 3508)  # 210 x 297 mm at 300 dpi
CARD = (1011, 638)  # 85.6 x 54 mm
COLUMNS, ROWS = 2, 5
MARGIN_X = (A4[0] - COLUMNS * CARD[0]) // (COLUMNS + 1)
MARGIN_Y = (A4[1] - ROWS * CARD[1]) // (ROWS + 1)
PER_PAGE = COLUMNS * ROWS


@dataclass(frozen=True, slots=True)
class CardFace:
    name: str
    number: str
    code: str  # the card code the scanners read
    store: str = ""


def _qr(code: str, size: int) -> Image.Image:
    buf = io.BytesIO()
    segno.make(code, error="m", micro=False).save(buf, kind="png", scale=10, border=2)
    buf.seek(0)
    return Image.open(buf).convert("RGB").resize((size, size), Image.Resampling.NEAREST)


def _code128(code: str, width: int, height: int) -> Image.Image:
    writer = ImageWriter()
    image: Image.Image = Code128(code, writer=writer).render(
        {"module_height": 12.0, "quiet_zone": 2.0, "write_text": False, "dpi": DPI})
    return image.convert("RGB").resize((width, height), Image.Resampling.NEAREST)


def _fit(draw: ImageDraw.ImageDraw, text: str, font_path: str, size: int, width: int) -> tuple[
        str, object]:
    """The text in the biggest font up to `size` that fits `width`, elided if even the
    smallest does not (a card never overflows, whatever the name)."""
    for s in range(size, 23, -4):
        font = load_font(font_path, s)
        if draw.textlength(text, font=font) <= width:
            return text, font
    font = load_font(font_path, 24)
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…", font


def draw_card(face: CardFace, font_path: str) -> Image.Image:
    card = Image.new("RGB", CARD, "white")
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle((0, 0, CARD[0] - 1, CARD[1] - 1), radius=36, outline="#999999",
                           width=3)
    qr_size = 300
    card.paste(_qr(face.code, qr_size), (CARD[0] - qr_size - 40, 40))
    text_width = CARD[0] - qr_size - 120
    if face.store:
        store, font = _fit(draw, face.store, font_path, 40, text_width)
        draw.text((48, 48), store, fill="#555555", font=font)  # type: ignore[arg-type]
    name, font = _fit(draw, " ".join(face.name.split()), font_path, 72, text_width)
    draw.text((48, 120), name, fill="black", font=font)  # type: ignore[arg-type]
    number_font = load_font(font_path, 40)
    draw.text((48, 240), face.number, fill="black", font=number_font)
    card.paste(_code128(face.code, CARD[0] - 96, 150), (48, 380))
    draw.text((48, 545), face.code, fill="black", font=number_font)
    return card


def render_pages(faces: Sequence[CardFace], font_path: str | None = None) -> list[Image.Image]:
    """A4 pages at 300 dpi, ten cards each, in the order given."""
    path = font_path or str(find_cjk_font())
    pages: list[Image.Image] = []
    for start in range(0, len(faces), PER_PAGE):
        page = Image.new("RGB", A4, "white")
        for i, face in enumerate(faces[start : start + PER_PAGE]):
            col, row = i % COLUMNS, i // COLUMNS
            x = MARGIN_X + col * (CARD[0] + MARGIN_X)
            y = MARGIN_Y + row * (CARD[1] + MARGIN_Y)
            page.paste(draw_card(face, path), (x, y))
        pages.append(page)
    return pages


def save_png(faces: Sequence[CardFace], path: Path, font_path: str | None = None) -> list[Path]:
    """One PNG per page: `path` itself for one page, `name-2.png` ... for the next ones."""
    out = []
    for i, page in enumerate(render_pages(faces, font_path)):
        target = path if i == 0 else path.with_name(f"{path.stem}-{i + 1}{path.suffix}")
        page.save(target, dpi=(DPI, DPI))
        out.append(target)
    return out
