"""Rows planted directly (no op, no audit) so a guarded call has something to act on without
the set-up itself changing what the permission tests count."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from desktop_app.domain.ids import new_id
from desktop_app.store.checkin_models import CheckinRow
from desktop_app.store.models import EntitlementRow


def old_checkin(services: Any, member_id: str) -> str:
    """A granted check-in an hour old: voiding it needs `checkin.void`."""
    at = services.clock.now() - timedelta(hours=1)
    cid = new_id()
    with services.db.write_session() as s, s.begin():
        s.add(CheckinRow(id=cid, op_id=new_id(), at=at, member_id=member_id, verdict="allow",
                         granted=True, reasons=[], units=0, overridden=False))
    return cid


def unused_entitlement(services: Any, member_id: str) -> str:
    now = services.clock.now()
    eid = new_id()
    with services.db.write_session() as s, s.begin():
        s.add(EntitlementRow(id=eid, created_at=now, updated_at=now, version=1,
                             member_id=member_id, kind="visit_pack", name="Pack",
                             valid_from=now, valid_until=now + timedelta(days=30),
                             units_total=10, units_used=0, blocked=False, price_minor=100))
    return eid
