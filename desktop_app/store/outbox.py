"""The transactional outbox (SYNC.md): a service writes its rows and its op in one
transaction, so an op exists exactly when its change does."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.hlc import HLC
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Authority
from desktop_app.store.models import OutboxOp
from desktop_app.store.state import HLC as HLC_KEY
from desktop_app.store.state import device_id, get_state, set_state


def next_hlc(session: Session, now: datetime) -> HLC:
    node = device_id(session)
    stored = get_state(session, HLC_KEY)
    last = HLC.parse(stored) if stored else HLC(0, 0, node)
    stamp = HLC(last.wall_ms, last.counter, node).tick(int(now.timestamp() * 1000))
    set_state(session, HLC_KEY, str(stamp))
    return stamp


def enqueue_op(
    session: Session,
    *,
    name: str,
    args: Mapping[str, Any],
    at: datetime,
    authority: Authority | None,
) -> OutboxOp:
    op = OutboxOp(
        op_id=new_id(),
        name=name,
        hlc=str(next_hlc(session, at)),
        actor_id=authority.actor.staff_id if authority else None,
        approver_id=authority.approver.staff_id if authority and authority.approver else None,
        args=dict(args),
        created_at=at,
        state="pending",
    )
    session.add(op)
    session.flush()  # assigns seq
    return op


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).where(OutboxOp.state == "pending")) or 0
