"""Engines and sessions for SQLite (embedded, writes serialised) and PostgreSQL (psycopg 3),
and the two facts the change log needs from each: this transaction's id, and the horizon
below which no transaction can still commit."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from central_server.models import ServerMeta

TXID_KEY = "txid_counter"
BIG = 2**62


def _sqlite_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql(f"BEGIN {conn.get_execution_options().get('sqlite_begin', 'DEFERRED')}")


class ServerDatabase:
    """Owns the engine. `write()` is one transaction that holds the write lock on SQLite from
    its first statement, so pushes are serialised there; `read()` never writes."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            self.engine: Engine = create_engine(url, future=True)
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
            writer: Engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            self.engine = create_engine(url, future=True, pool_size=10, pool_pre_ping=True)
            writer = self.engine
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        with self._write() as session, session.begin():
            session.connection()  # SQLite: BEGIN IMMEDIATE now, before any read
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def current_txid(session: Session) -> int:
    """An id for the writing transaction that orders transactions as they can become visible:
    PostgreSQL's own xid8; on SQLite a counter bumped under the write lock, once."""
    cached = session.info.get("txid")
    if cached is not None:
        return int(cached)
    if session.get_bind().dialect.name == "postgresql":
        txid = int(session.scalar(text("SELECT pg_current_xact_id()::text::bigint")) or 0)
    else:
        row = session.get(ServerMeta, TXID_KEY)
        if row is None:
            row = ServerMeta(key=TXID_KEY, value="0")
            session.add(row)
        txid = int(row.value) + 1
        row.value = str(txid)
        session.flush()
    session.info["txid"] = txid
    return txid


def visible_horizon(session: Session) -> int:
    """Changes with txid below this are final: no transaction that could still commit has a
    smaller id. On SQLite every committed change is final (writers are serialised)."""
    if session.get_bind().dialect.name == "postgresql":
        return int(
            session.scalar(text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"))
            or 0
        )
    return BIG


def lock_device(session: Session, device_id: str) -> None:
    """Serialise pushes per device: a row lock on PostgreSQL; SQLite already holds the
    database's write lock."""
    from central_server.models import Device

    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(Device.id).where(Device.id == device_id).with_for_update())
