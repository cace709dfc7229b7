"""A bootstrap page of members into the desk, a million rows at a time in the first load.

One executemany on the driver connection per page: the ORM's per-row bookkeeping would cost
more than the rows themselves. The server sends member pages as arrays under `columns`; each
row becomes the insert's values by position (an itemgetter for the fields taken as they come,
a few conversions for the rest), never a dict. Values are in the columns' stored forms (see
store.types)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.store import sync_apply
from desktop_app.sync.protocol import BootstrapPage

_AS_IS = (
    "id", "number", "name", "phone", "email", "birthday", "gender", "photo_path", "tier_id",
    "home_store_id", "status", "merged_into_id",
)  # fmt: skip
_FLAGS = ("note_flagged", "consent_sms", "consent_email")
# What a member page gives, in the order the insert takes it; the last 4 digits of the phone
# are derived.
PAGE_FIELDS = (*_AS_IS, *_FLAGS, "notes", "points_balance", "created_at", "updated_at")
_COLUMNS = (*PAGE_FIELDS, "phone_last4")
_SQL = (
    f"INSERT INTO members (version, {', '.join(_COLUMNS)}) "
    f"VALUES (1, {', '.join('?' for _ in _COLUMNS)}) "
    "ON CONFLICT(id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS if c not in ("id", "created_at"))
)
NUMBER, NAME, PHONE, MERGED = (
    _COLUMNS.index(c) for c in ("number", "name", "phone", "merged_into_id")
)


def stamp(text_value: str | None) -> str | None:
    """The server's ISO time as the desk stores it (store.types.UTCDateTime)."""
    if not text_value:
        return None
    if len(text_value) == 32 and text_value.endswith("+00:00"):  # the server's usual form
        return text_value[:26] + "Z"
    return datetime.fromisoformat(text_value).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def member_values(page: BootstrapPage, now: datetime) -> list[tuple[Any, ...]]:
    """The page's rows as the insert's values (in `_COLUMNS` order)."""
    columns, rows = page.columns, page.rows
    if columns is None or not set(PAGE_FIELDS) <= set(columns):  # objects, or fields left out
        columns = list(PAGE_FIELDS)
        rows = [[record.get(c) for c in PAGE_FIELDS] for record in page.records()]
    at = {c: i for i, c in enumerate(columns)}
    as_is = itemgetter(*(at[c] for c in _AS_IS))
    flag1, flag2, flag3, notes, points, created, updated, phone = (
        at[c] for c in (*_FLAGS, "notes", "points_balance", "created_at", "updated_at", "phone")
    )
    now_stamp = stamp(now.isoformat())
    return [
        (*as_is(r), 1 if r[flag1] else 0, 1 if r[flag2] else 0, 1 if r[flag3] else 0,
         r[notes] or "", int(r[points] or 0), stamp(r[created]) or now_stamp,
         stamp(r[updated]) or now_stamp, r[phone][-4:] if r[phone] else None)
        for r in rows
    ]  # fmt: skip


def load_member_page(session: Session, page: BootstrapPage, now: datetime) -> list[tuple[Any, ...]]:
    """Insert or update the page's members; returns their values (for the search terms)."""
    values = member_values(page, now)
    if not values:
        return values
    sync_apply.bump_member_counter(session, (v[NUMBER] for v in values))
    raw = session.connection().connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    try:
        raw.execute("SAVEPOINT bulk_members")
        raw.executemany(_SQL, values)
        raw.execute("RELEASE bulk_members")
    except sqlite3.IntegrityError:  # a number clash with a local member: row by row
        raw.execute("ROLLBACK TO bulk_members")
        raw.execute("RELEASE bulk_members")
        for data in page.records():
            sync_apply.apply_member(session, data["id"], "upsert", data, now)
    return values
