"""Golden bytes for every template under every profile.

Regenerate after an intended change with FRONTDESK_REGEN_GOLDEN=1 and review the .txt
dumps written next to the .bin files in the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import PIL
import pytest

from desktop_app.devices.receipts import PAPER_58, PAPER_80, gb18030, raster, render, single_byte
from desktop_app.devices.receipts.fonts import find_cjk_font
from tests.helpers.escpos_decode import decode
from tests.helpers.receipt_samples import documents

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "receipts"
REGEN = os.environ.get("FRONTDESK_REGEN_GOLDEN") == "1"

PROFILES = {
    "gb18030-58": (gb18030(PAPER_58), "zh_CN"),
    "gb18030-80": (gb18030(PAPER_80), "zh_CN"),
    "gb18030-80-en": (gb18030(PAPER_80), "en"),
    "single_byte-80-en": (single_byte(PAPER_80, "cp858"), "en"),
    "raster-58": (raster(PAPER_58), "zh_CN"),
}
RASTER_TEMPLATES = ("sale", "member_card")  # raster goldens are large; two cover the path
TEMPLATES = list(documents("en"))


def font_identity() -> str:
    """Raster bytes depend on the exact font file and Pillow/FreeType build."""
    path = find_cjk_font()
    return f"{path.name} {path.stat().st_size} Pillow {PIL.__version__}\n"


def check(name: str, data: bytes) -> None:
    bin_path = GOLDEN / f"{name}.bin"
    if REGEN:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        bin_path.write_bytes(data)
        bin_path.with_suffix(".txt").write_text(decode(data).rendering(), encoding="utf-8")
        return
    assert bin_path.exists(), f"missing golden {bin_path}; run with FRONTDESK_REGEN_GOLDEN=1"
    expected = bin_path.read_bytes()
    if data != expected:
        # Show the difference as text: far easier to read than bytes.
        assert decode(data).rendering() == decode(expected).rendering()
        assert data == expected


CASES = [
    (p, t)
    for p in PROFILES
    for t in TEMPLATES
    if not p.startswith("raster") or t in RASTER_TEMPLATES
]


@pytest.mark.parametrize(("profile_key", "template"), CASES)
def test_golden(profile_key: str, template: str) -> None:
    profile, lang = PROFILES[profile_key]
    if profile_key.startswith("raster"):
        ident = GOLDEN / "raster-font.txt"
        if REGEN:
            GOLDEN.mkdir(parents=True, exist_ok=True)
            ident.write_text(font_identity())
        elif ident.read_text() != font_identity():
            if os.environ.get("CI"):  # CI installs the font the goldens were made with
                pytest.fail(f"raster goldens were made with {ident.read_text().strip()}, "
                            f"this machine has {font_identity().strip()}")
            pytest.skip(f"raster goldens were made with {ident.read_text().strip()}")
    doc = documents(lang, latin=profile_key.startswith("single_byte"))[template]
    check(f"{template}.{profile_key}", b"".join(render(doc, profile)))
