"""The demo members' entitlements: which kind, which status at the anchor, and dates, units,
holds and renewals that give exactly that status through desktop_app.domain.entitlements.

Every status holds all through the anchor day (the anchor is a store-local midnight): an
expiring entitlement ends 1-7 days later, one in grace ended 0-2 days before, an expired one
4 or more days before, a running one has 9 or more days left and more than 2 units.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from desktop_app.domain.entitlements import COUNTED_KINDS, EntitlementKind, EntitlementStatus
from desktop_app.store.demo import catalog as cat
from desktop_app.store.demo.basics import DAY, Batch, Dice, pick_weighted, ts, uuid7

K = EntitlementKind
S = EntitlementStatus
# Statuses that need an end date (an open-ended stored value card can never reach them).
DATED = frozenset({S.EXPIRING, S.GRACE, S.EXPIRED})
# Every (kind, status) pair the rules allow: only counted kinds can be used up. The first
# members get one each, so any demo database of any size shows them all; (period, active)
# comes first so member #1, 张三, holds a running membership.
SHOWCASE = tuple(
    (kind, status)
    for kind in K
    for status in (S.ACTIVE, *(s for s in S if s is not S.ACTIVE))
    if status is not S.USED_UP or kind in COUNTED_KINDS
)
KINDS = tuple(K)
KIND_CUM = tuple(accumulate((50, 18, 8, 12, 12)))  # how often each kind is sold, in K's order
STATUSES = tuple(S)
STATUS_CUM = tuple(accumulate((3, 56, 6, 2, 22, 5, 3, 2)))  # in S's order


@dataclass(frozen=True)
class _Plan:
    start: int
    end: int | None
    units_total: int | None
    units_used: int
    blocked: bool
    hold: tuple[int, int] | None


class EntitlementMaker:
    """Appends a member's entitlements (and holds, renewals, shares) to a batch."""

    def __init__(self, anchor: int, store_ids: list[str]) -> None:
        self.anchor, self.store_ids = anchor, store_ids
        self._products = {
            kind: [p for p in cat.PRODUCTS if p.kind is kind] for kind in EntitlementKind
        }
        self._product_cum = {
            kind: list(accumulate(p.weight for p in ps)) for kind, ps in self._products.items()
        }

    def random_entitlements(
        self,
        rng: Dice,
        serial: int,
        member_id: str,
        joined: int,
        archived: bool,
        batch: Batch,
    ) -> None:
        r = rng.random
        if r() < 0.04:
            return  # signed up, never bought anything
        kind = KINDS[pick_weighted(KIND_CUM, r())]
        status = S.EXPIRED if archived else STATUSES[pick_weighted(STATUS_CUM, r())]
        first = self.entitlement(rng, member_id, joined, kind, status, batch)
        if r() < 0.25 and not archived:
            extra = K.STORED_VALUE if r() < 0.6 else K.CLASS_CREDITS
            self.entitlement(rng, member_id, joined, extra, S.ACTIVE, batch)
        if first is not None and serial > 1 and r() < 0.005:
            # A family share: the member before this one draws on the same pool.
            prev_id = batch.members[-2][0] if len(batch.members) > 1 else None
            if prev_id is not None:
                batch.sharers.append((first, prev_id))

    def entitlement(
        self,
        rng: Dice,
        member_id: str,
        joined: int,
        kind: EntitlementKind,
        status: EntitlementStatus,
        batch: Batch,
        showcase: bool = False,
    ) -> str | None:
        """Append one entitlement (and its hold, and for some renewals its predecessor) with
        `status` at the anchor; falls back to active when the member joined too recently for
        the dates to fit. Returns the entitlement's id."""
        products = self._products[kind]
        if status in DATED:
            products = [p for p in products if p.days]
        if showcase:
            product = products[0]
        elif len(products) == len(self._products[kind]):
            product = products[pick_weighted(self._product_cum[kind], rng.random())]
        else:
            product = rng.pick(products)
        first_day = self.anchor - (self.anchor - joined) // DAY * DAY  # first midnight after
        plan = self._plan(rng, product, status, first_day) or self._plan(
            rng, product, S.ACTIVE, first_day
        )
        if plan is None:
            return None
        renewed_from = None
        if (
            kind is K.PERIOD
            and status is S.ACTIVE
            and not showcase
            and rng.random() < 0.2
            and plan.start - product.days * DAY >= first_day
        ):
            # A renewal starts the day the old one ends (DOMAIN.md, Entitlements).
            prev = _Plan(plan.start - product.days * DAY, plan.start, None, 0, False, None)
            renewed_from = self._append(rng, member_id, joined, product, prev, None, batch)
        return self._append(rng, member_id, joined, product, plan, renewed_from, batch)

    def _plan(
        self, rng: Dice, product: cat.Product, status: EntitlementStatus, first_day: int
    ) -> _Plan | None:
        a, days, total = self.anchor, product.days, product.units
        length = days * DAY
        units_used = 0
        counted = total is not None
        blocked, hold = False, None
        ri = rng.between
        if status is S.UPCOMING:
            start = a + ri(1, 21) * DAY
        elif status is S.EXPIRING:
            ends = a + ri(1, 7) * DAY  # at most 7 days left, all through the anchor day
            start = ends - length
            if start < first_day:
                return None
        elif status is S.GRACE:
            start = a - ri(0, 2) * DAY - length  # ended 0-2 days ago: inside the 3-day grace
        elif status is S.EXPIRED:
            latest = a - 4 * DAY - length  # ended 4+ days ago: past the grace
            if latest < first_day:
                return None
            start = latest - ri(0, min(720, (latest - first_day) // DAY)) * DAY
        else:  # running: active, used up, on hold, blocked; at least 9 days left
            lo = max(first_day, a + 9 * DAY - length) if days else first_day
            start = lo + ri(0, (a - lo) // DAY) * DAY if a > lo else lo
            if start > a:
                return None
        if start < first_day:
            return None
        until = start + length if days else None
        if counted:
            assert total is not None
            if status is S.USED_UP:
                units_used = total
            elif status is S.UPCOMING:
                units_used = 0
            elif status in (S.ACTIVE, S.ON_HOLD, S.BLOCKED):
                # Above the expiring threshold (2 left); a day pass is only dated.
                spare = 1 if product.kind is K.DAY_PASS else 3
                units_used = ri(0, total - spare)
            else:
                units_used = ri(0, total - 1)
        if status is S.BLOCKED:
            blocked = True
        elif status is S.ON_HOLD:
            held_from = max(start, a - ri(0, 30) * DAY)
            hold = (held_from, max(held_from + ri(7, 90) * DAY, a + DAY))
        return _Plan(start, until, total, units_used, blocked, hold)

    def _append(
        self,
        rng: Dice,
        member_id: str,
        joined: int,
        product: cat.Product,
        plan: _Plan,
        renewed_from: str | None,
        batch: Batch,
    ) -> str:
        r = rng.random
        # Bought up to three days before it starts (never before the member joined).
        bought = max(min(plan.start, self.anchor) - rng.below(3 * DAY) + 9 * 3600, joined)
        ent_id = uuid7(bought * 1000 + rng.below(1000), rng.getrandbits(74))
        started = plan.start <= self.anchor
        used = plan.units_used > 0 or (product.kind is K.PERIOD and started)
        access = cat.OFF_PEAK if product.kind is K.PERIOD and r() < 0.08 else (None, None)
        scope = None
        if r() < 0.1:
            scope = f'{{"stores":["{self.store_ids[0]}"]}}'  # canonical JSON, as JSONText
        created = ts(bought)
        batch.entitlements.append(
            (
                ent_id,
                member_id,
                product.kind.value,
                product.name,
                ts(plan.start),
                ts(plan.end) if plan.end is not None else None,
                plan.units_total,
                plan.units_used,
                access[0],
                access[1],
                scope,
                int(plan.blocked),
                product.price_minor,
                ts(plan.start + 10 * 3600) if used and started else None,
                renewed_from,
                created,
                created,
                1,
                None,
            )
        )
        if plan.hold is not None:
            h0, h1 = plan.hold
            hold_id = uuid7(h0 * 1000, rng.getrandbits(74))
            batch.holds.append(
                (
                    hold_id,
                    ent_id,
                    ts(h0),
                    ts(h1),
                    None,
                    rng.pick(cat.HOLD_REASONS),
                    ts(h0),
                    ts(h0),
                    1,
                    None,
                )
            )
        return ent_id
