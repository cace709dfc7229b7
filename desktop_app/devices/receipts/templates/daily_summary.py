"""The daily summary on the receipt printer (issue 9): the key figures of a business day or a
range, with the previous period and the same days last week beside revenue and check-ins,
revenue by tender, and the sync freshness line. Input is plain JSON-able data, like every
template, so a print job keeps it and a reprint re-renders it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..document import Align, Block, Document, Rule, Style, TextRow
from .common import footer, header, info, kv, when
from .data import StoreText, Tender
from .labels import Labels, format_money

KIND = "daily_summary"

_TEXT = {
    "en": {
        "title": "DAILY SUMMARY", "period": "Period", "printed": "Printed",
        "revenue": "Revenue (net)", "previous": "  previous", "last_week": "  last week",
        "sales": "Sales", "average": "Average ticket", "discounts": "Discounts",
        "refunds": "Refunds", "by_tender": "By payment method", "checkins": "Check-ins",
        "members": "Members (unique)", "new_members": "New members",
        "points": "Points in / out", "stored_value": "Stored value in/out",
        "classes": "Classes (fill rate)", "synced": "Synced up to", "never": "never",
        "waiting": "Changes waiting",
    },
    "zh_CN": {
        "title": "每日汇总", "period": "期间", "printed": "打印时间",
        "revenue": "净收入", "previous": "  前一期", "last_week": "  上周同期",
        "sales": "销售笔数", "average": "客单价", "discounts": "折扣",
        "refunds": "退款", "by_tender": "按支付方式", "checkins": "签到",
        "members": "到店会员(去重)", "new_members": "新会员",
        "points": "积分 得 / 用", "stored_value": "储值 充 / 用",
        "classes": "团课(满员率)", "synced": "已同步至", "never": "从未同步",
        "waiting": "待上传更改",
    },
}  # fmt: skip


@dataclass(frozen=True)
class DailySummary:
    period: str  # "2026-03-02" or "2026-03-01 – 2026-03-07"
    printed_at: datetime
    revenue: int
    revenue_previous: int
    revenue_last_week: int
    sales_count: int
    average_ticket: int
    discounts: int
    refunds_count: int
    refunds_total: int
    tenders: tuple[Tender, ...]
    checkins: int
    checkins_previous: int
    checkins_last_week: int
    unique_members: int
    new_members: int
    points_earned: int
    points_redeemed: int
    sv_topped_up: int
    sv_spent: int
    sessions: int
    fill_rate_tenths: int  # 667 = 66.7 %
    synced_at: datetime | None
    pending_changes: int


def daily_summary_receipt(s: DailySummary, store: StoreText, lang: str = "en",
                          copy: bool = False) -> Document:
    lb = Labels(lang)
    t = _TEXT.get(lang, _TEXT["en"])
    b: list[Block] = header(store, lb, copy)
    b.append(TextRow(t["title"], Style(bold=True, align=Align.CENTER)))
    b += [info(t["period"], s.period), info(t["printed"], when(s.printed_at)), Rule()]
    b += [
        kv(t["revenue"], format_money(s.revenue), bold=True),
        kv(t["previous"], format_money(s.revenue_previous)),
        kv(t["last_week"], format_money(s.revenue_last_week)),
        kv(t["sales"], str(s.sales_count)),
        kv(t["average"], format_money(s.average_ticket)),
        kv(t["discounts"], format_money(-s.discounts)),
        kv(f"{t['refunds']} ({s.refunds_count})", format_money(-s.refunds_total)),
        Rule(),
        TextRow(t["by_tender"], Style(bold=True)),
    ]
    b += [kv(lb.tender(x.method), format_money(x.amount)) for x in s.tenders]
    b += [
        Rule(),
        kv(t["checkins"], str(s.checkins), bold=True),
        kv(t["previous"], str(s.checkins_previous)),
        kv(t["last_week"], str(s.checkins_last_week)),
        kv(t["members"], str(s.unique_members)),
        kv(t["new_members"], str(s.new_members)),
        kv(t["points"], f"{s.points_earned} / {s.points_redeemed}"),
        kv(t["stored_value"], f"{format_money(s.sv_topped_up)} / {format_money(s.sv_spent)}"),
        kv(t["classes"], f"{s.sessions} ({s.fill_rate_tenths // 10}.{s.fill_rate_tenths % 10}%)"),
        Rule(),
        info(t["synced"], when(s.synced_at) if s.synced_at else t["never"]),
        kv(t["waiting"], str(s.pending_changes)),
    ]
    b += footer(store, copy, lb)
    return Document(tuple(b))
