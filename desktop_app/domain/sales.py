"""A sale, priced and paid (DOMAIN.md, Checkout and points): lines (a catalogue product or a
free amount), line and order discounts with the cashier's limit, the member's tier discount,
and tenders with cash change. Pure: every amount is integer minor units."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.errors import DomainError, ValidationError


class TenderKind(StrEnum):
    CASH = "cash"
    CARD = "card"  # bank card; the app records it, it never talks to the terminal
    WECHAT = "wechat"
    ALIPAY = "alipay"
    STORED_VALUE = "stored_value"
    POINTS = "points"


# Paying with these earns no points (DOMAIN.md: no points on the part paid with them).
NON_EARNING = frozenset({TenderKind.POINTS, TenderKind.STORED_VALUE})


class DiscountOverLimit(DomainError):
    """The discount is larger than a cashier may give; it needs sale.discount_any or a
    manager's approval."""

    code = "discount_over_limit"


class PaymentShort(DomainError):
    code = "payment_short"


class OverTendered(DomainError):
    """Only cash can give change: a card, wallet, stored value or points tender may not take
    more than what is left to pay."""

    code = "over_tendered"


@dataclass(frozen=True, slots=True)
class Discount:
    """Either a percentage (whole percent, 0-100) or an amount in minor units."""

    percent: int = 0
    amount: int = 0

    def __post_init__(self) -> None:
        if self.percent and self.amount:
            raise ValidationError("discount", "percent_or_amount")
        if not 0 <= self.percent <= 100 or self.amount < 0:
            raise ValidationError("discount", "out_of_range")

    def off(self, base: int) -> int:
        """The money this discount takes off `base` (never more than `base`)."""
        taken = base * self.percent // 100 if self.percent else self.amount
        return min(taken, base)


NO_DISCOUNT = Discount()


@dataclass(frozen=True, slots=True)
class SaleLine:
    """`product_id` None means a free amount keyed in by the cashier."""

    name: str
    quantity: int
    unit_price: int
    product_id: str | None = None
    barcode: str | None = None
    category: str | None = None
    points_multiplier_pct: int | None = None  # None: the category's, else 100; 0 excludes
    discount: Discount = NO_DISCOUNT

    def __post_init__(self) -> None:
        if self.quantity <= 0:
            raise ValidationError("quantity", "not_positive")
        if self.unit_price < 0:
            raise ValidationError("unit_price", "negative")

    @property
    def gross(self) -> int:
        return self.quantity * self.unit_price


@dataclass(frozen=True, slots=True)
class PricedLine:
    line: SaleLine
    gross: int
    line_discount: int  # the cashier's discount on this line
    member_discount: int  # the tier's discount
    order_discount: int  # this line's share of the order discount
    amount: int  # what the customer pays for this line

    @property
    def discount(self) -> int:
        return self.line_discount + self.member_discount + self.order_discount


@dataclass(frozen=True, slots=True)
class PricedSale:
    lines: tuple[PricedLine, ...]
    gross: int
    manual_discount: int  # line + order discounts the cashier gave
    member_discount: int
    total: int

    @property
    def discount(self) -> int:
        return self.manual_discount + self.member_discount


def allocate(amount: int, weights: Sequence[int]) -> list[int]:
    """Split `amount` in proportion to `weights` (largest remainder): the parts are whole
    minor units and add up to `amount` exactly; no part exceeds its weight when
    amount <= sum(weights)."""
    total = sum(weights)
    if amount == 0 or total == 0:
        return [0] * len(weights)
    exact = [amount * w for w in weights]
    parts = [e // total for e in exact]
    short = amount - sum(parts)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(exact[i] % total), i))
    for i in by_remainder[:short]:
        parts[i] += 1
    return parts


def price_sale(
    lines: Sequence[SaleLine], order_discount: Discount = NO_DISCOUNT, member_discount_pct: int = 0
) -> PricedSale:
    """Line discounts first, then the member's tier discount on what is left, then the order
    discount, spread over the lines in proportion (so a refund of one line gives back its
    share exactly)."""
    if not lines:
        raise ValidationError("lines", "empty")
    after_line = [(ln, ln.gross, ln.discount.off(ln.gross)) for ln in lines]
    member_off = [(g - d) * member_discount_pct // 100 for _, g, d in after_line]
    base = [g - d - m for (_, g, d), m in zip(after_line, member_off, strict=True)]
    order_off = order_discount.off(sum(base))
    shares = allocate(order_off, base)
    priced = tuple(
        PricedLine(ln, g, d, m, s, b - s)
        for (ln, g, d), m, b, s in zip(after_line, member_off, base, shares, strict=True)
    )
    gross = sum(p.gross for p in priced)
    manual = sum(p.line_discount + p.order_discount for p in priced)
    member = sum(p.member_discount for p in priced)
    return PricedSale(priced, gross, manual, member, sum(p.amount for p in priced))


def discount_within_limit(priced: PricedSale, limit_pct: int) -> bool:
    """A cashier's own discounts stay within the limit on every line and on the whole sale
    (so a 10% line discount and a 10% order discount cannot stack to 19%). The member's tier
    discount is a rule, not the cashier's choice, and does not count."""
    for p in priced.lines:
        if p.line_discount * 100 > p.gross * limit_pct:
            return False
    return priced.manual_discount * 100 <= priced.gross * limit_pct


@dataclass(frozen=True, slots=True)
class Tender:
    kind: TenderKind
    amount: int  # money this tender covers (for cash: what the customer handed over)
    points: int = 0  # for a points tender: the points spent
    reference: str = ""

    def __post_init__(self) -> None:
        if self.amount <= 0:
            raise ValidationError("tender", "not_positive")


@dataclass(frozen=True, slots=True)
class Settlement:
    tenders: tuple[Tender, ...]
    change: int  # cash handed back

    def net(self, kind: TenderKind) -> int:
        """What this kind of tender really paid (cash net of change)."""
        paid = sum(t.amount for t in self.tenders if t.kind == kind)
        return paid - self.change if kind == TenderKind.CASH else paid

    @property
    def non_earning(self) -> int:
        return sum(self.net(k) for k in NON_EARNING)

    @property
    def points_spent(self) -> int:
        return sum(t.points for t in self.tenders if t.kind == TenderKind.POINTS)


def settle(total: int, tenders: Sequence[Tender]) -> Settlement:
    """Check the tenders pay `total` exactly, cash giving any change."""
    non_cash = sum(t.amount for t in tenders if t.kind != TenderKind.CASH)
    cash = sum(t.amount for t in tenders if t.kind == TenderKind.CASH)
    if non_cash > total:
        raise OverTendered("non-cash tenders exceed the total", over=non_cash - total)
    if non_cash + cash < total:
        raise PaymentShort("not fully paid", short=total - non_cash - cash)
    return Settlement(tuple(tenders), non_cash + cash - total)
