"""Packing command units into transport chunks."""

from __future__ import annotations

from collections.abc import Iterable


class UnitTooLarge(ValueError):
    """One indivisible command (a line, a raster band, a QR) exceeds the chunk size."""


def pack(units: Iterable[bytes], max_size: int) -> list[bytes]:
    """Concatenate units greedily into chunks of at most ``max_size`` bytes.

    Units are never split: a chunk boundary always falls between two lines or two
    commands, so a printer that loses a chunk never receives half a multi-byte character
    or half a raster header.
    """
    chunks: list[bytes] = []
    cur = bytearray()
    for unit in units:
        if len(unit) > max_size:
            raise UnitTooLarge(f"a {len(unit)}-byte command exceeds chunk size {max_size}")
        if len(cur) + len(unit) > max_size:
            chunks.append(bytes(cur))
            cur = bytearray()
        cur += unit
    if cur:
        chunks.append(bytes(cur))
    return chunks
