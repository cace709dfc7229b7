"""Small key/value facts about this device, kept in the `sync_state` table."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain.ids import new_id
from desktop_app.store.models import SyncState

DEVICE_ID = "device_id"
HLC = "hlc"
AUDIT_HEAD = "audit_head"
# Facts that make this file one particular enrolled device. A restored backup forgets them and
# enrols again as a new device (SYNC.md), so two desks never push under one identity.
DEVICE_IDENTITY_KEYS = frozenset({DEVICE_ID, "device_token", "server_url", "pull_cursor",
                                  "server_epoch", "enrolled_at"})


def get_state(session: Session, key: str) -> str | None:
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


def get_states(session: Session, keys: Iterable[str]) -> dict[str, str]:
    """The values of those keys that are set, in one query."""
    rows = session.execute(select(SyncState.key, SyncState.value).where(SyncState.key.in_(keys)))
    return {key: value for key, value in rows}


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def forget_device_identity(session: Session) -> None:
    for key in DEVICE_IDENTITY_KEYS:
        row = session.get(SyncState, key)
        if row is not None:
            session.delete(row)


def device_id(session: Session) -> str:
    """This desk's id, made on first use. Until the desk enrols with a server it is local."""
    found = get_state(session, DEVICE_ID)
    if found is None:
        found = new_id()
        set_state(session, DEVICE_ID, found)
    return found
