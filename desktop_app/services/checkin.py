"""Check-in use cases: record an attempt (allowed or not), override a deny, void, list the
day. Every attempt is one transaction: the check-in row, the units it spent, the bookings it
marked attended, and its `checkin.record.v1` op."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop_app.domain.business_day import business_day, business_day_bounds
from desktop_app.domain.chain import GENESIS
from desktop_app.domain.checkin import (
    CheckinPolicies,
    CodeStatus,
    Decision,
    Option,
    Reason,
    ReasonRule,
    Verdict,
    attended_bookings,
    decide,
    override,
    void_permission,
)
from desktop_app.domain.entitlements import StatusRules
from desktop_app.domain.errors import Conflict, NotFound, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission, authorise
from desktop_app.domain.settings import StoreSettings
from desktop_app.services.base import Service
from desktop_app.store.audit import new_audit_entry
from desktop_app.store.checkin_models import CheckinRow, CheckinVoid
from desktop_app.store.checkins import POLICIES_KEY, stored_policies
from desktop_app.store.door import (
    DoorFacts,
    attend,
    door_facts,
    insert_checkin,
    spend,
)
from desktop_app.store.models import EntitlementRow, Member, Setting
from desktop_app.store.outbox import hlc_after, new_op
from desktop_app.store.row_writes import insert_rows, set_states
from desktop_app.store.sales import store_settings
from desktop_app.store.state import AUDIT_HEAD, device_id
from desktop_app.store.state import HLC as HLC_KEY
from desktop_app.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class CheckinResult:
    """What the front desk shows: the decision and who it is about."""

    checkin_id: str
    op_id: str
    at: datetime
    decision: Decision
    member_number: str | None
    member_name: str | None
    photo_path: str | None
    entitlement_name: str | None
    pending: bool = False
    """Not recorded yet: several entitlements qualify and staff may switch before it is
    consumed (`check_in(..., hold_for_choice=True)`); confirm with `chosen_entitlement_id`."""
    option_names: tuple[tuple[str, str], ...] = ()
    """(entitlement id, name) of every option in `decision.options`, in the same order."""

    @property
    def verdict(self) -> Verdict:
        return self.decision.verdict

    def usable_options(self) -> tuple[Option, ...]:
        """The entitlements staff may switch to: those that would not deny."""
        return tuple(o for o in self.decision.options if o.verdict is not Verdict.DENY)

    def name_of(self, entitlement_id: str | None) -> str:
        return dict(self.option_names).get(entitlement_id or "", "")


@dataclass(frozen=True, slots=True)
class CheckinLine:
    """One row of the day's list."""

    checkin_id: str
    at: datetime
    member_id: str | None
    member_name: str | None
    verdict: str
    reasons: tuple[str, ...]
    units: int
    overridden: bool
    voided: bool


def policies_from(settings: StoreSettings, stored: dict[str, Any]) -> CheckinPolicies:
    policies = CheckinPolicies(
        reentry_minutes=settings.reentry_minutes,
        status=StatusRules(settings.expiring_days, settings.expiring_units, settings.grace_days),
        day_cutoff=time.fromisoformat(settings.day_cutoff),
    )
    for key, (policy, sound) in stored.items():
        if key in Reason.__members__.values():
            policies = policies.with_policy(Reason(key), Verdict[policy.upper()], sound)
    return policies


