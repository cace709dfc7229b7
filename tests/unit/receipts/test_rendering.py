from __future__ import annotations

import pytest
from escpos.printer import Dummy

from desktop_app.devices.receipts import (
    PAPER_58,
    PAPER_80,
    Barcode,
    BarcodeKind,
    Cut,
    Document,
    QrCode,
    ReceiptFontNotFound,
    ReceiptRenderError,
    TextRow,
    cash_drawer_kick,
    commands,
    find_cjk_font,
    gb18030,
    raster,
    render,
    single_byte,
    uses_raster,
)
from desktop_app.devices.receipts import fonts as fonts_mod
from desktop_app.devices.receipts.chunking import UnitTooLarge, pack
from desktop_app.devices.receipts.preview import PreviewLine, PreviewQr, preview
from tests.helpers.escpos_decode import decode
from tests.helpers.receipt_samples import documents, long_chinese_sale


def test_gb18030_job_enters_and_leaves_chinese_mode() -> None:
    data = b"".join(render(Document((TextRow("合计"),)), gb18030()))
    assert data.startswith(commands.INIT + commands.CHINESE_ON)
    assert "合计".encode("gb18030") in data
    assert data.endswith(commands.CHINESE_OFF)


def test_single_byte_selects_code_page() -> None:
    data = b"".join(render(Document((TextRow("Total ¥1"),)), single_byte(code_page="cp858")))
    assert data.startswith(commands.INIT + b"\x1bt\x13")
    assert "¥".encode("cp858") in data


def test_cjk_on_single_byte_uses_raster_fallback() -> None:
    doc = Document((TextRow("会员"),))
    assert uses_raster(doc, single_byte())
    out = decode(b"".join(render(doc, single_byte())))
    assert out.kinds("raster") and not out.lines
    assert not uses_raster(Document((TextRow("Member ￥1"),)), single_byte())


def test_our_commands_match_python_escpos() -> None:
    d = Dummy()
    d.qr("M0001234", size=6, native=True, ec=1)  # ec 1 = M
    assert commands.qr("M0001234", 6, "M") == d.output
    d = Dummy()
    d.cashdraw(2)
    assert cash_drawer_kick(2) == b"\x1bp\x00\x32\xfa"
    assert d.output[:3] == cash_drawer_kick(2)[:3]


def test_drawer_kick_pins() -> None:
    assert cash_drawer_kick(5)[2] == 1
    with pytest.raises(ValueError):
        cash_drawer_kick(3)


def test_ean13_validated() -> None:
    good = Document((Barcode("6901234567892", BarcodeKind.EAN13),))
    assert decode(b"".join(render(good, gb18030()))).kinds("barcode")[0].text == (
        "EAN13 6901234567892"
    )
    with pytest.raises(ReceiptRenderError):
        render(Document((Barcode("6901234567891", BarcodeKind.EAN13),)), gb18030())
    with pytest.raises(ReceiptRenderError):
        render(Document((Barcode("会员", BarcodeKind.CODE128),)), gb18030())


def test_code128_brace_escaped() -> None:
    out = decode(b"".join(render(Document((Barcode("A{B"),)), gb18030())))
    assert out.kinds("barcode")[0].text == "CODE128 A{B"


def test_oversize_qr_rejected() -> None:
    with pytest.raises(ReceiptRenderError):
        render(Document((QrCode("x" * 2000),)), gb18030())


@pytest.mark.parametrize("size", [1024, 4096])
def test_chunks_bounded_and_split_at_line_boundaries(size: int) -> None:
    doc = long_chinese_sale(200)
    chunks = render(doc, gb18030(PAPER_80, chunk_size=size))
    assert len(chunks) > 1 and all(len(c) <= size for c in chunks)
    for c in chunks[:-1]:
        assert c.endswith(b"\n")  # every chunk ends a line
    whole = b"".join(chunks)
    assert "商品199".encode("gb18030") in whole


def test_pack_refuses_oversize_unit() -> None:
    with pytest.raises(UnitTooLarge):
        pack([b"x" * 10], 5)
    assert pack([b"ab", b"cd", b"e"], 4) == [b"abcd", b"e"]


def test_long_raster_receipt_is_banded_and_complete() -> None:
    profile = raster(PAPER_58, raster_band_rows=64, chunk_size=2048)
    chunks = render(long_chinese_sale(60), profile)
    assert all(len(c) <= 2048 for c in chunks)
    out = decode(b"".join(chunks))
    bands = out.kinds("raster")
    assert all(b.raster is not None and b.raster[1] <= 64 and b.raster[0] == 48 for b in bands)
    total_rows = sum(b.raster[1] for b in bands if b.raster)
    assert total_rows > 60 * 30  # every line is there: nothing cut off
    assert any(any(b.raster[2]) for b in bands if b.raster)  # some ink
    assert out.kinds("cut")


def test_raster_text_has_ink_where_text_is() -> None:
    out = decode(b"".join(render(Document((TextRow("中"), Cut())), raster(PAPER_58))))
    xb, rows, data = out.kinds("raster")[0].raster  # type: ignore[misc]
    ink_cols = {
        (x * 8 + bit)
        for y in range(rows)
        for x in range(xb)
        if data[y * xb + x]
        for bit in range(8)
        if data[y * xb + x] & (0x80 >> bit)
    }
    assert ink_cols and max(ink_cols) < 24  # a wide char sits in the first two cells


def test_missing_font_raises_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(fonts_mod, "SYSTEM_FONT_CANDIDATES", (str(tmp_path / "nope.ttc"),))
    monkeypatch.setattr(fonts_mod, "REPO_FONT_DIR", tmp_path / "none")
    monkeypatch.delenv(fonts_mod.FONT_ENV, raising=False)
    with pytest.raises(ReceiptFontNotFound, match="fonts-noto-cjk"):
        find_cjk_font()


def test_font_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    real = find_cjk_font()
    monkeypatch.setenv(fonts_mod.FONT_ENV, str(real))
    assert find_cjk_font() == real


def test_preview_model_is_plain_data() -> None:
    pv = preview(documents("zh_CN")["member_card"], PAPER_58)
    assert pv.columns == 32
    assert any(isinstance(i, PreviewQr) and i.data == "M0001234" for i in pv.items)
    texts = [i for i in pv.items if isinstance(i, PreviewLine)]
    assert all(i.display_width <= 32 for i in texts)
    d = pv.to_dict()
    import json

    assert json.loads(json.dumps(d, ensure_ascii=False))["items"][0]["type"] == "line"


def test_paper_80_wider_than_58() -> None:
    a = decode(b"".join(render(documents("en")["sale"], gb18030(PAPER_58))))
    b = decode(b"".join(render(documents("en")["sale"], gb18030(PAPER_80))))
    assert max(ln.columns for ln in a.lines) == 32
    assert max(ln.columns for ln in b.lines) == 48


def test_logo_is_dithered_centered_raster() -> None:
    import io

    from PIL import Image

    from desktop_app.devices.receipts import Logo

    buf = io.BytesIO()
    Image.new("L", (800, 100), 0).save(buf, "PNG")  # black, wider than the paper
    out = decode(
        b"".join(render(Document((Logo(buf.getvalue(), max_width_dots=192),)), gb18030(PAPER_58)))
    )
    xb, rows, data = out.kinds("raster")[0].raster  # type: ignore[misc]
    assert xb == 48  # full paper width, image placed inside it
    first = data[:xb]
    assert first[:12] == bytes(12) and first[12:36] == b"\xff" * 24  # centred 192 dots
