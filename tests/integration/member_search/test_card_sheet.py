"""Card sheets: the QR and the Code 128 on a rendered card decode back to the card code."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.devices.card_sheet import CARD, PER_PAGE, CardFace, draw_card, save_png
from desktop_app.devices.receipts.fonts import find_cjk_font
from desktop_app.domain.codes import card_code_from_int


def test_codes_on_a_card_scan_back(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    code = card_code_from_int(12345)
    card = draw_card(CardFace("张三 <b>VIP</b> " + "很长的名字" * 30, "000000018", code),
                     str(find_cjk_font()))
    assert card.size == CARD
    found = {(r.format.name, r.text) for r in zxingcpp.read_barcodes(card)}
    assert ("QRCode", code) in found
    assert any(fmt == "Code128" and text == code for fmt, text in found)


def test_sheets_page_ten_cards_each(tmp_path: Path) -> None:
    faces = [CardFace(f"会员{i}", f"{i:09d}", card_code_from_int(i)) for i in range(PER_PAGE + 1)]
    pages = save_png(faces, tmp_path / "cards.png")
    assert [p.name for p in pages] == ["cards.png", "cards-2.png"]
    assert all(p.stat().st_size > 20_000 for p in pages)
