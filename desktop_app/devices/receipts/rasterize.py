"""Raster path: draw laid-out lines (and codes, logos) as a 1-bit image with a CJK font,
then slice it into GS v 0 bands. Used by printers without a Chinese font.

Images here are Pillow mode "1" with *ink = 1*, which is exactly the ESC/POS raster bit
order, so ``tobytes()`` needs no inversion.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from barcode import EAN13, Code128
from PIL import Image, ImageDraw, ImageFont, ImageOps

from . import commands
from .document import Align, Barcode, BarcodeKind, Cut, Feed, Logo, QrCode
from .fonts import find_cjk_font, load_font
from .layout import LaidOut, Line, align_offset
from .width import DISPLAY, clusters

CELL_W = 12  # Font A cell: 12 x 24 dots
CELL_H = 24
LINE_GAP = 6  # default ESC/POS line pitch is ~30 dots
FONT_PX = 22  # CJK glyph body fills a 24-dot cell without touching the next line


@dataclass
class GlyphCache:
    """Rendered clusters, keyed by (cluster, bold, width mult, height mult).

    A receipt reuses few distinct characters; drawing each once and pasting it is ~10x
    faster than calling FreeType for every character.
    """

    font_path: str
    glyphs: dict[tuple[str, bool, int, int], Image.Image]

    def glyph(self, cl: str, cols: int, bold: bool, wm: int, hm: int) -> Image.Image:
        key = (cl, bold, wm, hm)
        g = self.glyphs.get(key)
        if g is None:
            g = self._draw(cl, cols, bold, wm, hm)
            self.glyphs[key] = g
        return g

    def _draw(self, cl: str, cols: int, bold: bool, wm: int, hm: int) -> Image.Image:
        font = load_font(self.font_path, FONT_PX)
        w, h = cols * CELL_W, CELL_H
        img = Image.new("L", (w, h), 0)
        d = ImageDraw.Draw(img)
        d.text((w / 2, h / 2), cl, font=font, fill=255, anchor="mm")
        if bold:  # one-dot overstrike, as printers do for emphasis
            d.text((w / 2 + 1, h / 2), cl, font=font, fill=255, anchor="mm")
        if wm != 1 or hm != 1:
            img = img.resize((w * wm, h * hm), Image.Resampling.NEAREST)
        return img.point(lambda v: 255 if v >= 128 else 0).convert("1")


_caches: dict[str, GlyphCache] = {}


def glyph_cache(font_path: str | None = None) -> GlyphCache:
    path = font_path or str(find_cjk_font())
    cache = _caches.get(path)
    if cache is None:
        cache = _caches[path] = GlyphCache(path, {})
    return cache


def _text_strip(line: Line, dots: int, cache: GlyphCache) -> Image.Image:
    wm, hm = line.size.width_mult, line.size.height_mult
    img = Image.new("1", (dots, CELL_H * hm + LINE_GAP), 0)
    x = 0
    for cl in clusters(line.text):
        cols = DISPLAY.width(cl)
        if cols == 0:
            continue
        if cl != " ":
            g = cache.glyph(cl, cols, line.bold, wm, hm)
            img.paste(1, (x, 0), g)
        x += cols * CELL_W * wm
    return img


def _place(content: Image.Image, align: Align, dots: int) -> Image.Image:
    if content.width > dots:
        content = content.resize((dots, content.height * dots // content.width))
    img = Image.new("1", (dots, content.height), 0)
    img.paste(content, (align_offset(align, content.width, dots), 0))
    return img


def qr_image(qr: QrCode, dots: int) -> Image.Image:
    code = segno.make(qr.data, error="m", micro=False)
    size = int(code.symbol_size(scale=1, border=0)[0])
    scale = max(1, min(qr.module_size, dots // (size + 8)))
    mat = Image.new("1", (size, size), 0)
    mat.putdata([v for row in code.matrix for v in row])
    sym = mat.resize((size * scale, size * scale), Image.Resampling.NEAREST)
    framed = Image.new("1", (sym.width, sym.height + 2 * CELL_H), 0)
    framed.paste(sym, (0, CELL_H))  # quiet zone above and below
    return _place(framed, qr.align, dots)


def barcode_modules(bc: Barcode) -> str:
    """The bar pattern ('1' = bar) from python-barcode's encoder."""
    code = Code128(bc.data) if bc.kind is BarcodeKind.CODE128 else EAN13(bc.data)
    return "".join(code.build())


