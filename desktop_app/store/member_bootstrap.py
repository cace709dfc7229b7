"""A bootstrap page of members into the desk, a million rows at a time in the first load.

One executemany on the driver connection per page: the ORM's per-row bookkeeping would cost
more than the rows themselves. The server sends member pages as arrays under `columns`, in the
desk's stored forms (protocol.BootstrapPage): each row is bound exactly as it came, and the
insert itself derives the last 4 digits of the phone."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.store import sync_apply
from desktop_app.store.search_bulk import SearchInput
from desktop_app.sync.protocol import (
    MEMBER_PAGE_FIELDS,
    MEMBER_PAGE_TIMES,
    BootstrapPage,
)


@lru_cache(maxsize=4)
def _insert_sql(columns: tuple[str, ...]) -> str:
    phone = columns.index("phone") + 1
    updated = [c for c in (*columns, "phone_last4") if c not in ("id", "created_at")]
    return (
        f"INSERT INTO members (version, {', '.join(columns)}, phone_last4) "
        f"VALUES (1, {', '.join(f'?{i}' for i in range(1, len(columns) + 1))}, "
        f"substr(?{phone}, -4)) "
        "ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in updated)
    )


def _checked(page: BootstrapPage) -> tuple[tuple[str, ...], Sequence[Any]]:
    """The page's columns and rows, refused whole unless in the stored forms."""
    if page.columns is None or sorted(page.columns) != sorted(MEMBER_PAGE_FIELDS):
        raise ValueError(f"member page columns not understood: {page.columns}")
    columns = tuple(page.columns)
    at = [columns.index(c) for c in MEMBER_PAGE_TIMES]
    for row in page.rows:  # a wrong form would be stored and fail every later read
        for i in at:
            if not isinstance(row[i], str) or len(row[i]) != 27 or row[i][-1] != "Z":
                raise ValueError(f"member page time not in stored form: {row[i]!r}")
    return columns, page.rows


def load_member_page(session: Session, page: BootstrapPage, now: datetime) -> list[SearchInput]:
    """Insert or update the page's members; returns what the search terms are made from."""
    columns, rows = _checked(page)
    if not rows:
        return []
    number, name, phone, merged = (
        columns.index(c) for c in ("number", "name", "phone", "merged_into_id")
    )
    inputs: list[SearchInput] = list(map(itemgetter(number, name, phone, merged), rows))
    sync_apply.bump_member_counter(session, map(itemgetter(number), rows))
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    try:
        # No savepoint around it: with foreign keys on, a savepoint makes SQLite keep a
        # statement journal on disk for every row (1.3 GB written per 100,000 members).
        raw.executemany(_insert_sql(columns), rows)
    except sqlite3.IntegrityError:
        # A number clash with a local member: the rows before it are in, the failed one is
        # not (a statement is undone whole); all again row by row (an upsert: idempotent).
        for data in page.records():
            sync_apply.apply_member(session, data["id"], "upsert", data, now)
    return inputs
