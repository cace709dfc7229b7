"""Decode rendered jobs back to text: content survives and columns line up."""

from __future__ import annotations

import pytest

from desktop_app.devices.receipts import (
    PAPER_58,
    PAPER_80,
    Align,
    Column,
    ColumnsRow,
    Document,
    Style,
    TextRow,
    gb18030,
    render,
    single_byte,
)
from desktop_app.devices.receipts.templates import LABELS, format_money
from tests.helpers.escpos_decode import decode, printed_columns
from tests.helpers.receipt_samples import SALE, STORE, documents


def job(doc: Document, profile) -> bytes:  # type: ignore[no-untyped-def]
    return b"".join(render(doc, profile))


def test_fullwidth_yen_survives_gb18030() -> None:
    out = decode(job(Document((TextRow("￥100 合计"),)), gb18030()))
    assert out.text == ["￥100 合计"]
    assert out.lines[0].chinese


def test_yen_survives_single_byte_and_fullwidth_folds() -> None:
    out = decode(job(Document((TextRow("¥100"), TextRow("￥100"))), single_byte()))
    assert out.text == ["¥100", "¥100"]


def test_python_escpos_text_path_loses_fullwidth_yen() -> None:
    """Why we bypass it (docs/decisions/receipts.md)."""
    from escpos.printer import Dummy

    d = Dummy()
    d.text("￥100\n")
    assert b"\xa3\xa4" not in d.output  # GB18030 for ￥ never appears


def test_unencodable_becomes_question_mark_keeping_width() -> None:
    out = decode(job(Document((TextRow("Łódź ✓ x"),)), single_byte(code_page="cp437")))
    assert out.text == ["?ódz ? x"]  # Ł has no decomposition; ó is in cp437


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("paper", [PAPER_58, PAPER_80])
def test_sale_content_and_right_edge_alignment(lang: str, paper) -> None:  # type: ignore[no-untyped-def]
    out = decode(job(documents(lang)["sale"], gb18030(paper)))
    text = "\n".join(out.text)
    assert "悦动健身" in text and "王小明" in text and "蛋白粉" in text
    assert LABELS[lang]["total"] in text
    # money is printed with the fullwidth yen GB fonts carry
    assert format_money(SALE.total).replace("¥", "￥") in text
    money_lines = [
        ln
        for ln in out.lines
        if ln.text.rstrip().endswith(tuple("0123456789")) and "￥" in ln.text and "@" not in ln.text
    ]  # "@ unit price" detail rows
    assert len(money_lines) >= 8
    for ln in money_lines:  # every amount ends exactly at the right margin
        assert ln.columns == paper.columns, ln.text
    for ln in out.lines:
        assert ln.columns <= paper.columns, ln.text


@pytest.mark.parametrize("paper", [PAPER_58, PAPER_80])
def test_columns_align_by_display_width(paper) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ("可口可乐", "2", "￥7.00"),
        ("Coke", "12", "￥84.00"),
        ("冰红茶 Ice tea", "1", "￥3.50"),
    ]
    doc = Document(
        tuple(
            ColumnsRow((Column(a, None), Column(b, 4, Align.RIGHT), Column(c, 10, Align.RIGHT)))
            for a, b, c in rows
        )
    )
    out = decode(job(doc, gb18030(paper)))
    qty_end = paper.columns - 10 - 1
    for ln, (_, qty, amount) in zip(out.lines, rows, strict=True):
        assert ln.columns == paper.columns
        # the quantity ends at the same printed column on every row
        head = ln.text[: ln.text.rindex(qty + " ") + len(qty)]
        assert printed_columns(head, True) == qty_end
        assert ln.text.endswith(amount)


def test_header_centered_and_styles() -> None:
    out = decode(
        job(Document((TextRow("会员卡", Style(bold=True, align=Align.CENTER)),)), gb18030(PAPER_58))
    )
    ln = out.lines[0]
    assert ln.bold and ln.text == "             会员卡"


def test_copy_marker_present_only_on_reprints() -> None:
    for lang in ("en", "zh_CN"):
        plain = decode(job(documents(lang)["sale"], gb18030()))
        copy = decode(job(documents(lang)["sale_copy"], gb18030()))
        marker = LABELS[lang]["copy"]
        assert not any(marker in t for t in plain.text)
        assert sum(marker in t for t in copy.text) == 2


def test_member_card_has_qr_and_code128() -> None:
    out = decode(job(documents("zh_CN")["member_card"], gb18030(PAPER_58)))
    assert [i.text for i in out.kinds("qr")] == ["M0001234"]
    assert [i.text for i in out.kinds("barcode")] == ["CODE128 M0001234"]
    assert out.kinds("cut")


def test_store_text_passed_in() -> None:
    out = decode(job(documents("en")["topup"], gb18030()))
    assert any(STORE.footer[0] in t for t in out.text)