def barcode_image(bc: Barcode, dots: int, cache: GlyphCache) -> Image.Image:
    modules = barcode_modules(bc)
    mw = bc.module_width
    while mw > 1 and len(modules) * mw > dots:
        mw -= 1
    bars = Image.new("1", (len(modules) * mw, bc.height), 0)
    draw = ImageDraw.Draw(bars)
    for i, m in enumerate(modules):
        if m == "1":
            draw.rectangle((i * mw, 0, i * mw + mw - 1, bc.height - 1), fill=1)
    parts = [_place(bars, bc.align, dots)]
    if bc.show_text:
        text = bc.data
        pad = max((dots // CELL_W - len(text)) // 2, 0)
        parts.append(_text_strip(Line(" " * pad + text), dots, cache))
    return _stack(parts, dots)


def logo_image(logo: Logo, dots: int) -> Image.Image:
    opened = Image.open(io.BytesIO(logo.image))
    src: Image.Image = ImageOps.exif_transpose(opened).convert("L")
    limit = min(logo.max_width_dots or dots, dots)
    if src.width > limit:
        src = src.resize((limit, max(1, src.height * limit // src.width)))
    ink = ImageOps.invert(src).convert("1")  # dithered; ink = 1
    return _place(ink, logo.align, dots)


def _stack(parts: list[Image.Image], dots: int) -> Image.Image:
    height = sum(p.height for p in parts)
    img = Image.new("1", (dots, max(height, 1)), 0)
    y = 0
    for p in parts:
        img.paste(p, (0, y))
        y += p.height
    return img


RasterSegment = Image.Image | Cut


def render_segments(laid: LaidOut, font_path: str | None = None) -> list[RasterSegment]:
    """The receipt as images separated by cuts (a cut cannot be drawn)."""
    dots = laid.paper.dots
    cache = glyph_cache(font_path)
    out: list[RasterSegment] = []
    parts: list[Image.Image] = []
    for it in laid.items:
        if isinstance(it, Line):
            parts.append(_text_strip(it, dots, cache))
        elif isinstance(it, QrCode):
            parts.append(qr_image(it, dots))
        elif isinstance(it, Barcode):
            parts.append(barcode_image(it, dots, cache))
        elif isinstance(it, Logo):
            parts.append(logo_image(it, dots))
        elif isinstance(it, Feed):
            parts.append(Image.new("1", (dots, (CELL_H + LINE_GAP) * it.lines), 0))
        elif isinstance(it, Cut):
            if parts:
                out.append(_stack(parts, dots))
                parts = []
            out.append(it)
    if parts:
        out.append(_stack(parts, dots))
    return out


def image_bands(img: Image.Image, max_rows: int, max_bytes: int) -> list[bytes]:
    """GS v 0 commands, each at most ``max_rows`` tall and ``max_bytes`` long."""
    if img.mode != "1":
        raise ValueError("raster image must be mode '1' (ink = 1)")
    width_bytes = (img.width + 7) // 8
    rows = max(1, min(max_rows, (max_bytes - 8) // width_bytes))
    bands: list[bytes] = []
    for top in range(0, img.height, rows):
        band = img.crop((0, top, width_bytes * 8, min(top + rows, img.height)))
        bands.append(commands.raster(width_bytes, band.height, band.tobytes()))
    return bands


def font_for_tests() -> ImageFont.FreeTypeFont:
    """The font the raster path would use (tests record its name next to goldens)."""
    return load_font(str(find_cjk_font()), FONT_PX)
