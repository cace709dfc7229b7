from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wcwidth import wcswidth

from desktop_app.devices.receipts import (
    PAPER_58,
    PAPER_80,
    Align,
    Column,
    ColumnsRow,
    Document,
    Line,
    Rule,
    Size,
    Style,
    TextRow,
    layout,
)
from desktop_app.devices.receipts.profiles import TextMode, policy_for
from desktop_app.devices.receipts.width import text_width, truncate, wrap


def lines(doc: Document, paper=PAPER_58) -> list[str]:  # type: ignore[no-untyped-def]
    return layout(doc, paper).text_lines()


def test_wrap_never_splits_a_wide_char() -> None:
    out = wrap("一二三四五", 5)
    assert out == ["一二", "三四", "五"]
    assert all(text_width(x) <= 5 for x in out)


def test_wrap_prefers_spaces_and_breaks_long_words() -> None:
    assert wrap("hello big world", 9) == ["hello big", "world"]
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("", 4) == [""]
    assert wrap("a\nb", 4) == ["a", "b"]


def test_truncate_marks_cut_and_respects_width() -> None:
    assert truncate("可口可乐", 5) == "可口~"
    assert truncate("abc", 5) == "abc"


def test_right_aligned_amounts_line_up_by_display_width() -> None:
    doc = Document(
        (
            ColumnsRow((Column("可口可乐", None), Column("¥3.50", 10, Align.RIGHT))),
            ColumnsRow((Column("Coke", None), Column("¥13.50", 10, Align.RIGHT))),
        )
    )
    out = lines(doc)
    assert [text_width(x) for x in out] == [32, 32]


def test_wrapping_cell_flows_on_extra_lines() -> None:
    doc = Document(
        (
            ColumnsRow(
                (
                    Column("私教课 Personal training sessions", None, wrap=True),
                    Column("¥1,000.00", 11, Align.RIGHT),
                )
            ),
        )
    )
    out = lines(doc)
    assert len(out) > 1 and out[0].endswith("¥1,000.00")
    assert all(text_width(x) <= 32 for x in out)


def test_amount_wider_than_its_cell_grows_not_truncates() -> None:
    doc = Document((ColumnsRow((Column("Total", None), Column("¥12,345,678.90", 8, Align.RIGHT))),))
    assert lines(doc)[0].endswith("¥12,345,678.90")


def test_double_width_halves_capacity() -> None:
    out = layout(Document((TextRow("x" * 20, Style(size=Size.DOUBLE)),)), PAPER_58)
    texts = [it for it in out.items if isinstance(it, Line)]
    assert [len(t.text) for t in texts] == [16, 4]


def test_rule_fills_paper() -> None:
    assert lines(Document((Rule(),)), PAPER_80) == ["-" * 48]


def test_controls_are_stripped() -> None:
    # an ESC inside item text must never reach the printer as a command
    assert lines(Document((TextRow("a\x1bd\x05b\tc"),))) == ["adb c"]


def test_gb18030_policy_measures_non_ascii_as_two() -> None:
    pol = policy_for(TextMode.GB18030)
    doc = Document((ColumnsRow((Column("é", None), Column("¥1.00", 8, Align.RIGHT))),))
    out = layout(doc, PAPER_58, pol).text_lines()
    assert out[0].endswith("￥1.00")
    assert text_width(out[0], pol) == 32


texts = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("中文字符￥¥😀👍🏽❤️é\u0301 -")),
    ),
    max_size=120,
)


@settings(max_examples=300, deadline=None)
@given(
    text=texts,
    other=texts,
    paper=st.sampled_from([PAPER_58, PAPER_80]),
    size=st.sampled_from(list(Size)),
    align=st.sampled_from(list(Align)),
    fixed=st.integers(min_value=1, max_value=60),
    mode=st.sampled_from(list(TextMode)),
)
def test_no_line_exceeds_paper(text, other, paper, size, align, fixed, mode) -> None:  # type: ignore[no-untyped-def]
    policy = policy_for(mode)
    doc = Document(
        (
            TextRow(text, Style(size=size, align=align)),
            ColumnsRow((Column(text, None, wrap=True), Column(other, fixed, Align.RIGHT))),
            ColumnsRow((Column(other, 6), Column(text, fixed, wrap=True), Column("¥9.99", 8))),
            Rule(),
        )
    )
    laid = layout(doc, paper, policy)
    for it in laid.items:
        if isinstance(it, Line):
            cap = laid.capacity(it)
            assert text_width(it.text, policy) <= cap, it.text
            if mode is not TextMode.GB18030:  # independent check with wcwidth itself
                assert 0 <= wcswidth(it.text) <= cap, it.text
            assert "\n" not in it.text


@pytest.mark.parametrize("cap", [1, 2, 3])
def test_tiny_cells_still_fit(cap: int) -> None:
    assert all(text_width(x) <= cap for x in wrap("中a中😀", cap))
