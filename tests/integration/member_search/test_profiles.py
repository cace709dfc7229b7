"""Cards, tags, merge and the profile, through the services over a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text

from desktop_app.domain.errors import PermissionDenied
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Role
from desktop_app.services.members import MemberDraft
from desktop_app.store.merge import DEFAULTS, member_columns, policy_of
from desktop_app.store.models import AuditEntry, EntitlementRow, MemberTag, OutboxOp


def last_audit(services) -> AuditEntry:
    with services.db.read() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()


def test_reissue_revokes_the_old_code_which_still_resolves(services, admin, staff_of) -> None:
    m = services.members.create(admin, MemberDraft(name="张三"))
    issued = services.profiles.issue_card(staff_of(Role.CASHIER), m.id, "lost")
    assert issued.revoked == m.card_code and issued.code != m.card_code
    old = services.lookup.search(admin, m.card_code)[0]
    assert old.member_id == m.id and old.code_status == "revoked"
    assert old.card_code == issued.code  # the member's active card is the new one
    assert services.lookup.search(admin, issued.code)[0].code_status == "active"
    assert last_audit(services).action == "card.issue"
    with services.db.read() as s:
        assert s.scalar(select(OutboxOp.name).order_by(OutboxOp.seq.desc())) == "card.issue.v1"


def test_tags_set_and_cleared(services, admin) -> None:
    m = services.members.create(admin, MemberDraft(name="张三"))
    assert services.profiles.set_tags(admin, m.id, ["VIP", " 学生 ", "VIP"]) == ("VIP", "学生")
    assert services.profiles.profile(admin, m.id).tags == ("VIP", "学生")
    services.profiles.set_tags(admin, m.id, ["学生"])
    assert services.profiles.profile(admin, m.id).tags == ("学生",)


def test_merge_moves_rows_keeps_a_pointer_and_codes_resolve(services, admin, staff_of,
                                                           clock) -> None:
    keep = services.members.create(admin, MemberDraft(name="张三", phone="13800138000"))
    dup = services.members.create(admin, MemberDraft(name="张叁", phone="13800138000"),
                                  allow_duplicate=True)
    services.profiles.set_tags(admin, keep.id, ["VIP"])
    services.profiles.set_tags(admin, dup.id, ["VIP", "学生"])
    with services.db.write_session() as s, s.begin():
        s.add(EntitlementRow(id=new_id(), created_at=clock.now(), updated_at=clock.now(),
                             version=1, member_id=dup.id, kind="visit_pack", name="10次卡",
                             valid_from=clock.now(), valid_until=clock.now() + timedelta(90),
                             units_total=10, units_used=0))
    with pytest.raises(PermissionDenied):
        services.profiles.merge(staff_of(Role.CASHIER), keep.id, dup.id)
    manager = staff_of(Role.MANAGER)
    result = services.profiles.merge(staff_of(Role.CASHIER), keep.id, dup.id, approver=manager)
    assert result.moved["entitlements.member_id"] == 1
    profile = services.profiles.profile(admin, keep.id)
    assert profile.tags == ("VIP", "学生") and len(profile.entitlements) == 1
    assert profile.entitlements[0].status == "active" and profile.entitlements[0].units_left == 10
    for code in (dup.number, dup.card_code):
        hit = services.lookup.search(admin, code)[0]
        assert hit.member_id == keep.id and hit.merged_from == dup.number
    assert [h.member_id for h in services.lookup.search(admin, "13800138000")] == [keep.id]
    assert services.profiles.profile(admin, dup.id).merged_into == keep.number
    audit = last_audit(services)
    assert audit.action == "member.merge" and audit.approver_id == manager.staff_id
    with services.db.read() as s:
        assert not s.scalars(select(MemberTag).where(MemberTag.member_id == dup.id)).all()


def test_every_member_column_in_the_schema_has_a_policy_or_is_reported() -> None:
    undeclared = [f"{t.name}.{c.name}" for t, c in member_columns() if policy_of(t, c) is None]
    # Owned by the points / stored-value features: they must declare how their ledgers
    # move (a callable posting transfer entries); until then a merge with rows is refused.
    assert set(undeclared) <= {"points_ledger.member_id", "points_heads.member_id",
                               "stored_value_accounts.member_id"}, undeclared
    assert set(DEFAULTS) <= {f"{t.name}.{c.name}" for t, c in member_columns()} | set(DEFAULTS)


def test_merge_is_refused_when_rows_have_no_policy(services, admin, monkeypatch) -> None:
    import desktop_app.store.merge as merge

    a = services.members.create(admin, MemberDraft(name="甲"))
    b = services.members.create(admin, MemberDraft(name="乙"))
    monkeypatch.setitem(merge.DEFAULTS, "entitlements.member_id", None)
    monkeypatch.delitem(merge.DEFAULTS, "entitlements.member_id")
    with services.db.write_session() as s, s.begin():
        s.execute(text("INSERT INTO entitlements (id, created_at, updated_at, version, "
                       "member_id, kind, name, valid_from, units_used, blocked, price_minor) "
                       "VALUES ('e1', 'x', 'x', 1, :m, 'day_pass', 'd', 'x', 0, 0, 0)"),
                  {"m": b.id})
    with pytest.raises(merge.MergeBlocked):
        services.profiles.merge(admin, a.id, b.id)
    assert services.lookup.search(admin, b.number)[0].member_id == b.id  # nothing changed


def test_profile_alerts_and_provisional_points(services, admin) -> None:
    m = services.members.create(admin, MemberDraft(name="张三"))
    services.members.edit(admin, m.id, {"note_flagged": True, "notes": "膝伤"})
    p = services.profiles.profile(admin, m.id)
    assert {"note_flagged", "photo_missing", "no_entitlement"} <= set(p.alerts)
    assert p.points_provisional  # its create op has not been pushed yet
