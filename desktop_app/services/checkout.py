"""Checkout: quote a cart (the points it will earn, the most points it may take, whether the
discount needs approval) and finalise it in one transaction: the sale, its lines and
tenders, the member's ledger entries and cached balance, stored value drawn, the outbox op
`sale.finalize.v1`, and an audit entry when the discount is over the cashier's limit.

Finalising is idempotent by the cart's sale id: the same sale sent twice is written once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.devices.receipts.templates import data as receipt
from desktop_app.domain.chain import GENESIS
from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission, authorise
from desktop_app.domain.points import (
    check_redemption,
    max_redeemable,
    points_to_earn,
    promotion_multiplier,
    redemption_value,
    sale_postings,
)
from desktop_app.domain.sales import (
    NO_DISCOUNT,
    Discount,
    DiscountOverLimit,
    PricedSale,
    SaleLine,
    Settlement,
    Tender,
    TenderKind,
    discount_within_limit,
    price_sale,
    settle,
)
from desktop_app.domain.stored_value import Balance, spend
from desktop_app.domain.tiers import TierRule, after_purchase, window_start
from desktop_app.services.base import Service
from desktop_app.services.checkout_config import CheckoutConfig
from desktop_app.services.checkout_receipts import sale_receipt, sale_receipt_data
from desktop_app.store import sale_write
from desktop_app.store.audit import new_audit_entry
from desktop_app.store.checkout_models import SaleLineRow, SaleRow, SaleTenderRow, StoredValueMove
from desktop_app.store.db import Database
from desktop_app.store.models import Member, Tier
from desktop_app.store.outbox import hlc_after, new_op
from desktop_app.store.points_ledger import chain_entries
from desktop_app.store.sales import spend_since, store_day, store_settings
from desktop_app.store.state import AUDIT_HEAD
from desktop_app.store.state import HLC as HLC_KEY
from desktop_app.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Cart:
    lines: tuple[SaleLine, ...]
    tenders: tuple[Tender, ...] = ()
    member_id: str | None = None
    order_discount: Discount = NO_DISCOUNT
    sale_id: str = field(default_factory=new_id)  # made when the cart starts: a retry reuses it


@dataclass(frozen=True, slots=True)
class Quote:
    """What the cashier sees before confirming."""

    gross: int
    discount: int
    member_discount: int
    total: int
    paid: int
    left_to_pay: int
    change: int
    points_to_earn: int
    max_points: int  # the most points this sale can take (0: none, or redemption blocked)
    points_balance: int | None
    needs_approval: bool


@dataclass(frozen=True, slots=True)
class SaleResult:
    sale_id: str
    number: str
    total: int
    change: int
    points_earned: int
    points_spent: int
    points_balance: int | None
    receipt: receipt.Sale
    replayed: bool = False  # True: this sale was already finalised; nothing new was written


def _tier_rule(tier: Tier | Any | None) -> TierRule | None:
    if tier is None:
        return None
    return TierRule(
        tier.code,
        tier.rank,
        tier.threshold_minor,
        tier.points_multiplier_pct,
        tier.discount_pct,
        tier.birthday_bonus_points,
    )


class CheckoutService(Service):
    def __init__(self, db: Database, clock: Clock, config: CheckoutConfig | None = None) -> None:
        super().__init__(db, clock)
        self.config = config or CheckoutConfig()

    # -- reading ---------------------------------------------------------------------------
    def quote(self, cart: Cart) -> Quote:
        """Price the cart as it stands; tenders may not cover it yet."""
        with self._db.read() as session:
            member, tier = self._member(session, cart.member_id)
            settings = store_settings(session)
            priced = price_sale(cart.lines, cart.order_discount, tier.discount_pct if tier else 0)
            paid = sum(t.amount for t in cart.tenders)
            left = max(priced.total - paid, 0)
            # Earning assumes the rest is paid in money, as the cashier will usually do.
            assumed = [*cart.tenders, Tender(TenderKind.CASH, left)] if left else cart.tenders
            try:
                settlement = settle(priced.total, assumed)
                earn = self._earn(priced, settlement, tier, store_day(settings, self._clock.now()))
                change = settlement.change
            except DomainError:  # over-tendered: no figures until the cashier fixes it
                earn, change = 0, 0
            balance = member.points_balance if member else None
            return Quote(
                gross=priced.gross,
                discount=priced.manual_discount,
                member_discount=priced.member_discount,
                total=priced.total,
                paid=paid,
                left_to_pay=left,
                change=change,
                points_to_earn=earn if member else 0,
                max_points=max_redeemable(balance or 0, priced.total, self.config.points)
                if member
                else 0,
                points_balance=balance,
                needs_approval=not discount_within_limit(priced, settings.cashier_discount_pct),
            )

    def points_tender(self, points: int) -> Tender:
        """A tender spending `points` at the store's rate (no database: safe anywhere)."""
        return Tender(TenderKind.POINTS, redemption_value(points, self.config.points), points)

    # -- writing ---------------------------------------------------------------------------
    def finalize_sale(self, actor: Actor, cart: Cart, approver: Actor | None = None) -> SaleResult:
        authority = authorise(actor, Permission.SALE_CREATE)
        # The hot path: four reads and one Core statement per table written (store.sale_write);
        # nothing goes through the ORM's flush.
        with UnitOfWork(self._db, self._clock, authority) as uow:
            session = uow.session
            desk = sale_write.desk_state(session, cart.sale_id)
            if desk.sale_exists:
                existing = session.get(SaleRow, cart.sale_id)
                assert existing is not None
                return self._replayed(session, existing)
            settings = store_settings(session)
            member = None
            if cart.member_id is not None:
                member = sale_write.member_facts(session, cart.member_id)
                if member is None:
                    raise NotFound("no such member", member_id=cart.member_id)
                if member.status != "active":
                    raise ValidationError("member", "not_active")
            tier_rows = sale_write.tiers(session) if member is not None else []
            tier_row = next((t for t in tier_rows if member and t.id == member.tier_id), None)
            tier = _tier_rule(tier_row)
            priced = price_sale(cart.lines, cart.order_discount, tier.discount_pct if tier else 0)
            over_limit = not discount_within_limit(priced, settings.cashier_discount_pct)
            if over_limit:
                # Checked before anything is written; the approver's name goes on the op and
                # on the audit entry.
                try:
                    uow.authority = authorise(actor, Permission.SALE_DISCOUNT_ANY, approver)
                except PermissionDenied as exc:
                    raise DiscountOverLimit(
                        "discount over the cashier's limit",
                        limit_pct=settings.cashier_discount_pct,
                    ) from exc
            settlement = settle(priced.total, cart.tenders)
            spent = settlement.points_spent
            if spent and member is None:
                raise ValidationError("tender", "points_need_a_member")
            if spent:
                value = check_redemption(
                    spent, member.points_balance if member else 0, priced.total, self.config.points
                )
                if value != settlement.net(TenderKind.POINTS):
                    raise ValidationError("tender", "points_value_mismatch")
            day = store_day(settings, uow.now)
            earned = self._earn(priced, settlement, tier, day) if member else 0
            number = sale_write.next_number(session, desk.device_id, "S")
            sale = SaleRow(
                number=number,
                member_id=member.id if member else None,
                shift_id=desk.shift_id,
                cashier_id=actor.staff_id,
                cashier_name=actor.name,
                approver_id=uow.authority.approver.staff_id
                if uow.authority and uow.authority.approver
                else None,
                finalized_at=uow.now,
                gross=priced.gross,
                manual_discount=priced.manual_discount,
                member_discount=priced.member_discount,
                total=priced.total,
                change=settlement.change,
                points_earned=earned,
                points_spent=spent,
                op_id="",
            )
            uow.stamp_new(sale, cart.sale_id)
            hlc = hlc_after(desk.hlc, desk.device_id, uow.now)
            op = new_op(
                "sale.finalize.v1",
                _op_args(cart, sale, priced, settlement, earned, over_limit),
                at=uow.now,
                authority=uow.authority,
                hlc=str(hlc),
            )
            sale.op_id = op.op_id
            lines = self._line_rows(sale, priced)
            tenders, moves, account = self._tender_rows(uow, sale, settlement, member)
            entries = []
            after: tuple[str, int, str | None] | None = None
            if member is not None:
                entries = chain_entries(
                    member.id,
                    member.chain_head,
                    member.chain_count,
                    sale_postings(sale.id, earned, spent, day, self.config.points),
                    at=uow.now,
                    op_id=op.op_id,
                )
                balance = member.points_balance + sum(e.delta for e in entries)
                tier_id = self._upgraded(
                    session, member, tier, tier_rows, uow.now, sale.total
                )
                if entries or tier_id != member.tier_id:
                    after = (member.id, balance, tier_id)
            audit = None
            state = {HLC_KEY: str(hlc)}
            if over_limit:
                audit = new_audit_entry(
                    desk.audit_head or GENESIS,
                    desk.audit_seq,
                    at=uow.now,
                    authority=uow.authority,
                    action="sale.discount_over_limit",
                    entity="sale",
                    entity_id=sale.id,
                    details={
                        "number": sale.number,
                        "discount": priced.manual_discount,
                        "gross": priced.gross,
                        "limit_pct": settings.cashier_discount_pct,
                    },
                    op_id=op.op_id,
                )
                state[AUDIT_HEAD] = audit.hash
            sale_write.write_sale(
                session,
                op=op,
                sale=sale,
                lines=lines,
                tenders=tenders,
                sv_moves=moves,
                account=account,
                entries=entries,
                member=after,
                audit=audit,
                state=state,
            )
            summary = None
            if member is not None:
                summary = receipt.MemberSummary(
                    name=member.name,
                    card_code=member.card_code or "",
                    points_balance=after[1] if after else member.points_balance,
                    stored_value_balance=(
                        account[1] + account[2]
                        if account
                        else member.principal + member.bonus
                        if member.account_id
                        else None
                    ),
                    points_earned=earned,
                    points_redeemed=spent,
                )
            return SaleResult(
                sale.id,
                sale.number,
                sale.total,
                sale.change,
                earned,
                spent,
                (after[1] if after else member.points_balance) if member else None,
                sale_receipt(sale, lines, tenders, summary),
            )

    # -- helpers ---------------------------------------------------------------------------
    def _member(
        self, session: Session, member_id: str | None
    ) -> tuple[Member | None, TierRule | None]:
        if member_id is None:
            return None, None
        member = session.get(Member, member_id)
        if member is None:
            raise NotFound("no such member", member_id=member_id)
        tier = session.get(Tier, member.tier_id) if member.tier_id else None
        return member, _tier_rule(tier)

    def _earn(
        self,
        priced: PricedSale,
        settlement: Settlement,
        tier: TierRule | None,
        day: date,
    ) -> int:
        return points_to_earn(
            priced,
            settlement,
            self.config.points,
            tier.multiplier_pct if tier else 100,
            promotion_multiplier(self.config.promotions, day),
        )

    def _line_rows(self, sale: SaleRow, priced: PricedSale) -> list[SaleLineRow]:
        rows = []
        for no, p in enumerate(priced.lines, start=1):
            ln = p.line
            rows.append(
                SaleLineRow(
                    sale_id=sale.id,
                    line_no=no,
                    product_id=ln.product_id,
                    barcode=ln.barcode,
                    name=ln.name,
                    category=ln.category,
                    quantity=ln.quantity,
                    unit_price=ln.unit_price,
                    gross=p.gross,
                    line_discount=p.line_discount,
                    member_discount=p.member_discount,
                    order_discount=p.order_discount,
                    amount=p.amount,
                    points_multiplier_pct=ln.points_multiplier_pct,
                )
            )
        return rows

    def _tender_rows(
        self,
        uow: UnitOfWork,
        sale: SaleRow,
        settlement: Settlement,
        member: sale_write.MemberFacts | None,
    ) -> tuple[list[SaleTenderRow], list[StoredValueMove], tuple[str, int, int, int] | None]:
        """The tender rows; with stored value, the moves drawn and the account after them
        (id, principal, bonus, version)."""
        rows = []
        moves = []
        account: tuple[str, int, int, int] | None = None
        change_left = settlement.change
        last_cash = max(
            (i for i, t in enumerate(settlement.tenders) if t.kind == TenderKind.CASH), default=-1
        )
        for idx, t in enumerate(settlement.tenders):
            net = t.amount - change_left if idx == last_cash else t.amount
            row = SaleTenderRow(
                sale_id=sale.id,
                idx=idx,
                kind=t.kind.value,
                amount=t.amount,
                net=net,
                points=t.points,
                reference=t.reference,
                sv_principal=0,
                sv_bonus=0,
            )
            if t.kind == TenderKind.STORED_VALUE:
                if member is None:
                    raise ValidationError("tender", "stored_value_needs_a_member")
                if member.account_id is None or member.account_status != "active":
                    raise ValidationError("tender", "no_stored_value_account")
                if account is None:
                    account = (member.account_id, member.principal, member.bonus,
                               member.account_version)
                after, drawn = spend(Balance(account[1], account[2]), t.amount)
                account = (account[0], after.principal, after.bonus, account[3] + 1)
                row.sv_principal, row.sv_bonus = drawn.principal, drawn.bonus
                moves.append(
                    StoredValueMove(
                        id=new_id(),
                        account_id=account[0],
                        kind="spend",
                        source=f"sale:{sale.id}:{idx}",
                        principal=-drawn.principal,
                        bonus=-drawn.bonus,
                        paid=0,
                        tender_kind=None,
                        shift_id=sale.shift_id,
                        number=sale.number,
                        at=uow.now,
                        staff_id=sale.cashier_id,
                        op_id=sale.op_id,
                    )
                )
            rows.append(row)
        return rows, moves, account

    def _upgraded(
        self,
        session: Session,
        member: sale_write.MemberFacts,
        tier: TierRule | None,
        tier_rows: list[Any],
        now: datetime,
        this_sale: int,
    ) -> str | None:
        """The member's tier id after this purchase (an upgrade is at once)."""
        rules = [r for r in (_tier_rule(t) for t in tier_rows) if r is not None]
        if not rules or (tier is not None and tier.rank >= max(r.rank for r in rules)):
            return member.tier_id  # no tiers, or already at the top: nothing to upgrade to
        # The sale being written is not in the table yet: its total is added here.
        spend_12m = spend_since(session, member.id, window_start(now)) + this_sale
        new = after_purchase(tier, spend_12m, rules)
        if new is not None and (tier is None or new.code != tier.code):
            return str(next(t.id for t in tier_rows if t.code == new.code))
        return member.tier_id

    def _replayed(self, session: Session, sale: SaleRow) -> SaleResult:
        member = session.get(Member, sale.member_id) if sale.member_id else None
        return SaleResult(
            sale.id,
            sale.number,
            sale.total,
            sale.change,
            sale.points_earned,
            sale.points_spent,
            member.points_balance if member else None,
            sale_receipt_data(session, sale),
            replayed=True,
        )


