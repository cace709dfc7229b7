"""Loyalty points (DOMAIN.md, Checkout and points): earning, redemption, lots with expiry.

The ledger is append-only; the balance is the sum of its entries. Positive entries with an
expiry date are *lots*; negative entries consume lots, soonest-expiring first (an `expire`
entry or a refund's reversal names the lot it is about and takes from it first). Debt (a
balance below zero after a refund) is paid off by the next lots before they can be spent.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction

from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.domain.sales import PricedSale, Settlement


class EntryKind(StrEnum):
    EARN = "earn"
    REDEEM = "redeem"  # negative: points spent; positive: spent points given back by a refund
    EXPIRE = "expire"
    ADJUST = "adjust"
    REVERSE = "reverse"  # a refund taking back the points the refunded amount earned


@dataclass(frozen=True, slots=True)
class PointsPolicy:
    """The store's points rules; defaults are DOMAIN.md's bracketed numbers."""

    earn_points_per_yuan: int = 1
    min_spend: int = 0  # minor units of the sale total below which nothing is earned
    cap_per_sale: int | None = None
    redeem_points_per_yuan: int = 100  # 100 points = ¥1; a multiple of 100 (whole fen)
    redeem_minimum: int = 100
    redeem_max_pct: int = 50
    expiry_months: int = 12
    category_multipliers_pct: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.redeem_points_per_yuan <= 0 or self.redeem_points_per_yuan % 100:
            raise ValidationError("redeem_points_per_yuan", "not_a_multiple_of_100")

    @property
    def points_per_minor(self) -> int:
        return self.redeem_points_per_yuan // 100

    def line_multiplier_pct(self, product_pct: int | None, category: str | None) -> int:
        if product_pct is not None:
            return product_pct
        if category is not None and category in self.category_multipliers_pct:
            return self.category_multipliers_pct[category]
        return 100


class RedemptionRefused(DomainError):
    """`details['reason']`: below_minimum, over_balance, negative_balance, over_limit,
    not_whole_fen."""

    code = "redemption_refused"


def points_to_earn(
    priced: PricedSale,
    settlement: Settlement,
    policy: PointsPolicy,
    tier_multiplier_pct: int = 100,
    promotion_multiplier_pct: int = 100,
) -> int:
    """Base rate x tier x product/category x promotion, on the money paid other than with
    points or stored value (that part is taken off every line in proportion), rounded down
    once per sale, then capped."""
    if priced.total <= 0 or priced.total < policy.min_spend:
        return 0
    earning_paid = priced.total - settlement.non_earning
    if earning_paid <= 0:
        return 0
    weighted = sum(
        p.amount * policy.line_multiplier_pct(p.line.points_multiplier_pct, p.line.category)
        for p in priced.lines
    )
    exact = (
        Fraction(weighted * earning_paid, priced.total * 100)  # minor units x line multiplier
        * policy.earn_points_per_yuan
        * tier_multiplier_pct
        * promotion_multiplier_pct
        / (100 * 100 * 100)  # minor units per yuan, then the two percentages
    )
    points = int(exact)  # non-negative, so int() rounds down
    return min(points, policy.cap_per_sale) if policy.cap_per_sale is not None else points


def redemption_value(points: int, policy: PointsPolicy) -> int:
    """The money (minor units) that `points` pay."""
    return points // policy.points_per_minor


def max_redeemable(balance: int, sale_total: int, policy: PointsPolicy) -> int:
    """The most points this sale can take (0 when below the minimum or blocked)."""
    if balance <= 0:
        return 0
    by_sale = sale_total * policy.redeem_max_pct // 100 * policy.points_per_minor
    best = min(balance, by_sale)
    return best if best >= policy.redeem_minimum else 0


def check_redemption(points: int, balance: int, sale_total: int, policy: PointsPolicy) -> int:
    """Validate spending `points` on a sale of `sale_total`; returns the money they pay."""
    if balance <= 0:
        raise RedemptionRefused("balance is not positive", reason="negative_balance")
    if points < policy.redeem_minimum:
        raise RedemptionRefused("below the minimum", reason="below_minimum")
    if points > balance:
        raise RedemptionRefused("more than the balance", reason="over_balance")
    if points % policy.points_per_minor:
        raise RedemptionRefused("points must make whole fen", reason="not_whole_fen")
    value = redemption_value(points, policy)
    if value * 100 > sale_total * policy.redeem_max_pct:
        raise RedemptionRefused("more than the share a sale may take", reason="over_limit")
    return value


def lot_expiry(earned_on: date, months: int = 12) -> date:
    """The last day of the month `months` months after `earned_on` (2026-03-02 -> 2027-03-31)."""
    index = earned_on.year * 12 + earned_on.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, calendar.monthrange(year, month + 1)[1])


@dataclass(frozen=True, slots=True)
class Entry:
    """One ledger entry as the domain sees it, in ledger order."""

    id: str
    delta: int
    kind: EntryKind
    expires_on: date | None = None  # for positive entries: the lot's last valid day
    lot_ref: str | None = None  # for negative entries: the lot to take from first


@dataclass(frozen=True, slots=True)
class Lot:
    entry_id: str
    expires_on: date
    remaining: int


@dataclass(frozen=True, slots=True)
class LotState:
    lots: tuple[Lot, ...]  # with points left, soonest-expiring first
    debt: int  # points owed (a negative balance), always >= 0
    consumed: dict[str, tuple[tuple[str, int], ...]]  # negative entry -> (lot id, points)

    @property
    def balance(self) -> int:
        return sum(lot.remaining for lot in self.lots) - self.debt


def replay(entries: Iterable[Entry]) -> LotState:
    """Rebuild the lots from the ledger."""
    remaining: dict[str, int] = {}
    expiry: dict[str, date] = {}
    order: list[str] = []
    debt = 0
    consumed: dict[str, tuple[tuple[str, int], ...]] = {}
    for e in entries:
        if e.delta > 0:
            points = e.delta
            paid = min(points, debt)  # a debt is settled before the new points can be spent
            debt -= paid
            remaining[e.id] = points - paid
            expiry[e.id] = e.expires_on or date.max
            order.append(e.id)
            continue
        need = -e.delta
        taken: list[tuple[str, int]] = []
        first = [e.lot_ref] if e.lot_ref in remaining else []
        rest = sorted((i for i in order if i != e.lot_ref), key=lambda i: (expiry[i], i))
        if e.kind != EntryKind.EXPIRE:  # an expiry only ever takes its own lot
            first += rest
        for lot_id in first:
            if need == 0:
                break
            take = min(need, remaining[lot_id])
            if take:
                remaining[lot_id] -= take
                need -= take
                taken.append((lot_id, take))
        debt += need
        consumed[e.id] = tuple(taken)
    lots = tuple(
        sorted(
            (Lot(i, expiry[i], remaining[i]) for i in order if remaining[i] > 0),
            key=lambda lot: (lot.expires_on, lot.entry_id),
        )
    )
    return LotState(lots, debt, consumed)


@dataclass(frozen=True, slots=True)
class Expiry:
    lot_id: str
    points: int  # positive: the points to take off


def due_expiries(state: LotState, today: date) -> list[Expiry]:
    """Lots whose last valid day is before `today`, with what is left in them."""
    return [Expiry(lot.entry_id, lot.remaining) for lot in state.lots if lot.expires_on < today]


@dataclass(frozen=True, slots=True)
class Posting:
    """A ledger entry to write. `(source, kind)` is unique in the ledger: posting the same
    pair again (a replayed sale) changes nothing."""

    source: str  # "sale:<id>", "refund:<id>", "adjustment:<id>", "expiry:<lot id>", ...
    kind: EntryKind
    delta: int
    expires_on: date | None = None
    lot_ref: str | None = None


def sale_postings(
    sale_id: str, earned: int, spent: int, day: date, policy: PointsPolicy
) -> list[Posting]:
    """The entries a finalised sale writes: the points it spent, then the points it earned."""
    out: list[Posting] = []
    if spent:
        out.append(Posting(f"sale:{sale_id}", EntryKind.REDEEM, -spent))
    if earned:
        out.append(
            Posting(
                f"sale:{sale_id}", EntryKind.EARN, earned, lot_expiry(day, policy.expiry_months)
            )
        )
    return out


def refund_postings(
    refund_id: str,
    reversed_: int,
    returned: int,
    day: date,
    policy: PointsPolicy,
    earn_lot: str | None = None,
) -> list[Posting]:
    """Take back the earned points (from the sale's own lot first); give back the spent
    points as a fresh lot, so points handed back are usable for a full term."""
    out: list[Posting] = []
    if reversed_:
        out.append(Posting(f"refund:{refund_id}", EntryKind.REVERSE, -reversed_, lot_ref=earn_lot))
    if returned:
        out.append(
            Posting(
                f"refund:{refund_id}",
                EntryKind.REDEEM,
                returned,
                lot_expiry(day, policy.expiry_months),
            )
        )
    return out


def expiry_postings(state: LotState, today: date) -> list[Posting]:
    return [
        Posting(f"expiry:{e.lot_id}", EntryKind.EXPIRE, -e.points, lot_ref=e.lot_id)
        for e in due_expiries(state, today)
    ]


def unposted(proposed: Iterable[Posting], posted: set[tuple[str, str]]) -> list[Posting]:
    """The postings whose (source, kind) is not in the ledger yet."""
    return [p for p in proposed if (p.source, p.kind.value) not in posted]


@dataclass(frozen=True, slots=True)
class Promotion:
    """A points promotion, e.g. double points on member day (weekday 2 = Wednesday)."""

    name: str
    multiplier_pct: int
    weekdays: frozenset[int] = frozenset()  # Monday = 0; empty: every day
    starts: date | None = None
    ends: date | None = None  # inclusive

    def active_on(self, day: date) -> bool:
        if self.starts is not None and day < self.starts:
            return False
        if self.ends is not None and day > self.ends:
            return False
        return not self.weekdays or day.weekday() in self.weekdays


def promotion_multiplier(promotions: Iterable[Promotion], day: date) -> int:
    """The best active promotion's multiplier (promotions do not stack); 100 when none."""
    return max((p.multiplier_pct for p in promotions if p.active_on(day)), default=100)
