"""Display-width text measuring, wrapping and padding.

Thermal printers print on a grid of columns: an East Asian wide or fullwidth character
takes two, others one. Python's ``len`` counts code points, so layout goes through a
``TextPolicy`` that says how wide each *cluster* (a base character plus the zero-width
marks that follow it) prints. The default policy uses wcwidth; printer profiles supply
their own where the printer's idea of width differs (see ``textenc``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Protocol

from wcwidth import wcswidth, wcwidth

from .document import Align

TRUNCATION_MARK = "~"  # ASCII so every profile can print it in one column


class TextPolicy(Protocol):
    """How a printer path sees text: which characters survive, and how wide they print."""

    def prepare(self, text: str) -> str:
        """Map text to what will be printed (drop controls, fold characters, ...)."""
        ...

    def width(self, cluster: str) -> int:
        """Printed width in columns of one cluster (never negative)."""
        ...


def sanitize(text: str) -> str:
    """Drop what a printer would treat as a command or cannot place on a grid.

    Tabs become a space (a tab stop would break the column grid); other control and
    unprintable characters (wcwidth -1) are removed because in ESC/POS they are commands.
    Newlines are kept: callers split on them.
    """
    if text.isprintable():  # excludes controls, tabs, newlines and format characters
        return text
    out: list[str] = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
        elif ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") or (
            wcwidth(ch) < 0 and unicodedata.category(ch) != "Cf"
        ):
            continue
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=4096)
def display_cluster_width(cluster: str) -> int:
    """Width of a cluster as a terminal-like grid shows it.

    wcswidth knows sequences (a VS16 emoji selector widens "❤" to 2); the sum of the
    per-character widths guards against it under-counting. Taking the larger of the two
    errs on the side of never overflowing the paper.
    """
    per_char = sum(max(wcwidth(c), 0) for c in cluster)
    whole = wcswidth(cluster)
    return max(per_char, whole, 0)


class DisplayPolicy:
    """Unicode display width (wcwidth). Used by the raster path and the preview."""

    def prepare(self, text: str) -> str:
        return sanitize(text)

    def width(self, cluster: str) -> int:
        if len(cluster) == 1 and " " <= cluster <= "~":
            return 1
        return display_cluster_width(cluster)


DISPLAY = DisplayPolicy()


def clusters(text: str) -> list[str]:
    """Split into clusters so wrapping never separates a mark from its base character."""
    if text.isascii():
        return list(text)
    out: list[str] = []
    for ch in text:
        if out and (ch in "\ufe0e\ufe0f\u200d" or (not ch.isascii() and wcwidth(ch) == 0)):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def text_width(text: str, policy: TextPolicy = DISPLAY) -> int:
    if text.isascii():
        return len(text)
    measure = getattr(policy, "measure", None)  # optional whole-string fast path
    if measure is not None:
        return int(measure(text))
    return sum(policy.width(c) for c in _clusters_for(text, policy))


def _clusters_for(text: str, policy: TextPolicy) -> list[str]:
    # Policies whose prepare() leaves no zero-width characters can skip grouping.
    if getattr(policy, "flat_clusters", False):
        return list(text)
    return clusters(text)


def truncate(text: str, cap: int, policy: TextPolicy = DISPLAY) -> str:
    """Cut to at most ``cap`` columns, marking the cut; never splits a wide character."""
    if cap <= 0:
        return ""
    if text_width(text, policy) <= cap:
        return text
    budget = cap - 1  # room for the truncation mark
    out: list[str] = []
    used = 0
    for cl in _clusters_for(text, policy):
        w = policy.width(cl)
        if used + w > budget:
            break
        out.append(cl)
        used += w
    return "".join(out) + TRUNCATION_MARK


def _tokens(para: str, policy: TextPolicy) -> list[tuple[str, int, bool]]:
    """(text, width, is_space) tokens: runs of narrow non-space clusters form a word;
    every wide cluster is a token of its own, because Chinese may break between any two
    characters."""
    toks: list[tuple[str, int, bool]] = []
    word: list[str] = []
    word_w = 0
    for cl in _clusters_for(para, policy):
        w = policy.width(cl)
        if cl == " " or w >= 2:
            if word:
                toks.append(("".join(word), word_w, False))
                word, word_w = [], 0
            toks.append((cl, w, cl == " "))
        else:
            word.append(cl)
            word_w += w
    if word:
        toks.append(("".join(word), word_w, False))
    return toks


def wrap(text: str, cap: int, policy: TextPolicy = DISPLAY) -> list[str]:
    """Greedy wrap to ``cap`` columns: at spaces where possible, anywhere between CJK
    characters, and inside over-long words as a last resort. Always returns >= 1 line."""
    cap = max(cap, 1)
    lines: list[str] = []
    for para in text.split("\n"):
        lines.extend(_wrap_para(para, cap, policy))
    return lines


def _wrap_para(para: str, cap: int, policy: TextPolicy) -> list[str]:
    if para.isascii() and len(para) <= cap:
        return [para]
    lines: list[str] = []
    cur: list[str] = []
    cur_w = 0

    def flush() -> None:
        nonlocal cur, cur_w
        lines.append("".join(cur).rstrip(" "))
        cur, cur_w = [], 0

    for tok, w, is_space in _tokens(para, policy):
        if is_space:
            if cur and cur_w + w <= cap:
                cur.append(tok)
                cur_w += w
            elif cur:
                flush()
            # a space at the start of a continuation line is dropped
            elif not lines:
                cur.append(tok)
                cur_w += w
            continue
        if cur_w + w <= cap:
            cur.append(tok)
            cur_w += w
            continue
        if cur:
            flush()
        if w <= cap:
            cur.append(tok)
            cur_w = w
            continue
        for cl in _clusters_for(tok, policy):  # a word longer than the line: break it by cluster
            cw = policy.width(cl)
            if cw > cap:  # a wide character in a one-column cell cannot print at all
                cl, cw = "?", 1
            if cur_w + cw > cap:
                flush()
            cur.append(cl)
            cur_w += cw
    if cur or not lines:
        lines.append("".join(cur).rstrip(" ") if lines else "".join(cur))
    return lines


def pad(text: str, cap: int, align: Align, policy: TextPolicy = DISPLAY) -> str:
    """Place text in a field of ``cap`` columns (spaces, since printers' own alignment
    commands do not apply inside a line)."""
    room = cap - text_width(text, policy)
    if room <= 0:
        return text
    if align is Align.RIGHT:
        return " " * room + text
    if align is Align.CENTER:
        left = room // 2
        return " " * left + text + " " * (room - left)
    return text + " " * room
