"""Under random sequences of bookings, cancels, capacity changes, promotions and check-ins:
confirmed <= capacity, the waitlist keeps its order, credit units never go negative."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.bookings import BookingRefused, BookingStatus, Roster, SessionInfo
from desktop_app.domain.checkin import CheckinPolicies, attended_bookings

NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
START = NOW + timedelta(days=1)

op = st.one_of(
    st.tuples(st.just("book"), st.integers(0, 9)),
    st.tuples(st.just("cancel"), st.integers(0, 9)),
    st.tuples(st.just("capacity"), st.integers(0, 6)),
    st.tuples(st.just("promote"), st.integers(0, 9)),
    st.tuples(st.just("attend"), st.integers(0, 9)),
    st.tuples(st.just("clock"), st.integers(0, 30)),
)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 4), st.lists(op, max_size=60), st.lists(st.integers(0, 3), min_size=10,
                                                             max_size=10))
def test_random_sequences_keep_the_invariants(capacity: int, ops: list[tuple[str, int]],
                                              units: list[int]) -> None:
    roster = Roster(SessionInfo("s", "yoga", START, START + timedelta(hours=1), capacity))
    credits = {f"m{i}": u for i, u in enumerate(units)}  # one credit pack per member
    now = NOW
    counter = 0

    def apply_credit(member_id: str, delta: int) -> None:
        credits[member_id] += delta
        assert credits[member_id] >= 0, "units went negative"

    def credit_for(b: object) -> str | bool:
        member = b.member_id  # type: ignore[attr-defined]
        return member if credits[member] > 0 else False

    for name, n in ops:
        member = f"m{n}"
        order_before = [b.id for b in roster.waitlist]
        try:
            if name == "book":
                counter += 1
                if credits[member] <= 0:
                    continue  # no valid entitlement: the service refuses before the roster
                roster, change = roster.book(f"b{counter}", member, member)
                apply_credit(member, change.credit)
            elif name == "cancel":
                mine = [b for b in roster.bookings
                        if b.member_id == member and b.status in
                        (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED)]
                if mine:
                    roster, change = roster.cancel(mine[0].id, now)
                    if change.credit:
                        apply_credit(change.booking.credit_entitlement_id or "", change.credit)
            elif name == "capacity":
                roster = roster.set_capacity(n)
            elif name == "promote":
                roster, changes = roster.promote(now, credit_for, manual=n % 2 == 0)
                for c in changes:
                    if c.credit:
                        apply_credit(c.booking.credit_entitlement_id or "", c.credit)
            elif name == "attend":
                booked = [b for b in roster.confirmed if b.member_id == member]
                from desktop_app.domain.checkin import BookedSession
                hits = attended_bookings([BookedSession(b.id, START) for b in booked], now,
                                         CheckinPolicies())
                for bid in hits:
                    if roster.get(bid).status is BookingStatus.CONFIRMED:
                        roster, _ = roster.mark_attended(bid)
            elif name == "clock":
                now = min(now + timedelta(hours=n), START + timedelta(minutes=10))
        except BookingRefused:
            pass
        assert len(roster.confirmed) <= roster.session.capacity
        after = [b.id for b in roster.waitlist]
        # Order kept: whoever is still waiting stays in the same relative order, and newcomers
        # join at the end.
        still = [b for b in order_before if b in after]
        assert after[: len(still)] == still
        assert all(v >= 0 for v in credits.values())
