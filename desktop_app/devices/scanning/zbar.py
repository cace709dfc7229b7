"""zbar (through pyzbar) as an optional second decoder for 1-D codes.

pyzbar needs the system zbar library (`libzbar0` on Debian, Homebrew on macOS). Where it is
missing, `import pyzbar.pyzbar` raises ImportError (or OSError on some platforms), and the
desk must keep working on zxing-cpp alone: `load_zbar` returns None instead of raising.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from desktop_app.devices.scanning.types import Image, Read, Symbology

log = logging.getLogger(__name__)

ZbarDecode = Callable[[Image, frozenset[Symbology]], list[Read]]

_TO_ZBAR_NAME = {
    Symbology.QR: "QRCODE",
    Symbology.CODE128: "CODE128",
    Symbology.EAN13: "EAN13",
    Symbology.UPCA: "UPCA",
    Symbology.EAN8: "EAN8",
}
_FROM_ZBAR_NAME = {v: k for k, v in _TO_ZBAR_NAME.items()}


def load_zbar() -> ZbarDecode | None:
    """A decode function backed by zbar, or None when pyzbar or the zbar library is absent."""
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError) as exc:
        log.info("zbar unavailable, decoding with zxing-cpp only: %s", exc)
        return None

    def decode(image: Image, symbologies: frozenset[Symbology]) -> list[Read]:
        symbols = [
            pyzbar.ZBarSymbol[_TO_ZBAR_NAME[s]] for s in sorted(symbologies) if s in _TO_ZBAR_NAME
        ]
        if not symbols:
            return []
        return list(_reads(pyzbar.decode(image, symbols=symbols)))

    return decode


def _reads(results: Iterable[object]) -> Iterable[Read]:
    for r in results:
        kind = str(getattr(r, "type", ""))
        data = getattr(r, "data", b"")
        text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)
        yield Read(text, _FROM_ZBAR_NAME.get(kind, Symbology.OTHER), "zbar")
