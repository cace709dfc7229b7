"""Checkout: quote a cart (the points it will earn, the most points it may take, whether the
discount needs approval) and finalise it in one transaction: the sale, its lines and
tenders, the member's ledger entries and cached balance, stored value drawn, the outbox op
`sale.finalize.v1`, and an audit entry when the discount is over the cashier's limit.

Finalising is idempotent by the cart's sale id: the same sale sent twice is written once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.devices.receipts.templates import data as receipt
from desktop_app.domain.business_day import business_day
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
from desktop_app.domain.settings import StoreSettings
from desktop_app.domain.stored_value import Balance, spend
from desktop_app.domain.tiers import TierRule, after_purchase, window_start
from desktop_app.services.base import Service
from desktop_app.services.checkout_config import CheckoutConfig
from desktop_app.services.checkout_receipts import sale_receipt_data
from desktop_app.store.checkout_models import SaleLineRow, SaleRow, SaleTenderRow, StoredValueMove
from desktop_app.store.db import Database
from desktop_app.store.models import Member, Tier
from desktop_app.store.points_ledger import post
from desktop_app.store.sales import (
    next_number,
    open_shift,
    spend_since,
    store_settings,
)
from desktop_app.store.stored_value import account_of
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


def _tier_rule(tier: Tier | None) -> TierRule | None:
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
                earn = self._earn(priced, settlement, tier, _day(settings, self._clock.now()))
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
        # No autoflush: the rows go to SQLite in two flushes (the sale, then the rest at
        # commit) instead of one before every query; nothing here reads back what it wrote.
        with UnitOfWork(self._db, self._clock, authority) as uow, uow.session.no_autoflush:
            existing = uow.session.get(SaleRow, cart.sale_id)
            if existing is not None:
                return self._replayed(uow.session, existing)
            settings = store_settings(uow.session)
            member, tier = self._member(uow.session, cart.member_id)
            if member is not None and member.status != "active":
                raise ValidationError("member", "not_active")
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
            day = _day(settings, uow.now)
            earned = self._earn(priced, settlement, tier, day) if member else 0
            shift = open_shift(uow.session)
            sale = SaleRow(
                number=next_number(uow.session, "S"),
                member_id=member.id if member else None,
                shift_id=shift.id if shift else None,
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
            op = uow.op(
                "sale.finalize.v1",
                _op_args(cart, sale, priced, settlement, earned, over_limit),
            )
            sale.op_id = op.op_id
            uow.session.add(sale)
            uow.session.flush()  # the sale row first: its lines and tenders refer to it
            lines = self._write_lines(uow.session, sale, priced)
            tenders = self._write_tenders(uow, sale, settlement, member)
            if member is not None:
                post(
                    uow.session,
                    member,
                    sale_postings(sale.id, earned, spent, day, self.config.points),
                    at=uow.now,
                    op_id=op.op_id,
                    new_source=True,
                )
                self._maybe_upgrade(uow.session, member, tier, uow.now)
            if over_limit:
                uow.audit(
                    "sale.discount_over_limit",
                    entity="sale",
                    entity_id=sale.id,
                    details={
                        "number": sale.number,
                        "discount": priced.manual_discount,
                        "gross": priced.gross,
                        "limit_pct": settings.cashier_discount_pct,
                    },
                    op=op,
                )
            uow.session.flush()
            return SaleResult(
                sale.id,
                sale.number,
                sale.total,
                sale.change,
                earned,
                spent,
                member.points_balance if member else None,
                sale_receipt_data(uow.session, sale, lines, tenders),
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

    def _write_lines(
        self, session: Session, sale: SaleRow, priced: PricedSale
    ) -> list[SaleLineRow]:
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
        session.add_all(rows)
        return rows

    def _write_tenders(
        self, uow: UnitOfWork, sale: SaleRow, settlement: Settlement, member: Member | None
    ) -> list[SaleTenderRow]:
        rows = []
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
                account = account_of(uow.session, member.id)
                if account is None or account.status != "active":
                    raise ValidationError("tender", "no_stored_value_account")
                after, drawn = spend(Balance(account.principal, account.bonus), t.amount)
                account.principal, account.bonus = after.principal, after.bonus
                uow.stamp_changed(account)
                row.sv_principal, row.sv_bonus = drawn.principal, drawn.bonus
                uow.session.add(
                    StoredValueMove(
                        id=new_id(),
                        account_id=account.id,
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
        uow.session.add_all(rows)
        return rows

    def _maybe_upgrade(
        self, session: Session, member: Member, tier: TierRule | None, now: datetime
    ) -> None:
        rows = list(session.scalars(select(Tier)))
        rules = [r for r in (_tier_rule(t) for t in rows) if r is not None]
        if not rules or (tier is not None and tier.rank >= max(r.rank for r in rules)):
            return  # no tiers, or already at the top: nothing to upgrade to
        spend_12m = spend_since(session, member.id, window_start(now))
        new = after_purchase(tier, spend_12m, rules)
        if new is not None and (tier is None or new.code != tier.code):
            member.tier_id = next(t.id for t in rows if t.code == new.code)

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


def _day(settings: StoreSettings, now: datetime) -> date:
    """The business day of `now` in the store's time zone, with its day cut-off."""
    hours, minutes = (int(x) for x in settings.day_cutoff.split(":"))
    return business_day(now, ZoneInfo(settings.timezone), time(hours, minutes))


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
