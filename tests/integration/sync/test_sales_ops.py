"""The sales op family end to end: two real desks and the real server (SQLite and PostgreSQL).
Points earned on one desk reach the other, a retried sale never awards twice, a refund
reverses the points everywhere, points.adjust needs the permission on the server too, and a
sale no longer holds the desk's outbox."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update

from central_server.db import visible_horizon
from central_server.models import ChangeRow, Device, MemberRow
from central_server.sales_models import PointsEntryRow, SaleRecord, StoredValueAccountRow
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.permissions import Role
from desktop_app.domain.points import Promotion
from desktop_app.domain.sales import SaleLine, Tender, TenderKind
from desktop_app.services.checkout import Cart
from desktop_app.services.checkout_config import CheckoutConfig
from desktop_app.services.members import MemberDraft
from desktop_app.services.sales import SalesServices
from desktop_app.store.checkout_models import PointsEntry, Product
from desktop_app.store.models import Member, OutboxOp
from desktop_app.store.points_ledger import lots_of, verify_points
from desktop_app.sync.protocol import SCHEMA_VERSION, PushRequest, PushResponse, WireOp
from desktop_app.sync.transport import HttpTransport
from tests.helpers.sync_harness import Desk, ServerProcess
from tests.helpers.waiting import wait_for


def _pair(
    server: ServerProcess, make_desk: Callable[..., Desk], **a_kwargs: Any
) -> tuple[Desk, Desk]:
    a, b = make_desk("a", **a_kwargs), make_desk("b")
    a.enrol(server, server.store())
    b.enrol(server, server.store())  # another store: members and points are chain-wide
    _sync(server, a, b)  # both past their first load (bootstrap)
    return a, b


def _sync(server: ServerProcess, *desks: Desk) -> None:
    """Each desk syncs; once every change written so far is final on the server (on
    PostgreSQL a pull serves only transactions below the cluster's oldest running one, which
    other databases' work can hold back), each syncs again."""
    for desk in desks:
        assert desk.sync().ok
    with server.db.read() as s:
        last = s.scalar(select(func.max(ChangeRow.txid))) or 0

    def final() -> bool:
        with server.db.read() as s:
            return visible_horizon(s) > last

    wait_for(final, timeout=30, interval=0.1)
    for desk in desks:
        assert desk.sync().ok


def _member(desk: Desk, name: str = "张伟") -> str:
    phone = "139" + str(uuid.uuid4().int)[:8]
    return desk.services.members.create(desk.admin, MemberDraft(name=name, phone=phone)).id


def _sale(desk: Desk, member_id: str, qty: int = 2, price: int = 3000) -> Any:
    """A free-amount line paid in cash: ¥1 earns 1 point, so qty x price / 100 points."""
    cart = Cart(
        (SaleLine("Towel 毛巾", qty, price),),
        member_id=member_id,
        tenders=(Tender(TenderKind.CASH, qty * price),),
    )
    return desk.services.sales.checkout.finalize_sale(desk.admin, cart)


def _balance(desk: Desk, member_id: str) -> int:
    with desk.services.db.read() as s:
        row = s.get(Member, member_id)
        assert row is not None
        return int(row.points_balance)


def _entries(desk: Desk, member_id: str) -> list[tuple[str, str, int]]:
    with desk.services.db.read() as s:
        rows = s.scalars(
            select(PointsEntry).where(PointsEntry.member_id == member_id).order_by(PointsEntry.seq)
        )
        return [(e.source, e.kind, e.delta) for e in rows]


def _clean(desk: Desk, member_id: str) -> None:
    """Every member's hash chain verifies and its balance is the sum of its ledger (members
    of earlier tests too: a desk enrolled later loads their ledgers by bootstrap)."""
    assert _entries(desk, member_id)
    with desk.services.db.read() as s:
        assert verify_points(s) == []


def _server_points(server: ServerProcess, member_id: str) -> tuple[int, list[tuple[str, str, int]]]:
    with server.db.read() as s:
        member = s.get(MemberRow, member_id)
        assert member is not None
        rows = s.scalars(
            select(PointsEntryRow)
            .where(PointsEntryRow.member_id == member_id)
            .order_by(PointsEntryRow.seq)
        )
        return member.points_balance, [(e.source, e.kind, e.delta) for e in rows]


def _op(desk: Desk, name: str) -> OutboxOp:
    found = [o for o in desk.outbox() if o.name == name]
    assert found, name
    return found[-1]


def _next_seq(server: ServerProcess, desk: Desk) -> int:
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    with server.db.read() as s:
        device = s.get(Device, enrolment.device_id)
        assert device is not None
        return device.last_seq + 1


def _push_raw(server: ServerProcess, desk: Desk, op: WireOp) -> PushResponse:
    """One op straight to the server with the desk's credentials (no desk queue)."""
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    transport = HttpTransport(enrolment.server_url, enrolment.token)
    try:
        return transport.push(
            PushRequest(device_id=enrolment.device_id, schema=SCHEMA_VERSION, ops=[op])
        )
    finally:
        transport.close()


def test_points_of_a_sale_on_desk_a_show_on_desk_b(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member_id = _member(a)
    sale = _sale(a, member_id)  # ¥60 in cash
    assert sale.points_earned == 60 and _balance(a, member_id) == 60
    _sync(server, a, b)

    op = _op(a, "sale.finalize.v1")
    assert op.state == "applied", op.result  # the server's figure agreed with the desk's
    assert server.applied()[op.op_id].status == "applied"
    assert _server_points(server, member_id) == (60, [(f"sale:{sale.sale_id}", "earn", 60)])
    assert _balance(b, member_id) == 60
    assert _entries(b, member_id) == [(f"sale:{sale.sale_id}", "earn", 60)]
    with b.services.db.read() as s:  # the pulled entry is a lot on B, with the same expiry
        lots = lots_of(s, member_id).lots
    with a.services.db.read() as s:
        own = lots_of(s, member_id).lots
    assert [lot.expires_on for lot in lots] == [x.expires_on for x in own]
    # A's own sale coming back from the server is not posted a second time on A.
    assert _entries(a, member_id) == [(f"sale:{sale.sale_id}", "earn", 60)]
    assert _balance(a, member_id) == 60
    _clean(a, member_id)
    _clean(b, member_id)

    # Points B earns for the same member come back to A, chained after A's own entry.
    second = _sale(b, member_id, qty=1, price=1250)
    _sync(server, b, a)
    assert _balance(a, member_id) == _balance(b, member_id) == 72
    assert _server_points(server, member_id)[0] == 72
    assert (f"sale:{second.sale_id}", "earn", 12) in _entries(a, member_id)
    _clean(a, member_id)
    _clean(b, member_id)


def test_a_desk_enrolled_later_loads_the_ledger_by_bootstrap(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, _ = _pair(server, make_desk)
    member_id = _member(a)
    sale = _sale(a, member_id)  # 60
    a.services.sales.refunds.refund(a.admin, sale.sale_id, {1: 1}, reason="one back")  # -30
    a.services.sales.stored_value.topup(a.admin, member_id, 50_000, TenderKind.CASH)
    assert a.sync().ok
    late = make_desk("late")
    late.enrol(server, server.store())
    _sync(server, late)
    assert _balance(late, member_id) == 30
    assert [(k, d) for _, k, d in _entries(late, member_id)] == [("earn", 60), ("reverse", -30)]
    with late.services.db.read() as s:  # the reversal found the sale's lot on this desk too
        assert [lot.remaining for lot in lots_of(s, member_id).lots] == [30]
    assert late.services.sales.stored_value.balance(member_id).principal == 50_000
    _clean(late, member_id)


def test_a_retried_sale_finalize_never_awards_twice(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member_id = _member(a)
    sale = _sale(a, member_id, qty=1, price=5000)
    assert a.sync().ok
    op = _op(a, "sale.finalize.v1")
    assert op.state == "applied"

    # The answer was lost: the desk's queue sends the same op (same id, same seq) again.
    assert a.engine.store.resend_from(op.seq) >= 1
    assert a.sync().ok
    assert _op(a, "sale.finalize.v1").state == "applied"  # the stored outcome, told again
    assert _server_points(server, member_id) == (50, [(f"sale:{sale.sale_id}", "earn", 50)])
    same = WireOp(
        seq=op.seq, op_id=op.op_id, name=op.name, hlc=op.hlc, actor=op.actor_id,
        approver=op.approver_id, args=op.args,
    )  # fmt: skip
    again = _push_raw(server, a, same)
    assert again.results[0].status == "duplicate" and again.results[0].original == "applied"
    assert _server_points(server, member_id) == (50, [(f"sale:{sale.sale_id}", "earn", 50)])

    # The same sale again under a new op id (a desk re-sending it after a restore): the
    # server knows the sale and posts nothing.
    answer = _push_raw(
        server,
        a,
        same.model_copy(update={"seq": _next_seq(server, a), "op_id": str(uuid.uuid4())}),
    )
    assert answer.results[0].status == "applied"
    assert answer.results[0].effects == {"already_known": True}
    assert _server_points(server, member_id) == (50, [(f"sale:{sale.sale_id}", "earn", 50)])
    with server.db.read() as s:
        assert len(list(s.scalars(select(SaleRecord).where(SaleRecord.id == sale.sale_id)))) == 1
    _sync(server, b)
    assert _balance(b, member_id) == 50
    _clean(b, member_id)


def test_the_servers_points_figure_wins_on_both_desks(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """Desk A runs a double-points promotion the server does not know: the server posts its
    own figure (compensated) and A's ledger is brought to it, so both desks agree."""
    a, b = _pair(server, make_desk)
    a.services.__dict__["sales"] = SalesServices.over(
        a.services.db, a.clock, CheckoutConfig(promotions=(Promotion("double", 200),))
    )
    member_id = _member(a)
    sale = _sale(a, member_id)  # ¥60: 120 points on A's figure
    assert sale.points_earned == 120
    _sync(server, a, b)
    op = _op(a, "sale.finalize.v1")
    assert op.state == "compensated" and op.result["effects"] == {"points_earned": 60}
    assert _server_points(server, member_id)[0] == 60
    assert _balance(a, member_id) == _balance(b, member_id) == 60
    assert _entries(a, member_id) == [
        (f"sale:{sale.sale_id}", "earn", 120), (f"server:sale:{sale.sale_id}", "adjust", -60)
    ]  # fmt: skip
    assert _entries(b, member_id) == [(f"sale:{sale.sale_id}", "earn", 60)]
    _clean(a, member_id)
    _clean(b, member_id)


def test_a_refund_on_desk_a_reverses_the_points_on_desk_b(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member_id = _member(a)
    sale = _sale(a, member_id, qty=2, price=3000)  # 60 points
    _sync(server, a, b)
    assert _balance(b, member_id) == 60

    part = a.services.sales.refunds.refund(a.admin, sale.sale_id, {1: 1}, reason="one back")
    assert part.points_reversed == 30
    _sync(server, a, b)
    assert _op(a, "sale.refund.v1").state == "applied"  # the server planned the same refund
    assert _balance(b, member_id) == _balance(a, member_id) == 30
    assert _server_points(server, member_id)[0] == 30

    rest = a.services.sales.refunds.refund(a.admin, sale.sale_id, reason="the rest")
    assert rest.points_reversed == 30
    _sync(server, a, b)
    assert _balance(b, member_id) == _balance(a, member_id) == 0
    server_balance, server_entries = _server_points(server, member_id)
    assert server_balance == 0
    assert [k for _, k, _ in server_entries] == ["earn", "reverse", "reverse"]
    assert [(k, d) for _, k, d in _entries(b, member_id)] == [
        ("earn", 60), ("reverse", -30), ("reverse", -30)
    ]  # fmt: skip
    with b.services.db.read() as s:  # the reversals took B's copy of the sale's own lot
        state = lots_of(s, member_id)
        assert state.lots == () and state.debt == 0
    _clean(a, member_id)
    _clean(b, member_id)


def test_a_lot_expired_on_desk_a_is_expired_once_on_desk_b(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """Lot ids are each desk's own: the server expires its own copy of the lot and desk B
    finds its copy by the lot's (source, kind), so B's own expiry run posts nothing more."""
    now = datetime.now(UTC)
    a, b = _pair(server, make_desk, clock=FixedClock(now - timedelta(days=430)))
    member_id = _member(a)
    sale = _sale(a, member_id)  # 60 points, earned 14 months ago
    _sync(server, a, b)
    assert _balance(b, member_id) == 60
    a.clock.set(now)
    today = a.services.sales.points.business_day()
    assert a.services.sales.points.expire(today) == 60
    _sync(server, a, b)
    expire_op = _op(a, "points.expire.v1")
    assert expire_op.state == "applied" and expire_op.result["effects"] == {"expired": 60}
    assert _server_points(server, member_id)[0] == 0
    assert _balance(a, member_id) == _balance(b, member_id) == 0
    assert b.services.sales.points.expire(today) == 0  # already expired on B: not twice
    with b.services.db.read() as s:
        lot = s.scalar(select(PointsEntry).where(PointsEntry.source == f"sale:{sale.sale_id}"))
        assert lot is not None
    assert (f"expiry:{lot.id}", "expire", -60) in _entries(b, member_id)
    assert len(_entries(a, member_id)) == 2  # A's own expiry came back and was not re-posted
    _clean(a, member_id)
    _clean(b, member_id)


def test_points_adjust_by_an_actor_without_the_permission_is_rejected(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member_id = _member(a)
    cashier = a.services.staff.create(a.admin, "c1", "Cashier", Role.CASHIER, "2468")
    a.services.sales.points.adjust(a.admin, member_id, 500, "welcome", date.today())
    # The desk refuses a cashier itself; an op sent in a cashier's name anyway (an old or
    # tampered desk) must be refused by the server too.
    a.services.sales.points.adjust(a.admin, member_id, 700, "by hand", date.today())
    forged = _op(a, "points.adjust.v1")
    with a.services.db.write_session() as s, s.begin():
        s.execute(
            update(OutboxOp).where(OutboxOp.op_id == forged.op_id).values(actor_id=cashier.staff_id)
        )
    later = _member(a, "李娜")  # after the rejected op: the queue must move on past it
    _sync(server, a, b)

    assert _op(a, "points.adjust.v1").state == "rejected"
    assert server.applied()[forged.op_id].reason == "permission_denied"
    ops = [o for o in a.outbox() if o.name == "points.adjust.v1"]
    assert [o.state for o in ops] == ["applied", "rejected"]
    assert _server_points(server, member_id)[0] == 500
    assert _balance(b, member_id) == 500
    assert later in b.members()
    # Desk A takes back its own optimistic entry of the rejected op.
    assert _balance(a, member_id) == 500
    assert [(k, d) for _, k, d in _entries(a, member_id)] == [
        ("adjust", 500), ("adjust", 700), ("adjust", -700)
    ]  # fmt: skip
    assert a.sync().ok and _balance(a, member_id) == 500  # once, however often it syncs
    _clean(a, member_id)
    _clean(b, member_id)


def test_the_desk_is_not_held_after_a_sale(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = _pair(server, make_desk)
    member_id = _member(a)
    a.services.sales.catalogue.import_csv(
        a.admin, b"barcode,name,price,category,points_multiplier\n690000000009,Water,3.50,drinks,\n"
    )
    a.services.sales.shifts.open(a.admin, 20000)
    a.services.sales.stored_value.topup(a.admin, member_id, 100_000, TenderKind.WECHAT)
    cart = Cart(
        (SaleLine("Towel 毛巾", 1, 3000),),
        member_id=member_id,
        tenders=(Tender(TenderKind.STORED_VALUE, 1000), Tender(TenderKind.CASH, 2000)),
    )
    sale = a.services.sales.checkout.finalize_sale(a.admin, cart)
    assert sale.points_earned == 20  # nothing on the part paid with stored value
    a.services.sales.shifts.close(a.admin, {TenderKind.CASH: 22000})
    after = _member(a, "王芳")  # made after the sale: it used to wait behind the held op
    _sync(server, a, b)

    assert a.engine.status.problem is None, a.engine.status.detail
    states = {o.name: o.state for o in a.outbox()}
    assert all(s in ("applied", "duplicate") for s in states.values()), states
    for name in ("product.import.v1", "shift.open.v1", "storedvalue.topup.v1",
                 "sale.finalize.v1", "shift.close.v1"):  # fmt: skip
        assert name in states
    assert after in b.members()
    assert _balance(b, member_id) == 20
    with server.db.read() as s:  # the server drew the stored value as the desk did
        account = s.scalar(
            select(StoredValueAccountRow).where(StoredValueAccountRow.member_id == member_id)
        )
        assert account is not None and account.principal + account.bonus == 110_000 - 1000
    with a.services.db.read() as s:
        assert s.scalar(select(Product).where(Product.barcode == "690000000009")) is not None


def test_arguments_that_do_not_fit_are_rejected_not_a_server_error(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """On PostgreSQL a too-long text or a too-large number would fail the whole batch (and
    the desk would retry it forever): such an op is rejected and the next one applies."""
    a, _ = _pair(server, make_desk)
    member_id = _member(a)
    _sale(a, member_id, qty=1, price=1000)
    assert a.sync().ok
    good = _op(a, "sale.finalize.v1")
    seq = _next_seq(server, a)

    def variant(n: int, **changes: Any) -> WireOp:
        args = {**good.args, "id": str(uuid.uuid4()), **changes}
        return WireOp(seq=seq + n, op_id=str(uuid.uuid4()), name=good.name, hlc=good.hlc,
                      actor=good.actor_id, approver=good.approver_id, args=args)  # fmt: skip

    huge = [{**good.args["lines"][0], "quantity": 10**12}]
    enrolment = a.engine.store.enrolment()
    assert enrolment is not None
    transport = HttpTransport(enrolment.server_url, enrolment.token)
    try:
        answer = transport.push(
            PushRequest(
                device_id=enrolment.device_id,
                schema=SCHEMA_VERSION,
                ops=[variant(0, number="S" * 100), variant(1, lines=huge), variant(2)],
            )
        )
    finally:
        transport.close()
    assert [(r.status, r.reason) for r in answer.results] == [
        ("rejected", "invalid_input"), ("rejected", "invalid_input"), ("applied", None)
    ]  # fmt: skip
    assert _server_points(server, member_id)[0] == 20  # the good sale and its copy: 10 each
