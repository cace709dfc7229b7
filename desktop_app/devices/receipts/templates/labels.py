"""Receipt labels in English and Simplified Chinese, and money formatting.

Receipts are printed, not shown in Qt, so their words live here rather than in Qt's
.ts files; the desk passes its language code.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "receipt_no": "Receipt",
        "date": "Date",
        "cashier": "Cashier",
        "item": "Item",
        "qty": "Qty",
        "amount": "Amount",
        "subtotal": "Subtotal",
        "discount": "Discount",
        "total": "TOTAL",
        "change": "Change",
        "member": "Member",
        "card": "Card",
        "points_earned": "Points earned",
        "points_redeemed": "Points redeemed",
        "points_balance": "Points balance",
        "stored_value_balance": "Stored value",
        "copy": "*** COPY ***",
        "refund": "REFUND",
        "original_receipt": "Original",
        "refund_total": "REFUND TOTAL",
        "refunded_to": "Refunded to",
        "points_reversed": "Points reversed",
        "points_returned": "Points returned",
        "reason": "Reason",
        "topup": "STORED VALUE TOP-UP",
        "topup_amount": "Top-up",
        "bonus": "Bonus",
        "balance_before": "Balance before",
        "balance_after": "Balance after",
        "x_report": "X REPORT (shift open)",
        "z_report": "Z REPORT (shift closed)",
        "shift": "Shift",
        "opened": "Opened",
        "closed": "Closed",
        "printed": "Printed",
        "sales_count": "Sales",
        "gross_sales": "Gross sales",
        "discounts_total": "Discounts",
        "refunds": "Refunds",
        "net_sales": "Net sales",
        "topups": "Top-ups",
        "by_tender": "By payment",
        "opening_float": "Opening float",
        "cash_expected": "Cash expected",
        "cash_counted": "Cash counted",
        "variance": "Variance",
        "member_card": "MEMBER CARD",
        "tier": "Tier",
        "issued": "Issued",
        "tender_cash": "Cash",
        "tender_card": "Bank card",
        "tender_wechat": "WeChat Pay",
        "tender_alipay": "Alipay",
        "tender_stored_value": "Stored value",
        "tender_points": "Points",
    },
    "zh_CN": {
        "receipt_no": "单号",
        "date": "日期",
        "cashier": "收银员",
        "item": "商品",
        "qty": "数量",
        "amount": "金额",
        "subtotal": "小计",
        "discount": "优惠",
        "total": "合计",
        "change": "找零",
        "member": "会员",
        "card": "卡号",
        "points_earned": "本次积分",
        "points_redeemed": "积分抵扣",
        "points_balance": "积分余额",
        "stored_value_balance": "储值余额",
        "copy": "*** 副本 ***",
        "refund": "退款单",
        "original_receipt": "原单号",
        "refund_total": "退款合计",
        "refunded_to": "退回",
        "points_reversed": "扣回积分",
        "points_returned": "退还积分",
        "reason": "原因",
        "topup": "储值充值",
        "topup_amount": "充值金额",
        "bonus": "赠送金额",
        "balance_before": "充值前余额",
        "balance_after": "充值后余额",
        "x_report": "X 报表(班次未结)",
        "z_report": "Z 报表(交班)",
        "shift": "班次",
        "opened": "开班",
        "closed": "交班",
        "printed": "打印时间",
        "sales_count": "销售笔数",
        "gross_sales": "销售总额",
        "discounts_total": "优惠总额",
        "refunds": "退款",
        "net_sales": "净销售额",
        "topups": "储值充值",
        "by_tender": "按支付方式",
        "opening_float": "备用金",
        "cash_expected": "应有现金",
        "cash_counted": "实点现金",
        "variance": "差额",
        "member_card": "会员卡",
        "tier": "等级",
        "issued": "发卡日期",
        "tender_cash": "现金",
        "tender_card": "银行卡",
        "tender_wechat": "微信支付",
        "tender_alipay": "支付宝",
        "tender_stored_value": "储值卡",
        "tender_points": "积分",
    },
}

LANGUAGES = tuple(LABELS)


class Labels:
    def __init__(self, lang: str) -> None:
        if lang not in LABELS:
            raise ValueError(f"no receipt labels for language {lang!r}; have {LANGUAGES}")
        self.lang = lang
        self._table = LABELS[lang]

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def tender(self, method: str) -> str:
        """Known payment methods are translated; others print as given."""
        return self._table.get(f"tender_{method}", method)


def format_money(minor: int, symbol: str = "¥") -> str:
    """1250 -> "¥12.50"; -1250 -> "-¥12.50". Integer minor units: no float rounding."""
    sign = "-" if minor < 0 else ""
    major, cents = divmod(abs(minor), 100)
    return f"{sign}{symbol}{major:,}.{cents:02d}"


def format_points(points: int) -> str:
    return f"{points:,}"
