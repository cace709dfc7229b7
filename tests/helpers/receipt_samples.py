"""Sample template inputs shared by the receipt tests and bench/printing.py."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date, datetime
from typing import Any

from desktop_app.devices.receipts.document import Document
from desktop_app.devices.receipts.templates import (
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
    member_card,
    refund_receipt,
    sale_receipt,
    shift_report,
    topup_receipt,
)

STORE = StoreText(
    ("悦动健身 Joy Fitness", "上海市静安区南京西路 1 号", "Tel 021-5555 0000"),
    ("谢谢惠顾 Thank you!", "退换货请保留小票 Keep this receipt"),
)
AT = datetime(2024, 5, 1, 14, 3)
MEMBER = MemberSummary(
    "李雷",
    "M0001234",
    points_earned=288,
    points_redeemed=100,
    points_balance=1500,
    stored_value_balance=10000,
)

SALE = Sale(
    receipt_no="S-20240501-0001",
    issued_at=AT,
    cashier="王小明",
    lines=(
        ItemLine("蛋白粉 巧克力味 Whey Protein 2lb", 1, 29900, 29900),
        ItemLine("矿泉水 Water", 3, 300, 800, discount=100),
        ItemLine("私教课 Personal training (10 sessions)", 1, 100000, 100000),
    ),
    subtotal=130700,
    discounts=(Adjustment("会员折扣 Member", 2000),),
    total=128700,
    tenders=(Tender("wechat", 100000), Tender("cash", 30000)),
    change=1300,
    member=MEMBER,
)

REFUND = Refund(
    refund_no="R-20240502-0001",
    original_receipt_no="S-20240501-0001",
    issued_at=datetime(2024, 5, 2, 9, 30),
    cashier="王小明",
    lines=(ItemLine("矿泉水 Water", 3, 300, 800),),
    total=800,
    tenders=(Tender("cash", 800),),
    reason="过期 Expired",
    member=MemberSummary(
        "李雷", "M0001234", points_reversed=8, points_returned=100, points_balance=1592
    ),
)

TOPUP = TopUp(
    receipt_no="T-20240501-0007",
    issued_at=AT,
    cashier="王小明",
    member=MEMBER,
    amount=100000,
    bonus=10000,
    tenders=(Tender("alipay", 100000),),
    balance_before=10000,
    balance_after=120000,
)

X_REPORT = ShiftReport(
    closed=False,
    shift_no="2024-05-01-A",
    cashier="王小明",
    opened_at=datetime(2024, 5, 1, 8),
    printed_at=datetime(2024, 5, 1, 15),
    sales_count=42,
    gross_sales=1234500,
    discounts=12000,
    refunds_count=1,
    refunds_total=800,
    net_sales=1221700,
    top_ups_total=200000,
    tenders=(Tender("cash", 300000), Tender("wechat", 721700), Tender("stored_value", 200000)),
    opening_float=50000,
    cash_expected=350000,
)
Z_REPORT = ShiftReport(
    closed=True,
    shift_no="2024-05-01-A",
    cashier="王小明",
    opened_at=datetime(2024, 5, 1, 8),
    printed_at=datetime(2024, 5, 1, 22),
    closed_at=datetime(2024, 5, 1, 22),
    sales_count=42,
    gross_sales=1234500,
    discounts=12000,
    refunds_count=1,
    refunds_total=800,
    net_sales=1221700,
    top_ups_total=200000,
    tenders=(Tender("cash", 300000), Tender("wechat", 721700), Tender("stored_value", 200000)),
    opening_float=50000,
    cash_expected=350000,
    cash_counted=349500,
)
CARD = MemberCard("李雷 Li Lei", "M0001234", "金卡 Gold", date(2024, 5, 1))


LATIN_STORE = StoreText(
    ("Joy Fitness", "1 Nanjing West Rd, Shanghai", "Tel 021-5555 0000"),
    ("Thank you! Merci!", "Keep this receipt for returns"),
)


def _latin(x: Any) -> Any:
    """The same sample with Latin text only (for single-byte code page printers)."""
    names = {"王小明": "Wang Xiaoming", "李雷": "Li Lei", "李雷 Li Lei": "Li Lei"}
    changes: dict[str, Any] = {}
    for f in fields(x):
        v = getattr(x, f.name)
        if isinstance(v, str):
            changes[f.name] = names.get(v, "".join(c for c in v if c.isascii()).strip() or v)
        elif isinstance(v, tuple) and v and is_dataclass(v[0]):
            changes[f.name] = tuple(_latin(i) for i in v)
        elif is_dataclass(v) and not isinstance(v, type):
            changes[f.name] = _latin(v)
    return replace(x, **changes)


def documents(lang: str, latin: bool = False) -> dict[str, Document]:
    """Every template, keyed by a short name."""
    store = LATIN_STORE if latin else STORE

    def v(x: Any) -> Any:
        return _latin(x) if latin else x

    return {
        "sale": sale_receipt(v(SALE), store, lang),
        "sale_copy": sale_receipt(v(SALE), store, lang, copy=True),
        "refund": refund_receipt(v(REFUND), store, lang),
        "topup": topup_receipt(v(TOPUP), store, lang),
        "x_report": shift_report(v(X_REPORT), store, lang),
        "z_report": shift_report(v(Z_REPORT), store, lang),
        "member_card": member_card(v(CARD), store, lang),
    }


def long_chinese_sale(n_lines: int = 30) -> Document:
    lines = tuple(
        ItemLine(f"商品{i:02d} 进口有机燕麦片 加量装", 1 + i % 3, 1250, 1250 * (1 + i % 3))
        for i in range(n_lines)
    )
    subtotal = sum(ln.amount for ln in lines)
    sale = Sale(
        "S-20240501-0099",
        AT,
        "王小明",
        lines,
        subtotal,
        subtotal,
        (Tender("cash", subtotal),),
        0,
        (),
        MEMBER,
    )
    return sale_receipt(sale, STORE, "zh_CN")
