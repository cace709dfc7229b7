"""How the desk applies pulled entitlements, check-ins, classes and bookings,
and the server's effects of those ops (registered with desktop_app.store.sync_apply).

Pulled rows keep the desk-made ids, so a desk's own row is updated in place. A row whose
parent the desk does not have (a member not pulled yet, a session generated twice) is
skipped with a warning rather than failing the whole page: the server's state stays the
truth and a later pull or bootstrap brings it.

The server decides class capacity: when it answers a desk's booking with another status
(confirmed offline, waitlisted on the server), the desk's row takes the server's status and
a credit the desk took for it comes back (`booking_effects`)."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from desktop_app.store.checkin_models import (
    BookingRow,
    BookingStrike,
    CheckinRow,
    CheckinVoid,
    ClassSchedule,
    ClassSession,
    ClassType,
)
from desktop_app.store.member_bulk import add_tags, tag_ids
from desktop_app.store.models import (
    EntitlementHold,
    EntitlementRow,
    EntitlementSharer,
    Member,
    MemberTag,
    OutboxOp,
)
from desktop_app.store.sync_apply import (
    EntityApplier,
    member_create_effects,
    register_effects,
    register_entity,
    register_touches,
)

log = logging.getLogger(__name__)


def _dt(text: Any) -> datetime | None:
    return datetime.fromisoformat(str(text)) if text else None


def _stamp(row: Any, data: dict[str, Any], now: datetime) -> None:
    """Synced columns of a row taken from the server."""
    if row.created_at is None:
        row.created_at = _dt(data.get("created_at")) or now
    row.updated_at = _dt(data.get("updated_at")) or now
    row.version = (row.version or 0) + 1


_Row = TypeVar("_Row")


def _row(session: Session, model: type[_Row], row_id: str) -> _Row:
    """The desk's row of that id, or a new one added to the session (version 0: `_stamp`
    counts the server's versions from there)."""
    row = session.get(model, row_id)
    if row is None:  # every synced model has both columns
        row = model(id=row_id, version=0)  # type: ignore[call-arg]
        session.add(row)
    return row


def _has_member(session: Session, member_id: str | None, what: str, row_id: str) -> bool:
    if member_id and session.get(Member, member_id) is not None:
        return True
    log.warning("pulled %s %s: member %s not on this desk; skipped", what, row_id, member_id)
    return False


def _pending_checkin_units(session: Session, entitlement_id: str) -> int:
    """Units this desk's own not-yet-pushed check-ins took (the server's figure lacks them)."""
    return int(
        session.scalar(
            select(func.coalesce(func.sum(CheckinRow.units), 0))
            .join(OutboxOp, OutboxOp.op_id == CheckinRow.op_id)
            .where(
                CheckinRow.entitlement_id == entitlement_id,
                CheckinRow.granted.is_(True),
                OutboxOp.state == "pending",
            )
        )
        or 0
    )


