"""Plain frozen inputs for receipt templates.

Services fill these from their results; every amount is an integer in minor units
(fen), every total is computed by the domain, never by a template.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class StoreText:
    header: tuple[str, ...]  # first line printed large (store name)
    footer: tuple[str, ...] = ()


@dataclass(frozen=True)
class ItemLine:
    name: str
    quantity: int
    unit_price: int
    amount: int  # after the line discount
    discount: int = 0  # positive: money taken off this line


@dataclass(frozen=True)
class Adjustment:
    """A receipt-level discount or surcharge; positive ``amount`` reduces the total."""

    label: str
    amount: int


@dataclass(frozen=True)
class Tender:
    method: str  # "cash", "wechat", "alipay", "card", "stored_value", "points" or free text
    amount: int
    reference: str = ""


@dataclass(frozen=True)
class MemberSummary:
    name: str
    card_code: str
    points_earned: int = 0
    points_redeemed: int = 0
    points_reversed: int = 0  # refunds: earned points taken back
    points_returned: int = 0  # refunds: redeemed points given back
    points_balance: int | None = None
    stored_value_balance: int | None = None


@dataclass(frozen=True)
class Sale:
    receipt_no: str
    issued_at: datetime
    cashier: str
    lines: tuple[ItemLine, ...]
    subtotal: int
    total: int
    tenders: tuple[Tender, ...]
    change: int = 0
    discounts: tuple[Adjustment, ...] = ()
    member: MemberSummary | None = None


@dataclass(frozen=True)
class Refund:
    refund_no: str
    original_receipt_no: str
    issued_at: datetime
    cashier: str
    lines: tuple[ItemLine, ...]
    total: int
    tenders: tuple[Tender, ...]  # where the money went back
    reason: str = ""
    member: MemberSummary | None = None


@dataclass(frozen=True)
class TopUp:
    receipt_no: str
    issued_at: datetime
    cashier: str
    member: MemberSummary
    amount: int
    bonus: int
    tenders: tuple[Tender, ...]
    balance_before: int
    balance_after: int


@dataclass(frozen=True)
class ShiftReport:
    closed: bool  # False: X report (mid-shift), True: Z report (end of shift)
    shift_no: str
    cashier: str
    opened_at: datetime
    printed_at: datetime
    sales_count: int
    gross_sales: int
    discounts: int
    refunds_count: int
    refunds_total: int
    net_sales: int
    top_ups_total: int
    tenders: tuple[Tender, ...]  # totals per payment method
    opening_float: int
    cash_expected: int
    closed_at: datetime | None = None
    cash_counted: int | None = None


@dataclass(frozen=True)
class MemberCard:
    name: str
    card_code: str
    tier: str
    issued_on: date
    qr_payload: str | None = None  # defaults to the card code
