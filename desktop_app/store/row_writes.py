"""Writing in-memory ORM rows with SQLAlchemy Core, one statement per table, never through the
ORM's flush: the hot paths (check-in, checkout) build the same ORM classes, so their hashes and
column types are exactly those of the ORM path, and write them as values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop_app.store.models import Base, SyncState


def table_of(cls: type[Base]) -> Table:
    table = cls.__table__
    assert isinstance(table, Table)
    return table


_INSERTS: dict[Table, Any] = {}  # built once per table: each call only binds its values
_state = table_of(SyncState)
_state_up = sqlite_insert(_state)
_STATE = _state_up.on_conflict_do_update(
    index_elements=[_state.c.key], set_={"value": _state_up.excluded.value}
)


def values_of(row: Base, skip: Sequence[str] = ()) -> dict[str, Any]:
    """The column values of an in-memory ORM row, for a Core insert."""
    return {c.key: getattr(row, c.key) for c in table_of(type(row)).columns if c.key not in skip}


def insert_rows(session: Session, rows: Sequence[Base], skip: Sequence[str] = ()) -> None:
    """Insert in-memory rows of one class in one (executemany) statement."""
    if rows:
        table = table_of(type(rows[0]))
        stmt = _INSERTS.get(table)
        if stmt is None:
            stmt = _INSERTS[table] = insert(table)
        session.connection().execute(stmt, [values_of(r, skip) for r in rows])


def set_states(session: Session, values: dict[str, str]) -> None:
    """Upsert sync_state keys (the HLC, the audit head) in one statement."""
    if values:
        session.connection().execute(_STATE, [{"key": k, "value": v} for k, v in values.items()])
