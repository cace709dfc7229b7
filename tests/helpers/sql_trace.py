"""Every SQL statement SQLite runs for a piece of work, seen at the sqlite3 connection itself
(so statements sent on the raw driver connection count too): for tests that hold a hot path
to its number of statements."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

_WRITES = ("INSERT", "UPDATE", "DELETE")


def statements(services: Any, fn: Callable[[], Any]) -> tuple[Any, list[str]]:
    """fn()'s result and every SQL statement SQLite ran for it (BEGIN and COMMIT included).
    Python's trace callback repeats a write's text for each trigger statement it fires (the
    report roll-ups' triggers): a write repeated in a row counts once, a read never does."""
    seen: list[str] = []

    def trace(sql: str) -> None:
        echo = bool(seen) and seen[-1] == sql and sql.lstrip().upper().startswith(_WRITES)
        if not sql.startswith("--") and not echo:
            seen.append(sql)

    def checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_trace_callback(trace)

    def checkin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(None)

    engine = services.db.engine
    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)
    try:
        result = fn()
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "checkin", checkin)
    return result, seen


def first_lines(seen: list[str]) -> str:
    return "\n".join(s.strip().split("\n")[0][:120] for s in seen)
