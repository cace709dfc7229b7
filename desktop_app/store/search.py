"""Member lookup over the search index (search_models) and the members/cards indexes.

Every kind of search is a range scan or an equality on an index, with a LIMIT, so a query
costs the same over ten members or a million. The search runs the scans in ranking order
(exact code, contact, name prefix, the rest) and stops once it has enough members.

The index is kept current by `reindex_member`, called from `save_member` in the writing
transaction, and built in bulk by `build_search_index` (demo data, a version change).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_app.domain.member_query import (
    TERMS_VERSION,
    MemberQuery,
    TermKind,
    Tier,
    name_matches,
    name_terms,
)
from desktop_app.store import search_bulk
from desktop_app.store.db import Database
from desktop_app.store.models import Member

VERSION_KEY = "member_search_version"
TOP = "\U0010ffff"  # sorts after every character: `term < prefix + TOP` bounds a prefix scan
_MERGE_DEPTH = 8  # a chain of merges longer than this is a data fault, not followed further


@dataclass(frozen=True, slots=True)
class MemberHit:
    """One member found. `matched` says which kind of search found it (number, card, phone,
    phone_last4, email, name, pinyin); `code_status` is set for a card code or member number
    scan ("active", "revoked", or "merged" when the code belongs to a merged member, whose
    survivor is the member shown)."""

    member_id: str
    number: str
    name: str
    phone: str | None
    email: str | None
    status: str
    card_code: str | None
    points_balance: int
    tier_id: str | None
    rank: int
    matched: str
    code_status: str | None = None
    merged_from: str | None = None


# --- keeping the index current -------------------------------------------------------------

def terms_of(name: str | None, merged: bool) -> set[tuple[int, str]]:
    # A merged member is found only by its codes, which resolve to the survivor.
    return set(name_terms(name)) if name and not merged else set()


def last4_terms(phone: str | None, merged: bool) -> set[tuple[int, str]]:
    """The key of a phone's last 4 digits: one equality lookup in the index (a merged member,
    like its name, is no longer found by it)."""
    return {(int(TermKind.PHONE_LAST4), phone[-4:])} if phone and not merged else set()


def reindex_member(session: Session, member: Member) -> None:
    """Bring the member's index terms up to date, before its row is flushed: the terms to
    remove are those of the row still in the database (a changed phone moves its last-4 key
    in the same transaction)."""
    with session.no_autoflush:
        before = session.execute(
            text("SELECT name, merged_into_id, phone FROM members WHERE id = :id"),
            {"id": member.id},
        ).first()
    was_merged = before is not None and before[1] is not None
    old = terms_of(before[0], was_merged) | last4_terms(before[2], was_merged) if before else set()
    merged = member.merged_into_id is not None
    new = terms_of(member.name, merged) | last4_terms(member.phone, merged)
    if old == new:
        return
    gone, added = old - new, new - old
    if gone:
        session.execute(
            text("DELETE FROM member_search_terms WHERE kind = :k AND term = :t "
                 "AND member_number = :n"),
            [{"k": k, "t": t, "n": member.number} for k, t in gone],
        )
    if added:
        session.execute(
            text("INSERT OR IGNORE INTO member_search_terms (kind, term, member_number) "
                 "VALUES (:k, :t, :n)"),
            [{"k": k, "t": t, "n": member.number} for k, t in added],
        )


# --- building it in bulk -------------------------------------------------------------------

def build_search_index(
    conn: sqlite3.Connection,
    progress: Callable[[int], None] | None = None,
    chunk: int = 20_000,
) -> int:
    """(Re)build the whole index on a raw sqlite3 connection, in one transaction; returns the
    number of terms. The terms are staged as a first load's worker stages them
    (search_bulk), then go into the index sorted."""
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DROP TABLE IF EXISTS temp.term_page")
        conn.execute("DROP TABLE IF EXISTS temp.staged_terms")
        search_bulk.create_staging(conn, "temp")
        done = 0
        rows = conn.execute("SELECT number, name, phone, merged_into_id FROM members")
        while batch := rows.fetchmany(chunk):
            search_bulk.stage_terms(conn, "temp", batch)
            done += len(batch)
            if progress:
                progress(done)
        search_bulk.release_memory()
        conn.execute("DELETE FROM member_search_terms")
        # The sort of millions of terms is SQLite's own; a helper thread halves it.
        threads = conn.execute("PRAGMA threads").fetchone()[0]
        conn.execute("PRAGMA threads = 2")
        try:
            count = search_bulk.insert_sorted_terms(
                conn, "temp.staged_terms", "ORDER BY packed, num"
            )
        finally:
            conn.execute(f"PRAGMA threads = {int(threads)}")
        conn.execute("DROP TABLE temp.term_page")
        conn.execute("DROP TABLE temp.staged_terms")
        conn.execute(
            "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)",
            (VERSION_KEY, TERMS_VERSION),
        )
        if began:
            conn.execute("COMMIT")
        return count
    except BaseException:
        if began:
            conn.execute("ROLLBACK")
        raise


def ensure_search_index(db: Database) -> bool:
    """Rebuild the index when it was built by other rules (or never, e.g. right after the
    migration that created it on a database with members). Returns True when it rebuilt."""
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT value FROM sync_state WHERE key = :k"), {"k": VERSION_KEY}
        ).first()
    if row is not None and row[0] == TERMS_VERSION:
        return False
    rebuild_search_index(db)
    return True


def rebuild_search_index(db: Database, progress: Callable[[int], None] | None = None) -> float:
    """Seconds taken to rebuild the index of the database at `db`."""
    started = time.perf_counter()
    raw = db.engine.raw_connection()
    try:
        build_search_index(raw.driver_connection, progress)  # type: ignore[arg-type]
    finally:
        raw.close()
    return time.perf_counter() - started


# --- searching -----------------------------------------------------------------------------

_MEMBER_COLS = (
    "m.id, m.number, m.name, m.phone, m.email, m.status, m.merged_into_id, m.points_balance, "
    "m.tier_id, (SELECT c.code FROM cards c WHERE c.member_id = m.id AND c.status = 'active' "
    "ORDER BY c.issued_at DESC LIMIT 1)"
)


@dataclass(slots=True)
class _Found:
    rank: int
    matched: str
    by_id: str | None = None
    by_number: str | None = None
    code_status: str | None = None


Scan = Callable[[sqlite3.Connection, int], list[_Found]]


def _rows(conn: sqlite3.Connection, sql: str, **params: Any) -> Sequence[Any]:
    # The raw driver connection: these statements are tiny and run a dozen times per
    # keystroke, so SQLAlchemy's per-statement overhead would be most of their cost.
    return conn.execute(sql, params).fetchall()


def _code_scans(q: MemberQuery) -> list[Scan]:
    scans: list[Scan] = []
    code = q.code
    if not code:
        return scans

    def by_number(s: sqlite3.Connection, n: int) -> list[_Found]:
        rows = _rows(s, "SELECT id FROM members WHERE number = :c", c=code)
        return [_Found(Tier.CODE, "number", by_id=r[0], code_status="active") for r in rows]

    def by_card(s: sqlite3.Connection, n: int) -> list[_Found]:
        rows = _rows(s, "SELECT member_id, status FROM cards WHERE code = :c", c=code)
        return [_Found(Tier.CODE, "card", by_id=r[0], code_status=r[1]) for r in rows]

    return [by_number, by_card]


def _member_scan(rank: int, matched: str, where: str, order: str = "", **params: Any) -> Scan:
    def scan(s: sqlite3.Connection, n: int) -> list[_Found]:
        rows = _rows(s, f"SELECT id FROM members WHERE {where} {order} LIMIT :n", n=n, **params)
        return [_Found(rank, matched, by_id=r[0]) for r in rows]

    return scan


def _term_scan(rank: int, matched: str, kind: TermKind, prefix: str) -> Scan:
    def scan(s: sqlite3.Connection, n: int) -> list[_Found]:
        rows = _rows(
            s,
            "SELECT member_number FROM member_search_terms WHERE kind = :k AND term >= :lo "
            "AND term < :hi ORDER BY kind, term, member_number LIMIT :n",
            k=int(kind), lo=prefix, hi=prefix + TOP, n=n,
        )
        return [_Found(rank, matched, by_number=r[0]) for r in rows]

    return scan


def _last4_scan(last4: str) -> Scan:
    def scan(s: sqlite3.Connection, n: int) -> list[_Found]:
        rows = _rows(
            s,
            "SELECT member_number FROM member_search_terms WHERE kind = :k AND term = :t "
            "ORDER BY kind, term, member_number LIMIT :n",
            k=int(TermKind.PHONE_LAST4), t=last4, n=n,
        )
        return [_Found(Tier.CONTACT, "phone_last4", by_number=r[0]) for r in rows]

    return scan


def plan(q: MemberQuery) -> list[Scan]:
    """The scans for a query, in ranking order."""
    scans = _code_scans(q)
    if q.phone:
        scans.append(_member_scan(Tier.CONTACT, "phone", "phone = :p", p=q.phone))
    if q.last4:
        # One equality on the index's own last-4 key, in its order: no sort, no table rows.
        scans.append(_last4_scan(q.last4))
    if q.email and "@" in q.email:
        scans.append(_member_scan(Tier.CONTACT, "email", "email = :e", e=q.email))
    if q.folded:
        scans.append(_term_scan(Tier.NAME_PREFIX, "name", TermKind.NAME_WORD, q.name_key))
    if q.pinyin:
        scans.append(_term_scan(Tier.NAME_PREFIX, "pinyin", TermKind.PINYIN, q.pinyin))
        scans.append(_term_scan(Tier.NAME_PREFIX, "pinyin", TermKind.INITIALS, q.pinyin))
    if q.folded:
        scans.append(_term_scan(Tier.OTHER, "name", TermKind.NAME_INNER, q.name_key))
    if q.pinyin:
        scans.append(_term_scan(Tier.OTHER, "pinyin", TermKind.PINYIN_INNER, q.pinyin))
    if q.digits and len(q.digits) >= 3:
        scans.append(_member_scan(Tier.OTHER, "phone", "phone >= :d AND phone < :h",
                                  d=q.digits, h=q.digits + ":"))
        scans.append(_member_scan(Tier.OTHER, "number", "number >= :d AND number < :h",
                                  d=q.digits, h=q.digits + ":"))
    if q.email:
        scans.append(_member_scan(Tier.OTHER, "email", "email >= :e AND email < :h",
                                  e=q.email, h=q.email + TOP))
    return scans


def _load(conn: sqlite3.Connection, column: str, keys: Iterable[str]) -> dict[str, Sequence[Any]]:
    keys = list(dict.fromkeys(keys))
    if not keys:
        return {}
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(
        f"SELECT {_MEMBER_COLS} FROM members m WHERE m.{column} IN ({marks})", keys
    ).fetchall()
    index = 0 if column == "id" else 1
    return {r[index]: r for r in rows}


_READ_PRAGMAS = ("PRAGMA cache_size=-32768", "PRAGMA mmap_size=268435456")


def search_database(db: Database, q: MemberQuery, limit: int = 50) -> list[MemberHit]:
    """`search_members` on a pooled connection in one read transaction, without an ORM
    session: at a keystroke's cost of a millisecond, the session's own setup would double it."""
    with db.engine.connect() as conn:
        record = conn.connection
        raw: sqlite3.Connection = record.driver_connection  # type: ignore[assignment]
        if not record.info.get("search_pragmas"):
            # A bigger page cache and memory-mapped reads for this pooled connection: the
            # index and the member rows a search touches stay in memory between keystrokes.
            for pragma in _READ_PRAGMAS:
                raw.execute(pragma)
            record.info["search_pragmas"] = True
        with conn.begin():  # one snapshot for all the scans
            return _search(raw, q, limit)


def search_members(session: Session, q: MemberQuery, limit: int = 50) -> list[MemberHit]:
    """Members matching `q`, best first, at most `limit`, each member once."""
    raw: sqlite3.Connection = session.connection().connection.driver_connection  # type: ignore[assignment]
    return _search(raw, q, limit)


def _search(conn: sqlite3.Connection, q: MemberQuery, limit: int) -> list[MemberHit]:
    if limit <= 0 or not q.folded:
        return []
    # A little more than asked for: one member can be found by an id and by a number.
    wanted = limit + 8
    found: list[_Found] = []
    seen: set[str] = set()
    for scan in plan(q):
        for f in scan(conn, wanted):
            key = f.by_id or f"#{f.by_number}"
            if key not in seen:
                seen.add(key)
                found.append(f)
        if len(seen) >= wanted:
            break
    found = found[:wanted]
    by_id = _load(conn, "id", (f.by_id for f in found if f.by_id))
    by_number = _load(conn, "number", (f.by_number for f in found if f.by_number))
    survivors = _survivors(conn, list(by_id.values()) + list(by_number.values()))
    hits: list[MemberHit] = []
    shown: set[str] = set()
    for f in found:
        row = by_id.get(f.by_id) if f.by_id else by_number.get(f.by_number or "")
        if row is None:
            continue
        if q.needs_recheck and f.matched == "name" and not name_matches(q, row[2]):
            continue
        merged_from = None
        code_status = f.code_status
        if row[6] is not None:
            merged_from = row[1]
            row = survivors.get(row[0])
            if row is None:
                continue
            code_status = "merged" if code_status == "active" else code_status
        if row[0] in shown:
            continue
        shown.add(row[0])
        hits.append(MemberHit(
            member_id=row[0], number=row[1], name=row[2], phone=row[3], email=row[4],
            status=row[5], card_code=row[9], points_balance=row[7], tier_id=row[8],
            rank=f.rank, matched=f.matched, code_status=code_status, merged_from=merged_from,
        ))
        if len(hits) >= limit:
            break
    return hits


def _survivors(
    conn: sqlite3.Connection, rows: Sequence[Sequence[Any]]
) -> dict[str, Sequence[Any]]:
    """For each merged member among `rows`, the member it finally merged into."""
    result: dict[str, Sequence[Any]] = {}
    for row in rows:
        if row[6] is None:
            continue
        current: Sequence[Any] | None = row
        for _ in range(_MERGE_DEPTH):
            if current is None or current[6] is None:
                break
            current = _load(conn, "id", [current[6]]).get(current[6])
        if current is not None and current[6] is None:
            result[row[0]] = current
    return result
