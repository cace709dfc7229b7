"""Classes and bookings (DOMAIN.md, Classes and bookings) as pure rules over one session's
roster. Each operation returns a new `Roster` and the changes it made, which the service
writes; nothing here reads a clock or a database.

Invariants (property-tested): confirmed bookings never exceed the capacity; the waitlist
keeps its first-come order; a credit is never taken twice nor returned twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from desktop_app.domain.errors import DomainError, ValidationError


class BookingStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"  # in time: the credit came back
    LATE_CANCELLED = "late_cancelled"  # inside the window: the credit is forfeit
    ATTENDED = "attended"
    NO_SHOW = "no_show"


ACTIVE = frozenset({BookingStatus.CONFIRMED, BookingStatus.WAITLISTED})


class BookingRefused(DomainError):
    """A booking broke a rule; `reason` names it for the view."""

    code = "booking_refused"

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason, reason=reason, **details)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ClassRules:
    booking_opens_days: int = 7
    late_cancel_hours: int = 12
    checkin_closes_minutes: int = 15
    max_upcoming: int = 5
    strikes_to_bar: int = 3
    strike_window_days: int = 30
    bar_days: int = 7


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: str
    class_type_id: str
    starts_at: datetime
    ends_at: datetime
    capacity: int
    cancelled: bool = False

    def overlaps(self, other: SessionInfo) -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


@dataclass(frozen=True, slots=True)
class Booking:
    id: str
    member_id: str
    status: BookingStatus
    queued: int  # first-come order: the waitlist is served by this number
    credit_entitlement_id: str | None = None  # the class-credit entitlement charged, if any
    promoted_in_window: bool = False
    provisional: bool = False  # made offline; the server has not confirmed it yet


@dataclass(frozen=True, slots=True)
class Strike:
    id: str
    at: datetime
    forgiven: bool = False


def late_window_opens(session: SessionInfo, rules: ClassRules) -> datetime:
    return session.starts_at - timedelta(hours=rules.late_cancel_hours)


def checkin_closes(session: SessionInfo, rules: ClassRules) -> datetime:
    return session.starts_at + timedelta(minutes=rules.checkin_closes_minutes)


def barred_until(strikes: Sequence[Strike], now: datetime,
                 rules: ClassRules = ClassRules()) -> datetime | None:
    """[3] unforgiven strikes within [30] days bar new bookings for [7] days from the
    strike that completed the set. None when the member may book."""
    live = sorted(s.at for s in strikes if not s.forgiven)
    window = timedelta(days=rules.strike_window_days)
    n = rules.strikes_to_bar
    until: datetime | None = None
    for i in range(n - 1, len(live)):
        if live[i] - live[i - n + 1] <= window:
            end = live[i] + timedelta(days=rules.bar_days)
            if end > now and (until is None or end > until):
                until = end
    return until


@dataclass(frozen=True, slots=True)
class MemberAgenda:
    """The member's other active bookings (upcoming sessions) and strikes."""

    upcoming: Sequence[tuple[SessionInfo, BookingStatus]] = ()
    strikes: Sequence[Strike] = ()


def check_member_may_book(session: SessionInfo, agenda: MemberAgenda, now: datetime,
                          rules: ClassRules = ClassRules()) -> None:
    """The rules about the member and the calendar; raises BookingRefused."""
    if session.cancelled:
        raise BookingRefused("session_cancelled")
    if now >= session.starts_at:
        raise BookingRefused("session_started")
    if now < session.starts_at - timedelta(days=rules.booking_opens_days):
        raise BookingRefused("booking_not_open")
    bar = barred_until(agenda.strikes, now, rules)
    if bar is not None:
        raise BookingRefused("member_barred", until=bar.isoformat())
    upcoming = [(s, st) for s, st in agenda.upcoming if s.id != session.id and s.ends_at > now]
    if len(upcoming) >= rules.max_upcoming:
        raise BookingRefused("too_many_upcoming", limit=rules.max_upcoming)
    for other, status in upcoming:
        # Waitlists may overlap (a member can queue for two slots); a seat may not.
        if status is BookingStatus.CONFIRMED and other.overlaps(session):
            raise BookingRefused("overlapping_booking", session_id=other.id)


@dataclass(frozen=True, slots=True)
class Change:
    """One booking's new state, and what happened to its credit."""

    booking: Booking
    credit: int  # -1 taken, +1 returned, 0 untouched


