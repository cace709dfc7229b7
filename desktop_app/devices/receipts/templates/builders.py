"""Receipt templates: plain data in, Document out. Nothing here knows the printer."""

from __future__ import annotations

from ..document import Align, Barcode, BarcodeKind, Block, Document, QrCode, Rule, Style, TextRow
from .common import footer, header, info, item_rows, kv, when
from .data import MemberCard, MemberSummary, Refund, Sale, ShiftReport, StoreText, TopUp
from .labels import Labels, format_money, format_points


def _member_rows(m: MemberSummary, labels: Labels) -> list[Block]:
    rows: list[Block] = [Rule(), info(labels["member"], m.name), info(labels["card"], m.card_code)]
    if m.points_earned:
        rows.append(kv(labels["points_earned"], f"+{format_points(m.points_earned)}"))
    if m.points_redeemed:
        rows.append(kv(labels["points_redeemed"], f"-{format_points(m.points_redeemed)}"))
    if m.points_reversed:
        rows.append(kv(labels["points_reversed"], f"-{format_points(m.points_reversed)}"))
    if m.points_returned:
        rows.append(kv(labels["points_returned"], f"+{format_points(m.points_returned)}"))
    if m.points_balance is not None:
        rows.append(kv(labels["points_balance"], format_points(m.points_balance)))
    if m.stored_value_balance is not None:
        rows.append(kv(labels["stored_value_balance"], format_money(m.stored_value_balance)))
    return rows


def sale_receipt(sale: Sale, store: StoreText, lang: str = "en", copy: bool = False) -> Document:
    lb = Labels(lang)
    b: list[Block] = header(store, lb, copy)
    b += [
        info(lb["receipt_no"], sale.receipt_no),
        info(lb["date"], when(sale.issued_at)),
        info(lb["cashier"], sale.cashier),
        Rule(),
    ]
    b += item_rows(sale.lines, lb)
    b += [Rule(), kv(lb["subtotal"], format_money(sale.subtotal))]
    b += [kv(d.label, format_money(-d.amount)) for d in sale.discounts]
    b.append(kv(lb["total"], format_money(sale.total), bold=True))
    b += [kv(lb.tender(t.method), format_money(t.amount)) for t in sale.tenders]
    if sale.change:
        b.append(kv(lb["change"], format_money(sale.change)))
    if sale.member:
        b += _member_rows(sale.member, lb)
    b += footer(store, copy, lb)
    return Document(tuple(b))


def refund_receipt(
    refund: Refund, store: StoreText, lang: str = "en", copy: bool = False
) -> Document:
    lb = Labels(lang)
    b: list[Block] = header(store, lb, copy, title=lb["refund"])
    b += [
        info(lb["receipt_no"], refund.refund_no),
        info(lb["original_receipt"], refund.original_receipt_no),
        info(lb["date"], when(refund.issued_at)),
        info(lb["cashier"], refund.cashier),
    ]
    if refund.reason:
        b.append(info(lb["reason"], refund.reason))
    b.append(Rule())
    b += item_rows(refund.lines, lb, sign=-1)
    b += [Rule(), kv(lb["refund_total"], format_money(-refund.total), bold=True)]
    b += [
        kv(f"{lb['refunded_to']} {lb.tender(t.method)}", format_money(t.amount))
        for t in refund.tenders
    ]
    if refund.member:
        b += _member_rows(refund.member, lb)
    b += footer(store, copy, lb)
    return Document(tuple(b))


def topup_receipt(topup: TopUp, store: StoreText, lang: str = "en", copy: bool = False) -> Document:
    lb = Labels(lang)
    b: list[Block] = header(store, lb, copy, title=lb["topup"])
    b += [
        info(lb["receipt_no"], topup.receipt_no),
        info(lb["date"], when(topup.issued_at)),
        info(lb["cashier"], topup.cashier),
        info(lb["member"], topup.member.name),
        info(lb["card"], topup.member.card_code),
        Rule(),
        kv(lb["topup_amount"], format_money(topup.amount), bold=True),
    ]
    if topup.bonus:
        b.append(kv(lb["bonus"], format_money(topup.bonus)))
    b += [kv(lb.tender(t.method), format_money(t.amount)) for t in topup.tenders]
    b += [
        Rule(),
        kv(lb["balance_before"], format_money(topup.balance_before)),
        kv(lb["balance_after"], format_money(topup.balance_after), bold=True),
    ]
    b += footer(store, copy, lb)
    return Document(tuple(b))


def shift_report(
    report: ShiftReport, store: StoreText, lang: str = "en", copy: bool = False
) -> Document:
    lb = Labels(lang)
    title = lb["z_report"] if report.closed else lb["x_report"]
    b: list[Block] = header(store, lb, copy)
    b.append(TextRow(title, Style(bold=True, align=Align.CENTER)))
    b += [
        info(lb["shift"], report.shift_no),
        info(lb["cashier"], report.cashier),
        info(lb["opened"], when(report.opened_at)),
    ]
    if report.closed_at is not None:
        b.append(info(lb["closed"], when(report.closed_at)))
    b += [
        info(lb["printed"], when(report.printed_at)),
        Rule(),
        kv(lb["sales_count"], str(report.sales_count)),
        kv(lb["gross_sales"], format_money(report.gross_sales)),
        kv(lb["discounts_total"], format_money(-report.discounts)),
        kv(f"{lb['refunds']} ({report.refunds_count})", format_money(-report.refunds_total)),
        kv(lb["net_sales"], format_money(report.net_sales), bold=True),
        kv(lb["topups"], format_money(report.top_ups_total)),
        Rule(),
        TextRow(lb["by_tender"], Style(bold=True)),
    ]
    b += [kv(lb.tender(t.method), format_money(t.amount)) for t in report.tenders]
    b += [
        Rule(),
        kv(lb["opening_float"], format_money(report.opening_float)),
        kv(lb["cash_expected"], format_money(report.cash_expected)),
    ]
    if report.cash_counted is not None:
        b.append(kv(lb["cash_counted"], format_money(report.cash_counted)))
        variance = report.cash_counted - report.cash_expected
        b.append(kv(lb["variance"], format_money(variance), bold=variance != 0))
    b += footer(store, copy, lb)
    return Document(tuple(b))


def member_card(
    card: MemberCard, store: StoreText, lang: str = "en", copy: bool = False
) -> Document:
    lb = Labels(lang)
    b: list[Block] = header(store, lb, copy, title=lb["member_card"])
    b += [
        info(lb["member"], card.name),
        info(lb["tier"], card.tier),
        info(lb["card"], card.card_code),
        info(lb["issued"], card.issued_on.isoformat()),
        QrCode(card.qr_payload or card.card_code),
        Barcode(card.card_code, BarcodeKind.CODE128),
    ]
    b += footer(store, copy, lb)
    return Document(tuple(b))
