"""The gym op family through the real server on loopback (SQLite and PostgreSQL) and real
desks: the server decides class capacity, keeps check-in verdicts, never lets a pool go
below zero, checks permissions, and no longer holds a desk's outbox at a gym op."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from central_server.gym_models import GymBooking, GymCheckin, GymEntitlement
from central_server.models import StoreRow
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Authority, Role
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft
from desktop_app.store.checkin_models import BookingRow, CheckinRow
from desktop_app.store.models import EntitlementRow
from desktop_app.store.uow import UnitOfWork
from desktop_app.sync.protocol import SCHEMA_VERSION, PushRequest
from desktop_app.sync.transport import HttpTransport
from tests.helpers.sync_harness import Desk, ServerProcess


def _pair(server: ServerProcess, make_desk: Callable[..., Desk]) -> tuple[Desk, Desk]:
    """Two desks of one store (desk B's admin has its own code: codes are per store)."""
    store = server.store()
    a, b = make_desk("a"), make_desk("b", admin_code="adminb")
    a.enrol(server, store)
    b.enrol(server, store)
    assert a.sync().ok and b.sync().ok
    return a, b


def _member(desk: Desk, name: str, phone: str) -> str:
    return desk.services.members.create(desk.admin, MemberDraft(name=name, phone=phone)).id


def _sell(desk: Desk, member_id: str, kind: EntitlementKind, units: int | None = None) -> str:
    draft = EntitlementDraft(kind, kind.value, 10000, days=30, units=units)
    return desk.services.entitlements.sell(desk.admin, member_id, draft)


def _session_with_one_seat(desk: Desk) -> str:
    classes = desk.services.classes
    type_id = classes.create_class_type(desk.admin, "Spin", 1, 45)
    day = desk.clock.now().astimezone(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=2)
    classes.add_schedule(desk.admin, type_id, day.weekday(), time(10, 0), day)
    (session_id,) = classes.generate_sessions(desk.admin, day, 1)
    return session_id


def _booking(desk: Desk, booking_id: str) -> BookingRow:
    with desk.services.db.read() as session:
        row = session.get(BookingRow, booking_id)
        assert row is not None
        session.expunge(row)
        return row


def _units_used(desk: Desk, entitlement_id: str) -> int:
    with desk.services.db.read() as session:
        row = session.get(EntitlementRow, entitlement_id)
        assert row is not None
        return row.units_used


def test_two_offline_desks_book_the_last_seat(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    first, second = _member(a, "王芳", "13800000001"), _member(a, "李娜", "13800000002")
    credits = {m: _sell(a, m, EntitlementKind.CLASS_CREDITS, units=5) for m in (first, second)}
    session_id = _session_with_one_seat(a)
    assert a.sync().ok and b.sync().ok
    assert b.services.classes.roster(session_id) == []  # B has the session, nobody booked

    # Both offline: each desk confirms its own member in the last seat.
    on_a = a.services.classes.book(a.admin, session_id, first, offline=True)
    on_b = b.services.classes.book(b.admin, session_id, second, offline=True)
    assert on_a.status == on_b.status == "confirmed"
    assert _units_used(b, credits[second]) == 1

    assert a.sync().ok and b.sync().ok and a.sync().ok
    # The server seated the first to arrive and waitlisted the other.
    with server.db.read() as s:
        statuses = {
            r.id: r.status
            for r in s.scalars(select(GymBooking).where(GymBooking.session_id == session_id))
        }
        used = {e: s.get(GymEntitlement, e).units_used for e in credits.values()}  # type: ignore[union-attr]
    assert statuses == {on_a.id: "confirmed", on_b.id: "waitlisted"}
    assert used == {credits[first]: 1, credits[second]: 0}
    # Desk B shows its booking waitlisted, its credit back, and staff see the compensation.
    row = _booking(b, on_b.id)
    assert (row.status, row.provisional, row.credit_entitlement_id) == ("waitlisted", False, None)
    assert _units_used(b, credits[second]) == 0
    issue = next(i for i in b.engine.status.issues if i.name == "booking.create.v1")
    assert issue.state == "compensated" and issue.effects["status"] == "waitlisted"
    assert not [i for i in a.engine.status.issues if i.name == "booking.create.v1"]
    # Both desks agree with the server on the roster.
    for desk in (a, b):
        roster = {line.booking_id: line.status for line in desk.services.classes.roster(session_id)}
        assert roster == statuses
        assert desk.engine.status.problem is None and desk.engine.status.pending == 0


def test_checkin_on_desk_a_shows_on_desk_b(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member = _member(a, "赵敏", "13800000003")
    pack = _sell(a, member, EntitlementKind.VISIT_PACK, units=10)
    assert a.sync().ok and b.sync().ok
    done = a.services.checkin.check_in(a.admin, member_id=member)
    assert done.decision.granted and done.decision.units == 1
    assert a.sync().ok and b.sync().ok
    visits = [line for line in b.services.checkin.today() if line.member_id == member]
    assert [(v.checkin_id, v.verdict, v.units) for v in visits] == [
        (done.checkin_id, done.verdict.label, 1)
    ]
    left = {
        desk: next(e.units_left for e in desk.services.profiles.profile(desk.admin, member)
                   .entitlements if e.id == pack)
        for desk in (a, b)
    }  # fmt: skip
    assert left == {a: 9, b: 9}
    # A void on desk B gives the unit back everywhere.
    b.services.checkin.void(b.admin, done.checkin_id, "wrong member")
    assert b.sync().ok and a.sync().ok
    assert _units_used(a, pack) == _units_used(b, pack) == 0
    assert [v.voided for v in a.services.checkin.today() if v.member_id == member] == [True]


def test_a_unit_spent_twice_offline_is_flagged_not_negative(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member = _member(a, "周杰", "13800000004")
    pack = _sell(a, member, EntitlementKind.VISIT_PACK, units=1)
    assert a.sync().ok and b.sync().ok
    first = a.services.checkin.check_in(a.admin, member_id=member)
    second = b.services.checkin.check_in(b.admin, member_id=member)
    assert first.decision.granted and second.decision.granted  # each desk decided alone
    assert a.sync().ok and b.sync().ok and a.sync().ok
    assert b.sync().ok  # a repeat push changes nothing (push is idempotent per op id)
    with server.db.read() as s:
        ent = s.get(GymEntitlement, pack)
        rows = {
            c.id: c for c in s.scalars(select(GymCheckin).where(GymCheckin.member_id == member))
        }
    assert ent is not None and ent.units_used == 1
    # Both verdicts kept as the desks made them; the second one is on the reconciliation list.
    assert {c.id: c.verdict for c in rows.values()} == {
        first.checkin_id: first.verdict.label,
        second.checkin_id: second.verdict.label,
    }
    assert [c.id for c in rows.values() if c.double_spent] == [second.checkin_id]
    assert rows[second.checkin_id].units_applied == 0
    issue = next(i for i in b.engine.status.issues if i.name == "checkin.record.v1")
    assert issue.state == "compensated" and issue.effects["double_spent"] is True
    assert _units_used(a, pack) == _units_used(b, pack) == 1


def test_gym_op_without_the_permission_is_rejected(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, _ = _pair(server, make_desk)
    member = _member(a, "孙丽", "13800000005")
    cashier = a.services.staff.create(a.admin, "cash1", "Cashier", Role.CASHIER, "2222")
    assert a.sync().ok
    # An op the cashier's role does not allow (as from a desk whose role table was stale).
    ent_id = new_id()
    with UnitOfWork(a.services.db, a.clock, Authority(cashier)) as uow:
        op = uow.op(
            "entitlement.sell.v1",
            {
                "id": ent_id,
                "member_id": member,
                "kind": "visit_pack",
                "name": "10 visits",
                "price_minor": 5000,
                "valid_from": uow.now.isoformat(),
                "valid_until": (uow.now + timedelta(days=30)).isoformat(),
                "units": 10,
                "access": [None, None],
                "scope": None,
                "sharers": [],
                "renewed_from": None,
            },
        )
    # fmt: skip
    later = _member(a, "孙强", "13800000006")
    assert a.sync().ok
    result = server.applied()[op.op_id]
    assert (result.status, result.reason) == ("rejected", "permission_denied")
    with server.db.read() as s:
        assert s.get(GymEntitlement, ent_id) is None
    issue = next(i for i in a.engine.status.issues if i.op_id == op.op_id)
    assert issue.state == "rejected" and issue.reason == "permission_denied"
    assert later in server.members()  # the rejection did not stop the queue


def test_desk_is_not_held_after_a_checkin(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member = _member(a, "钱进", "13800000007")
    _sell(a, member, EntitlementKind.PERIOD)
    a.services.checkin.check_in(a.admin, member_id=member)
    after = _member(a, "吴昊", "13800000008")
    assert a.sync().ok
    assert a.engine.status.problem is None and a.engine.status.pending == 0
    assert [op.state for op in a.outbox()] == ["applied"] * len(a.outbox())
    assert b.sync().ok
    assert after in b.members() and member in b.members()
    assert datetime.fromisoformat(str(b.engine.status.last_success)) is not None


def test_tags_cards_and_merge_reach_the_other_desk(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    keep, dupe = _member(a, "郑爽", "13800000009"), _member(a, "郑双", "13800000010")
    pack = _sell(a, dupe, EntitlementKind.VISIT_PACK, units=3)
    visit = a.services.checkin.check_in(a.admin, member_id=dupe)
    assert a.sync().ok and b.sync().ok  # B has the visit under the duplicate
    profiles = a.services.profiles
    profiles.set_tags(a.admin, keep, ["VIP", "晨练"])
    card = profiles.issue_card(a.admin, keep, "lost")
    profiles.merge(a.admin, keep, dupe)
    assert a.sync().ok and b.sync().ok
    assert not [i for i in a.engine.status.issues if i.state == "rejected"]
    seen = b.services.profiles.profile(b.admin, keep)
    assert set(seen.tags) == {"VIP", "晨练"} and seen.card_code == card.code
    assert b.members()[dupe]["status"] == "merged"
    with b.services.db.read() as session:
        moved = session.get(EntitlementRow, pack)
        assert moved is not None and moved.member_id == keep
        seen_visit = session.get(CheckinRow, visit.checkin_id)
        assert seen_visit is not None and seen_visit.member_id == keep
    with server.db.read() as s:
        assert {e.member_id for e in s.scalars(select(GymEntitlement).where(
            GymEntitlement.id == pack))} == {keep}  # fmt: skip


def test_a_desk_enrolled_later_loads_classes_and_entitlements(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, _ = _pair(server, make_desk)
    member = _member(a, "冯媛", "13800000011")
    pack = _sell(a, member, EntitlementKind.CLASS_CREDITS, units=4)
    session_id = _session_with_one_seat(a)
    booked = a.services.classes.book(a.admin, session_id, member)
    a.services.profiles.set_tags(a.admin, member, ["早班"])
    assert a.sync().ok
    # A new desk of the same store: its bootstrap brings the gym rows it will decide on.
    c = make_desk("c", admin_code="adminc")
    with server.db.read() as s:
        code = s.scalar(
            select(StoreRow.code)
            .join(GymBooking, GymBooking.store_id == StoreRow.id)
            .where(GymBooking.id == booked.id)
        )
    assert code is not None
    c.enrol(server, code)
    assert c.sync().ok
    assert [(line.booking_id, line.status) for line in c.services.classes.roster(session_id)] == [
        (booked.id, "confirmed")
    ]
    assert _units_used(c, pack) == 1
    assert c.services.profiles.profile(c.admin, member).tags == ("早班",)


def test_two_desks_pushing_the_last_seat_at_once(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """The same race with both pushes in flight together: the lock on the session row
    (PostgreSQL) or the write lock (SQLite) seats exactly one."""
    a, b = _pair(server, make_desk)
    members = [_member(a, "陈晨", "13800000012"), _member(a, "林琳", "13800000013")]
    for m in members:
        _sell(a, m, EntitlementKind.PERIOD)
    session_id = _session_with_one_seat(a)
    assert a.sync().ok and b.sync().ok
    made = {
        a: a.services.classes.book(a.admin, session_id, members[0], offline=True).id,
        b: b.services.classes.book(b.admin, session_id, members[1], offline=True).id,
    }
    start = threading.Barrier(2)

    def push(desk: Desk) -> bool:
        start.wait()
        return bool(desk.sync().ok)

    with ThreadPoolExecutor(2) as pool:
        assert all(pool.map(push, (a, b)))
    assert a.sync().ok and b.sync().ok
    with server.db.read() as s:
        statuses = sorted(
            s.scalars(select(GymBooking.status).where(GymBooking.session_id == session_id))
        )
    assert statuses == ["confirmed", "waitlisted"]
    for desk, booking_id in made.items():
        mine = _booking(desk, booking_id).status
        compensated = [i for i in desk.engine.status.issues if i.name == "booking.create.v1"]
        assert (mine == "waitlisted") == bool(compensated)
        roster = {line.status for line in desk.services.classes.roster(session_id)}
        assert roster == {"confirmed", "waitlisted"}


def test_a_no_show_strike_syncs_and_is_forgiven_on_the_other_desk(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """Desk A's clock starts three days back: its member books a class that has ended by
    the real now, A's closing job strikes the no-show, and a manager on B forgives it."""
    real_now = datetime.now(UTC)
    store = server.store()
    a = make_desk("a", clock=FixedClock(real_now - timedelta(days=3)))
    b = make_desk("b", admin_code="adminb")
    a.enrol(server, store)
    b.enrol(server, store)
    member = _member(a, "黄蕾", "13800000014")
    _sell(a, member, EntitlementKind.PERIOD)
    session_id = _session_with_one_seat(a)  # two local days after A's clock: yesterday
    booked = a.services.classes.book(a.admin, session_id, member)
    assert a.sync().ok
    a.clock.set(real_now)
    assert a.services.classes.close_due() == [booked.id]
    assert a.sync().ok and b.sync().ok and a.sync().ok
    assert not [i for i in a.engine.status.issues if i.name == "class_session.close.v1"]
    assert _booking(b, booked.id).status == "no_show"
    (strike_id, _, forgiven) = b.services.classes.strikes_of(member)[0]
    assert not forgiven
    assert [s[0] for s in a.services.classes.strikes_of(member)] == [strike_id]
    b.services.classes.forgive_strike(b.admin, strike_id, "bus was late")
    assert b.sync().ok and a.sync().ok
    assert not [i for i in b.engine.status.issues if i.name == "booking.strike_forgive.v1"]
    assert [s[2] for s in a.services.classes.strikes_of(member)] == [True]


def test_a_family_member_books_on_a_shared_pack(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    parent, child = _member(a, "何平", "13800000015"), _member(a, "何小", "13800000016")
    draft = EntitlementDraft(
        EntitlementKind.CLASS_CREDITS, "family", 30000, days=30, units=4, sharer_ids=(child,)
    )
    pack = a.services.entitlements.sell(a.admin, parent, draft)
    session_id = _session_with_one_seat(a)
    assert a.sync().ok and b.sync().ok
    booked = b.services.classes.book(b.admin, session_id, child)
    assert booked.status == "confirmed" and booked.credit_entitlement_id == pack
    assert b.sync().ok and a.sync().ok
    assert not [i for i in b.engine.status.issues if i.name == "booking.create.v1"]
    with server.db.read() as s:
        row = s.get(GymBooking, booked.id)
        ent = s.get(GymEntitlement, pack)
        assert row is not None and ent is not None
        assert (row.status, row.credit_entitlement_id, ent.units_used) == ("confirmed", pack, 1)
    assert _units_used(a, pack) == _units_used(b, pack) == 1


def test_overlapping_seats_booked_on_two_desks_offline_refuse_the_second(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member = _member(a, "马骏", "13800000017")
    _sell(a, member, EntitlementKind.PERIOD)
    spin, yoga = _session_with_one_seat(a), _session_with_one_seat(a)  # same day, 10:00
    assert a.sync().ok and b.sync().ok
    first = a.services.classes.book(a.admin, spin, member, offline=True)
    second = b.services.classes.book(b.admin, yoga, member, offline=True)
    assert first.status == second.status == "confirmed"
    assert a.sync().ok and b.sync().ok and a.sync().ok
    issue = next(i for i in b.engine.status.issues if i.name == "booking.create.v1")
    assert issue.state == "rejected" and issue.reason == "booking_refused"
    with server.db.read() as s:
        assert s.get(GymBooking, second.id) is None
        assert s.get(GymBooking, first.id) is not None
    # Desk B no longer shows a seat the server refused.
    assert _booking(b, second.id).status == "cancelled"
    assert [line.status for line in b.services.classes.roster(yoga)] == ["cancelled"]


def test_an_import_reaches_the_other_desk_and_a_clashing_number_is_replaced(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    on_b = _member(b, "先到", "13800000018")  # desk B's first number, pushed first
    assert b.sync().ok
    data = "姓名,手机,标签\n许多,13800000019,VIP;夜跑\n许少,13800000020,\n".encode()
    report = a.services.transfer.import_members(a.admin, data)  # A has not pulled B yet
    assert report.created == 2
    assert a.sync().ok and b.sync().ok
    issue = next(i for i in a.engine.status.issues if i.name == "member.import.v1")
    assert issue.state == "compensated"
    on_server, on_a, on_b_desk = server.members(), a.members(), b.members()
    imported = {k: v for k, v in on_server.items() if v["name"] in ("许多", "许少")}
    assert len(imported) == 2
    for member_id, row in imported.items():
        assert on_a[member_id]["number"] == on_b_desk[member_id]["number"] == row["number"]
    assert len({r["number"] for r in on_server.values()}) == len(on_server)
    assert on_b in on_a
    many = next(k for k, v in imported.items() if v["name"] == "许多")
    assert set(b.services.profiles.profile(b.admin, many).tags) == {"VIP", "夜跑"}


def test_hold_travels_and_a_refund_after_a_visit_elsewhere_is_refused(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member = _member(a, "曹操", "13800000021")
    period = _sell(a, member, EntitlementKind.PERIOD)
    pack = _sell(a, member, EntitlementKind.VISIT_PACK, units=5)
    assert a.sync().ok and b.sync().ok
    now = a.clock.now()
    a.services.entitlements.hold(a.admin, period, now, now + timedelta(days=10), "travel")
    # Offline: B lets the member in on the pack while A refunds the same pack as unused.
    done = b.services.checkin.check_in(b.admin, member_id=member, chosen_entitlement_id=pack)
    assert done.decision.granted and done.decision.entitlement_id == pack
    assert a.services.entitlements.refund(a.admin, pack) == 10000
    assert b.sync().ok and a.sync().ok and b.sync().ok
    issue = next(i for i in a.engine.status.issues if i.name == "entitlement.refund.v1")
    assert issue.state == "rejected" and issue.reason == "refund_refused"
    with server.db.read() as s:
        ent = s.get(GymEntitlement, pack)
        assert ent is not None and ent.deleted_at is None and ent.units_used == 1
    with a.services.db.read() as session:  # desk A's refund is undone by the server's row
        mine = session.get(EntitlementRow, pack)
        assert mine is not None and mine.deleted_at is None and mine.units_used == 1
    statuses = {
        line.id: line.status for line in b.services.profiles.profile(b.admin, member).entitlements
    }
    assert statuses[period] == "on_hold"


def test_two_desks_generating_the_same_day_end_with_one_session(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member = _member(a, "袁媛", "13800000022")
    _sell(a, member, EntitlementKind.PERIOD)
    classes = a.services.classes
    type_id = classes.create_class_type(a.admin, "Pilates", 8, 50)
    day = a.clock.now().astimezone(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=3)
    classes.add_schedule(a.admin, type_id, day.weekday(), time(19, 0), day)
    assert a.sync().ok and b.sync().ok
    # Both generate the day offline; B books on its own copy before it syncs.
    (on_a,) = a.services.classes.generate_sessions(a.admin, day, 1)
    (on_b,) = b.services.classes.generate_sessions(b.admin, day, 1)
    assert on_a != on_b
    booked = b.services.classes.book(b.admin, on_b, member, offline=True)
    assert a.sync().ok and b.sync().ok and a.sync().ok
    issue = next(i for i in b.engine.status.issues if i.name == "class_session.generate.v1")
    assert issue.effects["same_as"] == {on_b: on_a}
    assert not [i for i in b.engine.status.issues if i.name == "booking.create.v1"]
    with server.db.read() as s:
        row = s.get(GymBooking, booked.id)
        assert row is not None and (row.session_id, row.status) == (on_a, "confirmed")
    for desk in (a, b):
        start = datetime.combine(day, time(0, 0), tzinfo=ZoneInfo("Asia/Shanghai"))
        found = [v.id for v in desk.services.classes.sessions(start, start + timedelta(days=1))]
        assert found == [on_a]
        assert [line.booking_id for line in desk.services.classes.roster(on_a)] == [booked.id]


def test_a_seat_freed_on_one_desk_goes_to_the_waitlist_of_the_other(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """Desk A cancels without having seen B's waitlisted booking: the server promotes it."""
    a, b = _pair(server, make_desk)
    first, second = _member(a, "邓超", "13800000023"), _member(a, "孙俪", "13800000024")
    credits = {m: _sell(a, m, EntitlementKind.CLASS_CREDITS, units=5) for m in (first, second)}
    session_id = _session_with_one_seat(a)
    seated = a.services.classes.book(a.admin, session_id, first)
    assert a.sync().ok and b.sync().ok
    queued = b.services.classes.book(b.admin, session_id, second)
    assert queued.status == "waitlisted"
    assert b.sync().ok
    a.services.classes.cancel(a.admin, seated.id)  # A has not pulled B's booking
    assert a.sync().ok and b.sync().ok
    with server.db.read() as s:
        row = s.get(GymBooking, queued.id)
        assert row is not None and (row.status, row.credit_entitlement_id) == (
            "confirmed", credits[second])  # fmt: skip
    for desk in (a, b):
        roster = {line.booking_id: line.status for line in desk.services.classes.roster(session_id)}
        assert roster == {seated.id: "cancelled", queued.id: "confirmed"}
        assert _units_used(desk, credits[first]) == 0
        assert _units_used(desk, credits[second]) == 1


def test_a_check_in_sent_again_is_not_counted_twice(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """The answer to a push was lost and the desk sends the same ops again: the stored
    results come back and no unit is taken a second time."""
    a, _ = _pair(server, make_desk)
    member = _member(a, "邱莹", "13800000025")
    pack = _sell(a, member, EntitlementKind.VISIT_PACK, units=5)
    done = a.services.checkin.check_in(a.admin, member_id=member)
    batch = a.engine.store.next_batch()
    assert a.sync().ok
    enrolment = a.engine.store.enrolment()
    assert enrolment is not None
    transport = HttpTransport(enrolment.server_url, enrolment.token)
    try:
        again = transport.push(
            PushRequest(device_id=enrolment.device_id, schema=SCHEMA_VERSION, ops=batch)
        )
    finally:
        transport.close()
    assert {r.status for r in again.results} == {"duplicate"}
    assert {r.original for r in again.results} == {"applied"}
    with server.db.read() as s:
        ent = s.get(GymEntitlement, pack)
        assert ent is not None and ent.units_used == 1
        assert s.get(GymCheckin, done.checkin_id) is not None
    assert _units_used(a, pack) == 1
