"""The desk's SQLite database: one file, WAL mode, synchronous=FULL (a committed sale survives
a power cut), foreign keys on, a busy timeout. Write transactions start with BEGIN IMMEDIATE
so two writers queue on the lock instead of failing halfway through."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 15_000


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module: we issue BEGIN ourselves.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _on_begin(conn: Any) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """Owns the engine and hands out sessions. Sessions never leave `desktop_app.store`."""

    def __init__(self, path: Path, *, backup_dir: Path | None = None, migrate: bool = True):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.engine = make_engine(self.path)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )
        if migrate:
            from desktop_app.store.migrate import migrate_to_head

            migrate_to_head(self, backup_dir or self.path.parent / "backups")

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading: a consistent snapshot, ended (never committed) on close.
        Loaded values stay readable after the block."""
        with self._reader() as session:
            yield session

    def write_session(self) -> Session:
        return self._writer()

    def close(self) -> None:
        self.engine.dispose()
