"""What a cashier typed into the member search box, and the search terms a member's name
gives, as pure functions: the store turns them into index range scans.

A name gives terms of four kinds (each searched as a prefix):
- NAME_WORD:    the folded name from the start of each space-separated word, so "li" finds
                "Olivia Li" (a Chinese name is one word: 张三 gives "张三")
- NAME_INNER:   the folded name from every other position, so any substring matches
                ("三" finds 张三)
- PINYIN:       the full pinyin of the whole name ("zhangsan")
- PINYIN_INNER: the full pinyin from each later syllable ("san")
- INITIALS:     the pinyin initials ("zs")

and a member with a phone one more, PHONE_LAST4 (its last 4 digits, searched by equality),
kept by the store beside the name terms (not a term of the name, so not in `name_terms`).

Terms are capped at MAX_TERM characters; a longer query is checked against the whole name
after the scan. Common surnames with more than one reading (曾 zeng/ceng, 单 shan/dan, ...)
are indexed under each reading, so either spelling finds them.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from itertools import product

from desktop_app.domain.codes import is_card_code, is_member_number
from desktop_app.domain.contact import normalize_phone as norm_phone
from desktop_app.domain.errors import ValidationError

MAX_TERM = 24
# Bump when the terms a name gives change: the store rebuilds the index on a mismatch.
TERMS_VERSION = "2"
MAX_READINGS = 4  # reading combinations per name: bounds the terms a polyphone name gives


class TermKind(IntEnum):
    NAME_WORD = 1
    NAME_INNER = 2
    PINYIN = 3
    INITIALS = 4
    PINYIN_INNER = 5
    PHONE_LAST4 = 6


class Tier(IntEnum):
    """Result ranking (DOMAIN.md): exact code, then phone, then name prefix, then the rest."""

    CODE = 0
    CONTACT = 1
    NAME_PREFIX = 2
    OTHER = 3


# Surname readings, the surname reading first: pypinyin reads these characters as common
# words (曾 -> ceng, 单 -> dan) while as a surname they are often read differently.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "曾": ("zeng", "ceng"),
    "单": ("shan", "dan"),
    "解": ("xie", "jie"),
    "区": ("ou", "qu"),
    "仇": ("qiu", "chou"),
    "朴": ("piao", "pu"),
    "查": ("zha", "cha"),
    "尉": ("yu", "wei"),
    "乐": ("yue", "le"),
    "盖": ("ge", "gai"),
    "缪": ("miao", "mou"),
    "翟": ("zhai", "di"),
    "覃": ("qin", "tan"),
    "种": ("chong", "zhong"),
    "燕": ("yan",),
    "秘": ("bi", "mi"),
    "召": ("shao", "zhao"),
    "褚": ("chu", "zhu"),
    "重": ("chong", "zhong"),
    "长": ("chang", "zhang"),
    "行": ("xing", "hang"),
    "藏": ("zang", "cang"),
    "沈": ("shen",),
    "任": ("ren",),
    "华": ("hua",),
    "卜": ("bu",),
}

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"[\s\-().+]")
_PINYIN_QUERY = re.compile(r"^[a-z' ]+$")


# Combining marks (Latin/Greek/Cyrillic accents, Hebrew points, Arabic harakat, Indic and
# Thai vowel signs, variation selectors) and invisible format/control characters. Ranges,
# not a per-character category test: fold runs on every name of a million-member rebuild.
_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u0e31"
    "\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\ufe00-\ufe0f\ufe20-\ufe2f\U000e0100-\U000e01ef]"
)
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\ufeff]")


def fold(text: str) -> str:
    """The form names and queries are compared in: compatibility forms unified (full-width
    letters become ASCII), case folded, accents removed ("José" == "jose"), invisible
    characters dropped, spaces collapsed. Marks are removed only after NFKD and the rest
    recomposed, so Hangul survives intact."""
    if text.isascii():
        text = _INVISIBLE.sub("", text).lower()
    else:
        text = unicodedata.normalize("NFKD", text)
        text = unicodedata.normalize("NFC", _MARKS.sub("", text)).casefold()
        text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_han(ch: str) -> bool:
    """CJK unified ideographs (basic, extension A, compatibility, extensions B-G)."""
    return (
        "\u3400" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\U00020000" <= ch <= "\U0003134f"
    )


def _word_starts(name: str) -> set[int]:
    """Positions a word starts at: the start, and after a space or separator."""
    starts = {0}
    for i, ch in enumerate(name):
        if i > 0 and not name[i - 1].isalnum() and ch.isalnum() and not is_han(name[i - 1]):
            starts.add(i)
    return starts


@lru_cache(maxsize=65_536)
def _char_reading(ch: str) -> str:
    """A character's everyday reading. Names are read character by character: a word
    dictionary would read 长 in 长伟 as in 长大 as often as it helps."""
    return _lazy_pinyin()(ch)


@lru_cache(maxsize=1)
def _lazy_pinyin() -> Callable[[str], str]:
    """pypinyin, loaded on first use and without its phrase dictionary: we read names one
    character at a time, and the phrase table costs about 0.8 s at every desk start."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    from pypinyin import Style, lazy_pinyin

    return lambda ch: str(lazy_pinyin(ch, style=Style.NORMAL)[0])