def apply_entitlement(
    session: Session, ent_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    if not _has_member(session, data.get("member_id"), "entitlement", ent_id):
        return
    row = _row(session, EntitlementRow, ent_id)
    row.member_id, row.kind, row.name = data["member_id"], data["kind"], data["name"]
    valid_from = _dt(data.get("valid_from"))
    assert valid_from is not None
    row.valid_from, row.valid_until = valid_from, _dt(data.get("valid_until"))
    row.units_total = data.get("units_total")
    used = int(data.get("units_used") or 0) + _pending_checkin_units(session, ent_id)
    row.units_used = min(used, row.units_total) if row.units_total is not None else used
    row.access_start, row.access_end = data.get("access_start"), data.get("access_end")
    row.scope = data.get("scope")
    row.blocked = bool(data.get("blocked"))
    row.price_minor = int(data.get("price_minor") or 0)
    row.activated_at = _dt(data.get("activated_at"))
    renewed = data.get("renewed_from_id")
    row.renewed_from_id = renewed if renewed and session.get(EntitlementRow, renewed) else None
    row.deleted_at = _dt(data.get("deleted_at"))
    _stamp(row, data, now)
    session.flush()
    sharers = {str(s) for s in data.get("sharers") or []}
    known = {m for m in sharers if session.get(Member, m) is not None}
    session.execute(
        delete(EntitlementSharer).where(
            EntitlementSharer.entitlement_id == ent_id, EntitlementSharer.member_id.not_in(known)
        )
    )
    have = set(
        session.scalars(
            select(EntitlementSharer.member_id).where(EntitlementSharer.entitlement_id == ent_id)
        )
    )
    for member_id in sorted(known - have):
        session.add(EntitlementSharer(entitlement_id=ent_id, member_id=member_id))
    session.flush()


def apply_hold(
    session: Session, hold_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    if session.get(EntitlementRow, data["entitlement_id"]) is None:
        log.warning("pulled hold %s: entitlement not on this desk; skipped", hold_id)
        return
    row = _row(session, EntitlementHold, hold_id)
    row.entitlement_id = data["entitlement_id"]
    starts, ends = _dt(data["starts_at"]), _dt(data["ends_at"])
    assert starts is not None and ends is not None
    row.starts_at, row.ends_at, row.ended_at = starts, ends, _dt(data.get("ended_at"))
    row.reason = str(data.get("reason") or "")
    _stamp(row, data, now)
    session.flush()


def apply_checkin(
    session: Session, checkin_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    """Append-only: a check-in is inserted once (the desk that made it has it already); a
    void arrives as its own row; only a merge moves it to another member."""
    row = session.get(CheckinRow, checkin_id)
    if row is None:
        at = _dt(data["at"])
        assert at is not None
        row = CheckinRow(
            id=checkin_id, op_id=data["op_id"], at=at, store_id=data.get("store_id"),
            desk_id=data.get("desk_id"), staff_id=data.get("staff_id"),
            scanned_code=data.get("scanned_code"), member_id=data.get("member_id"),
            entitlement_id=data.get("entitlement_id"), owner_id=data.get("owner_id"),
            verdict=data["verdict"], granted=bool(data.get("granted")),
            reasons=list(data.get("reasons") or []), units=int(data.get("units") or 0),
            overridden=bool(data.get("overridden")), override_note=data.get("override_note"),
            approver_id=data.get("approver_id"),
            attended_booking_ids=data.get("attended_booking_ids") or None,
        )  # fmt: skip
        session.add(row)
        session.flush()
    elif data.get("member_id") and row.member_id != data["member_id"]:
        row.member_id = data["member_id"]  # moved by a merge
    voided = _dt(data.get("voided_at"))
    void_op = data.get("void_op_id")
    if voided is not None and void_op and session.get(CheckinVoid, checkin_id) is None:
        session.add(CheckinVoid(
            checkin_id=checkin_id, op_id=data["void_op_id"], at=voided,
            staff_id=data.get("void_staff_id"), approver_id=None,
            reason=str(data.get("void_reason") or ""),
        ))  # fmt: skip
        session.flush()


def apply_class_type(
    session: Session, type_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    row = _row(session, ClassType, type_id)
    for key in ("name", "store_id", "capacity", "duration_minutes", "booking_opens_days",
                "late_cancel_hours", "checkin_closes_minutes", "min_size"):  # fmt: skip
        if key in data:
            setattr(row, key, data[key])
    _stamp(row, data, now)
    session.flush()


def apply_schedule(
    session: Session, sc_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    if session.get(ClassType, data["class_type_id"]) is None:
        log.warning("pulled schedule %s: class type not on this desk; skipped", sc_id)
        return
    row = _row(session, ClassSchedule, sc_id)
    for key in ("class_type_id", "weekday", "start_time", "instructor", "room", "capacity"):
        setattr(row, key, data.get(key))
    row.instructor, row.room = row.instructor or "", row.room or ""
    row.valid_from = date.fromisoformat(data["valid_from"])
    row.valid_until = date.fromisoformat(data["valid_until"]) if data.get("valid_until") else None
    _stamp(row, data, now)
    session.flush()


def apply_session(
    session: Session, s_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    if session.get(ClassType, data["class_type_id"]) is None:
        log.warning("pulled session %s: class type not on this desk; skipped", s_id)
        return
    starts, ends = _dt(data["starts_at"]), _dt(data["ends_at"])
    assert starts is not None and ends is not None
    schedule_id = data.get("schedule_id")
    if schedule_id and session.get(ClassSchedule, schedule_id) is None:
        schedule_id = None
    if session.get(ClassSession, s_id) is None and schedule_id:
        twin = session.scalar(
            select(ClassSession.id).where(
                ClassSession.schedule_id == schedule_id, ClassSession.starts_at == starts
            )
        )
        if twin is not None:
            log.warning("pulled session %s: this desk generated %s for the same slot; skipped",
                        s_id, twin)  # fmt: skip
            return
    row = _row(session, ClassSession, s_id)
    row.class_type_id, row.schedule_id = data["class_type_id"], schedule_id
    row.starts_at, row.ends_at = starts, ends
    row.capacity = int(data["capacity"])
    row.instructor, row.room = data.get("instructor") or "", data.get("room") or ""
    row.cancelled = bool(data.get("cancelled"))
    row.checkin_closed_at = _dt(data.get("checkin_closed_at"))
    _stamp(row, data, now)
    session.flush()


def apply_booking(
    session: Session, b_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    if session.get(ClassSession, data["session_id"]) is None:
        log.warning("pulled booking %s: session not on this desk; skipped", b_id)
        return
    if not _has_member(session, data.get("member_id"), "booking", b_id):
        return
    row = _row(session, BookingRow, b_id)
    row.session_id, row.member_id = data["session_id"], data["member_id"]
    row.status, row.queued = data["status"], int(data.get("queued") or 0)
    credit = data.get("credit_entitlement_id")
    row.credit_entitlement_id = credit if credit and session.get(EntitlementRow, credit) else None
    row.promoted_in_window = bool(data.get("promoted_in_window"))
    row.provisional = False  # the server's word
    _stamp(row, data, now)
    session.flush()


def apply_strike(
    session: Session, st_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    """The server keys a strike by its booking (one strike per booking). A strike this desk
    made for the same booking takes the server's id, so forgiving it later names the
    server's row."""
    if session.get(BookingRow, data["booking_id"]) is None:
        return
    if not _has_member(session, data.get("member_id"), "strike", st_id):
        return
    booking_id = data["booking_id"]
    row = session.scalar(select(BookingStrike).where(BookingStrike.booking_id == booking_id))
    if row is None:
        row = BookingStrike(id=st_id, version=0, member_id=data["member_id"],
                            booking_id=data["booking_id"])  # fmt: skip
        session.add(row)
    elif row.id != st_id:
        row.id = st_id
    at = _dt(data.get("at"))
    assert at is not None
    row.at = at
    row.forgiven_at, row.forgiven_by = _dt(data.get("forgiven_at")), data.get("forgiven_by")
    row.forgive_note = data.get("forgive_note")
    _stamp(row, data, now)
    session.flush()


def apply_member_tags(
    session: Session, member_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    if session.get(Member, member_id) is None:
        return
    wanted = [str(t) for t in data.get("tags") or []]
    ids = tag_ids(session, wanted, now)
    keep = {ids[t] for t in wanted}
    session.execute(
        delete(MemberTag).where(MemberTag.member_id == member_id, MemberTag.tag_id.not_in(keep))
    )
    add_tags(session, ((member_id, i) for i in keep))


def _give_credit_back(session: Session, row: BookingRow) -> None:
    """The class credit a confirmed booking took returns to its pack (the seat was not kept)."""
    if row.credit_entitlement_id:
        ent = session.get(EntitlementRow, row.credit_entitlement_id)
        if ent is not None and ent.units_used > 0:
            ent.units_used -= 1
        row.credit_entitlement_id = None


def _booking_answer(session: Session, args: dict[str, Any], effects: dict[str, Any]) -> None:
    """The server's status for a booking the desk made or promoted. Confirmed here but
    waitlisted there: the credit the desk took comes back and the row says waitlisted."""
    status = effects.get("status")
    row = session.get(BookingRow, args["id"])
    if row is None or not status:
        return
    row.provisional = False
    if status != row.status:
        if row.status == "confirmed" and status == "waitlisted":
            _give_credit_back(session, row)
        row.status = status
        if "queued" in effects:
            row.queued = int(effects["queued"])
    session.flush()


def _booking_create_answer(session: Session, args: dict[str, Any], effects: dict[str, Any]) -> None:
    """A booking the server refused (its answer carries a message, not a status) holds no
    seat anywhere: the desk's row is cancelled and its credit comes back."""
    if "status" in effects:
        _booking_answer(session, args, effects)
        return
    row = session.get(BookingRow, args["id"])
    if row is None or "message" not in effects:
        return
    if row.status == "confirmed":
        _give_credit_back(session, row)
    row.status, row.credit_entitlement_id, row.provisional = "cancelled", None, False
    session.flush()


def _generate_effects(session: Session, args: dict[str, Any], effects: dict[str, Any]) -> None:
    """Another desk generated some of these slots first: this desk's session for such a slot
    becomes the server's (same values, the server's id), its bookings with it."""
    for desk_id, server_id in (effects.get("same_as") or {}).items():
        mine = session.get(ClassSession, desk_id)
        if mine is None:
            continue
        theirs = session.get(ClassSession, server_id)
        if theirs is None:
            values = {c: getattr(mine, c) for c in (
                "class_type_id", "schedule_id", "starts_at", "ends_at", "capacity",
                "instructor", "room", "cancelled", "checkin_closed_at", "created_at",
                "updated_at", "version", "deleted_at")}  # fmt: skip
            mine.schedule_id = None  # frees the slot's unique index for the server's row
            session.flush()
            session.add(ClassSession(id=server_id, **values))
            session.flush()
        session.execute(
            update(BookingRow).where(BookingRow.session_id == desk_id).values(session_id=server_id)
        )
        session.delete(mine)  # never reached the server under this id
        session.flush()


def _import_effects(session: Session, args: dict[str, Any], effects: dict[str, Any]) -> None:
    by_id = {str(m["id"]): m for m in args.get("members") or []}
    for member_id, one in (effects.get("members") or {}).items():
        if member_id in by_id:
            member_create_effects(session, by_id[member_id], one)


def _no_autoflush(fn: EntityApplier) -> EntityApplier:
    """A new row gets all its values before anything is flushed (lookups in between)."""

    def apply(session: Session, row_id: str, op: str, data: dict[str, Any], now: datetime) -> None:
        with session.no_autoflush:
            fn(session, row_id, op, data, now)

    return apply


for _entity, _fn in (
    ("entitlement", apply_entitlement),
    ("entitlement_hold", apply_hold),
    ("checkin", apply_checkin),
    ("class_type", apply_class_type),
    ("class_schedule", apply_schedule),
    ("class_session", apply_session),
    ("booking", apply_booking),
    ("booking_strike", apply_strike),
    ("member_tags", apply_member_tags),
):
    register_entity(_entity, _no_autoflush(_fn))

register_effects("booking.create.v1", _booking_create_answer)
register_effects("booking.promote.v1", _booking_answer)
register_effects("card.issue.v1", member_create_effects)  # a re-coded card, as at creation
register_effects("class_session.generate.v1", _generate_effects)
register_effects("member.import.v1", _import_effects)

# Rows to re-read from the server when it refuses an op or applies it differently (the
# desk's optimistic change undone). A row the server does not have is left as it is.
for _name in ("entitlement.refund.v1", "entitlement.sell.v1"):
    register_touches(_name, lambda args: [("entitlement", str(args["id"]))])
register_touches("entitlement.hold.v1", lambda args: [("entitlement", str(args["entitlement_id"]))])
register_touches(
    "checkin.record.v1",
    lambda args: (
        [("entitlement", str(args["entitlement_id"]))] if args.get("entitlement_id") else []
    ),
)
for _name in ("booking.cancel.v1", "booking.promote.v1", "booking.attend.v1"):
    register_touches(_name, lambda args: [("booking", str(args["id"]))])
register_touches("class_session.edit.v1", lambda args: [("class_session", str(args["id"]))])
