"""Finding and loading a CJK font for the raster path (see docs/decisions/receipt-fonts.md)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import ImageFont

FONT_ENV = "FRONTDESK_RECEIPT_FONT"
REPO_FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"

# Ordered by preference: Noto Sans CJK (fonts-noto-cjk and Fedora/Arch paths), then
# common fallbacks on each desktop platform.
SYSTEM_FONT_CANDIDATES: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:\\Windows\\Fonts\\msyh.ttc",
    "C:\\Windows\\Fonts\\simsun.ttc",
)
FONT_SUFFIXES = (".otf", ".ttf", ".ttc")


class ReceiptFontNotFound(RuntimeError):
    """No CJK-capable font: raster receipts cannot be drawn."""

    def __init__(self, searched: list[str]) -> None:
        super().__init__(
            "No CJK font found for raster receipts. Install fonts-noto-cjk, put a CJK "
            f"font in {REPO_FONT_DIR}, or set {FONT_ENV}. Searched: " + ", ".join(searched)
        )
        self.searched = searched


def candidate_paths(extra: Iterable[str] = ()) -> list[Path]:
    paths: list[Path] = []
    env = os.environ.get(FONT_ENV)
    if env:
        paths.append(Path(env))
    paths.extend(Path(p) for p in extra)
    # A bundled font wins over system ones: it is what the installer ships and what the
    # golden files were made with.
    if REPO_FONT_DIR.is_dir():
        paths.extend(sorted(p for p in REPO_FONT_DIR.iterdir() if p.suffix in FONT_SUFFIXES))
    paths.extend(Path(p) for p in SYSTEM_FONT_CANDIDATES)
    return paths


def find_cjk_font(extra: Iterable[str] = ()) -> Path:
    searched = candidate_paths(extra)
    for p in searched:
        if p.is_file():
            return p
    raise ReceiptFontNotFound([str(p) for p in searched])


@lru_cache(maxsize=8)
def _collection_index(path: str) -> int:
    """Pick the Simplified Chinese face of a collection (Noto's .ttc starts with JP,
    whose glyph shapes differ from what Chinese customers expect)."""
    if not path.lower().endswith(".ttc"):
        return 0
    for i in range(16):
        try:
            from PIL import ImageFont  # Pillow loads when a font is needed, not at start-up

            family = ImageFont.truetype(path, 12, index=i).getname()[0] or ""
        except OSError:
            break
        if family.endswith(" SC") or "SC" in family.split():
            return i
    return 0


@lru_cache(maxsize=16)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(path, size, index=_collection_index(path))
