"""The check-in decision (DOMAIN.md, Check-in) as one pure function: facts in, verdict out.

`decide()` never reads a clock or a database. The service gathers the facts (the member,
the entitlements they may draw on, their recent check-ins and today's bookings) and records
whatever comes back, allowed or not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import IntEnum, StrEnum
from zoneinfo import ZoneInfo

from desktop_app.domain.business_day import DEFAULT_CUTOFF, business_day
from desktop_app.domain.entitlements import (
    Entitlement,
    EntitlementKind,
    EntitlementStatus,
    StatusRules,
    entitlement_status,
)
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.holds import as_of
from desktop_app.domain.permissions import Permission


class Verdict(IntEnum):
    """Ordered by severity, so the verdict is the worst policy among the reasons."""

    ALLOW = 0
    WARN = 1
    DENY = 2

    @property
    def label(self) -> str:
        return self.name.lower()


Policy = Verdict  # a reason's configured outcome is one of the verdicts


class Reason(StrEnum):
    UNKNOWN_CODE = "unknown_code"
    REVOKED_CARD = "revoked_card"
    ARCHIVED_MEMBER = "archived_member"
    NO_ENTITLEMENT = "no_entitlement"
    EXPIRED = "expired"
    GRACE = "grace"
    ON_HOLD = "on_hold"
    BLOCKED = "blocked"
    NO_UNITS_LEFT = "no_units_left"
    OUTSIDE_ACCESS_HOURS = "outside_access_hours"
    RECENT_CHECKIN = "recent_checkin"
    PHOTO_MISSING = "photo_missing"
    EXPIRING_SOON = "expiring_soon"
    BIRTHDAY = "birthday"
    NOTE_FLAGGED = "note_flagged"


@dataclass(frozen=True, slots=True)
class ReasonRule:
    policy: Verdict
    sound: str  # a key the desk maps to a sound file; "" plays the verdict's own sound


R, V = Reason, Verdict
DEFAULT_RULES: Mapping[Reason, ReasonRule] = {
    R.UNKNOWN_CODE: ReasonRule(V.DENY, "deny"),
    R.REVOKED_CARD: ReasonRule(V.DENY, "deny"),
    R.ARCHIVED_MEMBER: ReasonRule(V.DENY, "deny"),
    R.NO_ENTITLEMENT: ReasonRule(V.DENY, "deny"),
    R.EXPIRED: ReasonRule(V.DENY, "deny"),
    R.GRACE: ReasonRule(V.WARN, "warn"),
    R.ON_HOLD: ReasonRule(V.DENY, "deny"),
    R.BLOCKED: ReasonRule(V.DENY, "deny"),
    R.NO_UNITS_LEFT: ReasonRule(V.DENY, "deny"),
    R.OUTSIDE_ACCESS_HOURS: ReasonRule(V.DENY, "deny"),
    R.RECENT_CHECKIN: ReasonRule(V.WARN, "warn"),
    R.PHOTO_MISSING: ReasonRule(V.ALLOW, ""),
    R.EXPIRING_SOON: ReasonRule(V.WARN, "warn"),
    R.BIRTHDAY: ReasonRule(V.ALLOW, "birthday"),
    R.NOTE_FLAGGED: ReasonRule(V.WARN, "warn"),
}
# Kinds that let a member through the door (class credits only buy class bookings).
ENTRY_KINDS = frozenset({EntitlementKind.PERIOD, EntitlementKind.VISIT_PACK,
                         EntitlementKind.DAY_PASS})


@dataclass(frozen=True, slots=True)
class CheckinPolicies:
    rules: Mapping[Reason, ReasonRule] = field(default_factory=lambda: dict(DEFAULT_RULES))
    reentry_minutes: int = 120
    status: StatusRules = StatusRules()
    day_cutoff: time = DEFAULT_CUTOFF
    staff_void_minutes: int = 15
    attend_before_minutes: int = 30
    attend_after_minutes: int = 15

    def rule(self, reason: Reason) -> ReasonRule:
        return self.rules.get(reason, DEFAULT_RULES[reason])

    def with_policy(self, reason: Reason, policy: Verdict, sound: str | None = None) -> (
            CheckinPolicies):
        rules = dict(self.rules)
        old = self.rule(reason)
        rules[reason] = ReasonRule(policy, old.sound if sound is None else sound)
        return replace(self, rules=rules)


class CodeStatus(StrEnum):
    FOUND = "found"  # a lookup or an active card
    UNKNOWN = "unknown"
    REVOKED = "revoked"


@dataclass(frozen=True, slots=True)
class MemberFacts:
    id: str
    archived: bool = False
    has_photo: bool = True
    note_flagged: bool = False
    birthday: date | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entitlement the member may draw on: their own, or a family pool naming them."""

    ent: Entitlement
    price_minor: int = 0
    store_ids: frozenset[str] | None = None  # scope; None: every store
    sharer_ids: frozenset[str] = frozenset()

    @property
    def restricted(self) -> bool:
        e = self.ent
        return (e.units_total is not None or e.access_start is not None
                or self.store_ids is not None)

    def value_per_unit(self) -> float:
        e = self.ent
        if e.units_total:
            return self.price_minor / e.units_total
        if e.valid_until is not None:
            days = max((e.valid_until - e.valid_from) / timedelta(days=1), 1.0)
            return self.price_minor / days
        return float(self.price_minor)


