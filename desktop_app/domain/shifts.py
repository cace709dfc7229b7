"""Shifts (DOMAIN.md): opened with a cash float, closed with the counted money per tender.
The X report (mid-shift) and Z report (close) list totals, refunds, discounts and over/short.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.sales import TenderKind

# Tenders a drawer or terminal holds money for; points and stored value are not counted.
COUNTED = (TenderKind.CASH, TenderKind.CARD, TenderKind.WECHAT, TenderKind.ALIPAY)


@dataclass(frozen=True, slots=True)
class SaleFacts:
    gross: int
    discount: int
    total: int
    tenders: Mapping[TenderKind, int]  # net per kind (cash net of change)


@dataclass(frozen=True, slots=True)
class RefundFacts:
    total: int
    tenders: Mapping[TenderKind, int]  # money back per kind


@dataclass(frozen=True, slots=True)
class TopUpFacts:
    paid: int
    tenders: Mapping[TenderKind, int]


@dataclass(frozen=True, slots=True)
class TenderLine:
    kind: TenderKind
    taken: int  # sales + top-ups - refunds
    expected: int  # in the drawer / on the terminal (cash includes the float)
    counted: int | None
    over_short: int | None  # counted - expected: positive over, negative short


@dataclass(frozen=True, slots=True)
class ShiftSummary:
    opening_float: int
    sales_count: int
    gross_sales: int
    discounts: int
    refunds_count: int
    refunds_total: int
    net_sales: int
    top_ups_total: int
    tenders: tuple[TenderLine, ...]

    @property
    def cash_expected(self) -> int:
        return next(t.expected for t in self.tenders if t.kind == TenderKind.CASH)

    @property
    def over_short(self) -> int | None:
        parts = [t.over_short for t in self.tenders if t.kind in COUNTED]
        return None if any(p is None for p in parts) else sum(p or 0 for p in parts)


def validate_float(amount: int) -> int:
    if amount < 0:
        raise ValidationError("opening_float", "negative")
    return amount


def summarise(
    opening_float: int,
    sales: Iterable[SaleFacts],
    refunds: Iterable[RefundFacts],
    top_ups: Iterable[TopUpFacts],
    counted: Mapping[TenderKind, int] | None = None,
) -> ShiftSummary:
    """An X report when `counted` is None, a Z report's figures when it is given."""
    sales, refunds, top_ups = list(sales), list(refunds), list(top_ups)
    if counted is not None and any(v < 0 for v in counted.values()):
        raise ValidationError("counted", "negative")
    taken: dict[TenderKind, int] = dict.fromkeys(TenderKind, 0)
    for s in sales:
        for kind, amount in s.tenders.items():
            taken[kind] += amount
    for t in top_ups:
        for kind, amount in t.tenders.items():
            taken[kind] += amount
    for r in refunds:
        for kind, amount in r.tenders.items():
            taken[kind] -= amount
    lines = []
    for kind in TenderKind:
        expected = taken[kind] + (opening_float if kind == TenderKind.CASH else 0)
        count = None
        if counted is not None and kind in COUNTED:
            count = counted.get(kind, 0)
        lines.append(
            TenderLine(
                kind, taken[kind], expected, count, None if count is None else count - expected
            )
        )
    refunds_total = sum(r.total for r in refunds)
    return ShiftSummary(
        opening_float=opening_float,
        sales_count=len(sales),
        gross_sales=sum(s.gross for s in sales),
        discounts=sum(s.discount for s in sales),
        refunds_count=len(refunds),
        refunds_total=refunds_total,
        net_sales=sum(s.total for s in sales) - refunds_total,
        top_ups_total=sum(t.paid for t in top_ups),
        tenders=tuple(lines),
    )
