"""Per-profile text policies: what a printer can print and how wide it prints it.

- GB18030 in Chinese mode: every non-ASCII character is a double-byte (or four-byte)
  code printed in a full Chinese cell, i.e. two columns, even those wcwidth calls narrow
  ("é", "·"). Measuring that way keeps columns straight on paper.
- Single-byte code pages: one byte, one column. Fullwidth forms fold to their narrow
  twins ("￥" -> "¥"), accents are dropped when the code page lacks the letter, the rest
  becomes "?" (one per column, so alignment survives). CJK is not replaced: its presence
  sends the receipt down the raster path instead.
"""

from __future__ import annotations

import unicodedata

from wcwidth import wcwidth

from .width import display_cluster_width, sanitize

REPLACEMENT = "?"
WIDE_REPLACEMENT_GB = "？"  # fullwidth question mark: in GB2312, two columns like the original


class Gb18030Policy:
    """Text policy for printers with a Chinese (GB18030/GBK) font in Kanji mode."""

    def __init__(self) -> None:
        self._enc_cache: dict[str, bytes] = {}

    def prepare(self, text: str) -> str:
        text = sanitize(text)
        if text.isascii():
            return text
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        # "¥" (U+00A5) is not in GB2312/GBK; printers print "￥" (A3A4) reliably.
        text = text.replace("\u00a5", "\uffe5")
        # Marks and joiners would print as separate cells in Kanji mode.
        return "".join(ch for ch in text if ch == "\n" or ch.isascii() or wcwidth(ch) != 0)

    # prepare() removes every zero-width character, so each character is a cluster.
    flat_clusters = True

    def width(self, cluster: str) -> int:
        if len(cluster) == 1:
            return 1 if cluster < "\x80" else 2
        return sum(1 if ch.isascii() else 2 for ch in cluster)

    def measure(self, text: str) -> int:
        """Whole-string width in C speed: two columns per non-ASCII character."""
        return 2 * len(text) - len(text.encode("ascii", "ignore"))

    def encode(self, text: str) -> bytes:
        if text.isascii():
            return text.encode("ascii")
        out = bytearray()
        cache = self._enc_cache
        for ch in text:
            b = cache.get(ch)
            if b is None:
                # Printer fonts cover the BMP part of GB18030 at best; astral characters
                # (emoji) would print garbage.
                b = (
                    ch.encode("gb18030")
                    if ord(ch) < 0x10000
                    else WIDE_REPLACEMENT_GB.encode("gb18030")
                )
                cache[ch] = b
            out += b
        return bytes(out)


class SingleBytePolicy:
    """Text policy for a single-byte code page (cp437, cp858, ...)."""

    def __init__(self, codec: str) -> None:
        "".encode(codec)  # fail early on an unknown codec name
        self.codec = codec
        self._ok: dict[str, bool] = {}

    def encodable(self, ch: str) -> bool:
        ok = self._ok.get(ch)
        if ok is None:
            try:
                ok = len(ch.encode(self.codec)) == 1
            except UnicodeEncodeError:
                ok = False
            self._ok[ch] = ok
        return ok

    def _fold(self, ch: str) -> str:
        if ch == "\n" or self.encodable(ch):
            return ch
        folded = unicodedata.normalize("NFKC", ch)
        if folded and all(self.encodable(c) for c in folded):
            return folded
        stripped = "".join(
            c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)
        )
        if stripped and all(self.encodable(c) for c in stripped):
            return stripped
        w = wcwidth(ch)
        if w == 2:
            return ch  # CJK: kept so the renderer can decide on the raster fallback
        return "" if w == 0 else REPLACEMENT

    def prepare(self, text: str) -> str:
        text = sanitize(text)
        if text.isascii():
            return text
        text = unicodedata.normalize("NFC", text)
        return "".join(self._fold(ch) for ch in text)

    def width(self, cluster: str) -> int:
        if all(self.encodable(c) for c in cluster):
            return len(cluster)
        return max(display_cluster_width(cluster), 1)

    def needs_raster(self, prepared: str) -> bool:
        """True when the text holds wide characters the code page cannot print."""
        return any(not self.encodable(ch) and ch != "\n" for ch in prepared)

    def encode(self, text: str) -> bytes:
        if text.isascii():
            return text.encode("ascii")
        out = bytearray()
        for ch in text:
            if self.encodable(ch):
                out += ch.encode(self.codec)
            else:
                out += REPLACEMENT.encode("ascii") * max(display_cluster_width(ch), 1)
        return bytes(out)
