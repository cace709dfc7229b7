"""Op handlers for products, sales, points ledger, stored value and shifts (issue 8 and 6).

Each handler re-runs the desk's rule (desktop_app.domain) on the server's own rows:

sale.finalize:   re-prices the lines, settles the tenders, computes the points earned from
                 the sale itself (SYNC.md: the desk's figure is provisional). A different
                 figure is `compensated` with effects {"points_earned": n}. Idempotent by the
                 sale id; the ledger's unique (source, kind) guards every posting as well.
sale.refund:     plans the refund on the sale as the server holds it (pro rata of what is
                 still unrefunded) and reverses / returns the points accordingly.
points.*:        adjust (needs points.adjust), the expiry run (the server replays its own
                 ledger: the desk's lot ids are local), the birthday bonus (once a year).
storedvalue.*:   top-up with the bonus rule, cancel refunding the principal.
shift.*:         open / close, as recorded by the desk.
product.import:  the changed products, upserted by id.

Points entries are published chain-wide as entity `points_entry`; a lot a negative entry
names is sent as its (source, kind), which every desk can find in its own ledger."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from central_server.models import MemberRow, SettingRow
from central_server.ops.members import member_or_404
from central_server.ops.registry import OpContext, Outcome, handles, staff_actor
from central_server.sales_models import (
    PointsEntryRow,
    ProductRow,
    RefundRecord,
    SaleRecord,
    ShiftRow,
    StoredValueAccountRow,
    StoredValueMoveRow,
)
from desktop_app.domain.business_day import business_day
from desktop_app.domain.errors import (
    Conflict,
    DomainError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from desktop_app.domain.hlc import HLC
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Permission, authorise
from desktop_app.domain.points import (
    Entry,
    EntryKind,
    PointsPolicy,
    Posting,
    RedemptionRefused,
    check_redemption,
    expiry_postings,
    lot_expiry,
    points_to_earn,
    redemption_value,
    refund_postings,
    replay,
    sale_postings,
)
from desktop_app.domain.refunds import LineState, SaleState, TenderState, plan_refund
from desktop_app.domain.sales import (
    Discount,
    SaleLine,
    Tender,
    TenderKind,
    allocate,
    discount_within_limit,
    price_sale,
    settle,
)
from desktop_app.domain.settings import StoreSettings
from desktop_app.domain.stored_value import Balance, BonusRule, cancel, spend, top_up

# The desk's defaults (desktop_app.services.checkout_config); the server may import the
# domain only, so the values are restated from it here.
POLICY = PointsPolicy()
TOP_UP_BONUSES = (BonusRule(100_000, 10_000),)


class MemberNotActive(DomainError):
    code = "member_not_active"


# -- helpers ------------------------------------------------------------------------------
MAX_INT = 2_000_000_000  # INTEGER columns are 32-bit on PostgreSQL


def _fits(args: dict[str, Any], texts: dict[str, int], ints: tuple[str, ...] = ()) -> None:
    """Arguments that would not fit their columns are bad arguments (rejected), never a
    database error that fails the whole batch and wedges the desk's queue."""
    for key, limit in texts.items():
        value = args.get(key)
        if value is not None and len(str(value)) > limit:
            raise ValidationError(key, "too_long")
    for key in ints:
        value = args.get(key)
        if value is not None and (isinstance(value, bool) or not -MAX_INT <= int(value) <= MAX_INT):
            raise ValidationError(key, "out_of_range")


def _settings(ctx: OpContext) -> StoreSettings:
    cached = ctx.cache.get("sales.settings")
    if isinstance(cached, StoreSettings):
        return cached
    settings = StoreSettings()
    for key, value in ctx.session.execute(
        select(SettingRow.key, SettingRow.value).where(SettingRow.store_id == ctx.store_id)
    ):
        try:
            settings = settings.with_value(key, value)
        except DomainError:
            continue
    ctx.cache["sales.settings"] = settings
    return settings


def _op_time(ctx: OpContext) -> datetime:
    """When the op happened on the desk (its HLC's wall clock, clamped), not when it
    arrived: a lot earned offline a week ago expires as the desk said it would."""
    return datetime.fromtimestamp(HLC.parse(ctx.hlc).wall_ms / 1000, UTC)


