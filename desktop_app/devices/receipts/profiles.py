"""Printer profiles: how a given printer wants its text (and how big its chunks are)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from .layout import PAPER_58, PAPER_80, Paper
from .textenc import Gb18030Policy, SingleBytePolicy
from .width import DISPLAY, TextPolicy

# ESC t numbers of the code pages we support (Epson numbering, followed by most clones).
CODE_PAGES: dict[str, int] = {"cp437": 0, "cp850": 2, "cp858": 19, "cp1252": 16, "cp866": 17}

MIN_CHUNK_SIZE = 1024


class TextMode(Enum):
    GB18030 = "gb18030"
    SINGLE_BYTE = "single_byte"
    RASTER = "raster"


@dataclass(frozen=True)
class PrinterProfile:
    name: str
    mode: TextMode
    paper: Paper
    code_page: str = "cp437"
    # Bytes per transport write. Cheap printers have 4 KB receive buffers; bounded chunks
    # also let a queue report progress and a socket timeout mean "stalled", not "slow".
    chunk_size: int = 4096
    # Rows per GS v 0 band. Some firmwares drop images taller than their buffer; bands of
    # bounded height keep long receipts whole.
    raster_band_rows: int = 128
    # single_byte only: render the whole receipt as an image when it holds CJK text.
    raster_fallback: bool = True

    def __post_init__(self) -> None:
        if self.chunk_size < MIN_CHUNK_SIZE:
            raise ValueError(f"chunk_size must be >= {MIN_CHUNK_SIZE}")
        if self.mode is TextMode.SINGLE_BYTE and self.code_page not in CODE_PAGES:
            raise ValueError(f"unsupported code page {self.code_page!r}")
        if not 8 <= self.raster_band_rows <= 2303:
            raise ValueError("raster_band_rows must be within 8..2303")

    @property
    def code_page_number(self) -> int:
        return CODE_PAGES[self.code_page]


def gb18030(paper: Paper = PAPER_80, **kw: object) -> PrinterProfile:
    return PrinterProfile(f"gb18030-{paper.name}", TextMode.GB18030, paper, **kw)  # type: ignore[arg-type]


def single_byte(paper: Paper = PAPER_80, code_page: str = "cp437", **kw: object) -> PrinterProfile:
    return PrinterProfile(
        f"single_byte-{code_page}-{paper.name}",
        TextMode.SINGLE_BYTE,
        paper,
        code_page=code_page,
        **kw,  # type: ignore[arg-type]
    )


def raster(paper: Paper = PAPER_58, **kw: object) -> PrinterProfile:
    return PrinterProfile(f"raster-{paper.name}", TextMode.RASTER, paper, **kw)  # type: ignore[arg-type]


@lru_cache(maxsize=32)
def policy_for(mode: TextMode, code_page: str = "cp437") -> TextPolicy:
    """One shared policy per mode (they cache per-character encodings)."""
    if mode is TextMode.GB18030:
        return Gb18030Policy()
    if mode is TextMode.SINGLE_BYTE:
        return SingleBytePolicy(code_page)
    return DISPLAY


__all__ = [
    "CODE_PAGES",
    "PAPER_58",
    "PAPER_80",
    "PrinterProfile",
    "TextMode",
    "gb18030",
    "policy_for",
    "raster",
    "single_byte",
]