@dataclass(frozen=True, slots=True)
class PastCheckin:
    at: datetime
    member_id: str
    entitlement_id: str | None
    granted: bool
    units: int
    voided: bool = False


@dataclass(frozen=True, slots=True)
class BookedSession:
    booking_id: str
    starts_at: datetime


@dataclass(frozen=True, slots=True)
class Option:
    """One candidate as staff see it before confirming: usable or not, and why."""

    entitlement_id: str
    status: EntitlementStatus
    reasons: tuple[Reason, ...]
    verdict: Verdict
    units_left: int | None
    units: int  # what a check-in on this one would consume


@dataclass(frozen=True, slots=True)
class Decision:
    verdict: Verdict
    reasons: tuple[Reason, ...]
    sound: str
    member_id: str | None
    entitlement_id: str | None
    owner_id: str | None  # whose entitlement: differs from member_id for a family pool
    units: int
    units_left: int | None  # after this check-in
    options: tuple[Option, ...] = ()
    attended_booking_ids: tuple[str, ...] = ()
    overridden: bool = False
    override_note: str = ""

    @property
    def granted(self) -> bool:
        return self.verdict is not Verdict.DENY or self.overridden


def _worst(reasons: Sequence[Reason], policies: CheckinPolicies) -> Verdict:
    return max((policies.rule(r).policy for r in reasons), default=Verdict.ALLOW)


def _sound(verdict: Verdict, reasons: Sequence[Reason], policies: CheckinPolicies) -> str:
    """The sound of the most severe reason that names one, else the verdict's own."""
    ranked = sorted(reasons, key=lambda r: -policies.rule(r).policy)
    for r in ranked:
        rule = policies.rule(r)
        if rule.sound and rule.policy == verdict:
            return rule.sound
    if verdict is Verdict.ALLOW:
        return next((policies.rule(r).sound for r in ranked if policies.rule(r).sound), "allow")
    return verdict.label


def _within_hours(ent: Entitlement, local: time) -> bool:
    start, end = ent.access_start, ent.access_end
    if start is None or end is None:
        return True
    if start <= end:
        return start <= local < end
    return local >= start or local < end  # hours crossing midnight, e.g. 22:00-06:00


def _status_reasons(status: EntitlementStatus) -> tuple[Reason, ...]:
    return {
        EntitlementStatus.BLOCKED: (R.BLOCKED,),
        EntitlementStatus.ON_HOLD: (R.ON_HOLD,),
        EntitlementStatus.UPCOMING: (R.NO_ENTITLEMENT,),
        EntitlementStatus.EXPIRED: (R.EXPIRED,),
        EntitlementStatus.GRACE: (R.GRACE,),
        EntitlementStatus.USED_UP: (R.NO_UNITS_LEFT,),
        EntitlementStatus.EXPIRING: (R.EXPIRING_SOON,),
    }.get(status, ())


def _option(c: Candidate, member_id: str, history: Sequence[PastCheckin], now: datetime,
            tz: ZoneInfo, policies: CheckinPolicies, reentry: bool) -> Option:
    ent = as_of(c.ent, now)
    status = entitlement_status(ent, now, policies.status)
    reasons = list(_status_reasons(status))
    if not _within_hours(ent, now.astimezone(tz).time()):
        reasons.append(R.OUTSIDE_ACCESS_HOURS)
    units = 1 if ent.units_total is not None else 0
    if ent.kind is EntitlementKind.DAY_PASS and units:
        today = business_day(now, tz, policies.day_cutoff)
        if any(p.entitlement_id == ent.id and p.granted and not p.voided and p.units > 0
               and business_day(p.at, tz, policies.day_cutoff) == today for p in history):
            units = 0  # a day pass costs at most one unit per business day
    if reentry:
        units = 0
    if units == 0 and R.NO_UNITS_LEFT in reasons:
        reasons.remove(R.NO_UNITS_LEFT)  # nothing to spend: an empty pack does not matter
    if ent.units_left is not None and units > ent.units_left:
        units = 0  # never below zero, even when policy lets an empty pack through
    return Option(ent.id, status, tuple(reasons), _worst(reasons, policies), ent.units_left,
                  units)


def _rank(c: Candidate) -> tuple[bool, datetime, float, str]:
    far = datetime.max.replace(tzinfo=c.ent.valid_from.tzinfo)
    return (not c.restricted, c.ent.valid_until or far, c.value_per_unit(), c.ent.id)


def _deny(reason: Reason, member_id: str | None, policies: CheckinPolicies) -> Decision:
    return Decision(Verdict.DENY, (reason,), policies.rule(reason).sound or "deny", member_id,
                    None, None, 0, None)


