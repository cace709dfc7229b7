"""A check-in is the desk's hot path (bench/checkin.py, p99 under 15 ms): it issues a fixed,
small number of SQL statements, whatever the member holds, and writes the same rows, op and
audit entries as before. Counted at the SQLite connection (sqlite3's trace callback), so the
door's raw-driver statements are seen as well as SQLAlchemy's."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop_app.domain.checkin import Verdict
from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.permissions import Role
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft
from desktop_app.store.checkin_models import CheckinRow
from desktop_app.store.checks import check_database
from desktop_app.store.models import AuditEntry, EntitlementRow, OutboxOp
from tests.helpers.sql_trace import first_lines, statements

PACK = EntitlementDraft(EntitlementKind.VISIT_PACK, "10 visits", 50_000, days=90, units=10)


# BEGIN; the desk's state and settings, the member by card, their entitlements (with holds
# and sharers), their recent check-ins and bookings; units spent, op, check-in row, HLC;
# COMMIT. Whatever the member holds.
GRANTED = 10
# + the bookings marked attended (one statement for all) + the audit entry of an override.
OVERRIDDEN_WITH_CLASS = 12
READS = 5  # BEGIN and the four reads come first; only writes after them


def assert_reads_then_writes(seen: list[str]) -> None:
    assert seen[0].startswith("BEGIN") and seen[-1] == "COMMIT"
    assert all(s.lstrip().upper().startswith("SELECT") for s in seen[1:READS])
    assert not any(s.lstrip().upper().startswith("SELECT") for s in seen[READS:])


def test_a_granted_check_in_in_few_statements_whatever_the_member_holds(
        services, admin, clock) -> None:
    parent = services.members.create(admin, MemberDraft(name="Parent"))
    child = services.members.create(admin, MemberDraft(name="Child"))
    family = services.entitlements.sell(admin, parent.id, EntitlementDraft(
        EntitlementKind.VISIT_PACK, "Family 20", 90_000, days=90, units=20,
        sharer_ids=(child.id,)))
    own = services.entitlements.sell(admin, child.id, PACK)
    monthly = services.entitlements.sell(admin, child.id, EntitlementDraft(
        EntitlementKind.PERIOD, "Monthly", 30_000, days=30))
    services.entitlements.hold(admin, monthly, clock.now(), clock.now() + timedelta(days=20),
                               "travel")
    results, counts = [], []
    for who in (child, parent, child):
        result, seen = statements(services, lambda m=who: services.checkin.check_in(
            admin, code=m.card_code, desk_id="d1"))
        assert_reads_then_writes(seen)
        counts.append(len(seen))
        results.append(result)
        clock.advance(hours=5)  # no re-entry
    assert counts == [GRANTED] * 3, first_lines(seen)
    # The same decisions and rows as before: the pool and the packs spent, one op each with
    # HLCs in order, the check-in rows pointing at their ops.
    assert all(r.verdict is not Verdict.DENY and r.decision.units == 1 for r in results)
    assert {r.decision.entitlement_id for r in results} <= {family, own}
    assert results[1].decision.entitlement_id == family
    with services.db.read() as s:
        spent = {e: s.get(EntitlementRow, e).units_used for e in (family, own, monthly)}
        ops = list(s.scalars(select(OutboxOp).where(OutboxOp.name == "checkin.record.v1")
                             .order_by(OutboxOp.seq)))
        rows = {r.id: r for r in s.scalars(select(CheckinRow))}
    assert sum(spent.values()) == 3 and spent[monthly] == 0
    assert [o.op_id for o in ops] == [r.op_id for r in results]
    assert [o.args["id"] for o in ops] == [r.checkin_id for r in results]
    assert [o.hlc for o in ops] == sorted(o.hlc for o in ops) and len({o.hlc for o in ops}) == 3
    assert ops[0].args["units"] == 1 and ops[0].args["desk_id"] == "d1"
    assert ops[0].actor_id == admin.staff_id and ops[0].state == "pending"
    assert all(rows[r.checkin_id].op_id == r.op_id for r in results)
    # A later op through the unit of work carries on from the HLC the check-ins left.
    services.members.create(admin, MemberDraft(name="After"))
    with services.db.read() as s:
        last = s.scalars(select(OutboxOp).order_by(OutboxOp.seq.desc()).limit(1)).one()
    assert last.hlc > ops[-1].hlc
    assert check_database(services.db) == []


def test_an_override_attending_a_class_in_few_statements_with_its_audit_entry(
        services, admin, staff_of, clock) -> None:
    desk, manager = staff_of(Role.FRONT_DESK), staff_of(Role.MANAGER)
    ct = services.classes.create_class_type(admin, "Yoga", 5, 60)
    start = clock.now() + timedelta(hours=1)
    local = start.astimezone(ZoneInfo("Asia/Shanghai"))
    services.classes.add_schedule(admin, ct, local.weekday(), local.time(), date(2026, 1, 1))
    (sid,) = services.classes.generate_sessions(admin, local.date(), 1)
    member = services.members.create(admin, MemberDraft(name="Sun"))
    credits = services.entitlements.sell(admin, member.id, EntitlementDraft(
        EntitlementKind.CLASS_CREDITS, "10 classes", 80_000, days=90, units=10))
    booking = services.classes.book(admin, sid, member.id)
    clock.advance(minutes=40)
    # Class credits alone do not open the door: denied, then let through by a manager.
    denied = services.checkin.check_in(desk, code=member.card_code)
    assert denied.verdict is Verdict.DENY
    ok, seen = statements(services, lambda: services.checkin.check_in(
        desk, code=member.card_code, override_note="paid cash", approver=manager))
    assert len(seen) <= OVERRIDDEN_WITH_CLASS, first_lines(seen)
    assert_reads_then_writes(seen)
    assert ok.decision.granted and ok.decision.overridden
    assert ok.decision.attended_booking_ids == (booking.id,)
    assert [line.status for line in services.classes.roster(sid)] == ["attended"]
    with services.db.read() as s:
        op = s.scalars(select(OutboxOp).where(OutboxOp.op_id == ok.op_id)).one()
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "checkin.override")
                          ).one()
        assert s.get(EntitlementRow, credits).units_used == 1  # the booking's, not the door's
    assert op.args["attended_booking_ids"] == [booking.id] and op.args["overridden"] is True
    assert op.approver_id == manager.staff_id
    assert audit.op_id == ok.op_id and audit.entity_id == ok.checkin_id
    assert audit.actor_id == desk.staff_id and audit.approver_name == manager.name
    assert audit.details == {"member_id": member.id, "note": "paid cash",
                             "reasons": [r.value for r in ok.decision.reasons]}
    # The audit chain goes on from the override's entry through the ORM path.
    services.checkin.void(manager, ok.checkin_id, "mistake")
    assert check_database(services.db) == []  # the audit chain and its head


def test_an_unknown_code_is_recorded_in_few_statements(services, admin) -> None:
    result, seen = statements(services, lambda: services.checkin.check_in(
        admin, code="NO-SUCH-CODE"))
    # BEGIN, the desk's state, card, member number; op, check-in row, HLC; COMMIT.
    assert len(seen) == 8, first_lines(seen)
    assert result.verdict is Verdict.DENY
    with services.db.read() as s:
        assert s.get(CheckinRow, result.checkin_id).scanned_code == "NO-SUCH-CODE"

