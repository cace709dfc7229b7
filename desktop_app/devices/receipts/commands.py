"""ESC/POS command bytes, written out here rather than through python-escpos's
high-level methods: those print to stdout, depend on its capability profiles, and
(for text) send Han as GB18030 without Chinese mode. Owning the bytes keeps golden
files stable across python-escpos upgrades; tests cross-check the codes with
python-escpos's Dummy where it emits the same command.
"""

from __future__ import annotations

ESC = b"\x1b"
GS = b"\x1d"
FS = b"\x1c"
DLE = b"\x10"
EOT = b"\x04"
LF = b"\n"

INIT = ESC + b"@"
CHINESE_ON = FS + b"&"  # FS &: select Kanji (Chinese) character mode
CHINESE_OFF = FS + b"."  # FS .: cancel Kanji character mode
BOLD_ON = ESC + b"E\x01"
BOLD_OFF = ESC + b"E\x00"
CUT_FULL = GS + b"V\x00"
CUT_PARTIAL = GS + b"V\x01"

ALIGN_CODES = {"left": 0, "center": 1, "right": 2}


def align(name: str) -> bytes:
    return ESC + b"a" + bytes((ALIGN_CODES[name],))


def char_size(width_mult: int, height_mult: int) -> bytes:
    """GS ! n: applies to both single-byte and Chinese characters (ESC ! does not
    magnify Chinese characters on most GB18030 printers)."""
    return GS + b"!" + bytes((((width_mult - 1) << 4) | (height_mult - 1),))


def code_page(n: int) -> bytes:
    return ESC + b"t" + bytes((n,))


def feed(lines: int) -> bytes:
    return ESC + b"d" + bytes((max(0, min(lines, 255)),))


def cut(partial: bool, feed_lines: int) -> bytes:
    return feed(feed_lines) + (CUT_PARTIAL if partial else CUT_FULL)


def _u16(n: int) -> bytes:
    return bytes((n & 0xFF, (n >> 8) & 0xFF))


def qr(data: str, module_size: int = 6, ec_level: str = "M") -> bytes:
    """Native QR (GS ( k, function 165-181): model 2, size, error correction, store, print."""
    ec = {"L": 48, "M": 49, "Q": 50, "H": 51}[ec_level]
    payload = data.encode("utf-8")
    size = max(1, min(module_size, 16))

    def fn(cn_fn: bytes, body: bytes) -> bytes:
        return GS + b"(k" + _u16(len(body) + 2) + b"1" + cn_fn + body

    return (
        fn(b"A", b"2\x00")
        + fn(b"C", bytes((size,)))
        + fn(b"E", bytes((ec,)))
        + fn(b"P", b"0" + payload)
        + fn(b"Q", b"0")
    )


def barcode_code128(data: str, height: int, module_width: int, hri: bool) -> bytes:
    """GS k m=73 (function B). Code set B; "{" is the escape character so it is doubled."""
    body = b"{B" + data.encode("ascii").replace(b"{", b"{{")
    return _barcode_setup(height, module_width, hri) + GS + b"kI" + bytes((len(body),)) + body


def barcode_ean13(data: str, height: int, module_width: int, hri: bool) -> bytes:
    body = data.encode("ascii")
    return _barcode_setup(height, module_width, hri) + GS + b"kC" + bytes((len(body),)) + body


def _barcode_setup(height: int, module_width: int, hri: bool) -> bytes:
    return (
        GS
        + b"h"
        + bytes((max(1, min(height, 255)),))
        + GS
        + b"w"
        + bytes((max(2, min(module_width, 6)),))
        + GS
        + b"H"
        + (b"\x02" if hri else b"\x00")
    )


def raster(width_bytes: int, height: int, data: bytes) -> bytes:
    """GS v 0 m=0: one raster bit image band (1 = black dot, MSB is leftmost)."""
    return GS + b"v0\x00" + _u16(width_bytes) + _u16(height) + data


def cash_drawer_kick(pin: int = 2, on_ms: int = 100, off_ms: int = 500) -> bytes:
    """ESC p m t1 t2: pulse drawer connector pin 2 (m=0) or pin 5 (m=1).
    Times are in units of 2 ms; 100/500 ms opens every drawer we know of."""
    if pin not in (2, 5):
        raise ValueError("cash drawer pin must be 2 or 5")
    t1 = max(1, min(on_ms // 2, 255))
    t2 = max(1, min(off_ms // 2, 255))
    return ESC + b"p" + (b"\x00" if pin == 2 else b"\x01") + bytes((t1, t2))


# DLE EOT n: real-time status; the printer answers one byte even while busy.
STATUS_PRINTER = DLE + EOT + b"\x01"
STATUS_OFFLINE_CAUSE = DLE + EOT + b"\x02"
STATUS_ERROR_CAUSE = DLE + EOT + b"\x03"
STATUS_PAPER = DLE + EOT + b"\x04"