@dataclass(frozen=True, slots=True)
class Roster:
    session: SessionInfo
    bookings: tuple[Booking, ...] = ()

    @property
    def confirmed(self) -> tuple[Booking, ...]:
        return tuple(b for b in self.bookings
                     if b.status in (BookingStatus.CONFIRMED, BookingStatus.ATTENDED))

    @property
    def waitlist(self) -> tuple[Booking, ...]:
        return tuple(sorted((b for b in self.bookings if b.status is BookingStatus.WAITLISTED),
                            key=lambda b: b.queued))

    @property
    def free_seats(self) -> int:
        return max(self.session.capacity - len(self.confirmed), 0)

    def get(self, booking_id: str) -> Booking:
        for b in self.bookings:
            if b.id == booking_id:
                return b
        raise BookingRefused("no_such_booking", booking_id=booking_id)

    def _put(self, booking: Booking) -> Roster:
        others = tuple(b for b in self.bookings if b.id != booking.id)
        return replace(self, bookings=(*others, booking))

    def book(self, booking_id: str, member_id: str, credit_entitlement_id: str | None,
             provisional: bool = False) -> tuple[Roster, Change]:
        """A seat while one is free, otherwise the end of the waitlist. A credit is taken
        only with a seat: a waitlisted member pays on promotion."""
        if any(b.member_id == member_id and b.status in ACTIVE for b in self.bookings):
            raise BookingRefused("already_booked")
        queued = max((b.queued for b in self.bookings), default=0) + 1
        seat = self.free_seats > 0
        booking = Booking(booking_id, member_id,
                          BookingStatus.CONFIRMED if seat else BookingStatus.WAITLISTED, queued,
                          credit_entitlement_id if seat else None, provisional=provisional)
        taken = -1 if seat and credit_entitlement_id else 0
        return self._put(booking), Change(booking, taken)

    def cancel(self, booking_id: str, now: datetime,
               rules: ClassRules = ClassRules()) -> tuple[Roster, Change]:
        """Before the late-cancel window the credit comes back; inside it, it is forfeit."""
        b = self.get(booking_id)
        if b.status not in ACTIVE:
            raise BookingRefused("not_active", status=b.status.value)
        late = now >= late_window_opens(self.session, rules)
        if b.status is BookingStatus.WAITLISTED:
            done = replace(b, status=BookingStatus.CANCELLED)
            return self._put(done), Change(done, 0)
        status = BookingStatus.LATE_CANCELLED if late else BookingStatus.CANCELLED
        back = 1 if not late and b.credit_entitlement_id else 0
        done = replace(b, status=status)
        return self._put(done), Change(done, back)

    def set_capacity(self, capacity: int) -> Roster:
        """Never below the seats already confirmed: those members keep their place."""
        if capacity < 0:
            raise ValidationError("capacity", "negative")
        if capacity < len(self.confirmed):
            raise BookingRefused("capacity_below_confirmed", confirmed=len(self.confirmed))
        return replace(self, session=replace(self.session, capacity=capacity))

    def promote(self, now: datetime, credit_for: Callable[[Booking], str | None | bool],
                rules: ClassRules = ClassRules(), manual: bool = False
                ) -> tuple[Roster, list[Change]]:
        """Fill free seats from the waitlist, first come first served, skipping anyone without
        a valid entitlement. `credit_for(booking)` returns the entitlement id to charge, None
        when no credit is needed, or False when the member no longer qualifies.

        Automatic promotion stops when the late-cancel window opens; staff may still promote
        by hand (`manual`), and such members are exempt from no-show strikes."""
        in_window = now >= late_window_opens(self.session, rules)
        if (in_window and not manual) or self.session.cancelled or now >= self.session.starts_at:
            return self, []
        roster, changes = self, []
        for waiting in self.waitlist:
            if roster.free_seats == 0:
                break
            credit = credit_for(waiting)
            if credit is False:
                continue
            ent_id = credit if isinstance(credit, str) else None
            up = replace(waiting, status=BookingStatus.CONFIRMED, credit_entitlement_id=ent_id,
                         promoted_in_window=in_window)
            roster = roster._put(up)
            changes.append(Change(up, -1 if ent_id else 0))
        return roster, changes

    def leave_waitlist(self, member_id: str) -> tuple[Roster, list[Change]]:
        """The member got a seat in an overlapping session: they leave this waitlist."""
        roster, changes = self, []
        for b in self.bookings:
            if b.member_id == member_id and b.status is BookingStatus.WAITLISTED:
                done = replace(b, status=BookingStatus.CANCELLED)
                roster = roster._put(done)
                changes.append(Change(done, 0))
        return roster, changes

    def mark_attended(self, booking_id: str) -> tuple[Roster, Change]:
        b = self.get(booking_id)
        if b.status not in (BookingStatus.CONFIRMED, BookingStatus.NO_SHOW):
            raise BookingRefused("not_confirmed", status=b.status.value)
        done = replace(b, status=BookingStatus.ATTENDED)
        return self._put(done), Change(done, 0)

    def close_checkin(self, now: datetime, rules: ClassRules = ClassRules()
                      ) -> tuple[Roster, list[Change], list[Booking]]:
        """When check-in closes, every confirmed booking not attended is a no-show: the
        credit stays spent. Returns the no-shows that earn a strike (members promoted
        inside the window are exempt)."""
        if now < checkin_closes(self.session, rules):
            raise BookingRefused("checkin_still_open")
        roster, changes, strikes = self, [], []
        for b in self.bookings:
            if b.status is BookingStatus.CONFIRMED:
                done = replace(b, status=BookingStatus.NO_SHOW)
                roster = roster._put(done)
                changes.append(Change(done, 0))
                if not b.promoted_in_window:
                    strikes.append(done)
            elif b.status is BookingStatus.WAITLISTED:
                done = replace(b, status=BookingStatus.CANCELLED)
                roster = roster._put(done)
                changes.append(Change(done, 0))
        return roster, changes, strikes

    def server_result(self, booking_id: str, seat_given: bool) -> tuple[Roster, Change]:
        """An offline booking meets the server: confirmed as it was, or waitlisted when the
        server found the session full (its credit comes back)."""
        b = self.get(booking_id)
        if seat_given:
            done = replace(b, provisional=False)
            return self._put(done), Change(done, 0)
        back = 1 if b.status is BookingStatus.CONFIRMED and b.credit_entitlement_id else 0
        done = replace(b, provisional=False, status=BookingStatus.WAITLISTED,
                       credit_entitlement_id=None)
        return self._put(done), Change(done, back)
