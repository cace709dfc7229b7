"""Receipt templates: sale, refund, top-up, X/Z shift reports and member cards."""

from .builders import member_card, refund_receipt, sale_receipt, shift_report, topup_receipt
from .data import (
    Adjustment,
    ItemLine,
    MemberCard,
    MemberSummary,
    Refund,
    Sale,
    ShiftReport,
    StoreText,
    Tender,
    TopUp,
)
from .labels import LABELS, LANGUAGES, Labels, format_money, format_points

__all__ = [
    "LABELS",
    "LANGUAGES",
    "Adjustment",
    "ItemLine",
    "Labels",
    "MemberCard",
    "MemberSummary",
    "Refund",
    "Sale",
    "ShiftReport",
    "StoreText",
    "Tender",
    "TopUp",
    "format_money",
    "format_points",
    "member_card",
    "refund_receipt",
    "sale_receipt",
    "shift_report",
    "topup_receipt",
]
