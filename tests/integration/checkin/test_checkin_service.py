"""The check-in service on a real SQLite file: every attempt recorded with its op, units spent
and given back, overrides and voids audited, attendance marked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.domain.checkin import Reason, Verdict
from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.errors import PermissionDenied, ValidationError
from desktop_app.domain.holds import RefundRefused
from desktop_app.domain.permissions import Role
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft
from desktop_app.store.checkin_models import CheckinRow
from desktop_app.store.models import AuditEntry, EntitlementRow, OutboxOp

PACK = EntitlementDraft(EntitlementKind.VISIT_PACK, "10 visits", 50_000, days=90, units=10)


def units_used(services, ent_id: str) -> int:
    with services.db.read() as s:
        return s.get(EntitlementRow, ent_id).units_used


def test_every_attempt_is_recorded_with_its_op_allowed_or_not(services, admin) -> None:
    member = services.members.create(admin, MemberDraft(name="Wang Fang"))
    denied = services.checkin.check_in(admin, code=member.card_code)
    unknown = services.checkin.check_in(admin, code="NO-SUCH-CODE")
    assert denied.verdict is Verdict.DENY and Reason.NO_ENTITLEMENT in denied.decision.reasons
    assert unknown.decision.reasons == (Reason.UNKNOWN_CODE,)
    with services.db.read() as s:
        rows = {r.id: r for r in s.scalars(select(CheckinRow))}
        ops = {o.op_id: o for o in s.scalars(select(OutboxOp).where(
            OutboxOp.name == "checkin.record.v1"))}
    assert set(rows) == {denied.checkin_id, unknown.checkin_id}
    assert {r.op_id for r in rows.values()} == set(ops)
    assert ops[denied.op_id].args["verdict"] == "deny"


def test_a_visit_pack_check_in_spends_one_unit_and_activates_it(services, admin, clock) -> None:
    member = services.members.create(admin, MemberDraft(name="Li Lei"))
    ent = services.entitlements.sell(admin, member.id, PACK)
    result = services.checkin.check_in(admin, code=member.card_code)
    assert result.verdict is Verdict.ALLOW and result.decision.units == 1
    assert result.entitlement_name == "10 visits" and result.decision.units_left == 9
    assert units_used(services, ent) == 1
    with pytest.raises(RefundRefused):
        services.entitlements.refund(admin, ent)
    clock.advance(minutes=30)
    again = services.checkin.check_in(admin, code=member.card_code)
    assert Reason.RECENT_CHECKIN in again.decision.reasons and units_used(services, ent) == 1


def test_an_unused_purchase_is_refunded_in_full(services, admin, clock) -> None:
    member = services.members.create(admin, MemberDraft(name="Zhao"))
    ent = services.entitlements.sell(admin, member.id, PACK)
    clock.advance(days=6)
    assert services.entitlements.refund(admin, ent) == 50_000
    assert services.entitlements.of_member(member.id) == []


def test_void_within_15_minutes_by_desk_staff_gives_the_unit_back(services, admin, staff_of,
                                                                   clock) -> None:
    desk = staff_of(Role.FRONT_DESK)
    member = services.members.create(admin, MemberDraft(name="Chen"))
    ent = services.entitlements.sell(admin, member.id, PACK)
    first = services.checkin.check_in(desk, code=member.card_code)
    clock.advance(minutes=10)
    services.checkin.void(desk, first.checkin_id, "wrong member")
    assert units_used(services, ent) == 0
    second = services.checkin.check_in(desk, code=member.card_code)
    assert second.decision.units == 1  # a voided check-in is no re-entry
    clock.advance(minutes=16)
    with pytest.raises(PermissionDenied):
        services.checkin.void(desk, second.checkin_id)
    services.checkin.void(staff_of(Role.MANAGER), second.checkin_id, "late void")
    with services.db.read() as s:
        voids = s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "checkin.void"))
    assert voids == 2 and units_used(services, ent) == 0


def test_override_needs_the_permission_and_a_note_and_is_audited(services, admin,
                                                                  staff_of) -> None:
    desk, manager = staff_of(Role.FRONT_DESK), staff_of(Role.MANAGER)
    member = services.members.create(admin, MemberDraft(name="Sun"))
    with pytest.raises(PermissionDenied):
        services.checkin.check_in(desk, code=member.card_code, override_note="friend")
    with pytest.raises(ValidationError):
        services.checkin.check_in(desk, code=member.card_code, override_note=" ",
                                  approver=manager)
    ok = services.checkin.check_in(desk, code=member.card_code, override_note="paid cash",
                                   approver=manager)
    assert ok.decision.granted and ok.decision.overridden
    with services.db.read() as s:
        row = s.get(CheckinRow, ok.checkin_id)
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "checkin.override")).one()
    assert row.override_note == "paid cash" and row.approver_id == manager.staff_id
    assert audit.actor_id == desk.staff_id and audit.approver_name == manager.name


def test_family_sharing_draws_on_one_pool_and_records_who_came(services, admin) -> None:
    parent = services.members.create(admin, MemberDraft(name="Parent"))
    child = services.members.create(admin, MemberDraft(name="Child"))
    draft = EntitlementDraft(EntitlementKind.VISIT_PACK, "Family 20", 90_000, days=90, units=20,
                             sharer_ids=(child.id,))
    ent = services.entitlements.sell(admin, parent.id, draft)
    r = services.checkin.check_in(admin, code=child.card_code)
    assert r.decision.entitlement_id == ent and r.decision.owner_id == parent.id
    with services.db.read() as s:
        assert s.get(CheckinRow, r.checkin_id).member_id == child.id
    assert units_used(services, ent) == 1


def test_a_hold_denies_entry_and_an_early_end_moves_the_expiry(services, admin, clock) -> None:
    member = services.members.create(admin, MemberDraft(name="Hold"))
    draft = EntitlementDraft(EntitlementKind.PERIOD, "Monthly", 30_000, days=30)
    ent = services.entitlements.sell(admin, member.id, draft)
    before = services.entitlements.of_member(member.id)[0].valid_until
    hold = services.entitlements.hold(admin, ent, clock.now(), clock.now() + timedelta(days=20),
                                      "travel")
    assert Reason.ON_HOLD in services.checkin.check_in(admin, code=member.card_code
                                                       ).decision.reasons
    clock.advance(days=5)
    services.entitlements.end_hold(admin, hold)
    after = services.entitlements.of_member(member.id)[0].valid_until
    assert after - before == timedelta(days=5)
    assert services.checkin.check_in(admin, code=member.card_code).decision.granted


def test_a_renewal_starts_the_day_after_the_old_one_ends(services, admin) -> None:
    member = services.members.create(admin, MemberDraft(name="Renew"))
    draft = EntitlementDraft(EntitlementKind.PERIOD, "Monthly", 30_000, days=30)
    old = services.entitlements.sell(admin, member.id, draft)
    new = services.entitlements.renew(admin, old, 30_000)
    views = {v.id: v for v in services.entitlements.of_member(member.id)}
    assert views[new].valid_from >= views[old].valid_until
    assert views[new].valid_from - views[old].valid_until < timedelta(days=1)


def test_todays_list_shows_attempts_and_voids(services, admin) -> None:
    member = services.members.create(admin, MemberDraft(name="Today"))
    services.entitlements.sell(admin, member.id, PACK)
    r = services.checkin.check_in(admin, code=member.card_code)
    services.checkin.void(admin, r.checkin_id)
    lines = services.checkin.today()
    assert [(line.member_name, line.voided) for line in lines] == [("Today", True)]


def test_a_configured_policy_changes_the_verdict(services, admin) -> None:
    member = services.members.create(admin, MemberDraft(name="Policy"))
    services.checkin.set_policy(admin, Reason.NO_ENTITLEMENT, Verdict.WARN, "warn")
    assert services.checkin.check_in(admin, code=member.card_code).verdict is Verdict.WARN
    assert services.checkin.policies()[Reason.NO_ENTITLEMENT].policy is Verdict.WARN
