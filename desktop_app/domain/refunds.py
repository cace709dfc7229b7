"""Refunds of a whole sale or some of its lines (DOMAIN.md, Checkout and points).

Everything is pro rata of what is still unrefunded: the money back to each tender, the
earned points taken back and the spent points given back. Each refund takes its share of
what is left, rounded down, so the refund that empties the sale settles the rest exactly
and refunding everything, in one go or in parts, returns every figure to where it was."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.domain.sales import TenderKind, allocate


class NothingToRefund(DomainError):
    code = "nothing_to_refund"


@dataclass(frozen=True, slots=True)
class LineState:
    """One sale line as a refund sees it."""

    line_no: int
    quantity: int
    amount: int  # what the customer paid for the whole line
    refunded_quantity: int = 0
    refunded_amount: int = 0


@dataclass(frozen=True, slots=True)
class TenderState:
    """One tender's net payment (cash net of change) and what was already given back."""

    index: int
    kind: TenderKind
    amount: int
    refunded: int = 0


@dataclass(frozen=True, slots=True)
class SaleState:
    lines: tuple[LineState, ...]
    tenders: tuple[TenderState, ...]
    points_earned: int
    points_reversed: int
    points_spent: int
    points_returned: int

    @property
    def total(self) -> int:
        return sum(ln.amount for ln in self.lines)

    @property
    def refunded(self) -> int:
        return sum(ln.refunded_amount for ln in self.lines)


@dataclass(frozen=True, slots=True)
class RefundLine:
    line_no: int
    quantity: int
    amount: int


@dataclass(frozen=True, slots=True)
class RefundPlan:
    lines: tuple[RefundLine, ...]
    amount: int
    to_tenders: tuple[tuple[int, int], ...]  # (tender index, money back), money back > 0
    points_reversed: int  # earned points taken back (>= 0)
    points_returned: int  # spent points given back (>= 0)


def _share(remaining: int, part: int, whole: int) -> int:
    """`part` of `whole` applied to `remaining`, rounded down; all of it when part == whole."""
    return remaining if part == whole else remaining * part // whole


def plan_refund(sale: SaleState, quantities: Mapping[int, int]) -> RefundPlan:
    """`quantities`: line number -> units to refund now."""
    by_no = {ln.line_no: ln for ln in sale.lines}
    lines: list[RefundLine] = []
    for line_no, qty in sorted(quantities.items()):
        if qty == 0:
            continue
        line = by_no.get(line_no)
        if line is None:
            raise ValidationError("line", "unknown_line")
        left_qty = line.quantity - line.refunded_quantity
        if qty < 0 or qty > left_qty:
            raise ValidationError("quantity", "more_than_left")
        left_amount = line.amount - line.refunded_amount
        lines.append(RefundLine(line_no, qty, _share(left_amount, qty, left_qty)))
    amount = sum(ln.amount for ln in lines)
    if not lines:
        raise NothingToRefund("no units chosen")
    left = sale.total - sale.refunded
    tender_left = [t.amount - t.refunded for t in sale.tenders]
    back = allocate(amount, tender_left) if left else [0] * len(tender_left)
    to_tenders = tuple((t.index, b) for t, b in zip(sale.tenders, back, strict=True) if b > 0)
    reversed_ = _share(sale.points_earned - sale.points_reversed, amount, left) if left else 0
    returned = _share(sale.points_spent - sale.points_returned, amount, left) if left else 0
    return RefundPlan(tuple(lines), amount, to_tenders, reversed_, returned)


def whole_sale(sale: SaleState) -> dict[int, int]:
    """The quantities that refund everything still unrefunded."""
    return {
        ln.line_no: ln.quantity - ln.refunded_quantity
        for ln in sale.lines
        if ln.quantity > ln.refunded_quantity
    }
