"""Stored value use cases: top up (`storedvalue.topup`) and cancel the card, refunding the
remaining principal (`storedvalue.refund`). Each writes the account, a move, an op and, for
the cancel, an audit entry, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.devices.receipts.templates import data as receipt
from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.domain.sales import TenderKind
from desktop_app.domain.stored_value import Balance, bonus_for, cancel, top_up
from desktop_app.services.base import Service
from desktop_app.services.checkout_config import CheckoutConfig
from desktop_app.services.checkout_receipts import member_summary
from desktop_app.store.checkout_models import StoredValueAccount, StoredValueMove
from desktop_app.store.db import Database
from desktop_app.store.models import Member
from desktop_app.store.sales import next_number, open_shift
from desktop_app.store.stored_value import account_of


@dataclass(frozen=True, slots=True)
class StoredValueResult:
    member_id: str
    number: str
    principal: int
    bonus: int
    paid: int  # money in (top-up) or handed back (cancel, negative)
    bonus_given: int
    receipt: receipt.TopUp | None


class StoredValueService(Service):
    def __init__(self, db: Database, clock: Clock, config: CheckoutConfig | None = None) -> None:
        super().__init__(db, clock)
        self.config = config or CheckoutConfig()

    def balance(self, member_id: str) -> Balance:
        with self._db.read() as session:
            account = account_of(session, member_id)
            return Balance(account.principal, account.bonus) if account else Balance()

    def bonus_for(self, paid: int) -> int:
        """The bonus a top-up of `paid` earns under the store's rules (no database: safe
        anywhere; the screen shows it before the cashier confirms)."""
        return bonus_for(paid, self.config.top_up_bonuses)

    def topup(
        self, actor: Actor, member_id: str, paid: int, tender: TenderKind, reference: str = ""
    ) -> StoredValueResult:
        if tender in (TenderKind.STORED_VALUE, TenderKind.POINTS):
            raise ValidationError("tender", "not_money")
        with self._authorised(actor, Permission.STOREDVALUE_TOPUP) as uow:
            member = uow.session.get(Member, member_id)
            if member is None or member.status != "active":
                raise NotFound("no such active member", member_id=member_id)
            account = account_of(uow.session, member_id)
            if account is None:
                account = StoredValueAccount(
                    member_id=member_id, principal=0, bonus=0, status="active"
                )
                uow.stamp_new(account, new_id())
                uow.session.add(account)
            elif account.status != "active":
                raise ValidationError("account", "cancelled")
            else:
                uow.stamp_changed(account)
            before = Balance(account.principal, account.bonus)
            after, bonus = top_up(before, paid, self.config.top_up_bonuses)
            account.principal, account.bonus = after.principal, after.bonus
            number = next_number(uow.session, "T")
            shift = open_shift(uow.session)
            move_id = new_id()
            op = uow.op(
                "storedvalue.topup.v1",
                {
                    "id": move_id,
                    "account_id": account.id,
                    "member_id": member_id,
                    "paid": paid,
                    "bonus": bonus,
                    "tender": tender.value,
                    "reference": reference,
                    "number": number,
                },
            )
            uow.session.add(
                StoredValueMove(
                    id=move_id,
                    account_id=account.id,
                    kind="topup",
                    source=f"topup:{move_id}",
                    principal=paid,
                    bonus=bonus,
                    paid=paid,
                    tender_kind=tender.value,
                    shift_id=shift.id if shift else None,
                    number=number,
                    at=uow.now,
                    staff_id=actor.staff_id,
                    op_id=op.op_id,
                )
            )
            uow.session.flush()
            summary = member_summary(uow.session, member_id)
            assert summary is not None
            return StoredValueResult(
                member_id,
                number,
                after.principal,
                after.bonus,
                paid,
                bonus,
                receipt.TopUp(
                    receipt_no=number,
                    issued_at=uow.now,
                    cashier=actor.name,
                    member=summary,
                    amount=paid,
                    bonus=bonus,
                    tenders=(receipt.Tender(tender.value, paid, reference),),
                    balance_before=before.total,
                    balance_after=after.total,
                ),
            )

    def cancel_card(
        self, actor: Actor, member_id: str, reason: str, approver: Actor | None = None
    ) -> StoredValueResult:
        """Refund the remaining principal in cash; the bonus is forfeited."""
        if not reason.strip():
            raise ValidationError("reason", "required")
        with self._authorised(actor, Permission.STOREDVALUE_REFUND, approver) as uow:
            account = account_of(uow.session, member_id)
            if account is None or account.status != "active":
                raise NotFound("no active stored value account", member_id=member_id)
            principal, forfeited = cancel(Balance(account.principal, account.bonus))
            account.principal, account.bonus, account.status = 0, 0, "cancelled"
            uow.stamp_changed(account)
            number = next_number(uow.session, "C")
            shift = open_shift(uow.session)
            op = uow.op(
                "storedvalue.refund.v1",
                {
                    "account_id": account.id,
                    "member_id": member_id,
                    "refunded": principal,
                    "forfeited_bonus": forfeited,
                    "reason": reason.strip(),
                    "number": number,
                },
            )
            uow.session.add(
                StoredValueMove(
                    id=new_id(),
                    account_id=account.id,
                    kind="cancel",
                    source=f"cancel:{account.id}",
                    principal=-principal,
                    bonus=-forfeited,
                    paid=-principal,
                    tender_kind=TenderKind.CASH.value,
                    shift_id=shift.id if shift else None,
                    number=number,
                    at=uow.now,
                    staff_id=actor.staff_id,
                    op_id=op.op_id,
                )
            )
            uow.audit(
                "storedvalue.refund",
                entity="member",
                entity_id=member_id,
                details={
                    "refunded": principal,
                    "forfeited_bonus": forfeited,
                    "reason": reason.strip(),
                },
                op=op,
            )
            return StoredValueResult(member_id, number, 0, 0, -principal, 0, None)