def _syllables(name: str) -> list[list[str]]:
    """Per syllable, its readings (ASCII, lower case): one per Han character (several for
    a polyphone surname), one per run of other letters or digits; the rest is dropped."""
    out: list[list[str]] = []
    run = ""
    for ch in name:
        if is_han(ch):
            if run:
                out.append([fold(run)])
                run = ""
            if not out and ch in SURNAME_READINGS:
                out.append(list(SURNAME_READINGS[ch]))
            else:
                out.append([_char_reading(ch)])
        elif ch.isascii() and ch.isalnum():
            run += ch
        elif run:
            out.append([fold(run)])
            run = ""
    if run:
        out.append([fold(run)])
    return out if any(is_han(ch) for ch in name) else []


@lru_cache(maxsize=262_144)
def name_terms(name: str) -> tuple[tuple[int, str], ...]:
    """The (kind, term) pairs a member's name is indexed under, without duplicates."""
    folded = fold(name)
    terms: set[tuple[int, str]] = set()
    starts = _word_starts(folded)
    for i in range(len(folded)):
        if folded[i] == " ":
            continue
        kind = TermKind.NAME_WORD if i in starts else TermKind.NAME_INNER
        terms.add((int(kind), folded[i : i + MAX_TERM].rstrip()))
    syllables = _syllables(name)
    combos = 1
    for readings in syllables:
        combos *= len(readings)
    if syllables:
        choices = (
            product(*syllables)
            if combos <= MAX_READINGS
            else [tuple(s[0] for s in syllables)]
        )
        for combo in choices:
            for i in range(len(combo)):
                kind = TermKind.PINYIN if i == 0 else TermKind.PINYIN_INNER
                terms.add((int(kind), "".join(combo[i:])[:MAX_TERM]))
            terms.add((int(TermKind.INITIALS), "".join(s[0] for s in combo)[:MAX_TERM]))
    return tuple(sorted(terms))


@dataclass(frozen=True, slots=True)
class MemberQuery:
    """A classified search box entry. Every field is what the store searches for; None or
    empty means that kind of search does not apply."""

    raw: str
    folded: str  # name substring search
    code: str | None  # exact member number / card code candidates (as typed, no spaces)
    digits: str | None  # the entry as digits only, when it is only digits and separators
    looks_like_card: bool
    looks_like_number: bool
    phone: str | None  # normalised full phone
    last4: str | None
    email: str | None  # folded, for exact and prefix search
    pinyin: str | None  # ASCII letters only: full pinyin or initials

    @property
    def name_key(self) -> str:
        """The prefix scanned in the index (terms are capped at MAX_TERM characters)."""
        return self.folded[:MAX_TERM]

    @property
    def needs_recheck(self) -> bool:
        return len(self.folded) > MAX_TERM


def classify(raw: str) -> MemberQuery:
    """Classify what was typed; every kind of search that could apply is filled in."""
    text = unicodedata.normalize("NFKC", raw).strip()
    folded = fold(text)
    compact = _SPACES.sub("", text)
    code = compact.upper() if compact and len(compact) <= 32 else None
    stripped = _NOT_DIGIT.sub("", text)
    digits = stripped if stripped.isdigit() and stripped.isascii() else None
    phone: str | None = None
    if digits and len(digits) >= 7:
        try:
            phone = norm_phone(text)
        except ValidationError:
            phone = None
    last4 = digits if digits and len(digits) == 4 else None
    # Any ASCII entry without spaces may be the start of an email address.
    email = compact if compact and compact.isascii() and not digits and " " not in text else None
    letters = folded.replace(" ", "").replace("'", "")
    pinyin = letters if letters and _PINYIN_QUERY.match(folded) else None
    return MemberQuery(
        raw=raw,
        folded=folded,
        code=code,
        digits=digits,
        looks_like_card=bool(digits and is_card_code(digits)),
        looks_like_number=bool(digits and is_member_number(digits)),
        phone=phone,
        last4=last4,
        email=email.lower() if email else None,
        pinyin=pinyin,
    )


def name_matches(query: MemberQuery, name: str) -> bool:
    """The recheck for queries longer than the indexed terms."""
    return query.folded in fold(name)
