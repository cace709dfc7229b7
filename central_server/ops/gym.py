"""Op handlers for entitlements, check-ins, classes and bookings (DOMAIN.md; SYNC.md rules
per entity). The server re-runs each rule on its own rows:

- check-ins are append-only and keep the desk's verdict; the units taken never leave less
  than zero, and a unit the pool no longer has is flagged `double_spent` (status
  `compensated`) for the manager's reconciliation list instead of being rejected;
- a booking takes a seat only while one is free on the server, under a lock on the session
  row (FOR UPDATE on PostgreSQL; SQLite writes are serialised): a desk's confirmed booking
  that finds the session full becomes waitlisted (status `compensated`, effects
  `{"status": "waitlisted"}`);
- entitlement status and balances are never taken from desks: sell, hold and refund are
  re-checked here, and `units_used` moves only through check-ins and booking credits.

Entitlements and check-ins follow the member (chain-wide changes); classes, sessions,
bookings and strikes are the store's. "When" a decision happened is the op's HLC time
(clamped), not the time it arrived: a desk may push days later."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select

from central_server.gym_models import (
    GymBooking,
    GymCheckin,
    GymClassType,
    GymEntitlement,
    GymHold,
    GymSchedule,
    GymSession,
    GymSessionAlias,
    GymSharer,
    GymStrike,
)
from central_server.models import MemberRow, SettingRow
from central_server.ops.registry import OpContext, Outcome, handles, staff_actor
from desktop_app.domain.bookings import ClassRules, Strike, barred_until
from desktop_app.domain.checkin import void_permission
from desktop_app.domain.entitlements import (
    Entitlement,
    EntitlementKind,
    EntitlementStatus,
    Hold,
    entitlement_of,
    entitlement_status,
)
from desktop_app.domain.errors import DomainError, NotFound, ValidationError
from desktop_app.domain.hlc import HLC
from desktop_app.domain.holds import as_of, end_hold_early, refundable, validate_hold
from desktop_app.domain.permissions import Permission, authorise
from desktop_app.domain.settings import StoreSettings

USABLE = {EntitlementStatus.ACTIVE, EntitlementStatus.EXPIRING}
LIVE = ("confirmed", "waitlisted")
CANCEL_STATUSES = {"cancelled", "late_cancelled"}


class BookingRefused(DomainError):
    code = "booking_refused"


# -- helpers ---------------------------------------------------------------------------
def op_time(ctx: OpContext) -> datetime:
    """When the desk did it: the op's (clamped) HLC wall time. The HLC keeps milliseconds;
    the end of that millisecond, so an op is never earlier than the rows it wrote."""
    wall_ms = HLC.parse(ctx.hlc).wall_ms
    return datetime.fromtimestamp(wall_ms // 1000, tz=UTC) + timedelta(
        microseconds=(wall_ms % 1000) * 1000 + 999
    )


def _dt(text: Any) -> datetime | None:
    if text in (None, ""):
        return None
    value = datetime.fromisoformat(str(text))
    if value.tzinfo is None:
        raise ValueError("naive datetime in op args")
    return value


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _require(ctx: OpContext, permission: Permission) -> None:
    """A permission beyond the op's registered one (decided by the op's own facts)."""
    actor = staff_actor(ctx, ctx.op.actor)
    if actor is None:
        raise NotFound("unknown actor")
    authorise(actor, permission, staff_actor(ctx, ctx.op.approver))


def _timezone(ctx: OpContext) -> ZoneInfo:
    row = ctx.session.get(SettingRow, (ctx.store_id, "timezone"))
    return ZoneInfo(str(row.value) if row is not None and row.value else StoreSettings().timezone)


def _holds(ctx: OpContext, entitlement_id: str) -> list[GymHold]:
    return list(
        ctx.session.scalars(select(GymHold).where(GymHold.entitlement_id == entitlement_id))
    )


def _domain(ctx: OpContext, row: GymEntitlement) -> Entitlement:
    return entitlement_of(row, _holds(ctx, row.id))


def _entitlement(ctx: OpContext, entitlement_id: str, *, lock: bool = False) -> GymEntitlement:
    row = ctx.session.get(GymEntitlement, entitlement_id, with_for_update=lock or None)
    if row is None:
        raise NotFound("no such entitlement", entitlement_id=entitlement_id)
    return row


def _touch(row: Any, ctx: OpContext) -> None:
    row.version += 1
    row.updated_at = ctx.now


def entitlement_data(row: GymEntitlement) -> dict[str, Any]:
    return {
        "id": row.id, "member_id": row.member_id, "store_id": row.store_id, "kind": row.kind,
        "name": row.name, "valid_from": _iso(row.valid_from), "valid_until": _iso(row.valid_until),
        "units_total": row.units_total, "units_used": row.units_used,
        "access_start": row.access_start, "access_end": row.access_end, "scope": row.scope,
        "sharers": list(row.sharers or []), "blocked": row.blocked,
        "price_minor": row.price_minor, "activated_at": _iso(row.activated_at),
        "renewed_from_id": row.renewed_from_id, "created_at": _iso(row.created_at),
        "updated_at": _iso(row.updated_at), "deleted_at": _iso(row.deleted_at),
    }  # fmt: skip


def _publish_entitlement(ctx: OpContext, row: GymEntitlement) -> None:
    ctx.changed("entitlement", row.id, row.version, entitlement_data(row), chain_wide=True)


def hold_data(row: GymHold) -> dict[str, Any]:
    return {
        "id": row.id, "entitlement_id": row.entitlement_id, "starts_at": _iso(row.starts_at),
        "ends_at": _iso(row.ends_at), "ended_at": _iso(row.ended_at), "reason": row.reason,
        "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
    }  # fmt: skip


def checkin_data(row: GymCheckin) -> dict[str, Any]:
    return {
        "id": row.id, "op_id": row.op_id, "store_id": row.store_id, "desk_id": row.desk_id,
        "staff_id": row.staff_id, "approver_id": row.approver_id, "at": _iso(row.at),
        "scanned_code": row.scanned_code, "member_id": row.member_id,
        "entitlement_id": row.entitlement_id, "owner_id": row.owner_id,
        "verdict": row.verdict, "granted": row.granted, "reasons": list(row.reasons or []),
        "units": row.units, "units_applied": row.units_applied,
        "double_spent": row.double_spent, "overridden": row.overridden,
        "override_note": row.override_note, "attended_booking_ids": row.attended_booking_ids,
        "void_op_id": row.void_op_id, "voided_at": _iso(row.voided_at),
        "void_staff_id": row.void_staff_id, "void_reason": row.void_reason,
    }  # fmt: skip


def _publish_checkin(ctx: OpContext, row: GymCheckin) -> None:
    ctx.changed("checkin", row.id, row.version, checkin_data(row), chain_wide=True)


def class_type_data(row: GymClassType) -> dict[str, Any]:
    return {
        "id": row.id, "store_id": row.store_id, "name": row.name, "capacity": row.capacity,
        "duration_minutes": row.duration_minutes, "booking_opens_days": row.booking_opens_days,
        "late_cancel_hours": row.late_cancel_hours,
        "checkin_closes_minutes": row.checkin_closes_minutes, "min_size": row.min_size,
        "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
    }  # fmt: skip


def schedule_data(row: GymSchedule) -> dict[str, Any]:
    return {
        "id": row.id, "class_type_id": row.class_type_id, "weekday": row.weekday,
        "start_time": row.start_time, "instructor": row.instructor, "room": row.room,
        "capacity": row.capacity, "valid_from": row.valid_from, "valid_until": row.valid_until,
        "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
    }  # fmt: skip


def session_data(row: GymSession) -> dict[str, Any]:
    return {
        "id": row.id, "class_type_id": row.class_type_id, "schedule_id": row.schedule_id,
        "starts_at": _iso(row.starts_at), "ends_at": _iso(row.ends_at),
        "capacity": row.capacity, "instructor": row.instructor, "room": row.room,
        "cancelled": row.cancelled, "checkin_closed_at": _iso(row.checkin_closed_at),
        "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
    }  # fmt: skip


def booking_data(row: GymBooking) -> dict[str, Any]:
    return {
        "id": row.id, "session_id": row.session_id, "member_id": row.member_id,
        "status": row.status, "queued": row.queued,
        "credit_entitlement_id": row.credit_entitlement_id,
        "promoted_in_window": row.promoted_in_window,
        "created_at": _iso(row.created_at), "updated_at": _iso(row.updated_at),
    }  # fmt: skip


def strike_data(row: GymStrike) -> dict[str, Any]:
    return {
        "id": row.id, "member_id": row.member_id, "booking_id": row.booking_id,
        "at": _iso(row.at), "forgiven_at": _iso(row.forgiven_at),
        "forgiven_by": row.forgiven_by, "forgive_note": row.forgive_note,
    }  # fmt: skip


def _publish(ctx: OpContext, row: Any) -> None:
    publishers: dict[type, tuple[str, Callable[[Any], dict[str, Any]]]] = {
        GymClassType: ("class_type", class_type_data),
        GymSchedule: ("class_schedule", schedule_data),
        GymSession: ("class_session", session_data),
        GymBooking: ("booking", booking_data),
        GymStrike: ("booking_strike", strike_data),
        GymHold: ("entitlement_hold", hold_data),
    }
    kind, to_data = publishers[type(row)]
    chain_wide = isinstance(row, GymHold)
    ctx.changed(kind, row.id, row.version, to_data(row), chain_wide=chain_wide)


# -- entitlements ----------------------------------------------------------------------
@handles("entitlement.sell.v1", Permission.ENTITLEMENT_SELL, checks_first=True)
def sell(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    if ctx.session.get(GymEntitlement, str(args["id"])) is not None:
        return Outcome("applied", {"already_known": True})
    kind = EntitlementKind(str(args["kind"]))
    price = int(args.get("price_minor") or 0)
    if price < 0:
        raise ValidationError("price_minor", "negative")
    units = args.get("units")
    if kind in (EntitlementKind.VISIT_PACK, EntitlementKind.CLASS_CREDITS) and not units:
        raise ValidationError("units", "required")
    member = ctx.session.get(MemberRow, str(args["member_id"]))
    if member is None:
        raise NotFound("no such member", member_id=args["member_id"])
    if member.status != "active":
        raise ValidationError("member_id", "member_not_active")
    access = list(args.get("access") or [None, None])
    valid_from = _dt(args["valid_from"])
    assert valid_from is not None
    row = GymEntitlement(
        id=str(args["id"]), member_id=member.id, store_id=ctx.store_id, kind=kind.value,
        name=str(args.get("name") or "")[:200], valid_from=valid_from,
        valid_until=_dt(args.get("valid_until")), units_total=int(units) if units else None,
        units_used=0, access_start=access[0], access_end=access[1], scope=args.get("scope"),
        sharers=[str(s) for s in args.get("sharers") or []], blocked=False, price_minor=price,
        renewed_from_id=args.get("renewed_from"), version=1, created_at=op_time(ctx),
        updated_at=ctx.now,
    )  # fmt: skip
    ctx.session.add(row)
    for sharer in dict.fromkeys(row.sharers):
        ctx.session.add(GymSharer(entitlement_id=row.id, member_id=sharer))
    _publish_entitlement(ctx, row)
    return Outcome()


@handles("entitlement.refund.v1", Permission.SALE_REFUND)
def refund(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = _entitlement(ctx, str(args["id"]), lock=True)
    if row.deleted_at is not None:
        return Outcome("applied", {"already_refunded": True})
    # Another desk may have used it meanwhile: the server's uses decide.
    refundable(row.created_at, row.activated_at, row.units_used, op_time(ctx))
    row.deleted_at = ctx.now
    _touch(row, ctx)
    _publish_entitlement(ctx, row)
    return Outcome("applied", {"amount_minor": row.price_minor})


@handles("entitlement.hold.v1", Permission.ENTITLEMENT_SELL)
def hold(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    if ctx.session.get(GymHold, str(args["id"])) is not None:
        return Outcome("applied", {"already_known": True})
    ent = _entitlement(ctx, str(args["entitlement_id"]), lock=True)
    starts, ends = _dt(args["starts_at"]), _dt(args.get("ends_at"))
    assert starts is not None
    reason = str(args.get("reason") or "")
    checked = validate_hold(_domain(ctx, ent), starts, ends, reason)
    row = GymHold(
        id=str(args["id"]), entitlement_id=ent.id, starts_at=checked.starts_at,
        ends_at=checked.ends_at, ended_at=None, reason=reason.strip(), version=1,
        created_at=ctx.now, updated_at=ctx.now,
    )  # fmt: skip
    ctx.session.add(row)
    _publish(ctx, row)
    return Outcome()


@handles("entitlement.hold_end.v1", Permission.ENTITLEMENT_SELL)
def hold_end(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = ctx.session.get(GymHold, str(args["id"]))
    if row is None:
        raise NotFound("no such hold", hold_id=args["id"])
    if row.ended_at is not None:
        return Outcome("applied", {"already_ended": True})
    when = _dt(args.get("ended_at")) or op_time(ctx)
    ended = end_hold_early(Hold(row.starts_at, row.ends_at, None), when)
    row.ended_at = ended.ended_at
    _touch(row, ctx)
    _publish(ctx, row)
    return Outcome()


# -- check-ins -------------------------------------------------------------------------
@handles("checkin.record.v1", Permission.CHECKIN_RECORD)
def checkin_record(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    checkin_id = str(args["id"])
    if ctx.session.get(GymCheckin, checkin_id) is not None:
        return Outcome("applied", {"already_known": True})
    granted = bool(args.get("granted"))
    effects: dict[str, Any] = {}
    if bool(args.get("overridden")):
        # The member is already in: recorded as it was, flagged for the manager.
        try:
            _require(ctx, Permission.CHECKIN_OVERRIDE)
        except DomainError:
            effects["override_not_permitted"] = True
    units = max(int(args.get("units") or 0), 0)
    at = _dt(args["at"])
    assert at is not None
    row = GymCheckin(
        id=checkin_id, op_id=ctx.op.op_id, store_id=ctx.store_id, device_id=ctx.device.id,
        desk_id=args.get("desk_id"), staff_id=ctx.op.actor, approver_id=ctx.op.approver,
        at=at, scanned_code=args.get("code"), member_id=args.get("member_id"),
        entitlement_id=args.get("entitlement_id"), owner_id=args.get("owner_id"),
        verdict=str(args["verdict"]), granted=granted, reasons=list(args.get("reasons") or []),
        units=units, units_applied=0, double_spent=False,
        overridden=bool(args.get("overridden")), override_note=args.get("override_note"),
        attended_booking_ids=args.get("attended_booking_ids") or None, version=1,
    )  # fmt: skip
    if granted and row.entitlement_id:
        ent = ctx.session.get(GymEntitlement, row.entitlement_id, with_for_update=True)
        if ent is None:
            if units:
                row.double_spent = True
                effects |= {"double_spent": True, "units_applied": 0, "unknown_entitlement": True}
        else:
            take = units
            if ent.units_total is not None:
                take = min(units, max(ent.units_total - ent.units_used, 0))
            row.units_applied = take
            if take < units:
                row.double_spent = True
                effects |= {"double_spent": True, "units_applied": take}
            changed = take > 0 or ent.activated_at is None
            ent.units_used += take
            if ent.activated_at is None:
                ent.activated_at = at
            if changed:
                _touch(ent, ctx)
                _publish_entitlement(ctx, ent)
    if granted:
        for booking_id in row.attended_booking_ids or []:
            booking = ctx.session.get(GymBooking, str(booking_id))
            if booking is not None and booking.status == "confirmed":
                booking.status = "attended"
                _touch(booking, ctx)
                _publish(ctx, booking)
    ctx.session.add(row)
    _publish_checkin(ctx, row)
    return Outcome("compensated", effects) if effects else Outcome()


@handles("checkin.void.v1", Permission.CHECKIN_RECORD)
def checkin_void(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = ctx.session.get(GymCheckin, str(args["checkin_id"]), with_for_update=True)
    if row is None:
        raise NotFound("no such check-in", checkin_id=args["checkin_id"])
    if row.voided_at is not None:
        return Outcome("applied", {"already_voided": True})
    needed = void_permission(row.at, op_time(ctx))
    if needed is not Permission.CHECKIN_RECORD:
        _require(ctx, needed)
    row.voided_at, row.void_op_id = op_time(ctx), ctx.op.op_id
    row.void_staff_id, row.void_reason = ctx.op.actor, str(args.get("reason") or "")
    row.version += 1
    if row.units_applied and row.entitlement_id:
        ent = ctx.session.get(GymEntitlement, row.entitlement_id, with_for_update=True)
        if ent is not None:
            ent.units_used = max(ent.units_used - row.units_applied, 0)
            _touch(ent, ctx)
            _publish_entitlement(ctx, ent)
    _publish_checkin(ctx, row)
    return Outcome()


# -- classes ---------------------------------------------------------------------------
def _store_row(ctx: OpContext, model: Any, row_id: str, what: str) -> Any:
    row = ctx.session.get(model, row_id)
    if row is None or row.store_id != ctx.store_id:
        raise NotFound(f"no such {what}", id=row_id)
    return row


@handles("class_type.create.v1", Permission.BOOKING_MANAGE, checks_first=True)
def class_type_create(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    if ctx.session.get(GymClassType, str(args["id"])) is not None:
        return Outcome("applied", {"already_known": True})
    name = str(args.get("name") or "").strip()
    capacity, duration = int(args["capacity"]), int(args["duration_minutes"])
    if not name or capacity < 0 or duration <= 0:
        raise ValidationError("class_type", "invalid")
    row = GymClassType(
        id=str(args["id"]), store_id=ctx.store_id, name=name[:200], capacity=capacity,
        duration_minutes=duration, booking_opens_days=int(args.get("booking_opens_days", 7)),
        late_cancel_hours=int(args.get("late_cancel_hours", 12)),
        checkin_closes_minutes=int(args.get("checkin_closes_minutes", 15)),
        min_size=int(args.get("min_size", 0)), version=1, created_at=ctx.now,
        updated_at=ctx.now,
    )  # fmt: skip
    ctx.session.add(row)
    _publish(ctx, row)
    return Outcome()


@handles("class_schedule.create.v1", Permission.BOOKING_MANAGE, checks_first=True)
def class_schedule_create(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    if ctx.session.get(GymSchedule, str(args["id"])) is not None:
        return Outcome("applied", {"already_known": True})
    _store_row(ctx, GymClassType, str(args["class_type_id"]), "class type")
    weekday = int(args["weekday"])
    if not 0 <= weekday <= 6:
        raise ValidationError("weekday", "out_of_range")
    start = time.fromisoformat(str(args["start_time"])).strftime("%H:%M")
    capacity = args.get("capacity")
    row = GymSchedule(
        id=str(args["id"]), store_id=ctx.store_id, class_type_id=str(args["class_type_id"]),
        weekday=weekday, start_time=start, instructor=str(args.get("instructor") or ""),
        room=str(args.get("room") or ""), capacity=int(capacity) if capacity is not None else None,
        valid_from=date.fromisoformat(str(args["valid_from"])).isoformat(), valid_until=None,
        version=1, created_at=ctx.now, updated_at=ctx.now,
    )  # fmt: skip
    ctx.session.add(row)
    _publish(ctx, row)
    return Outcome()


@handles("class_session.generate.v1", Permission.BOOKING_MANAGE)
def class_session_generate(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """The desk's run again on the server's schedules, in the desk's order (days, then
    schedules by id: UUIDv7, so in the order they were made). When the desk made one id per
    slot (it had none of them yet), ids and slots pair up: a slot another desk generated
    first keeps the server's session and the desk's id becomes an alias of it (effects
    `same_as`, so bookings made on either id land on one session). Otherwise the desk's ids
    fill the slots the server lacks, in turn; ids left over come back as `unplaced`."""
    first_day = date.fromisoformat(str(args["first_day"]))
    days = int(args["days"])
    if not 0 <= days <= 366:
        raise ValidationError("days", "out_of_range")
    ids = [str(i) for i in args.get("ids") or []]
    known = set(ctx.session.scalars(select(GymSession.id).where(GymSession.id.in_(ids))))
    tz = _timezone(ctx)
    schedules = list(ctx.session.scalars(
        select(GymSchedule).where(GymSchedule.store_id == ctx.store_id).order_by(GymSchedule.id)
    ))  # fmt: skip
    types = {t.id: t for t in ctx.session.scalars(
        select(GymClassType).where(GymClassType.store_id == ctx.store_id))}  # fmt: skip
    slots: list[tuple[GymSchedule, datetime, str | None]] = []  # schedule, start, existing
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        for sc in schedules:
            if (
                sc.weekday != day.weekday()
                or day.isoformat() < sc.valid_from
                or (sc.valid_until and day.isoformat() > sc.valid_until)
            ):
                continue
            start = datetime.combine(day, time.fromisoformat(sc.start_time), tzinfo=tz)
            existing = ctx.session.scalar(
                select(GymSession.id).where(
                    GymSession.schedule_id == sc.id, GymSession.starts_at == start
                )
            )
            slots.append((sc, start, existing))
    same_as: dict[str, str] = {}
    if len(ids) == len(slots):
        pairs = list(zip(ids, slots, strict=True))
    else:
        todo = iter(i for i in ids if i not in known)
        pairs = [(next(todo, ""), slot) for slot in slots if slot[2] is None]
    made: list[str] = []
    for desk_id, (sc, start, existing) in pairs:
        if not desk_id or desk_id in known:
            continue
        if existing is not None:
            if existing != desk_id and ctx.session.get(GymSessionAlias, desk_id) is None:
                ctx.session.add(GymSessionAlias(alias_id=desk_id, session_id=existing))
                same_as[desk_id] = existing
            continue
        ct = types[sc.class_type_id]
        row = GymSession(
            id=desk_id, store_id=ctx.store_id, class_type_id=ct.id, schedule_id=sc.id,
            starts_at=start, ends_at=start + timedelta(minutes=ct.duration_minutes),
            capacity=sc.capacity if sc.capacity is not None else ct.capacity,
            instructor=sc.instructor, room=sc.room, cancelled=False, version=1,
            created_at=ctx.now, updated_at=ctx.now,
        )  # fmt: skip
        ctx.session.add(row)
        ctx.session.flush()
        _publish(ctx, row)
        made.append(row.id)
    placed = set(made) | set(same_as) | known
    unplaced = [i for i in ids if i not in placed]
    if same_as or unplaced:
        return Outcome("compensated", {"same_as": same_as, "unplaced": unplaced})
    return Outcome()


def _seats_taken(ctx: OpContext, session_id: str) -> int:
    return int(
        ctx.session.scalar(
            select(func.count()).where(
                GymBooking.session_id == session_id, GymBooking.status == "confirmed"
            )
        )
        or 0
    )


def _lock_session(ctx: OpContext, session_id: str) -> GymSession:
    """The session (by its id or a desk's alias of it), locked until the batch commits."""
    alias = ctx.session.get(GymSessionAlias, session_id)
    if alias is not None:
        session_id = alias.session_id
    row = ctx.session.get(GymSession, session_id, with_for_update=True)
    if row is None or row.store_id != ctx.store_id:
        raise NotFound("no such session", session_id=session_id)
    return row


def _return_credit(ctx: OpContext, booking: GymBooking) -> bool:
    if not booking.credit_entitlement_id:
        return False
    ent = ctx.session.get(GymEntitlement, booking.credit_entitlement_id, with_for_update=True)
    if ent is not None and ent.units_used > 0:
        ent.units_used -= 1
        _touch(ent, ctx)
        _publish_entitlement(ctx, ent)
    booking.credit_entitlement_id = None
    return True


def _credit_for(ctx: OpContext, member_id: str, class_type_id: str, at: datetime) -> str | None:
    """What pays for a seat (the desk's rule): None when a period covering the class does,
    else the class credit pack expiring first; BookingRefused when nothing covers it."""
    shared = select(GymSharer.entitlement_id).where(GymSharer.member_id == member_id)
    rows = ctx.session.scalars(
        select(GymEntitlement).where(
            or_(GymEntitlement.member_id == member_id, GymEntitlement.id.in_(shared)),
            GymEntitlement.deleted_at.is_(None),
        )
    )
    packs: list[tuple[datetime, str]] = []
    for row in rows:
        ent = as_of(_domain(ctx, row), at)
        if entitlement_status(ent, at) not in USABLE:
            continue
        types = (row.scope or {}).get("class_types")
        if types and class_type_id not in types:
            continue
        if ent.kind is EntitlementKind.PERIOD:
            return None
        if ent.kind is EntitlementKind.CLASS_CREDITS and (ent.units_left or 0) > 0:
            packs.append((ent.valid_until or datetime.max.replace(tzinfo=UTC), ent.id))
    if not packs:
        raise BookingRefused("no entitlement covers this class", reason="no_entitlement_for_class")
    return min(packs)[1]


def _take_seat(ctx: OpContext, booking: GymBooking, session: GymSession, at: datetime) -> bool:
    """Confirm `booking` if a seat is free and something pays for it; False otherwise."""
    if session.cancelled or _seats_taken(ctx, session.id) >= session.capacity:
        return False
    credit = _credit_for(ctx, booking.member_id, session.class_type_id, at)
    if credit is not None:
        ent = ctx.session.get(GymEntitlement, credit, with_for_update=True)
        assert ent is not None
        if ent.units_total is not None and ent.units_used >= ent.units_total:
            return False
        ent.units_used += 1
        _touch(ent, ctx)
        _publish_entitlement(ctx, ent)
    booking.status, booking.credit_entitlement_id = "confirmed", credit
    return True


def _check_member_may_book(ctx: OpContext, member_id: str, here: GymSession, at: datetime) -> None:
    """The per-member rules, on every desk's bookings: the strikes ban, [5] upcoming
    bookings, no two overlapping seats (a waitlist may overlap)."""
    rules = ClassRules()
    strikes = [
        Strike(s.id, s.at, s.forgiven_at is not None)
        for s in ctx.session.scalars(select(GymStrike).where(GymStrike.member_id == member_id))
    ]
    bar = barred_until(strikes, at, rules)
    if bar is not None:
        raise BookingRefused("member barred", reason="member_barred", until=bar.isoformat())
    upcoming = ctx.session.execute(
        select(GymSession.starts_at, GymSession.ends_at, GymBooking.status)
        .join(GymBooking, GymBooking.session_id == GymSession.id)
        .where(
            GymBooking.member_id == member_id, GymBooking.status.in_(LIVE),
            GymSession.id != here.id, GymSession.ends_at > at,
        )
    ).all()  # fmt: skip
    if len(upcoming) >= rules.max_upcoming:
        raise BookingRefused("too many upcoming", reason="too_many_upcoming")
    for starts, ends, status in upcoming:
        if status == "confirmed" and starts < here.ends_at and here.starts_at < ends:
            raise BookingRefused("overlapping booking", reason="overlapping_booking")


@handles("booking.create.v1", Permission.BOOKING_MANAGE)
def booking_create(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    booking_id = str(args["id"])
    existing = ctx.session.get(GymBooking, booking_id)
    if existing is not None:
        return Outcome("applied", {"already_known": True, "status": existing.status})
    session = _lock_session(ctx, str(args["session_id"]))  # serialises the seats
    if session.cancelled:
        raise BookingRefused("session cancelled", reason="session_cancelled")
    member = ctx.session.get(MemberRow, str(args["member_id"]))
    if member is None or member.status != "active":
        raise BookingRefused("member not active", reason="member_not_active")
    if ctx.session.scalar(
        select(GymBooking.id).where(
            GymBooking.session_id == session.id, GymBooking.member_id == member.id,
            GymBooking.status.in_(LIVE),
        )
    ):  # fmt: skip
        raise BookingRefused("already booked", reason="already_booked")
    at = op_time(ctx)
    _check_member_may_book(ctx, member.id, session, at)
    queued = int(
        ctx.session.scalar(
            select(func.max(GymBooking.queued)).where(GymBooking.session_id == session.id)
        )
        or 0
    )
    row = GymBooking(
        id=booking_id, store_id=ctx.store_id, session_id=session.id, member_id=member.id,
        status="waitlisted", queued=queued + 1, credit_entitlement_id=None,
        promoted_in_window=False, version=1, created_at=ctx.now, updated_at=ctx.now,
    )  # fmt: skip
    wanted = str(args.get("status") or "confirmed")
    if wanted == "confirmed":
        _take_seat(ctx, row, session, at)
    else:
        _credit_for(ctx, member.id, session.class_type_id, at)  # still needs an entitlement
    ctx.session.add(row)
    _publish(ctx, row)
    if row.status != wanted:
        return Outcome("compensated", {"status": row.status, "queued": row.queued})
    return Outcome("applied", {"status": row.status})


@handles("booking.cancel.v1", Permission.BOOKING_MANAGE)
def booking_cancel(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = ctx.session.get(GymBooking, str(args["id"]))
    if row is None or row.store_id != ctx.store_id:
        raise NotFound("no such booking", booking_id=args["id"])
    session = _lock_session(ctx, row.session_id)
    if row.status not in LIVE:
        return Outcome("applied", {"already": row.status})
    status = str(args.get("status") or "cancelled")
    if status not in CANCEL_STATUSES:
        raise ValidationError("status", "not_a_cancel")
    was_confirmed = row.status == "confirmed"
    if row.status == "waitlisted":
        status = "cancelled"  # nothing held, nothing forfeited
    row.status = status
    returned = was_confirmed and status == "cancelled" and _return_credit(ctx, row)
    _touch(row, ctx)
    _publish(ctx, row)
    promoted = _auto_promote(ctx, session, op_time(ctx)) if was_confirmed else []
    if bool(args.get("credit_returned")) != returned and was_confirmed:
        return Outcome(
            "compensated",
            {"status": row.status, "credit_returned": returned, "promoted": promoted},
        )
    return Outcome("applied", {"promoted": promoted} if promoted else {})


def _auto_promote(ctx: OpContext, session: GymSession, at: datetime) -> list[str]:
    """Free seats go to the waitlist in arrival order, to members something still pays for,
    until the late-cancel window opens (then staff promote by hand). Bookings from every
    desk are in the server's queue, also those the cancelling desk has not seen yet. A
    promoted member leaves the waitlists of overlapping sessions."""
    ct = ctx.session.get(GymClassType, session.class_type_id)
    window = timedelta(hours=ct.late_cancel_hours if ct is not None else 12)
    if session.cancelled or at >= session.starts_at - window:
        return []
    promoted: list[str] = []
    waiting = ctx.session.scalars(
        select(GymBooking)
        .where(GymBooking.session_id == session.id, GymBooking.status == "waitlisted")
        .order_by(GymBooking.queued)
    )
    for booking in list(waiting):
        if _seats_taken(ctx, session.id) >= session.capacity:
            break
        try:
            if not _take_seat(ctx, booking, session, at):
                continue
        except BookingRefused:
            continue  # nothing pays for it any more: the next one
        _touch(booking, ctx)
        _publish(ctx, booking)
        promoted.append(booking.id)
        ctx.session.flush()
        others = ctx.session.execute(
            select(GymBooking, GymSession.starts_at, GymSession.ends_at)
            .join(GymSession, GymSession.id == GymBooking.session_id)
            .where(
                GymBooking.member_id == booking.member_id, GymBooking.status == "waitlisted",
                GymBooking.session_id != session.id,
            )
        ).all()  # fmt: skip
        for other, starts, ends in others:
            if starts < session.ends_at and session.starts_at < ends:
                other.status = "cancelled"
                _touch(other, ctx)
                _publish(ctx, other)
    return promoted


@handles("booking.promote.v1", Permission.BOOKING_MANAGE)
def booking_promote(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = ctx.session.get(GymBooking, str(args["id"]))
    if row is None or row.store_id != ctx.store_id:
        raise NotFound("no such booking", booking_id=args["id"])
    session = _lock_session(ctx, row.session_id)
    if row.status != "waitlisted":
        if row.status == "confirmed":
            return Outcome("applied", {"status": row.status})
        return Outcome("compensated", {"status": row.status})
    at = op_time(ctx)
    try:
        taken = _take_seat(ctx, row, session, at)
    except BookingRefused:
        taken = False
    if not taken:
        return Outcome("compensated", {"status": row.status})
    ct = ctx.session.get(GymClassType, session.class_type_id)
    window = timedelta(hours=ct.late_cancel_hours if ct is not None else 12)
    row.promoted_in_window = session.starts_at - at <= window
    _touch(row, ctx)
    _publish(ctx, row)
    return Outcome("applied", {"status": row.status})


def _forgive(ctx: OpContext, strike: GymStrike, note: str) -> None:
    strike.forgiven_at, strike.forgiven_by, strike.forgive_note = ctx.now, ctx.op.actor, note
    strike.version += 1
    _publish(ctx, strike)


@handles("booking.attend.v1", Permission.BOOKING_MANAGE)
def booking_attend(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = ctx.session.get(GymBooking, str(args["id"]))
    if row is None or row.store_id != ctx.store_id:
        raise NotFound("no such booking", booking_id=args["id"])
    if row.status == "attended":
        return Outcome()
    if row.status not in ("confirmed", "no_show"):
        raise BookingRefused("not a confirmed booking", reason="not_confirmed")
    row.status = "attended"
    _touch(row, ctx)
    _publish(ctx, row)
    strike = ctx.session.scalar(select(GymStrike).where(GymStrike.booking_id == row.id))
    if strike is not None and strike.forgiven_at is None:
        _forgive(ctx, strike, "marked attended")
    return Outcome()


@handles("booking.strike_forgive.v1", Permission.CHECKIN_OVERRIDE)
def strike_forgive(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    note = str(args.get("note") or "").strip()
    if not note:
        raise ValidationError("note", "required")
    strike = ctx.session.get(GymStrike, str(args["id"]))
    if strike is None or strike.store_id != ctx.store_id:
        raise NotFound("no such strike", strike_id=args["id"])
    if strike.forgiven_at is not None:
        return Outcome("applied", {"already_forgiven": True})
    _forgive(ctx, strike, note)
    return Outcome()


@handles("class_session.edit.v1", Permission.BOOKING_MANAGE)
def class_session_edit(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    session = _lock_session(ctx, str(args["id"]))
    unknown = set(args) - {"id", "instructor", "room", "capacity", "cancelled"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], "not_editable")
    for key in ("instructor", "room"):
        if key in args:
            setattr(session, key, str(args[key]))
    effects: dict[str, Any] = {}
    if "capacity" in args:
        capacity = int(args["capacity"])
        if capacity < 0:
            raise ValidationError("capacity", "negative")
        taken = _seats_taken(ctx, session.id)
        if capacity < taken:  # never below the confirmed bookings
            effects["capacity"] = capacity = taken
        session.capacity = capacity
        ctx.session.flush()
        _auto_promote(ctx, session, op_time(ctx))
    if args.get("cancelled") and not session.cancelled:
        session.cancelled = True
        for b in ctx.session.scalars(
            select(GymBooking).where(
                GymBooking.session_id == session.id, GymBooking.status.in_(LIVE)
            )
        ):
            if b.status == "confirmed":
                _return_credit(ctx, b)
            b.status = "cancelled"
            _touch(b, ctx)
            _publish(ctx, b)
    _touch(session, ctx)
    _publish(ctx, session)
    return Outcome("compensated", effects) if effects else Outcome()


@handles("class_session.close.v1", Permission.CHECKIN_RECORD, self_authorised=lambda ctx: True)
def class_session_close(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """Sent by the desk's own closing job (no staff member): a session that has ended. The
    server's roster decides: confirmed bookings not attended become no-shows with a strike
    (unless promoted inside the window), waitlisted ones are cancelled. Once per session."""
    session = _lock_session(ctx, str(args["id"]))
    if session.checkin_closed_at is not None:
        return Outcome("applied", {"already_closed": True})
    ct = ctx.session.get(GymClassType, session.class_type_id)
    closes = session.starts_at + timedelta(minutes=ct.checkin_closes_minutes if ct else 15)
    if op_time(ctx) < closes:
        raise BookingRefused("check-in still open", reason="checkin_open")
    struck: list[str] = []
    for b in ctx.session.scalars(
        select(GymBooking).where(GymBooking.session_id == session.id, GymBooking.status.in_(LIVE))
    ):
        if b.status == "waitlisted":
            b.status = "cancelled"
        else:
            b.status = "no_show"
            if not b.promoted_in_window:
                strike = GymStrike(
                    id=b.id, store_id=ctx.store_id, member_id=b.member_id, booking_id=b.id,
                    at=ctx.now, version=1,
                )  # fmt: skip
                ctx.session.add(strike)
                _publish(ctx, strike)
                struck.append(b.id)
        _touch(b, ctx)
        _publish(ctx, b)
    session.checkin_closed_at = ctx.now
    _touch(session, ctx)
    _publish(ctx, session)
    desk = sorted(str(i) for i in args.get("no_shows") or [])
    if desk != sorted(struck):
        return Outcome("compensated", {"no_shows": struck})
    return Outcome()


def tags_data(row: Any) -> dict[str, Any]:
    return {"id": row.member_id, "member_id": row.member_id, "tags": list(row.tags or [])}


def bootstrap_entities() -> dict[str, Any]:
    """A new desk's first load of this family, in BOOTSTRAP_ENTITIES' form: (model, key,
    row -> data, store id -> visible). Check-ins are not loaded (history; pulled as made)."""
    from central_server.gym_models import MemberTagSet

    def store(model: Any) -> Any:
        return lambda s: model.store_id == s

    def chain(model: Any) -> Any:
        return lambda s: model.id.is_not(None)

    return {
        "entitlement": (GymEntitlement, GymEntitlement.id, entitlement_data, chain(GymEntitlement)),
        "entitlement_hold": (GymHold, GymHold.id, hold_data, chain(GymHold)),
        "class_type": (GymClassType, GymClassType.id, class_type_data, store(GymClassType)),
        "class_schedule": (GymSchedule, GymSchedule.id, schedule_data, store(GymSchedule)),
        "class_session": (GymSession, GymSession.id, session_data, store(GymSession)),
        "booking": (GymBooking, GymBooking.id, booking_data, store(GymBooking)),
        "booking_strike": (GymStrike, GymStrike.id, strike_data, store(GymStrike)),
        "member_tags": (
            MemberTagSet, MemberTagSet.member_id, tags_data,
            lambda s: MemberTagSet.member_id.is_not(None),
        ),
    }  # fmt: skip


def merge_member_rows(ctx: OpContext, merged_id: str, survivor_id: str) -> dict[str, int]:
    """member.merge.v1 for this family, as the desk's merge policies do: entitlements,
    check-ins, bookings and strikes move to the survivor; family pools and tags unite.
    Returns rows moved per table."""
    from central_server.gym_models import MemberTagSet

    moved: dict[str, int] = {}
    movers: tuple[tuple[Any, Callable[[OpContext, Any], None]], ...] = (
        (GymEntitlement, _publish_entitlement),
        (GymCheckin, _publish_checkin),
        (GymBooking, _publish),
        (GymStrike, _publish),
    )
    for model, publish in movers:
        rows: list[Any] = list(
            ctx.session.scalars(select(model).where(model.member_id == merged_id))
        )
        for row in rows:
            row.member_id = survivor_id
            row.version += 1
            if hasattr(row, "updated_at"):
                row.updated_at = ctx.now
            publish(ctx, row)
        moved[model.__tablename__] = len(rows)
    for sharer in list(
        ctx.session.scalars(select(GymSharer).where(GymSharer.member_id == merged_id))
    ):
        pool = sharer.entitlement_id
        ctx.session.delete(sharer)
        ctx.session.flush()
        ent = ctx.session.get(GymEntitlement, pool)
        if ent is None:
            continue
        names = [survivor_id if m == merged_id else m for m in ent.sharers or []]
        ent.sharers = list(dict.fromkeys(n for n in names if n != ent.member_id))
        if survivor_id in ent.sharers and ctx.session.get(GymSharer, (pool, survivor_id)) is None:
            ctx.session.add(GymSharer(entitlement_id=pool, member_id=survivor_id))
        _touch(ent, ctx)
        _publish_entitlement(ctx, ent)
    gone = ctx.session.get(MemberTagSet, merged_id)
    if gone is not None and gone.tags:
        kept = ctx.session.get(MemberTagSet, survivor_id)
        if kept is None:
            kept = MemberTagSet(member_id=survivor_id, tags=[], hlc=ctx.hlc, version=0)
            ctx.session.add(kept)
        kept.tags = list(dict.fromkeys([*(kept.tags or []), *gone.tags]))
        kept.version += 1
        data = {"id": survivor_id, "member_id": survivor_id, "tags": kept.tags}
        ctx.changed("member_tags", survivor_id, kept.version, data, chain_wide=True)
    return moved
