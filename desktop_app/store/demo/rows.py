"""Member rows of the demo database, generated block by block from a seeded `random.Random`.

Everything is plain tuples in the tables' column order (no ORM objects: a million members must
fit in bounded memory), and every value comes from the seed, the anchor and the member's
serial, so the same seed and anchor always give the same bytes. Each block of members has its
own generator seeded from (seed, block), so the output does not depend on how the writer
chunks its inserts.

Times are integer seconds since the epoch until they are written, and dates of entitlements
fall on store-local midnights, the way a desk sells them.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import accumulate
from math import gcd
from typing import Any

from desktop_app.domain.codes import CARD_CODE_LENGTH, card_code_from_int, member_number_from_serial
from desktop_app.store.demo import catalog as cat
from desktop_app.store.demo.basics import (
    DAY,
    EPOCH,
    Batch,
    Dice,
    pick_weighted,
    ts,
    uuid7,
)
from desktop_app.store.demo.entitlements import SHOWCASE, EntitlementMaker

BLOCK = 1_000  # members per seeded generator
JOIN_SPAN_DAYS = 5 * 365  # members joined over the five years before the anchor
FIXED_NAMES = {1: ("张三", "zhangsan"), 2: ("李四", "lisi"), 3: ("王五", "wangwu")}
# Every database of 100+ members shows each awkward name at least once (#11, #21, ...).
UNUSUAL_AT = {11 + 10 * i: name for i, name in enumerate(cat.UNUSUAL_NAMES)}


def _ascii_slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def _coprime(rng: random.Random, modulus: int) -> int:
    while True:
        a = rng.randrange(modulus // 3, modulus)
        if gcd(a, modulus) == 1:
            return a


class MemberGenerator:
    """Makes the rows of members 1..count. `anchor` is a store-local midnight (epoch seconds)
    at which every showcased entitlement has its intended status, all day long."""

    def __init__(
        self,
        *,
        seed: int,
        anchor: int,
        count: int,
        store_ids: Sequence[str],
        tier_ids: Sequence[str],
        tag_ids: Sequence[str],
    ) -> None:
        self.seed, self.anchor, self.count = seed, anchor, count
        self.store_ids, self.tier_ids, self.tag_ids = list(store_ids), list(tier_ids), list(tag_ids)
        rng = random.Random(f"demo:{seed}:keys")
        # Affine permutations give unique phones, QQ numbers and card codes from the serial
        # without remembering the ones already used (a set of a million would not be bounded).
        self._phone = (_coprime(rng, 10**8), rng.randrange(10**8))
        self._qq = (_coprime(rng, 9 * 10**8), rng.randrange(9 * 10**8))
        self._card_mod = 9 * 10 ** (CARD_CODE_LENGTH - 2)
        self._card = (_coprime(rng, self._card_mod), rng.randrange(self._card_mod))
        self._store_cum = list(accumulate(s.share for s in cat.STORES))
        self._tier_cum = list(accumulate(t.share for t in cat.TIERS))
        self._surname_cum = list(accumulate(cat.SURNAME_WEIGHTS))
        self._latin = [(n, _ascii_slug(n)) for n in cat.LATIN_FIRST]
        self._latin_last = [(n, _ascii_slug(n)) for n in cat.LATIN_LAST]
        self._entitlements = EntitlementMaker(anchor, self.store_ids)

    def settings(self) -> dict[str, Any]:
        """What another process needs to make the same generator."""
        return {
            "seed": self.seed,
            "anchor": self.anchor,
            "count": self.count,
            "store_ids": self.store_ids,
            "tier_ids": self.tier_ids,
            "tag_ids": self.tag_ids,
        }

    # -- members -------------------------------------------------------------------------

    def block(self, index: int) -> Batch:
        """Rows of members index*BLOCK+1 .. (index+1)*BLOCK (bounded by count)."""
        rng = Dice(f"demo:{self.seed}:block:{index}")
        batch = Batch()
        first = index * BLOCK + 1
        for serial in range(first, min(first + BLOCK, self.count + 1)):
            self._member(rng, serial, batch)
        return batch

    def joined_at(self, serial: int) -> int:
        """Members joined in number order, during opening hours (07:00-22:00 local)."""
        day, frac = divmod((serial - 1) * JOIN_SPAN_DAYS, self.count)
        midnight = self.anchor - (JOIN_SPAN_DAYS - day) * DAY
        return midnight + 7 * 3600 + frac * 15 * 3600 // self.count

    def _member(self, rng: Dice, serial: int, batch: Batch) -> None:
        r = rng.random
        joined = self.joined_at(serial)
        member_id = uuid7(joined * 1000 + rng.below(1000), rng.getrandbits(74))
        name, handle = self._name(rng, serial)
        phone = self._phone_of(rng, serial) if serial in FIXED_NAMES or r() > 0.03 else None
        email = self._email_of(rng, serial, handle) if r() < 0.5 else None
        birthday = None
        if r() < 0.9:
            year = (EPOCH + timedelta(days=self.anchor // DAY)).year - rng.between(16, 70)
            birthday = (date(year, 1, 1) + timedelta(days=rng.below(365))).isoformat()
        g = r()
        gender = "female" if g < 0.52 else "male" if g < 0.96 else "other" if g < 0.97 else None
        showcase = serial <= min(self.count, len(SHOWCASE))
        archived = not showcase and r() < 0.02
        notes, flagged = "", 0
        n = r()
        if n < 0.003:
            notes, flagged = rng.pick(cat.FLAGGED_NOTES), 1
        elif n < 0.03:
            notes = rng.pick(cat.NOTES)
        sms = r() < 0.4
        mail = email is not None and r() < 0.5
        consent_at = ts(joined + 60)  # ticked on the sign-up form
        created = ts(joined)
        batch.members.append(
            (
                member_id,
                member_number_from_serial(serial),
                name,
                phone,
                phone[-4:] if phone else None,
                email,
                birthday,
                gender,
                None,
                self.tier_ids[pick_weighted(self._tier_cum, r())],
                notes,
                flagged,
                int(sms),
                consent_at if sms else None,
                int(mail),
                consent_at if mail else None,
                self.store_ids[pick_weighted(self._store_cum, r())],
                "archived" if archived else "active",
                None,
                0,  # no points ledger yet: the cached balance must equal its (empty) sum
                f"{rng.getrandbits(160):040x}",
                created,
                created,
                1,
                None,
            )
        )
        n_tags = (0, 0, 1, 1, 1, 2, 3)[rng.below(7)]
        if n_tags == 1:  # the common case, without sample()'s set-up cost
            batch.member_tags.append((member_id, rng.pick(self.tag_ids)))
        elif n_tags:
            batch.member_tags.extend((member_id, tag) for tag in rng.sample(self.tag_ids, n_tags))
        self._cards(rng, serial, member_id, joined, batch)
        if showcase:
            for j in range(serial - 1, len(SHOWCASE), self.count):
                kind, status = SHOWCASE[j]
                self._entitlements.entitlement(
                    rng, member_id, joined, kind, status, batch, showcase=True
                )
        else:
            self._entitlements.random_entitlements(rng, serial, member_id, joined, archived, batch)

    def _name(self, rng: Dice, serial: int) -> tuple[str, str]:
        """The member's name and an ASCII handle for their email address."""
        if serial in FIXED_NAMES:
            return FIXED_NAMES[serial]
        x = rng.random()
        if x < 0.002 or serial in UNUSUAL_AT:
            name = UNUSUAL_AT.get(serial) or rng.pick(cat.UNUSUAL_NAMES)
            return name, _ascii_slug(name) or "vip"
        if x < 0.252:
            first, first_slug = rng.pick(self._latin)
            last, last_slug = rng.pick(self._latin_last)
            return f"{first} {last}", f"{first_slug}.{last_slug}"
        surname, s_py = cat.SURNAMES[pick_weighted(self._surname_cum, rng.random())]
        g1, p1 = rng.pick(cat.GIVEN)
        if rng.random() < 0.3:
            return surname + g1, s_py + p1
        g2, p2 = rng.pick(cat.GIVEN)
        return surname + g1 + g2, s_py + p1 + p2

    def _phone_of(self, rng: Dice, serial: int) -> str:
        a, b = self._phone
        suffix = (a * serial + b) % 10**8  # unique per serial, whatever the prefix
        x = rng.random()
        if x < 0.015:
            return f"+4479{suffix:08d}"
        if x < 0.03:
            area = ("212", "415", "646", "604", "416", "310", "206", "617", "778", "213")
            return f"+1{area[suffix // 10**7]}{suffix % 10**7:07d}"
        return f"{rng.pick(cat.MAINLAND_PREFIXES)}{suffix:08d}"

    def _email_of(self, rng: Dice, serial: int, handle: str) -> str:
        if rng.random() < 0.3:
            a, b = self._qq
            return f"{10**8 + (a * serial + b) % (9 * 10**8)}@qq.com"
        # Letters then the serial's digits: two members can never share an address.
        return f"{handle}{serial}@{rng.pick(cat.EMAIL_DOMAINS)}"

    def _cards(self, rng: Dice, serial: int, member_id: str, joined: int, batch: Batch) -> None:
        a, b = self._card
        issued = joined
        if serial > len(SHOWCASE) and rng.random() < 0.01:
            # A lost card: the first one was revoked when the current one was issued.
            issued = joined + rng.below(max(self.anchor - joined, DAY))
            code = card_code_from_int((a * (2 * serial + 1) + b) % self._card_mod)
            card_id = uuid7(joined * 1000, rng.getrandbits(74))
            t0, t1 = ts(joined), ts(issued)
            batch.cards.append((card_id, member_id, code, "revoked", t0, t1, t0, t1, 2, None))
        code = card_code_from_int((a * 2 * serial + b) % self._card_mod)
        t = ts(issued)
        card_id = uuid7(issued * 1000 + 1, rng.getrandbits(74))
        batch.cards.append((card_id, member_id, code, "active", t, None, t, t, 1, None))


def chunk_ranges(count: int, block: int, chunk_blocks: int) -> list[tuple[int, int]]:
    """(first block, stop block) of each chunk of `count` members."""
    blocks = (count + block - 1) // block
    return [(f, min(f + chunk_blocks, blocks)) for f in range(0, blocks, chunk_blocks)]


def make_chunk(gen: MemberGenerator, first: int, stop: int) -> Batch:
    batch = Batch()
    for index in range(first, stop):
        more = gen.block(index)
        batch.members += more.members
        batch.cards += more.cards
        batch.entitlements += more.entitlements
        batch.holds += more.holds
        batch.member_tags += more.member_tags
        batch.sharers += more.sharers
    return batch