def decide(
    *,
    code: CodeStatus,
    member: MemberFacts | None,
    candidates: Sequence[Candidate],
    history: Sequence[PastCheckin],
    bookings: Sequence[BookedSession] = (),
    store_id: str | None = None,
    now: datetime,
    tz: ZoneInfo,
    policies: CheckinPolicies = CheckinPolicies(),
    chosen_id: str | None = None,
) -> Decision:
    """The verdict for one check-in attempt.

    `history` holds the member's check-ins of the last day or so (enough for re-entry and a
    day pass's business day). `chosen_id` is the entitlement staff switched to; when it is
    not usable the normal order decides.
    """
    if code is CodeStatus.UNKNOWN or member is None:
        return _deny(R.UNKNOWN_CODE, None, policies)
    person: list[Reason] = []
    if code is CodeStatus.REVOKED:
        person.append(R.REVOKED_CARD)
    if member.archived:
        person.append(R.ARCHIVED_MEMBER)
    if not member.has_photo:
        person.append(R.PHOTO_MISSING)
    if member.note_flagged:
        person.append(R.NOTE_FLAGGED)
    local_day = business_day(now, tz, policies.day_cutoff)
    if member.birthday and (member.birthday.month, member.birthday.day) == (
            local_day.month, local_day.day):
        person.append(R.BIRTHDAY)

    since = now - timedelta(minutes=policies.reentry_minutes)
    recent = [p for p in history if p.member_id == member.id and p.granted and not p.voided
              and since <= p.at <= now]
    reentry_ent = {p.entitlement_id for p in recent}
    mine = [c for c in candidates
            if c.ent.kind in ENTRY_KINDS
            and (c.ent.member_id == member.id or member.id in c.sharer_ids)
            and (c.store_ids is None or store_id is None or store_id in c.store_ids)]
    ranked = sorted(mine, key=_rank)
    options = tuple(_option(c, member.id, history, now, tz, policies,
                            reentry=bool(recent) and c.ent.id in reentry_ent) for c in ranked)
    usable = [o for o in options if o.verdict is not Verdict.DENY]
    picked = next((o for o in usable if o.entitlement_id == chosen_id), None)
    if picked is None and recent:
        # Re-entry: stay on what the first visit used, so nothing is consumed twice.
        picked = next((o for o in usable if o.entitlement_id in reentry_ent), None)
    if picked is None:
        picked = usable[0] if usable else (options[0] if options else None)
    reasons = list(person)
    if picked is None:
        reasons.append(R.NO_ENTITLEMENT)
    else:
        reasons.extend(picked.reasons)
    if recent:
        reasons.append(R.RECENT_CHECKIN)
    verdict = _worst(reasons, policies)
    units = picked.units if picked is not None and verdict is not Verdict.DENY else 0
    if recent:
        units = 0
    owner = next((c.ent.member_id for c in ranked if picked and c.ent.id ==
                  picked.entitlement_id), None)
    left = None
    if picked is not None and picked.units_left is not None:
        left = picked.units_left - units
    attended: tuple[str, ...] = ()
    if verdict is not Verdict.DENY:
        attended = attended_bookings(bookings, now, policies)
    return Decision(verdict, tuple(reasons), _sound(verdict, reasons, policies), member.id,
                    picked.entitlement_id if picked else None, owner, units, left, options,
                    attended)


def attended_bookings(bookings: Sequence[BookedSession], now: datetime,
                      policies: CheckinPolicies = CheckinPolicies()) -> tuple[str, ...]:
    """Bookings whose class starts within [30] minutes after now or started up to [15]
    minutes ago: this check-in marks them attended."""
    before = timedelta(minutes=policies.attend_before_minutes)
    after = timedelta(minutes=policies.attend_after_minutes)
    return tuple(b.booking_id for b in bookings
                 if b.starts_at - before <= now <= b.starts_at + after)


def override(decision: Decision, note: str, option: Option | None = None) -> Decision:
    """Let a denied member in. The caller has checked `checkin.override`; the note is
    required and kept with the record. A unit is consumed when the entitlement has one."""
    if decision.verdict is not Verdict.DENY:
        raise ValidationError("verdict", "not_denied", "only a deny can be overridden")
    if not note.strip():
        raise ValidationError("note", "required", "an override needs a note")
    units = 0
    left = decision.units_left
    if option is not None and option.units_left is not None and option.units_left > 0 and (
            R.RECENT_CHECKIN not in decision.reasons):
        units = option.units
        left = option.units_left - units
    return replace(decision, overridden=True, override_note=note.strip(), units=units,
                   units_left=left)


def void_permission(recorded_at: datetime, now: datetime,
                    policies: CheckinPolicies = CheckinPolicies()) -> Permission:
    """Staff who record check-ins may void one within [15] minutes; later only a manager
    (`checkin.void`) may."""
    if now - recorded_at <= timedelta(minutes=policies.staff_void_minutes):
        return Permission.CHECKIN_RECORD
    return Permission.CHECKIN_VOID
