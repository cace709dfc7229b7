"""Members through the service: validation, duplicates, edit and archive, each with its op
and audit entry in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.domain.codes import is_card_code, is_member_number
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.permissions import Role
from desktop_app.services.members import DuplicateContact, MemberDraft
from desktop_app.store.models import AuditEntry, Card, Member, OutboxOp


def ops(services, name: str) -> list[OutboxOp]:
    with services.db.read() as s:
        return list(s.scalars(select(OutboxOp).where(OutboxOp.name == name)
                              .order_by(OutboxOp.seq)))


def test_create_writes_member_card_op_and_audit(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="张三", phone="138 0013 8000",
                                                     email="Zhang@Example.com",
                                                     consent_sms=True))
    assert is_member_number(m.number) and is_card_code(m.card_code)
    assert (m.phone, m.email) == ("13800138000", "zhang@example.com")
    with services.db.read() as s:
        row = s.get(Member, m.id)
        assert row.phone_last4 == "8000"
        assert row.consent_sms_at is not None and row.consent_email_at is None
        assert s.scalar(select(Card.status).where(Card.code == m.card_code)) == "active"
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == m.id)).one()
    op = ops(services, "member.create.v1")[-1]
    assert op.args["id"] == m.id and op.args["card_code"] == m.card_code
    assert op.actor_id == cashier.staff_id and audit.op_id == op.op_id


def test_member_numbers_follow_each_other(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    numbers = [services.members.create(cashier, MemberDraft(name=f"N{i}")).number
               for i in range(3)]
    assert [int(n[:-1]) for n in numbers] == [1, 2, 3]


def test_a_duplicate_phone_warns_and_can_be_confirmed(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    first = services.members.create(cashier, MemberDraft(name="A", phone="13800138000"))
    with pytest.raises(DuplicateContact) as err:
        services.members.create(cashier, MemberDraft(name="B", phone="+8613800138000"))
    assert err.value.details["member_ids"] == [first.id]
    second = services.members.create(cashier, MemberDraft(name="B", phone="13800138000"),
                                     allow_duplicate=True)
    assert second.id != first.id


def test_edit_changes_only_what_changed(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="A"))
    same = services.members.edit(cashier, m.id, {"name": "A"})
    assert same.version == 1 and len(ops(services, "member.patch.v1")) == 0
    edited = services.members.edit(cashier, m.id, {"name": "<b>x</b>", "notes": "n" * 10_000})
    assert edited.name == "<b>x</b>" and edited.version == 2
    assert ops(services, "member.patch.v1")[-1].args["fields"]["name"] == "<b>x</b>"
    with pytest.raises(ValidationError):
        services.members.edit(cashier, m.id, {"notes": "n" * 10_001})
    with pytest.raises(ValidationError):
        services.members.edit(cashier, m.id, {"points_balance": 10**6})
    with pytest.raises(NotFound):
        services.members.edit(cashier, "missing", {"name": "x"})


def test_members_are_archived_never_deleted(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="Leaving"))
    services.members.archive(cashier, m.id)
    services.members.archive(cashier, m.id)  # twice is harmless
    with services.db.read() as s:
        assert s.get(Member, m.id).status == "archived"
    assert len(ops(services, "member.archive.v1")) == 1
