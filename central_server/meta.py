"""Small server-wide facts in `server_meta`: the epoch, the change-log floor."""

from __future__ import annotations

from sqlalchemy.orm import Session

from central_server.models import ServerMeta

EPOCH = "epoch"
LOG_FLOOR = "log_floor"  # cursor below which changes were pruned: older cursors get 410


def get_meta(session: Session, key: str) -> str | None:
    row = session.get(ServerMeta, key)
    return row.value if row else None


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(ServerMeta, key)
    if row is None:
        session.add(ServerMeta(key=key, value=value))
    else:
        row.value = value
