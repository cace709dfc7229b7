"""Entitlement status is computed at the moment of a decision (DOMAIN.md, Entitlements)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from desktop_app.domain.entitlements import (
    Entitlement,
    EntitlementKind,
    EntitlementStatus,
    Hold,
    StatusRules,
    entitlement_of,
    entitlement_status,
)

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
D = timedelta(days=1)
S = EntitlementStatus


def period(start: datetime, end: datetime, **kw: object) -> Entitlement:
    return Entitlement("e", "m", EntitlementKind.PERIOD, start, end, **kw)  # type: ignore[arg-type]


def pack(total: int, used: int, end: datetime = NOW + 100 * D) -> Entitlement:
    return Entitlement("e", "m", EntitlementKind.VISIT_PACK, NOW - 10 * D, end,
                       units_total=total, units_used=used)


@pytest.mark.parametrize("ent,status", [
    (period(NOW + D, NOW + 30 * D), S.UPCOMING),
    (period(NOW - D, NOW + 30 * D), S.ACTIVE),
    (period(NOW - D, NOW + 7 * D), S.EXPIRING),            # <= 7 days left
    (period(NOW - D, NOW + 8 * D), S.ACTIVE),
    (period(NOW - 30 * D, NOW - 2 * D), S.GRACE),          # <= 3 days past the end
    (period(NOW - 30 * D, NOW - 3 * D), S.EXPIRED),
    (pack(10, 8), S.EXPIRING),                             # <= 2 units left
    (pack(10, 7), S.ACTIVE),
    (pack(10, 10), S.USED_UP),
    (period(NOW - D, NOW + 30 * D, blocked=True), S.BLOCKED),
    (period(NOW - D, NOW + 30 * D, holds=(Hold(NOW - D, NOW + 6 * D),)), S.ON_HOLD),
    (period(NOW - D, NOW + 30 * D, holds=(Hold(NOW - 9 * D, NOW + 6 * D, NOW - D),)), S.ACTIVE),
])
def test_status_at_the_moment_of_decision(ent: Entitlement, status: EntitlementStatus) -> None:
    assert entitlement_status(ent, NOW) is status


def test_thresholds_come_from_the_store_rules() -> None:
    ent = period(NOW - D, NOW + 10 * D)
    assert entitlement_status(ent, NOW) is S.ACTIVE
    assert entitlement_status(ent, NOW, StatusRules(expiring_days=14)) is S.EXPIRING


def test_the_desk_and_the_server_read_a_stored_entitlement_alike() -> None:
    """One reading (entitlement_of) for both rows: access hours, units and holds included;
    the desk leaves out a hold it deleted."""
    from central_server.gym_models import GymEntitlement, GymHold
    from desktop_app.store.checkins import to_domain
    from desktop_app.store.models import EntitlementHold, EntitlementRow

    facts = dict(id="e1", member_id="m1", kind="visit_pack", valid_from=NOW - 10 * D,
                 valid_until=NOW + 20 * D, units_total=10, units_used=3,
                 access_start="06:00", access_end="14:30", blocked=False)  # fmt: skip
    hold = dict(starts_at=NOW + D, ends_at=NOW + 5 * D, ended_at=None)
    desk = to_domain(EntitlementRow(**facts),
                     [EntitlementHold(**hold),
                      EntitlementHold(**hold | {"deleted_at": NOW})])  # fmt: skip
    server = entitlement_of(GymEntitlement(**facts), [GymHold(**hold)])
    assert desk == server
    assert (desk.access_start, desk.access_end) == (time(6, 0), time(14, 30))
    assert desk.holds == (Hold(NOW + D, NOW + 5 * D),) and desk.units_left == 7