def _day(ctx: OpContext, at: datetime | None = None) -> date:
    settings = _settings(ctx)
    hours, minutes = (int(x) for x in settings.day_cutoff.split(":"))
    return business_day(at or _op_time(ctx), ZoneInfo(settings.timezone), time(hours, minutes))


def entry_data(row: PointsEntryRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "member_id": row.member_id,
        "delta": row.delta,
        "kind": row.kind,
        "source": row.source,
        "expires_on": row.expires_on,
        "lot_source": row.lot_source,
        "lot_kind": row.lot_kind,
        "reason": row.reason,
        "at": row.at.isoformat(),
    }


def _lot_key(ctx: OpContext, lot_id: str | None) -> tuple[str | None, str | None]:
    if lot_id is None:
        return None, None
    row = ctx.session.scalar(select(PointsEntryRow).where(PointsEntryRow.id == lot_id))
    return (row.source, row.kind) if row is not None else (None, None)


def _entry(ctx: OpContext, source: str, kind: EntryKind) -> PointsEntryRow | None:
    return ctx.session.scalar(
        select(PointsEntryRow).where(
            PointsEntryRow.source == source, PointsEntryRow.kind == kind.value
        )
    )


def post(
    ctx: OpContext, member: MemberRow, postings: list[Posting], reason: str | None = None
) -> list[PointsEntryRow]:
    """Append the postings whose (source, kind) is not in the ledger yet, move the member's
    balance with them and publish each entry. Returns the entries written."""
    written = []
    for p in postings:
        if _entry(ctx, p.source, p.kind) is not None:
            continue  # a replay: never twice
        row = PointsEntryRow(
            id=new_id(),
            member_id=member.id,
            delta=p.delta,
            kind=p.kind.value,
            source=p.source,
            expires_on=p.expires_on.isoformat() if p.expires_on else None,
            lot_ref=p.lot_ref,
            op_id=ctx.op.op_id,
            reason=reason,
            at=ctx.now,
        )
        row.lot_source, row.lot_kind = _lot_key(ctx, p.lot_ref)
        ctx.session.add(row)
        member.points_balance = (member.points_balance or 0) + p.delta
        ctx.changed("points_entry", row.id, 1, entry_data(row), chain_wide=True)
        written.append(row)
    if written:
        member.updated_at = ctx.now
        ctx.session.flush()
    return written


def _ledger(ctx: OpContext, member_id: str) -> list[Entry]:
    rows = ctx.session.scalars(
        select(PointsEntryRow)
        .where(PointsEntryRow.member_id == member_id)
        .order_by(PointsEntryRow.seq)
    )
    return [
        Entry(
            r.id,
            r.delta,
            EntryKind(r.kind),
            date.fromisoformat(r.expires_on) if r.expires_on else None,
            r.lot_ref,
        )
        for r in rows
    ]


def _account(ctx: OpContext, member_id: str) -> StoredValueAccountRow | None:
    return ctx.session.scalar(
        select(StoredValueAccountRow).where(StoredValueAccountRow.member_id == member_id)
    )


def account_data(row: StoredValueAccountRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "member_id": row.member_id,
        "principal": row.principal,
        "bonus": row.bonus,
        "status": row.status,
    }


def _move(
    ctx: OpContext,
    account: StoredValueAccountRow,
    kind: str,
    source: str,
    principal: int,
    bonus: int,
    paid: int,
    number: str | None,
) -> None:
    ctx.session.add(
        StoredValueMoveRow(
            id=new_id(), account_id=account.id, kind=kind, source=source, principal=principal,
            bonus=bonus, paid=paid, store_id=ctx.store_id, number=number,
            op_id=ctx.op.op_id, at=ctx.now,
        )
    )  # fmt: skip
    account.version += 1
    account.updated_at = ctx.now
    ctx.changed("stored_value_account", account.id, account.version, account_data(account),
                chain_wide=True)  # fmt: skip


