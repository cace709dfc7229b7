"""Refunds (DOMAIN.md): a whole sale or some of its lines, with `sale.refund`. One
transaction: the refund and its lines, the money back per tender, stored value given back
as drawn, the member's points reversed and returned, the op `sale.refund.v1`, an audit entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop_app.devices.receipts.templates import data as receipt
from desktop_app.domain.business_day import business_day
from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission, authorise
from desktop_app.domain.points import refund_postings
from desktop_app.domain.refunds import plan_refund, whole_sale
from desktop_app.domain.sales import TenderKind, allocate
from desktop_app.services.base import Service
from desktop_app.services.checkout_config import CheckoutConfig
from desktop_app.services.checkout_receipts import refund_receipt_data
from desktop_app.store.checkout_models import (
    RefundLineRow,
    RefundRow,
    RefundTenderRow,
    SaleLineRow,
    SaleRow,
    SaleTenderRow,
    StoredValueMove,
)
from desktop_app.store.db import Database
from desktop_app.store.models import Member
from desktop_app.store.points_ledger import post
from desktop_app.store.sales import (
    earn_entry_id,
    next_number,
    open_shift,
    sale_state,
    store_settings,
    tender_rows,
)
from desktop_app.store.stored_value import account_of
from desktop_app.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class RefundResult:
    refund_id: str
    number: str
    amount: int
    points_reversed: int
    points_returned: int
    points_balance: int | None
    receipt: receipt.Refund


@dataclass(frozen=True, slots=True)
class RefundableLine:
    line_no: int
    name: str
    quantity: int  # as sold
    refundable: int  # units not refunded yet
    unit_price: int
    amount: int  # what the customer paid for the whole line


@dataclass(frozen=True, slots=True)
class RefundableSale:
    """A sale as the refund screen shows it: what is left to give back."""

    sale_id: str
    number: str
    finalized_at: datetime
    total: int
    member_name: str | None
    points_earned: int
    points_spent: int
    lines: tuple[RefundableLine, ...]


class RefundService(Service):
    def __init__(self, db: Database, clock: Clock, config: CheckoutConfig | None = None) -> None:
        super().__init__(db, clock)
        self.config = config or CheckoutConfig()

    def find_sale(self, actor: Actor, number: str) -> RefundableSale:
        """The sale with receipt number `number` (as printed, any case), with each line's
        units still refundable. Reads only: whoever sells may look a sale up; refunding it
        takes `sale.refund` (or a manager's approval)."""
        authorise(actor, Permission.SALE_CREATE)
        with self._db.read() as session:
            sale = session.scalar(select(SaleRow).where(SaleRow.number == number.strip().upper()))
            if sale is None:
                raise NotFound("no sale with that receipt number", number=number)
            state = sale_state(session, sale)
            left = {ln.line_no: ln.quantity - ln.refunded_quantity for ln in state.lines}
            member = session.get(Member, sale.member_id) if sale.member_id else None
            rows = session.scalars(
                select(SaleLineRow)
                .where(SaleLineRow.sale_id == sale.id)
                .order_by(SaleLineRow.line_no)
            )
            return RefundableSale(
                sale.id,
                sale.number,
                sale.finalized_at,
                sale.total,
                member.name if member else None,
                sale.points_earned,
                sale.points_spent,
                tuple(
                    RefundableLine(
                        ln.line_no, ln.name, ln.quantity, left[ln.line_no], ln.unit_price,
                        ln.amount,
                    )
                    for ln in rows
                ),
            )

    def refund(
        self,
        actor: Actor,
        sale_id: str,
        quantities: Mapping[int, int] | None = None,
        reason: str = "",
        approver: Actor | None = None,
    ) -> RefundResult:
        """`quantities`: line number -> units; None refunds everything still unrefunded."""
        with self._authorised(actor, Permission.SALE_REFUND, approver) as uow:
            sale = uow.session.get(SaleRow, sale_id)
            if sale is None:
                raise NotFound("no such sale", sale_id=sale_id)
            state = sale_state(uow.session, sale)
            plan = plan_refund(state, quantities if quantities is not None else whole_sale(state))
            settings = store_settings(uow.session)
            shift = open_shift(uow.session)
            refund = RefundRow(
                sale_id=sale.id,
                number=next_number(uow.session, "R"),
                shift_id=shift.id if shift else None,
                cashier_id=actor.staff_id,
                cashier_name=actor.name,
                approver_id=uow.authority.approver.staff_id
                if uow.authority and uow.authority.approver
                else None,
                refunded_at=uow.now,
                reason=reason.strip(),
                amount=plan.amount,
                points_reversed=plan.points_reversed,
                points_returned=plan.points_returned,
                op_id="",
            )
            uow.stamp_new(refund, new_id())
            op = uow.op(
                "sale.refund.v1",
                {
                    "id": refund.id,
                    "sale_id": sale.id,
                    "number": refund.number,
                    "lines": [
                        {"line_no": ln.line_no, "quantity": ln.quantity} for ln in plan.lines
                    ],
                    "amount": plan.amount,
                    "reason": refund.reason,
                    "points_reversed_provisional": plan.points_reversed,
                    "points_returned_provisional": plan.points_returned,
                },
            )
            refund.op_id = op.op_id
            uow.session.add(refund)
            uow.session.flush()
            for ln in plan.lines:
                uow.session.add(
                    RefundLineRow(
                        refund_id=refund.id,
                        line_no=ln.line_no,
                        quantity=ln.quantity,
                        amount=ln.amount,
                    )
                )
            tenders = {t.idx: t for t in tender_rows(uow.session, sale.id)}
            for idx, money in plan.to_tenders:
                self._give_back(uow, sale, refund, tenders[idx], money)
            member = uow.session.get(Member, sale.member_id) if sale.member_id else None
            if member is not None:
                hours, minutes = (int(x) for x in settings.day_cutoff.split(":"))
                day = business_day(uow.now, ZoneInfo(settings.timezone), time(hours, minutes))
                post(
                    uow.session,
                    member,
                    refund_postings(
                        refund.id,
                        plan.points_reversed,
                        plan.points_returned,
                        day,
                        self.config.points,
                        earn_entry_id(uow.session, sale.id),
                    ),
                    at=uow.now,
                    op_id=op.op_id,
                )
            uow.audit(
                "sale.refund",
                entity="sale",
                entity_id=sale.id,
                details={"refund": refund.number, "amount": plan.amount, "reason": refund.reason},
                op=op,
            )
            uow.session.flush()
            return RefundResult(
                refund.id,
                refund.number,
                plan.amount,
                plan.points_reversed,
                plan.points_returned,
                member.points_balance if member else None,
                refund_receipt_data(uow.session, refund),
            )

    def _give_back(
        self,
        uow: UnitOfWork,
        sale: SaleRow,
        refund: RefundRow,
        tender: SaleTenderRow,
        money: int,
    ) -> None:
        row = RefundTenderRow(
            refund_id=refund.id,
            tender_idx=tender.idx,
            kind=tender.kind,
            amount=money,
            sv_principal=0,
            sv_bonus=0,
        )
        if tender.kind == TenderKind.STORED_VALUE.value and sale.member_id:
            account = account_of(uow.session, sale.member_id)
            if account is None:
                raise ValidationError("tender", "no_stored_value_account")
            # Back as drawn: the principal/bonus split of what this tender still holds.
            principal, bonus = allocate(money, [tender.sv_principal, tender.sv_bonus])
            account.principal += principal
            account.bonus += bonus
            uow.stamp_changed(account)
            row.sv_principal, row.sv_bonus = principal, bonus
            uow.session.add(
                StoredValueMove(
                    id=new_id(),
                    account_id=account.id,
                    kind="refund",
                    source=f"refund:{refund.id}:{tender.idx}",
                    principal=principal,
                    bonus=bonus,
                    paid=0,
                    tender_kind=None,
                    shift_id=refund.shift_id,
                    number=refund.number,
                    at=uow.now,
                    staff_id=refund.cashier_id,
                    op_id=refund.op_id,
                )
            )
        uow.session.add(row)
