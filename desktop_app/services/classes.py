"""Class use cases: class types, weekly schedules, sessions, bookings, the waitlist,
attendance, no-shows and strikes. Every booking change happens inside one BEGIN IMMEDIATE
transaction that re-reads the roster, so two desks can never both take the last seat."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop_app.domain.bookings import (
    Booking,
    BookingRefused,
    BookingStatus,
    Change,
    ClassRules,
    Roster,
    barred_until,
    check_member_may_book,
)
from desktop_app.domain.entitlements import EntitlementKind, EntitlementStatus, entitlement_status
from desktop_app.domain.errors import Conflict, NotFound, ValidationError
from desktop_app.domain.holds import as_of
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.services.base import Service
from desktop_app.store.checkin_models import (
    BookingRow,
    BookingStrike,
    ClassSchedule,
    ClassSession,
    ClassType,
)
from desktop_app.store.classes import (
    LoadedRoster,
    load_roster,
    member_agenda,
    move_credit,
    roster_lines,
    rules_of,
    sessions_between,
    waitlisted_elsewhere,
)
from desktop_app.store.door import entitlements_of
from desktop_app.store.models import Member
from desktop_app.store.outbox import write_op
from desktop_app.store.sales import store_settings
from desktop_app.store.uow import UnitOfWork

USABLE = {EntitlementStatus.ACTIVE, EntitlementStatus.EXPIRING}


@dataclass(frozen=True, slots=True)
class SessionView:
    id: str
    class_name: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    confirmed: int
    waitlisted: int
    instructor: str
    room: str
    cancelled: bool


@dataclass(frozen=True, slots=True)
class RosterLine:
    booking_id: str
    member_id: str
    member_name: str
    member_number: str
    status: str
    queued: int
    provisional: bool


@dataclass(frozen=True, slots=True)
class ClassTypeView:
    id: str
    name: str
    capacity: int
    duration_minutes: int


@dataclass(frozen=True, slots=True)
class StrikeView:
    id: str
    at: datetime
    class_name: str
    class_starts_at: datetime
    forgiven: bool
    note: str


@dataclass(frozen=True, slots=True)
class MemberStanding:
    member_id: str
    strikes: list[StrikeView]
    barred_until: datetime | None  # new bookings refused until then


@dataclass(frozen=True, slots=True)
class BookingView:
    id: str
    session_id: str
    member_id: str
    status: str
    provisional: bool
    credit_entitlement_id: str | None


def _view(b: Booking, session_id: str) -> BookingView:
    return BookingView(b.id, session_id, b.member_id, b.status.value, b.provisional,
                       b.credit_entitlement_id)


class ClassService(Service):
    # -- class types, schedules, sessions -------------------------------------------------
    def create_class_type(self, actor: Actor, name: str, capacity: int, duration_minutes: int,
                          **rules: int) -> str:
        if not name.strip() or capacity < 0 or duration_minutes <= 0:
            raise ValidationError("class_type", "invalid")
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            ct = ClassType(name=name.strip(), capacity=capacity,
                           duration_minutes=duration_minutes, min_size=rules.get("min_size", 0),
                           booking_opens_days=rules.get("booking_opens_days", 7),
                           late_cancel_hours=rules.get("late_cancel_hours", 12),
                           checkin_closes_minutes=rules.get("checkin_closes_minutes", 15))
            uow.stamp_new(ct, new_id())
            uow.session.add(ct)
            uow.op("class_type.create.v1", {"id": ct.id, "name": ct.name, "capacity": capacity,
                                            "duration_minutes": duration_minutes, **rules})
            return ct.id

    def add_schedule(self, actor: Actor, class_type_id: str, weekday: int, start: time,
                     valid_from: date, instructor: str = "", room: str = "",
                     capacity: int | None = None) -> str:
        if not 0 <= weekday <= 6:
            raise ValidationError("weekday", "out_of_range")
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            if uow.session.get(ClassType, class_type_id) is None:
                raise NotFound("no such class type", class_type_id=class_type_id)
            sc = ClassSchedule(class_type_id=class_type_id, weekday=weekday,
                               start_time=start.strftime("%H:%M"), instructor=instructor,
                               room=room, capacity=capacity, valid_from=valid_from,
                               valid_until=None)
            uow.stamp_new(sc, new_id())
            uow.session.add(sc)
            uow.op("class_schedule.create.v1", {
                "id": sc.id, "class_type_id": class_type_id, "weekday": weekday,
                "start_time": sc.start_time, "instructor": instructor, "room": room,
                "capacity": capacity, "valid_from": valid_from.isoformat()})
            return sc.id

    def generate_sessions(self, actor: Actor, first_day: date, days: int) -> list[str]:
        """Sessions from every weekly schedule for `days` local days; existing ones (same
        schedule and start) are kept as edited."""
        made: list[str] = []
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            tz = ZoneInfo(store_settings(uow.session).timezone)
            schedules = list(uow.session.query(ClassSchedule).filter(
                ClassSchedule.deleted_at.is_(None)))
            for offset in range(days):
                day = first_day + timedelta(days=offset)
                for sc in schedules:
                    if sc.weekday != day.weekday() or day < sc.valid_from or (
                            sc.valid_until and day > sc.valid_until):
                        continue
                    ct = uow.session.get(ClassType, sc.class_type_id)
                    assert ct is not None
                    start = datetime.combine(day, time.fromisoformat(sc.start_time), tzinfo=tz)
                    exists = uow.session.query(ClassSession.id).filter_by(
                        schedule_id=sc.id, starts_at=start).first()
                    if exists:
                        continue
                    s = ClassSession(class_type_id=ct.id, schedule_id=sc.id, starts_at=start,
                                     ends_at=start + timedelta(minutes=ct.duration_minutes),
                                     capacity=sc.capacity if sc.capacity is not None
                                     else ct.capacity, instructor=sc.instructor, room=sc.room,
                                     cancelled=False)
                    uow.stamp_new(s, new_id())
                    uow.session.add(s)
                    made.append(s.id)
            uow.op("class_session.generate.v1", {"first_day": first_day.isoformat(),
                                                 "days": days, "ids": made})
        return made

    def edit_session(self, actor: Actor, session_id: str, **changes: Any) -> SessionView:
        """Instructor, room, capacity or cancelled, one session at a time. A raised capacity
        promotes from the waitlist; cancelling returns every credit."""
        allowed = {"instructor", "room", "capacity", "cancelled"}
        if set(changes) - allowed:
            raise ValidationError(sorted(set(changes) - allowed)[0], "not_editable")
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            loaded = self._roster(uow, session_id)
            s = loaded.session_row
            for key in ("instructor", "room"):
                if key in changes:
                    setattr(s, key, str(changes[key]))
            if "capacity" in changes:
                roster = loaded.roster.set_capacity(int(changes["capacity"]))
                s.capacity = roster.session.capacity
                loaded.roster = roster
                self._promote(uow, loaded, manual=False)
            if changes.get("cancelled") and not s.cancelled:
                s.cancelled = True
                for b in loaded.roster.bookings:
                    if b.status.value in ("confirmed", "waitlisted"):
                        back = 1 if b.status.value == "confirmed" and b.credit_entitlement_id \
                            else 0
                        self._write(uow, loaded, Change(
                            replace(b, status=BookingStatus.CANCELLED), back))
            uow.stamp_changed(s)
            uow.op("class_session.edit.v1", {"id": session_id, **changes})
        return next(v for v in self.sessions(s.starts_at, s.starts_at + timedelta(seconds=1))
                    if v.id == session_id)

    # -- bookings --------------------------------------------------------------------------
    def book(self, actor: Actor, session_id: str, member_id: str,
             offline: bool = False) -> BookingView:
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            loaded = self._roster(uow, session_id)
            status = uow.session.scalar(select(Member.status).where(Member.id == member_id))
            if status != "active":
                raise BookingRefused("member_not_active")
            rules = rules_of(loaded.class_type)
            check_member_may_book(loaded.roster.session, member_agenda(
                uow.session, member_id, uow.now), uow.now, rules)
            credit = self._credit_for(uow, member_id, loaded.class_type.id)
            if credit is False:
                raise BookingRefused("no_entitlement_for_class")
            roster, change = loaded.roster.book(new_id(), member_id,
                                                credit if isinstance(credit, str) else None,
                                                provisional=offline)
            loaded.roster = roster
            self._write(uow, loaded, change)
            if change.booking.status.value == "confirmed":
                self._leave_overlapping(uow, loaded, member_id)
            write_op(uow.session, "booking.create.v1", {
                "id": change.booking.id, "session_id": session_id, "member_id": member_id,
                "status": change.booking.status.value, "provisional": offline},
                at=uow.now, authority=uow.authority)
            return _view(change.booking, session_id)

    def cancel(self, actor: Actor, booking_id: str) -> BookingView:
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            row = uow.session.get(BookingRow, booking_id)
            if row is None:
                raise NotFound("no such booking", booking_id=booking_id)
            loaded = self._roster(uow, row.session_id)
            roster, change = loaded.roster.cancel(booking_id, uow.now,
                                                  rules_of(loaded.class_type))
            loaded.roster = roster
            self._write(uow, loaded, change)
            uow.op("booking.cancel.v1", {"id": booking_id, "status": change.booking.status.value,
                                         "credit_returned": change.credit > 0})
            self._promote(uow, loaded, manual=False)
            return _view(change.booking, row.session_id)

    def promote(self, actor: Actor, session_id: str) -> list[BookingView]:
        """Staff fill free seats by hand (needed inside the late-cancel window)."""
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            loaded = self._roster(uow, session_id)
            return [_view(c.booking, session_id)
                    for c in self._promote(uow, loaded, manual=True)]

    def mark_attended(self, actor: Actor, booking_id: str) -> None:
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            row = uow.session.get(BookingRow, booking_id)
            if row is None:
                raise NotFound("no such booking", booking_id=booking_id)
            loaded = self._roster(uow, row.session_id)
            strike = uow.session.query(BookingStrike).filter_by(booking_id=booking_id).first()
            roster, change = loaded.roster.mark_attended(booking_id)
            loaded.roster = roster
            self._write(uow, loaded, change)
            if strike is not None and strike.forgiven_at is None:
                strike.forgiven_at, strike.forgiven_by = uow.now, actor.staff_id
                strike.forgive_note = "marked attended"
                uow.stamp_changed(strike)
            uow.op("booking.attend.v1", {"id": booking_id})

    def close_checkin(self, actor: Actor, session_id: str) -> list[str]:
        """No-shows forfeit their credit and earn a strike. Returns the struck booking ids."""
        with self._authorised(actor, Permission.BOOKING_MANAGE) as uow:
            return self._close(uow, session_id)

    def close_due(self) -> list[str]:
        """The desk's own background job (no staff member: it runs signed out too): close
        every session that has ended and whose check-in has closed, once. Bookings not
        attended become no-shows with a strike, waitlisted ones are cancelled. Each session
        closes in its own transaction, which re-reads `checkin_closed_at`, so a second run
        (or a second thread) finds nothing to do. Returns the struck booking ids."""
        now = self._clock.now()
        with self._db.read() as session:
            due = [sid for sid, starts, ends, closes in session.execute(
                select(ClassSession.id, ClassSession.starts_at, ClassSession.ends_at,
                       ClassType.checkin_closes_minutes)
                .join(ClassType, ClassType.id == ClassSession.class_type_id)
                .where(ClassSession.checkin_closed_at.is_(None),
                       ClassSession.cancelled.is_(False), ClassSession.deleted_at.is_(None),
                       ClassSession.ends_at <= now)
                .order_by(ClassSession.starts_at))
                if max(ends, starts + timedelta(minutes=closes)) <= now]
        struck: list[str] = []
        for session_id in due:
            with self._unit() as uow:
                struck += self._close(uow, session_id)
        return struck

    def _close(self, uow: UnitOfWork, session_id: str) -> list[str]:
        loaded = self._roster(uow, session_id)
        if loaded.session_row.checkin_closed_at is not None:
            return []
        roster, changes, strikes = loaded.roster.close_checkin(
            uow.now, rules_of(loaded.class_type))
        loaded.roster = roster
        for change in changes:
            self._write(uow, loaded, change)
        for b in strikes:
            st = BookingStrike(member_id=b.member_id, booking_id=b.id, at=uow.now)
            uow.stamp_new(st, new_id())
            uow.session.add(st)
        loaded.session_row.checkin_closed_at = uow.now
        uow.stamp_changed(loaded.session_row)
        uow.op("class_session.close.v1", {"id": session_id,
                                          "no_shows": [b.id for b in strikes]})
        return [b.id for b in strikes]

    def forgive_strike(self, actor: Actor, strike_id: str, note: str,
                       approver: Actor | None = None) -> None:
        """A manager's decision (`checkin.override`), recorded in the audit log."""
        if not note.strip():
            raise ValidationError("note", "required")
        with self._authorised(actor, Permission.CHECKIN_OVERRIDE, approver) as uow:
            st = uow.session.get(BookingStrike, strike_id)
            if st is None:
                raise NotFound("no such strike", strike_id=strike_id)
            if st.forgiven_at is not None:
                raise Conflict("already forgiven")
            st.forgiven_at, st.forgiven_by, st.forgive_note = uow.now, actor.staff_id, note
            uow.stamp_changed(st)
            op = uow.op("booking.strike_forgive.v1", {"id": strike_id, "note": note})
            uow.audit("booking.strike_forgive", entity="member", entity_id=st.member_id,
                      details={"strike_id": strike_id, "note": note}, op=op)

    def strikes_of(self, member_id: str) -> list[tuple[str, datetime, bool]]:
        with self._db.read() as session:
            agenda = member_agenda(session, member_id, self._clock.now())
            return [(s.id, s.at, s.forgiven) for s in agenda.strikes]

    def standing(self, member_id: str) -> MemberStanding:
        """A member's strikes (newest first, with the class they missed) and the booking
        ban they add up to, for the desk's strikes dialog."""
        now = self._clock.now()
        with self._db.read() as session:
            agenda = member_agenda(session, member_id, now)
            rows = session.execute(
                select(BookingStrike, ClassType.name, ClassSession.starts_at)
                .join(BookingRow, BookingRow.id == BookingStrike.booking_id)
                .join(ClassSession, ClassSession.id == BookingRow.session_id)
                .join(ClassType, ClassType.id == ClassSession.class_type_id)
                .where(BookingStrike.member_id == member_id)
                .order_by(BookingStrike.at.desc()))
            strikes = [StrikeView(st.id, st.at, name, starts, st.forgiven_at is not None,
                                  st.forgive_note or "") for st, name, starts in rows]
            return MemberStanding(member_id, strikes, barred_until(agenda.strikes, now))

    def class_types(self) -> list[ClassTypeView]:
        with self._db.read() as session:
            return [ClassTypeView(ct.id, ct.name, ct.capacity, ct.duration_minutes)
                    for ct in session.scalars(select(ClassType).where(
                        ClassType.deleted_at.is_(None)).order_by(ClassType.name))]

    # -- reading ---------------------------------------------------------------------------
    def sessions(self, start: datetime, end: datetime) -> list[SessionView]:
        with self._db.read() as session:
            return [SessionView(s.id, name, s.starts_at, s.ends_at, s.capacity, taken, waiting,
                                s.instructor, s.room, s.cancelled)
                    for s, name, taken, waiting in sessions_between(session, start, end)]

    def roster(self, session_id: str) -> list[RosterLine]:
        with self._db.read() as session:
            return [RosterLine(b.id, b.member_id, name, number, b.status, b.queued,
                               b.provisional)
                    for b, name, number in roster_lines(session, session_id)]

    # -- inside the transaction ------------------------------------------------------------
    def _roster(self, uow: UnitOfWork, session_id: str) -> LoadedRoster:
        loaded = load_roster(uow.session, session_id)
        if loaded is None:
            raise NotFound("no such session", session_id=session_id)
        return loaded

    def _credit_for(self, uow: UnitOfWork, member_id: str,
                    class_type_id: str) -> str | None | bool:
        """What pays for a seat: None when a period covering the class does, the id of a class
        credit pack, or False when nothing valid covers it."""
        packs = []
        for c, scope in entitlements_of(uow.session, member_id):  # one statement
            ent = as_of(c.ent, uow.now)
            if ent.member_id != member_id and member_id not in c.sharer_ids:
                continue
            if entitlement_status(ent, uow.now) not in USABLE:
                continue
            types = scope.get("class_types")
            if types and class_type_id not in types:
                continue
            if ent.kind is EntitlementKind.PERIOD:
                return None
            if ent.kind is EntitlementKind.CLASS_CREDITS and (ent.units_left or 0) > 0:
                packs.append(ent)
        if not packs:
            return False
        packs.sort(key=lambda e: (e.valid_until or datetime.max.replace(tzinfo=uow.now.tzinfo),
                                  e.id))
        return packs[0].id

    def _write(self, uow: UnitOfWork, loaded: LoadedRoster, change: Change) -> None:
        b = change.booking
        row = loaded.rows.get(b.id)
        if row is None:
            row = BookingRow(session_id=loaded.session_row.id, member_id=b.member_id,
                             queued=b.queued)
            uow.stamp_new(row, b.id)
            uow.session.add(row)
            loaded.rows[b.id] = row
        else:
            uow.stamp_changed(row)
        row.status, row.credit_entitlement_id = b.status.value, b.credit_entitlement_id
        row.promoted_in_window, row.provisional = b.promoted_in_window, b.provisional
        if change.credit:
            ent_id = b.credit_entitlement_id
            # -1 taken adds a use, +1 returned removes one: one UPDATE, undone with the
            # transaction when out of range.
            after = move_credit(uow.session, ent_id, change.credit, uow.now) if ent_id else None
            if after is None:
                return
            units_used, units_total = after
            if units_used < 0 or (units_total is not None and units_used > units_total):
                raise Conflict("credit units out of range", entitlement_id=ent_id)

    def _promote(self, uow: UnitOfWork, loaded: LoadedRoster, manual: bool) -> list[Change]:
        def credit_for(b: Booking) -> str | None | bool:
            return self._credit_for(uow, b.member_id, loaded.class_type.id)

        roster, changes = loaded.roster.promote(uow.now, credit_for,
                                                rules_of(loaded.class_type), manual)
        loaded.roster = roster
        for change in changes:
            self._write(uow, loaded, change)
            self._leave_overlapping(uow, loaded, change.booking.member_id)
            uow.op("booking.promote.v1", {"id": change.booking.id, "manual": manual})
        return changes

    def _leave_overlapping(self, uow: UnitOfWork, loaded: LoadedRoster, member_id: str) -> None:
        here = loaded.roster.session
        for row in waitlisted_elsewhere(uow.session, member_id, here.id):
            other = uow.session.get(ClassSession, row.session_id)
            if other is not None and other.starts_at < here.ends_at and \
                    here.starts_at < other.ends_at:
                row.status = "cancelled"
                uow.stamp_changed(row)
                uow.op("booking.cancel.v1", {"id": row.id, "status": "cancelled",
                                             "reason": "promoted_elsewhere"})


__all__ = ["BookingView", "ClassRules", "ClassService", "ClassTypeView", "MemberStanding", "Roster",
           "RosterLine", "SessionView", "StrikeView"]
