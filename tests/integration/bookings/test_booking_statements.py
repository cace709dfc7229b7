"""Booking a seat is timed by bench/checkin.py: it issues a fixed, small number of SQL
statements (the member's entitlements in one query, the op written without an ORM flush)
and takes credits, waitlists and writes its op as before."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from desktop_app.domain.bookings import BookingRefused
from desktop_app.services.members import MemberDraft
from desktop_app.store.checks import check_database
from desktop_app.store.models import OutboxOp
from tests.helpers.sql_trace import first_lines, statements
from tests.integration.bookings.test_class_service import (
    CREDITS,
    member_with_credits,
    setup_session,
    used,
)

# BEGIN; the session with its class type, its bookings; the member's status, their upcoming
# classes and strikes; their entitlements (one query); the credit taken (one UPDATE), the
# booking, the waitlist elsewhere; the desk's id and HLC, the op, the HLC; COMMIT.
MOST_STATEMENTS = 14


def test_booking_a_seat_and_the_waitlist_in_few_statements(services, admin) -> None:
    sid = setup_session(services, admin, capacity=1)
    first, first_pack = member_with_credits(services, admin, "First")
    second, second_pack = member_with_credits(services, admin, "Second")
    (seat, seen_seat) = statements(services, lambda: services.classes.book(admin, sid, first))
    (wait, seen_wait) = statements(services, lambda: services.classes.book(admin, sid, second))
    assert len(seen_seat) <= MOST_STATEMENTS, first_lines(seen_seat)
    assert len(seen_wait) <= MOST_STATEMENTS, first_lines(seen_wait)
    assert seat.status == "confirmed" and wait.status == "waitlisted"
    assert used(services, first_pack) == 1 and used(services, second_pack) == 0
    with services.db.read() as s:
        ops = list(s.scalars(select(OutboxOp).where(OutboxOp.name == "booking.create.v1")
                             .order_by(OutboxOp.seq)))
    assert [o.args for o in ops] == [
        {"id": seat.id, "session_id": sid, "member_id": first, "status": "confirmed",
         "provisional": False},
        {"id": wait.id, "session_id": sid, "member_id": second, "status": "waitlisted",
         "provisional": False}]
    assert ops[0].hlc < ops[1].hlc and ops[0].actor_id == admin.staff_id
    # The first cancels early: the credit comes back, the waitlisted member is promoted and
    # pays with a credit read after this transaction's own change.
    services.classes.cancel(admin, seat.id)
    assert used(services, first_pack) == 0 and used(services, second_pack) == 1
    with services.db.read() as s:
        names = [o.name for o in s.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
        hlcs = [o.hlc for o in s.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
    assert names[-2:] == ["booking.cancel.v1", "booking.promote.v1"]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == len(hlcs)
    assert check_database(services.db) == []


def test_a_shared_pack_pays_and_nothing_is_written_when_refused(services, admin) -> None:
    sid = setup_session(services, admin, capacity=2)
    parent = services.members.create(admin, MemberDraft(name="Parent"))
    child = services.members.create(admin, MemberDraft(name="Child"))
    stranger = services.members.create(admin, MemberDraft(name="Stranger"))
    pool = services.entitlements.sell(admin, parent.id, replace(CREDITS, sharer_ids=(child.id,)))
    booked = services.classes.book(admin, sid, child.id)
    assert booked.status == "confirmed" and used(services, pool) == 1
    with services.db.read() as s:
        before = s.scalar(select(func.count()).select_from(OutboxOp))
    with pytest.raises(BookingRefused) as refused:
        services.classes.book(admin, sid, stranger.id)
    assert refused.value.reason == "no_entitlement_for_class"
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxOp)) == before
