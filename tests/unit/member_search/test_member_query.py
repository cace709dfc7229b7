"""Query classification and the terms a name is indexed under (pure)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.codes import card_code_from_int, member_number_from_serial
from desktop_app.domain.member_query import (
    MAX_TERM,
    TermKind,
    classify,
    fold,
    name_terms,
)


def kinds(name: str, kind: TermKind) -> set[str]:
    return {t for k, t in name_terms(name) if k == kind}


def test_zhang_san_pinyin_full_initials_and_characters() -> None:
    assert "zhangsan" in kinds("张三", TermKind.PINYIN)
    assert "zs" in kinds("张三", TermKind.INITIALS)
    assert "san" in kinds("张三", TermKind.PINYIN_INNER)
    assert "张三" in kinds("张三", TermKind.NAME_WORD)
    assert "三" in kinds("张三", TermKind.NAME_INNER)


def test_polyphone_surnames_are_indexed_under_each_reading() -> None:
    for name, readings in (("曾小明", ("zeng", "ceng")), ("单田芳", ("shan", "dan")),
                           ("解晓东", ("xie", "jie"))):
        full = kinds(name, TermKind.PINYIN)
        initials = kinds(name, TermKind.INITIALS)
        for reading in readings:
            assert any(t.startswith(reading) for t in full), (name, reading, full)
            assert any(t.startswith(reading[0]) for t in initials)


def test_latin_names_fold_case_and_accents_and_index_word_starts() -> None:
    assert fold("  José   NÚÑEZ ") == "jose nunez"
    assert {"jose nunez", "nunez"} <= kinds("José Núñez", TermKind.NAME_WORD)
    assert "unez" in kinds("José Núñez", TermKind.NAME_INNER)
    assert kinds("Olivia Li", TermKind.PINYIN) == set()  # no Han characters, no pinyin


def test_full_width_letters_fold_to_ascii_and_hangul_survives() -> None:
    assert fold("ＺＳ") == "zs"
    assert fold("김민준") == "김민준"


def test_terms_are_capped() -> None:
    long = "Maximilian Alexander Friedrich von Hohenberg-Schwarzenfeld zu Wittelsbach"
    assert all(len(t) <= MAX_TERM for _, t in name_terms(long))
    assert classify(long.lower()).needs_recheck


def test_classify_codes_phone_last4_email_pinyin() -> None:
    card = card_code_from_int(42)
    number = member_number_from_serial(7)
    assert classify(card).looks_like_card and not classify(card).looks_like_number
    assert classify(number).looks_like_number
    q = classify("+86 138-0013-8000")
    assert q.phone == "13800138000" and q.last4 is None
    assert classify("8000").last4 == "8000"
    assert classify("Zhang@Example.com").email == "zhang@example.com"
    assert classify("Zhang San").pinyin == "zhangsan"
    assert classify("张三").pinyin is None and classify("张三").folded == "张三"
    assert classify("   ").folded == ""


@given(st.text(max_size=40))
def test_every_term_is_folded_and_searchable_by_its_own_prefix(name: str) -> None:
    for kind, term in name_terms(name):
        assert term and term == term.strip()
        assert kind in {int(k) for k in TermKind}
        if kind in (TermKind.NAME_WORD, TermKind.NAME_INNER):
            assert term in fold(name)
