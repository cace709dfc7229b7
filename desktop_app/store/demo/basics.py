"""Building blocks of the demo rows: column orders, the stored forms of times and ids, a
cheaper random generator, and the batch that carries one chunk's rows."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

Row = tuple[object, ...]
T = TypeVar("T")
DAY = 86_400

MEMBER_COLS = (
    "id", "number", "name", "phone", "phone_last4", "email", "birthday", "gender", "photo_path",
    "tier_id", "notes", "note_flagged", "consent_sms", "consent_sms_at", "consent_email",
    "consent_email_at", "home_store_id", "status", "merged_into_id", "points_balance",
    "qr_secret", "created_at", "updated_at", "version", "deleted_at",
)  # fmt: skip
CARD_COLS = (
    "id", "member_id", "code", "status", "issued_at", "revoked_at",
    "created_at", "updated_at", "version", "deleted_at",
)  # fmt: skip
ENTITLEMENT_COLS = (
    "id", "member_id", "kind", "name", "valid_from", "valid_until", "units_total", "units_used",
    "access_start", "access_end", "scope", "blocked", "price_minor", "activated_at",
    "renewed_from_id", "created_at", "updated_at", "version", "deleted_at",
)  # fmt: skip
HOLD_COLS = (
    "id", "entitlement_id", "starts_at", "ends_at", "ended_at", "reason",
    "created_at", "updated_at", "version", "deleted_at",
)  # fmt: skip
MEMBER_TAG_COLS = ("member_id", "tag_id")
SHARER_COLS = ("entitlement_id", "member_id")

EPOCH = date(1970, 1, 1)
_day_text: dict[int, str] = {}  # bounded: one entry per calendar day that occurs
_time_text: dict[int, str] = {}  # bounded: at most one entry per second of a day


def ts(seconds: int) -> str:
    """The stored form of a UTC instant (desktop_app.store.types.UTCDateTime), assembled from
    cached day and time-of-day texts: a million members need about twenty of these each, and
    formatting each one afresh was the generator's largest cost."""
    day, rem = divmod(seconds, DAY)
    text = _day_text.get(day)
    if text is None:
        text = _day_text[day] = (EPOCH + timedelta(days=day)).isoformat()
    clock = _time_text.get(rem)
    if clock is None:
        hour, rest = divmod(rem, 3600)
        clock = _time_text[rem] = f"T{hour:02d}:{rest // 60:02d}:{rest % 60:02d}.000000Z"
    return text + clock


def uuid7(ms: int, rnd: int) -> str:
    """A UUIDv7 like desktop_app.domain.ids.new_id, but from a given time and 74 random bits."""
    value = (ms << 80) | (0x7 << 76) | ((rnd >> 62) << 64) | (0x2 << 62) | (rnd & (2**62 - 1))
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


class Dice(random.Random):
    """random.Random with cheaper draws: randint/randrange/choice cost about a microsecond
    each through their argument checks, and a member needs dozens of draws. Tiny biases of
    the float method do not matter for demo data; determinism is what matters."""

    def below(self, n: int) -> int:
        return int(self.random() * n)

    def between(self, lo: int, hi: int) -> int:
        return lo + int(self.random() * (hi - lo + 1))

    def pick(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]


@dataclass
class Batch:
    """Rows of one chunk of members, per table, in insert order (parents first)."""

    members: list[Row] = field(default_factory=list)
    cards: list[Row] = field(default_factory=list)
    entitlements: list[Row] = field(default_factory=list)
    holds: list[Row] = field(default_factory=list)
    member_tags: list[Row] = field(default_factory=list)
    sharers: list[Row] = field(default_factory=list)


def pick_weighted(cum: Sequence[float], x: float) -> int:
    """The index that `x` in [0, 1) falls on, given cumulative weights."""
    total = cum[-1]
    for i, c in enumerate(cum):
        if x * total < c:
            return i
    return len(cum) - 1