class CheckinService(Service):
    def check_in(
        self,
        actor: Actor,
        *,
        code: str | None = None,
        member_id: str | None = None,
        desk_id: str | None = None,
        store_id: str | None = None,
        chosen_entitlement_id: str | None = None,
        override_note: str | None = None,
        approver: Actor | None = None,
        hold_for_choice: bool = False,
    ) -> CheckinResult:
        """Decide and record one attempt. With `override_note`, a deny is let through; that
        needs `checkin.override` (the actor's or an approving manager's).

        With `hold_for_choice`, an attempt where more than one entitlement qualifies (and
        something would be consumed) is decided but not recorded: the result is `pending`,
        shows which entitlement will be used (`chosen_entitlement_id`, else the DOMAIN.md
        order) and the others, and the desk confirms it with a second call without the hold.
        Everything else is recorded at once, as without the hold."""
        if code is None and member_id is None:
            raise ValidationError("code", "required")
        permission = Permission.CHECKIN_RECORD
        authority = authorise(actor, permission)
        if override_note is not None:
            authority = authorise(actor, Permission.CHECKIN_OVERRIDE, approver)
            if not override_note.strip():
                raise ValidationError("note", "required", "an override needs a note")
        with UnitOfWork(self._db, self._clock, authority) as uow:
            since = uow.now - timedelta(days=1, hours=4)  # enough for re-entry and the day
            facts = door_facts(uow.session, code=code.strip() if code else None,
                               member_id=member_id, now=uow.now, since=since,
                               policies_key=POLICIES_KEY)
            tz = ZoneInfo(facts.settings.timezone)
            policies = policies_from(facts.settings, facts.policies)
            decision = decide(
                code=CodeStatus(facts.code_status), member=facts.member,
                candidates=facts.candidates, history=facts.history, bookings=facts.bookings,
                store_id=store_id, now=uow.now, tz=tz, policies=policies,
                chosen_id=chosen_entitlement_id)
            if override_note is not None and decision.verdict is Verdict.DENY:
                decision = override(decision, override_note, _option(decision))
                decision = replace(decision, attended_booking_ids=attended_bookings(
                    facts.bookings, uow.now, policies))
            if hold_for_choice and override_note is None and _has_choice(decision):
                return _result(decision, "", "", uow.now, facts, pending=True)
            return self._record(uow, decision, code, desk_id, store_id, facts)

    def _record(self, uow: UnitOfWork, d: Decision, code: str | None, desk_id: str | None,
                store_id: str | None, facts: DoorFacts) -> CheckinResult:
        if d.granted and d.entitlement_id is not None and not spend(
                uow.session, d.entitlement_id, d.units, uow.now):
            raise Conflict("no units left", entitlement_id=d.entitlement_id)
        attended = attend(uow.session, list(d.attended_booking_ids), uow.now) if d.granted \
            else []
        checkin_id = new_id()
        authority = uow.authority
        reasons = [r.value for r in d.reasons]
        args = {
            "id": checkin_id, "at": uow.now.isoformat(), "member_id": d.member_id,
            "code": code, "desk_id": desk_id, "store_id": store_id,
            "verdict": d.verdict.label, "granted": d.granted, "reasons": reasons,
            "entitlement_id": d.entitlement_id, "owner_id": d.owner_id, "units": d.units,
            "overridden": d.overridden, "override_note": d.override_note or None,
            "attended_booking_ids": attended,
        }
        # The op, its HLC and (on an override) the audit entry are built from the state read
        # with the facts, and written as Core INSERTs: no ORM flush, no re-read.
        device = facts.device_id or device_id(uow.session)
        hlc = str(hlc_after(facts.hlc, device, uow.now))
        op = new_op("checkin.record.v1", args, at=uow.now, authority=authority, hlc=hlc)
        insert_rows(uow.session, [op], skip=("seq",))
        approver = authority.approver if authority else None
        insert_checkin(uow.session, {
            "id": checkin_id, "op_id": op.op_id, "at": uow.now, "store_id": store_id,
            "desk_id": desk_id, "staff_id": authority.actor.staff_id if authority else None,
            "scanned_code": code, "member_id": d.member_id, "entitlement_id": d.entitlement_id,
            "owner_id": d.owner_id, "verdict": d.verdict.label, "granted": d.granted,
            "reasons": reasons, "units": d.units, "overridden": d.overridden,
            "override_note": d.override_note or None,
            "approver_id": approver.staff_id if approver else None,
            "attended_booking_ids": attended or None})
        state = {HLC_KEY: hlc}
        if d.overridden:
            audit = new_audit_entry(
                facts.audit_head or GENESIS, facts.audit_seq, at=uow.now, authority=authority,
                action="checkin.override", entity="checkin", entity_id=checkin_id,
                details={"member_id": d.member_id, "note": d.override_note,
                         "reasons": reasons}, op_id=op.op_id)
            insert_rows(uow.session, [audit])
            state[AUDIT_HEAD] = audit.hash
        set_states(uow.session, state)
        return _result(d, checkin_id, op.op_id, uow.now, facts)

    def void(self, actor: Actor, checkin_id: str, reason: str = "",
             approver: Actor | None = None) -> None:
        """Undo a check-in; its unit comes back. Within [15] minutes the desk staff may,
        later only a manager (`checkin.void`)."""
        with self._db.read() as session:
            row = session.get(CheckinRow, checkin_id)
            if row is None:
                raise NotFound("no such check-in", checkin_id=checkin_id)
            recorded_at = row.at
        permission = void_permission(recorded_at, self._clock.now())
        with self._authorised(actor, permission, approver) as uow:
            row = uow.session.get(CheckinRow, checkin_id)
            assert row is not None
            if uow.session.get(CheckinVoid, checkin_id) is not None:
                raise Conflict("already voided", checkin_id=checkin_id)
            if row.units and row.entitlement_id:
                ent = uow.session.get(EntitlementRow, row.entitlement_id)
                if ent is not None:
                    ent.units_used = max(ent.units_used - row.units, 0)
                    uow.stamp_changed(ent)
            op = uow.op("checkin.void.v1", {"checkin_id": checkin_id, "reason": reason})
            uow.session.add(CheckinVoid(
                checkin_id=checkin_id, op_id=op.op_id, at=uow.now,
                staff_id=actor.staff_id,
                approver_id=approver.staff_id if approver else None, reason=reason))
            uow.audit("checkin.void", entity="checkin", entity_id=checkin_id,
                      details={"reason": reason, "units": row.units,
                               "member_id": row.member_id}, op=op)

    def today(self, limit: int = 200) -> list[CheckinLine]:
        """The current business day's check-ins, newest first."""
        now = self._clock.now()
        with self._db.read() as session:
            settings = store_settings(session)
            tz, cutoff = ZoneInfo(settings.timezone), time.fromisoformat(settings.day_cutoff)
            start, end = business_day_bounds(business_day(now, tz, cutoff), tz, cutoff)
            rows = session.execute(
                select(CheckinRow, Member.name, CheckinVoid.checkin_id)
                .outerjoin(Member, Member.id == CheckinRow.member_id)
                .outerjoin(CheckinVoid, CheckinVoid.checkin_id == CheckinRow.id)
                .where(CheckinRow.at >= start, CheckinRow.at < end)
                .order_by(CheckinRow.at.desc()).limit(limit))
            return [CheckinLine(c.id, c.at, c.member_id, name, c.verdict, tuple(c.reasons),
                                c.units, c.overridden, voided is not None)
                    for c, name, voided in rows]

    def set_policy(self, actor: Actor, reason: Reason, policy: Verdict, sound: str) -> None:
        """Change what one reason does at the door (a settings change, audited)."""
        with self._authorised(actor, Permission.SETTINGS_MANAGE) as uow:
            row = uow.session.get(Setting, POLICIES_KEY)
            value = dict(row.value) if row is not None else {}
            old = value.get(reason.value)
            value[reason.value] = [policy.label, sound]
            if row is None:
                uow.session.add(Setting(key=POLICIES_KEY, value=value, updated_at=uow.now))
            else:
                row.value, row.updated_at = value, uow.now
            op = uow.op("settings.change.v1", {"key": POLICIES_KEY, "value": value})
            uow.audit("settings.change", entity="setting", details={
                "key": POLICIES_KEY, "reason": reason.value, "old": old,
                "new": [policy.label, sound]}, op=op)

    def policies(self) -> dict[Reason, ReasonRule]:
        with self._db.read() as session:
            p = policies_from(store_settings(session), stored_policies(session))
            return {r: p.rule(r) for r in Reason}


def _has_choice(d: Decision) -> bool:
    """More than one entitlement would let the member in, and this attempt spends a unit
    or starts the use of one (a re-entry consumes nothing, so nothing to choose)."""
    if d.verdict is Verdict.DENY or Reason.RECENT_CHECKIN in d.reasons:
        return False
    return sum(o.verdict is not Verdict.DENY for o in d.options) > 1


def _result(d: Decision, checkin_id: str, op_id: str, at: datetime, facts: DoorFacts,
            pending: bool = False) -> CheckinResult:
    names = tuple((o.entitlement_id, facts.names.get(o.entitlement_id, ""))
                  for o in d.options)
    return CheckinResult(checkin_id, op_id, at, d, facts.number, facts.name, facts.photo_path,
                         facts.names.get(d.entitlement_id or ""), pending, names)


def _option(d: Decision) -> Option | None:
    return next((o for o in d.options if o.entitlement_id == d.entitlement_id), None)
