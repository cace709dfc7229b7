"""The audit log: append-only and hash-chained. The chain's head hash is kept apart (in
sync_state) and updated in the same transaction, so removing the newest rows is found too."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.chain import GENESIS, ChainFault, canonical_json, link_hash, verify_chain
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Authority
from desktop_app.store.models import AuditEntry
from desktop_app.store.state import AUDIT_HEAD, get_state, set_state
from desktop_app.store.types import UTCDateTime


def _hashed_fields(e: AuditEntry) -> dict[str, Any]:
    at = UTCDateTime().process_bind_param(e.at, None)  # type: ignore[arg-type]
    return {
        "seq": e.seq,
        "id": e.id,
        "at": at,
        "actor_id": e.actor_id,
        "actor_name": e.actor_name,
        "approver_id": e.approver_id,
        "approver_name": e.approver_name,
        "action": e.action,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "details": e.details,
        "op_id": e.op_id,
    }


def append_audit(
    session: Session,
    *,
    at: datetime,
    authority: Authority | None,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    details: Mapping[str, Any] | None = None,
    op_id: str | None = None,
) -> AuditEntry:
    """Append one entry. The caller's transaction must hold the write lock (BEGIN IMMEDIATE),
    which every unit of work does, so the head cannot move underneath us."""
    prev = get_state(session, AUDIT_HEAD) or GENESIS
    last_seq = session.scalar(select(AuditEntry.seq).order_by(AuditEntry.seq.desc()).limit(1))
    entry = new_audit_entry(
        prev,
        last_seq or 0,
        at=at,
        authority=authority,
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=details,
        op_id=op_id,
    )
    session.add(entry)
    set_state(session, AUDIT_HEAD, entry.hash)
    return entry


def new_audit_entry(
    prev: str,
    last_seq: int,
    *,
    at: datetime,
    authority: Authority | None,
    action: str,
    entity: str | None = None,
    entity_id: str | None = None,
    details: Mapping[str, Any] | None = None,
    op_id: str | None = None,
) -> AuditEntry:
    """The entry after the chain's head `prev` (number `last_seq`), hashed and not added to
    any session: `append_audit`, or a caller writing its rows in bulk, stores it."""
    actor = authority.actor if authority else None
    approver = authority.approver if authority else None
    entry = AuditEntry(
        seq=last_seq + 1,
        id=new_id(),
        at=at,
        actor_id=actor.staff_id if actor else None,
        actor_name=actor.name if actor else None,
        approver_id=approver.staff_id if approver else None,
        approver_name=approver.name if approver else None,
        action=action,
        entity=entity,
        entity_id=entity_id,
        # Round-trip through JSON now so the hash covers exactly what is stored and read back.
        details=json.loads(canonical_json(details)) if details else None,
        op_id=op_id,
        prev_hash=prev,
    )
    entry.hash = link_hash(prev, _hashed_fields(entry))
    return entry


def _entries(session: Session) -> Iterator[tuple[Any, str, str, dict[str, Any]]]:
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(1000):
        yield f"audit_log seq={e.seq} id={e.id}", e.prev_hash, e.hash, _hashed_fields(e)


def verify_audit(session: Session) -> list[ChainFault]:
    head = get_state(session, AUDIT_HEAD)
    return verify_chain(_entries(session), head=head or GENESIS)
