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
from desktop_app.store.models import OutboxOp, SyncState
from desktop_app.store.row_writes import insert_rows, set_states
from desktop_app.store.state import DEVICE_ID, device_id, get_state, set_state
from desktop_app.store.state import HLC as HLC_KEY


def next_hlc(session: Session, now: datetime) -> HLC:
    stamp = hlc_after(get_state(session, HLC_KEY), device_id(session), now)
    set_state(session, HLC_KEY, str(stamp))
    return stamp


def hlc_after(stored: str | None, node: str, now: datetime) -> HLC:
    """The stamp after the stored one (None: the first) on this node at `now`."""
    last = HLC.parse(stored) if stored else HLC(0, 0, node)
    return HLC(last.wall_ms, last.counter, node).tick(int(now.timestamp() * 1000))


def enqueue_op(
    session: Session,
    *,
    name: str,
    args: Mapping[str, Any],
    at: datetime,
    authority: Authority | None,
) -> OutboxOp:
    op = new_op(name, args, at=at, authority=authority, hlc=str(next_hlc(session, at)))
    session.add(op)
    session.flush()  # assigns seq
    return op


def write_op(session: Session, name: str, args: Mapping[str, Any], *, at: datetime,
             authority: Authority | None) -> OutboxOp:
    """As `enqueue_op`, in three statements and no ORM flush of the op (for the hot paths):
    the desk's id and HLC read together, the op inserted, the HLC upserted. The session's
    pending changes are flushed first (an op queued earlier in the transaction moved the
    HLC). The op's `seq` is not read back."""
    session.flush()
    rows = session.execute(
        select(SyncState.key, SyncState.value).where(SyncState.key.in_((DEVICE_ID, HLC_KEY)))
    )
    state: dict[str, str] = {key: value for key, value in rows}
    device = state.get(DEVICE_ID) or device_id(session)
    hlc = str(hlc_after(state.get(HLC_KEY), device, at))
    op = new_op(name, args, at=at, authority=authority, hlc=hlc)
    insert_rows(session, [op], skip=("seq",))
    set_states(session, {HLC_KEY: hlc})
    return op


def new_op(
    name: str,
    args: Mapping[str, Any],
    *,
    at: datetime,
    authority: Authority | None,
    hlc: str,
) -> OutboxOp:
    """An op stamped `hlc`, not added to any session (its `seq` comes when it is stored)."""
    return OutboxOp(
        op_id=new_id(),
        name=name,
        hlc=hlc,
        actor_id=authority.actor.staff_id if authority else None,
        approver_id=authority.approver.staff_id if authority and authority.approver else None,
        args=dict(args),
        created_at=at,
        state="pending",
        result=None,
        acked_at=None,
    )


def pending_count(session: Session) -> int:
    return session.scalar(select(func.count()).where(OutboxOp.state == "pending")) or 0