# -- sales --------------------------------------------------------------------------------
def _line(a: dict[str, Any]) -> SaleLine:
    return SaleLine(
        name=str(a["name"]),
        quantity=int(a["quantity"]),
        unit_price=int(a["unit_price"]),
        product_id=a.get("product_id"),
        barcode=a.get("barcode"),
        category=a.get("category"),
        points_multiplier_pct=a.get("points_multiplier_pct"),
        discount=Discount(int(a.get("discount_percent") or 0), int(a.get("discount_amount") or 0)),
    )


@handles("sale.finalize.v1", Permission.SALE_CREATE)
def finalize(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    _fits(args, {"id": 36, "number": 32, "shift_id": 36, "member_id": 36},
          ("total", "points_earned_provisional"))  # fmt: skip
    for a in args["lines"]:
        _fits(a, {"name": 200}, ("quantity", "unit_price", "amount", "discount_amount",
                                 "points_multiplier_pct"))  # fmt: skip
    for t in args["tenders"]:
        _fits(t, {}, ("amount", "points"))
    sale_id = str(args["id"])
    if ctx.session.get(SaleRecord, sale_id) is not None:
        return Outcome("applied", {"already_known": True})
    lines = [_line(a) for a in args["lines"]]
    order = args.get("order_discount") or {}
    order_discount = Discount(int(order.get("percent") or 0), int(order.get("amount") or 0))
    member = member_or_404(ctx, str(args["member_id"])) if args.get("member_id") else None
    effects: dict[str, Any] = {}
    if member is not None and member.merged_into_id is not None:
        # Merged since the desk sold: the sale happened, its points go to the survivor.
        member = member_or_404(ctx, member.merged_into_id)
        effects["member_id"] = member.id
    # The tier's discount is a desk rule the server holds no table for yet: the percentage
    # that reproduces the desk's line amounts is the one it used (none without a tier).
    wanted = [int(a["amount"]) for a in args["lines"]]
    priced = price_sale(lines, order_discount, 0)
    if [p.amount for p in priced.lines] != wanted and member is not None and member.tier_id:
        for pct in range(1, 101):
            trial = price_sale(lines, order_discount, pct)
            if [p.amount for p in trial.lines] == wanted:
                priced = trial
                break
    if priced.gross > MAX_INT:
        raise ValidationError("lines", "out_of_range")
    if priced.total != int(args["total"]) or [p.amount for p in priced.lines] != wanted:
        raise ValidationError("total", "does_not_reprice")
    if not discount_within_limit(priced, _settings(ctx).cashier_discount_pct):
        actor = staff_actor(ctx, ctx.op.actor)
        if actor is None:
            raise PermissionDenied(Permission.SALE_DISCOUNT_ANY.value, str(ctx.op.actor))
        authorise(actor, Permission.SALE_DISCOUNT_ANY, staff_actor(ctx, ctx.op.approver))
    tenders = [
        Tender(TenderKind(t["kind"]), int(t["amount"]), int(t.get("points") or 0),
               str(t.get("reference") or ""))
        for t in args["tenders"]
    ]  # fmt: skip
    settlement = settle(priced.total, tenders)
    spent = settlement.points_spent
    if spent:
        if member is None:
            raise ValidationError("tender", "points_need_a_member")
        if redemption_value(spent, POLICY) != settlement.net(TenderKind.POINTS):
            raise ValidationError("tender", "points_value_mismatch")
        try:
            check_redemption(spent, member.points_balance, priced.total, POLICY)
        except RedemptionRefused as exc:
            # Spent offline on a balance the server no longer has: the sale happened, so the
            # points are taken anyway (the balance may go negative) and staff are told.
            effects["redemption_refused"] = str(exc.details.get("reason", exc.code))
    earned = 0
    if member is not None:
        earned = points_to_earn(priced, settlement, POLICY)
        provisional = int(args.get("points_earned_provisional") or 0)
        if member.tier_id and provisional != earned:
            # The tier multiplier is a desk table the server does not hold yet: the desk's
            # figure stands, marked as not re-computed.
            effects["points_unverified"] = "tier"
            earned = provisional
        elif provisional != earned:
            effects["points_earned"] = earned
    # Tenders as paid: cash net of change on the last cash tender (as the desk records it).
    change_left = settlement.change
    last_cash = max(
        (i for i, t in enumerate(settlement.tenders) if t.kind == TenderKind.CASH), default=-1
    )
    tender_rows: list[dict[str, Any]] = []
    account = _account(ctx, member.id) if member is not None else None
    for idx, t in enumerate(settlement.tenders):
        net = t.amount - change_left if idx == last_cash else t.amount
        row = {"idx": idx, "kind": t.kind.value, "net": net, "points": t.points,
               "sv_principal": 0, "sv_bonus": 0}  # fmt: skip
        if t.kind == TenderKind.STORED_VALUE:
            if account is None or account.status != "active":
                raise ValidationError("tender", "no_stored_value_account")
            balance = Balance(account.principal, account.bonus)
            amount = t.amount
            if amount > balance.total:
                effects["stored_value_short"] = amount - balance.total
                amount = balance.total
            if amount > 0:
                after, drawn = spend(balance, amount)
                account.principal, account.bonus = after.principal, after.bonus
                row["sv_principal"], row["sv_bonus"] = drawn.principal, drawn.bonus
                _move(ctx, account, "spend", f"sale:{sale_id}:{idx}", -drawn.principal,
                      -drawn.bonus, 0, str(args.get("number") or ""))  # fmt: skip
        tender_rows.append(row)
    sale = SaleRecord(
        id=sale_id, store_id=ctx.store_id, device_id=ctx.device.id, number=str(args["number"]),
        member_id=member.id if member else None, shift_id=args.get("shift_id"),
        cashier_id=ctx.op.actor, finalized_at=_op_time(ctx), gross=priced.gross,
        discount=priced.discount, total=priced.total, change=settlement.change,
        points_earned=earned, points_spent=spent,
        lines=[
            {"line_no": no, "quantity": p.line.quantity, "amount": p.amount, "name": p.line.name,
             "product_id": p.line.product_id, "unit_price": p.line.unit_price}
            for no, p in enumerate(priced.lines, start=1)
        ],
        tenders=tender_rows, op_id=ctx.op.op_id, created_at=ctx.now,
    )  # fmt: skip
    ctx.session.add(sale)
    ctx.session.flush()
    if member is not None:
        post(ctx, member, sale_postings(sale_id, earned, spent, _day(ctx), POLICY))
    compensated = any(k in effects for k in ("points_earned", "stored_value_short", "member_id"))
    return Outcome("compensated" if compensated else "applied", effects)


def _sale_state(ctx: OpContext, sale: SaleRecord) -> SaleState:
    refunds = list(ctx.session.scalars(select(RefundRecord).where(RefundRecord.sale_id == sale.id)))
    qty: dict[int, int] = {}
    money: dict[int, int] = {}
    back: dict[int, int] = {}
    for r in refunds:
        for ln in r.lines:
            qty[ln["line_no"]] = qty.get(ln["line_no"], 0) + int(ln["quantity"])
            money[ln["line_no"]] = money.get(ln["line_no"], 0) + int(ln["amount"])
        for idx, amount in r.to_tenders:
            back[int(idx)] = back.get(int(idx), 0) + int(amount)
    return SaleState(
        lines=tuple(
            LineState(ln["line_no"], ln["quantity"], ln["amount"], qty.get(ln["line_no"], 0),
                      money.get(ln["line_no"], 0))
            for ln in sale.lines
        ),
        tenders=tuple(
            TenderState(t["idx"], TenderKind(t["kind"]), t["net"], back.get(t["idx"], 0))
            for t in sale.tenders
        ),
        points_earned=sale.points_earned,
        points_reversed=sum(r.points_reversed for r in refunds),
        points_spent=sale.points_spent,
        points_returned=sum(r.points_returned for r in refunds),
    )  # fmt: skip


@handles("sale.refund.v1", Permission.SALE_REFUND)
def refund(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    _fits(args, {"id": 36, "number": 32, "sale_id": 36}, ("amount",))
    refund_id = str(args["id"])
    if ctx.session.get(RefundRecord, refund_id) is not None:
        return Outcome("applied", {"already_known": True})
    sale = ctx.session.get(SaleRecord, str(args["sale_id"]))
    if sale is None:
        raise NotFound("no such sale", sale_id=str(args["sale_id"]))
    state = _sale_state(ctx, sale)
    plan = plan_refund(state, {int(ln["line_no"]): int(ln["quantity"]) for ln in args["lines"]})
    record = RefundRecord(
        id=refund_id, sale_id=sale.id, store_id=ctx.store_id, number=str(args["number"]),
        amount=plan.amount, lines=[{"line_no": ln.line_no, "quantity": ln.quantity,
                                    "amount": ln.amount} for ln in plan.lines],
        to_tenders=[[i, m] for i, m in plan.to_tenders], points_reversed=plan.points_reversed,
        points_returned=plan.points_returned, reason=str(args.get("reason") or ""),
        refunded_at=_op_time(ctx), op_id=ctx.op.op_id,
    )  # fmt: skip
    ctx.session.add(record)
    ctx.session.flush()
    tenders = {t["idx"]: t for t in sale.tenders}
    for idx, money in plan.to_tenders:
        t = tenders[idx]
        if t["kind"] == TenderKind.STORED_VALUE.value and sale.member_id:
            account = _account(ctx, sale.member_id)
            if account is None:
                raise ValidationError("tender", "no_stored_value_account")
            principal, bonus = allocate(money, [t["sv_principal"], t["sv_bonus"]])
            account.principal += principal
            account.bonus += bonus
            _move(ctx, account, "refund", f"refund:{refund_id}:{idx}", principal, bonus, 0,
                  record.number)  # fmt: skip
    if sale.member_id:
        member = member_or_404(ctx, sale.member_id)
        earn = _entry(ctx, f"sale:{sale.id}", EntryKind.EARN)
        post(
            ctx,
            member,
            refund_postings(
                refund_id,
                plan.points_reversed,
                plan.points_returned,
                _day(ctx),
                POLICY,
                earn.id if earn else None,
            ),  # fmt: skip
        )
    effects: dict[str, Any] = {}
    if plan.amount != int(args.get("amount", plan.amount)):
        effects["amount"] = plan.amount
    if plan.points_reversed != int(args.get("points_reversed_provisional") or 0):
        effects["points_reversed"] = plan.points_reversed
    if plan.points_returned != int(args.get("points_returned_provisional") or 0):
        effects["points_returned"] = plan.points_returned
    return Outcome("compensated", effects) if effects else Outcome()


# -- points -------------------------------------------------------------------------------
def _system_run(ctx: OpContext) -> bool:
    """The desk's daily run (expiry, birthday bonus) has no staff member behind it."""
    return ctx.op.actor is None


@handles("points.adjust.v1", Permission.POINTS_ADJUST)
def adjust(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    _fits(args, {"id": 36, "member_id": 36}, ("delta",))
    delta, reason = int(args["delta"]), str(args.get("reason") or "").strip()
    if delta == 0:
        raise ValidationError("delta", "zero")
    if not reason:
        raise ValidationError("reason", "required")
    member = member_or_404(ctx, str(args["member_id"]))
    expires = lot_expiry(_day(ctx), POLICY.expiry_months) if delta > 0 else None
    source = f"adjustment:{args['id']}"
    written = post(ctx, member, [Posting(source, EntryKind.ADJUST, delta, expires)], reason)
    return Outcome("applied", {} if written else {"already_known": True})


@handles("points.expire.v1", Permission.SALE_CREATE, self_authorised=_system_run)
def expire(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """The desk's lot ids are its own: the server replays its ledger and expires every lot of
    the member that lapsed before `on` (a lot another desk earned too)."""
    member = member_or_404(ctx, str(args["member_id"]))
    on = date.fromisoformat(str(args["on"]))
    written = post(ctx, member, expiry_postings(replay(_ledger(ctx, member.id)), on))
    return Outcome("applied", {"expired": -sum(e.delta for e in written)})


@handles("points.birthday.v1", Permission.SALE_CREATE, self_authorised=_system_run)
def birthday(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """Once a year per member, whichever desk awards it first. The bonus is the tier's (a
    desk table): the desk's figure is taken, bounded."""
    member = member_or_404(ctx, str(args["member_id"]))
    points, year = int(args["points"]), int(args["year"])
    if not 0 < points <= 1_000_000:
        raise ValidationError("points", "out_of_range")
    source = f"birthday:{member.id}:{year}"
    day = _day(ctx)
    written = post(ctx, member, [Posting(source, EntryKind.EARN, points,
                                         lot_expiry(day, POLICY.expiry_months))])  # fmt: skip
    if not written:
        return Outcome("compensated", {"already_awarded": True, "points": 0})
    return Outcome()


# -- stored value -------------------------------------------------------------------------
@handles("storedvalue.topup.v1", Permission.STOREDVALUE_TOPUP)
def topup(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    _fits(args, {"id": 36, "account_id": 36, "number": 32, "member_id": 36}, ("paid", "bonus"))
    move_source = f"topup:{args['id']}"
    if ctx.session.scalar(select(func.count()).where(StoredValueMoveRow.source == move_source)):
        return Outcome("applied", {"already_known": True})
    member = member_or_404(ctx, str(args["member_id"]))
    if member.status != "active":
        raise MemberNotActive("member is not active", member_id=member.id)
    if TenderKind(args["tender"]) in (TenderKind.STORED_VALUE, TenderKind.POINTS):
        raise ValidationError("tender", "not_money")
    paid = int(args["paid"])
    account = _account(ctx, member.id)
    if account is None:
        account = StoredValueAccountRow(
            id=str(args["account_id"]), member_id=member.id, principal=0, bonus=0,
            status="active", version=0, updated_at=ctx.now,
        )  # fmt: skip
        ctx.session.add(account)
        ctx.session.flush()
    elif account.status != "active":
        raise ValidationError("account", "cancelled")
    after, bonus = top_up(Balance(account.principal, account.bonus), paid, TOP_UP_BONUSES)
    account.principal, account.bonus = after.principal, after.bonus
    _move(ctx, account, "topup", move_source, paid, bonus, paid, args.get("number"))
    if bonus != int(args.get("bonus") or 0):
        return Outcome("compensated", {"bonus": bonus, "principal": account.principal,
                                       "bonus_balance": account.bonus})  # fmt: skip
    return Outcome()


@handles("storedvalue.refund.v1", Permission.STOREDVALUE_REFUND)
def storedvalue_refund(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    _fits(args, {"number": 32, "member_id": 36}, ("refunded",))
    account = _account(ctx, str(args["member_id"]))
    if account is None:
        raise NotFound("no stored value account", member_id=str(args["member_id"]))
    if account.status == "cancelled":
        return Outcome("applied", {"already_known": True})
    principal, forfeited = cancel(Balance(account.principal, account.bonus))
    account.principal, account.bonus, account.status = 0, 0, "cancelled"
    _move(ctx, account, "cancel", f"cancel:{account.id}", -principal, -forfeited, -principal,
          args.get("number"))  # fmt: skip
    if principal != int(args.get("refunded") or 0):
        return Outcome("compensated", {"refunded": principal, "forfeited_bonus": forfeited})
    return Outcome()


# -- shifts -------------------------------------------------------------------------------
def shift_data(row: ShiftRow) -> dict[str, Any]:
    return {
        "id": row.id, "device_id": row.device_id, "number": row.number,
        "opened_at": row.opened_at.isoformat(), "opening_float": row.opening_float,
        "closed_at": row.closed_at.isoformat() if row.closed_at else None,
        "counted": row.counted, "summary": row.summary,
    }  # fmt: skip


@handles("shift.open.v1", Permission.SALE_CREATE)
def shift_open(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    _fits(args, {"id": 36, "number": 32}, ("opening_float",))
    if ctx.session.get(ShiftRow, str(args["id"])) is not None:
        return Outcome("applied", {"already_known": True})
    opening_float = int(args["opening_float"])
    if opening_float < 0:
        raise ValidationError("opening_float", "negative")
    row = ShiftRow(
        id=str(args["id"]), store_id=ctx.store_id, device_id=ctx.device.id,
        number=str(args["number"]), opened_by=ctx.op.actor, opened_at=_op_time(ctx),
        opening_float=opening_float, counted=None, summary=None, version=1,
    )  # fmt: skip
    ctx.session.add(row)
    ctx.changed("shift", row.id, row.version, shift_data(row), chain_wide=False)
    return Outcome()


@handles("shift.close.v1", Permission.SHIFT_CLOSE)
def shift_close(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = ctx.session.get(ShiftRow, str(args["id"]))
    if row is None or row.store_id != ctx.store_id:
        raise NotFound("no such shift", shift_id=str(args["id"]))
    if row.closed_at is not None:
        if row.device_id != ctx.device.id:
            raise Conflict("shift closed by another desk")
        return Outcome("applied", {"already_known": True})
    counted = {str(k): int(v) for k, v in dict(args.get("counted") or {}).items()}
    for kind in counted:
        TenderKind(kind)  # an unknown tender kind is bad arguments
    row.closed_at, row.closed_by = _op_time(ctx), ctx.op.actor
    row.counted, row.summary = counted, args.get("summary")
    row.version += 1
    ctx.changed("shift", row.id, row.version, shift_data(row), chain_wide=False)
    return Outcome()


# -- products -----------------------------------------------------------------------------
def product_data(row: ProductRow) -> dict[str, Any]:
    return {
        "id": row.id, "barcode": row.barcode, "name": row.name, "price_minor": row.price_minor,
        "category": row.category, "points_multiplier_pct": row.points_multiplier_pct,
        "active": row.active,
    }  # fmt: skip


@handles("product.import.v1", Permission.SETTINGS_MANAGE)
def product_import(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """Upsert by id; a barcode another product holds keeps that product (its id is in the
    effects, so the desk can tell)."""
    kept: dict[str, str] = {}
    for item in args["products"]:
        _fits(item, {"id": 36, "barcode": 64, "name": 200, "category": 100},
              ("price_minor", "points_multiplier_pct"))  # fmt: skip
        barcode, price = str(item["barcode"]).strip(), int(item["price_minor"])
        if not barcode or price < 0:
            raise ValidationError("products", "bad_product")
        multiplier = item.get("points_multiplier_pct")
        if multiplier is not None and not 0 <= int(multiplier) <= 1000:
            raise ValidationError("points_multiplier_pct", "out_of_range")
        row = ctx.session.get(ProductRow, str(item["id"]))
        if row is None:
            row = ctx.session.scalar(select(ProductRow).where(ProductRow.barcode == barcode))
            if row is not None:
                kept[str(item["id"])] = row.id
        if row is None:
            row = ProductRow(id=str(item["id"]), barcode=barcode, active=True, version=0)
            ctx.session.add(row)
        row.name, row.price_minor = str(item["name"]).strip(), price
        row.category, row.points_multiplier_pct = item.get("category"), multiplier
        row.version = (row.version or 0) + 1
        row.updated_at = ctx.now
        ctx.session.flush()
        ctx.changed("product", row.id, row.version, product_data(row), chain_wide=False)
    return Outcome("compensated", {"kept": kept}) if kept else Outcome()


def bootstrap_entities() -> dict[str, Any]:
    """A new desk's first load of this family, in BOOTSTRAP_ENTITIES' form: (model, key,
    row -> data, store id -> visible). The points ledger (so a new desk's balances are the
    sum of its ledger) and stored value accounts, both chain-wide like members."""

    def chain(model: Any) -> Any:
        return lambda s: model.id.is_not(None)

    return {
        "points_entry": (PointsEntryRow, PointsEntryRow.id, entry_data, chain(PointsEntryRow)),
        "stored_value_account": (
            StoredValueAccountRow, StoredValueAccountRow.id, account_data,
            chain(StoredValueAccountRow),
        ),
    }  # fmt: skip
