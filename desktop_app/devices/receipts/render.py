"""ESC/POS renderer: document -> list of byte chunks for a transport.

This is the call a print queue makes: ``render(doc, profile)`` is pure (no I/O besides
reading a font for raster output), so the queue can render, persist the chunks, and
send them through any ``PrinterTransport`` with retries.
"""

from __future__ import annotations

from . import commands
from .chunking import pack
from .document import Barcode, BarcodeKind, Cut, Document, Feed, Logo, QrCode
from .layout import LaidOut, Line, layout
from .profiles import PrinterProfile, TextMode, policy_for
from .rasterize import image_bands, logo_image, render_segments
from .textenc import Gb18030Policy, SingleBytePolicy
from .width import DISPLAY

MAX_QR_BYTES = 1000  # keeps the GS ( k store command under the minimum chunk size


class ReceiptRenderError(ValueError):
    """The document cannot be printed as asked (bad barcode, oversize QR, ...)."""


def render(doc: Document, profile: PrinterProfile, font_path: str | None = None) -> list[bytes]:
    return pack(render_units(doc, profile, font_path), profile.chunk_size)


def uses_raster(doc: Document, profile: PrinterProfile) -> bool:
    if profile.mode is TextMode.RASTER:
        return True
    if profile.mode is TextMode.SINGLE_BYTE and profile.raster_fallback:
        policy = policy_for(profile.mode, profile.code_page)
        assert isinstance(policy, SingleBytePolicy)
        laid = layout(doc, profile.paper, policy)
        return any(policy.needs_raster(line.text) for line in laid.items if isinstance(line, Line))
    return False


def render_units(
    doc: Document, profile: PrinterProfile, font_path: str | None = None
) -> list[bytes]:
    if uses_raster(doc, profile):
        return _raster_units(layout(doc, profile.paper, DISPLAY), profile, font_path)
    policy = policy_for(profile.mode, profile.code_page)
    assert isinstance(policy, Gb18030Policy | SingleBytePolicy)
    laid = layout(doc, profile.paper, policy)
    units: list[bytes] = [commands.INIT]
    if profile.mode is TextMode.GB18030:
        units.append(commands.CHINESE_ON)
    else:
        units.append(commands.code_page(profile.code_page_number))
    bold, size = False, (1, 1)
    for it in laid.items:
        if isinstance(it, Line):
            prefix = b""
            if it.bold != bold:
                prefix += commands.BOLD_ON if it.bold else commands.BOLD_OFF
                bold = it.bold
            if it.size.value != size:
                prefix += commands.char_size(*it.size.value)
                size = it.size.value
            units.append(prefix + policy.encode(it.text) + commands.LF)
        else:
            units.extend(_block_units(it, laid, profile))
    if profile.mode is TextMode.GB18030:
        units.append(commands.CHINESE_OFF)
    return units


def _block_units(
    it: QrCode | Barcode | Logo | Feed | Cut, laid: LaidOut, profile: PrinterProfile
) -> list[bytes]:
    if isinstance(it, QrCode):
        if len(it.data.encode("utf-8")) > MAX_QR_BYTES:
            raise ReceiptRenderError(f"QR data over {MAX_QR_BYTES} bytes")
        return [
            commands.align(it.align.value)
            + commands.qr(it.data, it.module_size)
            + commands.LF
            + commands.align("left")
        ]
    if isinstance(it, Barcode):
        return [commands.align(it.align.value) + _barcode(it) + commands.align("left")]
    if isinstance(it, Logo):
        img = logo_image(it, laid.paper.dots)
        return image_bands(img, profile.raster_band_rows, profile.chunk_size)
    if isinstance(it, Feed):
        return [commands.feed(it.lines)]
    return [commands.cut(it.partial, it.feed_lines)]


def validate_barcode(bc: Barcode) -> None:
    if bc.kind is BarcodeKind.EAN13:
        d = bc.data
        if not (d.isascii() and d.isdigit() and len(d) in (12, 13)):
            raise ReceiptRenderError("EAN-13 needs 12 or 13 digits")
        if len(d) == 13:
            total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(d[:12]))
            if (10 - total % 10) % 10 != int(d[12]):
                raise ReceiptRenderError("EAN-13 check digit is wrong")
    else:
        if not bc.data or not bc.data.isascii() or not bc.data.isprintable():
            raise ReceiptRenderError("Code 128 data must be printable ASCII")
        if len(bc.data) > 60:
            raise ReceiptRenderError("Code 128 data too long for a receipt")


def _barcode(bc: Barcode) -> bytes:
    validate_barcode(bc)
    if bc.kind is BarcodeKind.EAN13:
        return commands.barcode_ean13(bc.data, bc.height, bc.module_width, bc.show_text)
    return commands.barcode_code128(bc.data, bc.height, bc.module_width, bc.show_text)


def _raster_units(laid: LaidOut, profile: PrinterProfile, font_path: str | None) -> list[bytes]:
    for it in laid.items:
        if isinstance(it, Barcode):
            validate_barcode(it)
    units: list[bytes] = [commands.INIT]
    for seg in render_segments(laid, font_path):
        if isinstance(seg, Cut):
            units.append(commands.cut(seg.partial, seg.feed_lines))
        else:
            units.extend(image_bands(seg, profile.raster_band_rows, profile.chunk_size))
    return units