def _op_args(
    cart: Cart,
    sale: SaleRow,
    priced: PricedSale,
    settlement: Settlement,
    earned: int,
    over_limit: bool,
) -> dict[str, object]:
    """What the server needs to re-run the sale: the lines as sold, the discounts, the
    tenders; the desk's points figure travels as provisional."""
    return {
        "id": sale.id,
        "number": sale.number,
        "member_id": sale.member_id,
        "shift_id": sale.shift_id,
        "at": sale.finalized_at.isoformat(),
        "lines": [
            {
                "product_id": p.line.product_id,
                "barcode": p.line.barcode,
                "name": p.line.name,
                "category": p.line.category,
                "quantity": p.line.quantity,
                "unit_price": p.line.unit_price,
                "discount_percent": p.line.discount.percent,
                "discount_amount": p.line.discount.amount,
                "points_multiplier_pct": p.line.points_multiplier_pct,
                "amount": p.amount,
            }
            for p in priced.lines
        ],
        "order_discount": {
            "percent": cart.order_discount.percent,
            "amount": cart.order_discount.amount,
        },
        "tenders": [
            {"kind": t.kind.value, "amount": t.amount, "points": t.points, "reference": t.reference}
            for t in settlement.tenders
        ],
        "total": priced.total,
        "change": settlement.change,
        "discount_over_limit": over_limit,
        "points_earned_provisional": earned,
        "points_spent": settlement.points_spent,
    }
