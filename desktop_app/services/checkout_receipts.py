"""Receipt documents for checkout: the plain frozen inputs that the receipt templates
(desktop_app.devices.receipts.templates) accept, filled from what was written."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.devices.receipts.templates import data as r
from desktop_app.domain.shifts import ShiftSummary
from desktop_app.store.checkout_models import (
    RefundLineRow,
    RefundRow,
    RefundTenderRow,
    SaleLineRow,
    SaleRow,
    SaleTenderRow,
    Shift,
)
from desktop_app.store.members import active_card
from desktop_app.store.models import Member
from desktop_app.store.stored_value import account_of


def member_summary(
    session: Session, member_id: str | None, **points: int
) -> r.MemberSummary | None:
    if member_id is None:
        return None
    member = session.get(Member, member_id)
    if member is None:
        return None
    card = active_card(session, member_id)
    account = account_of(session, member_id)
    return r.MemberSummary(
        name=member.name,
        card_code=card.code if card else "",
        points_balance=member.points_balance,
        stored_value_balance=account.principal + account.bonus if account else None,
        **points,
    )


def sale_receipt_data(
    session: Session,
    sale: SaleRow,
    lines: Sequence[SaleLineRow] | None = None,
    tenders: Sequence[SaleTenderRow] | None = None,
) -> r.Sale:
    """`lines` and `tenders`, when the caller has just written them, save reading them back."""
    if lines is None:
        lines = list(
            session.scalars(
                select(SaleLineRow)
                .where(SaleLineRow.sale_id == sale.id)
                .order_by(SaleLineRow.line_no)
            )
        )
    if tenders is None:
        tenders = list(
            session.scalars(
                select(SaleTenderRow)
                .where(SaleTenderRow.sale_id == sale.id)
                .order_by(SaleTenderRow.idx)
            )
        )
    return sale_receipt(
        sale,
        lines,
        tenders,
        member_summary(
            session,
            sale.member_id,
            points_earned=sale.points_earned,
            points_redeemed=sale.points_spent,
        ),
    )


def sale_receipt(
    sale: SaleRow,
    lines: Sequence[SaleLineRow],
    tenders: Sequence[SaleTenderRow],
    member: r.MemberSummary | None,
) -> r.Sale:
    """The sale's receipt from rows in hand (no database)."""
    discounts = []
    if sale.member_discount:
        discounts.append(r.Adjustment("Member discount", sale.member_discount))
    item_lines = []
    order_discount = 0
    for ln in lines:
        order_discount += ln.order_discount
        item_lines.append(
            r.ItemLine(
                name=ln.name,
                quantity=ln.quantity,
                unit_price=ln.unit_price,
                amount=ln.gross - ln.line_discount,
                discount=ln.line_discount,
            )
        )
    if order_discount:
        discounts.append(r.Adjustment("Discount", order_discount))
    return r.Sale(
        receipt_no=sale.number,
        issued_at=sale.finalized_at,
        cashier=sale.cashier_name,
        lines=tuple(item_lines),
        subtotal=sum(i.amount for i in item_lines),
        total=sale.total,
        tenders=tuple(r.Tender(t.kind, t.amount, t.reference) for t in tenders),
        change=sale.change,
        discounts=tuple(discounts),
        member=member,
    )


def refund_receipt_data(session: Session, refund: RefundRow) -> r.Refund:
    sale = session.get(SaleRow, refund.sale_id)
    assert sale is not None
    sold = {
        ln.line_no: ln
        for ln in session.scalars(select(SaleLineRow).where(SaleLineRow.sale_id == sale.id))
    }
    lines = session.scalars(
        select(RefundLineRow)
        .where(RefundLineRow.refund_id == refund.id)
        .order_by(RefundLineRow.line_no)
    )
    back = session.scalars(
        select(RefundTenderRow)
        .where(RefundTenderRow.refund_id == refund.id)
        .order_by(RefundTenderRow.tender_idx)
    )
    return r.Refund(
        refund_no=refund.number,
        original_receipt_no=sale.number,
        issued_at=refund.refunded_at,
        cashier=refund.cashier_name,
        lines=tuple(
            r.ItemLine(sold[ln.line_no].name, ln.quantity, sold[ln.line_no].unit_price, ln.amount)
            for ln in lines
        ),
        total=refund.amount,
        tenders=tuple(r.Tender(t.kind, t.amount) for t in back),
        reason=refund.reason,
        member=member_summary(
            session,
            sale.member_id,
            points_reversed=refund.points_reversed,
            points_returned=refund.points_returned,
        ),
    )


def shift_report_data(
    shift: Shift, summary: ShiftSummary, printed_at: datetime, closed: bool
) -> r.ShiftReport:
    counted = next((t.counted for t in summary.tenders if t.kind == "cash"), None)
    return r.ShiftReport(
        closed=closed,
        shift_no=shift.number,
        cashier=shift.opened_by_name,
        opened_at=shift.opened_at,
        printed_at=printed_at,
        sales_count=summary.sales_count,
        gross_sales=summary.gross_sales,
        discounts=summary.discounts,
        refunds_count=summary.refunds_count,
        refunds_total=summary.refunds_total,
        net_sales=summary.net_sales,
        top_ups_total=summary.top_ups_total,
        tenders=tuple(r.Tender(t.kind.value, t.taken) for t in summary.tenders if t.taken),
        opening_float=summary.opening_float,
        cash_expected=summary.cash_expected,
        closed_at=shift.closed_at if closed else None,
        cash_counted=counted if closed else None,
    )
