"""The member search index in bulk: staging the terms of many members, then writing them
into the index sorted. `search.build_search_index` stages them from the members table; a
first bootstrap of many members stages them in a second process while the pages load.

A new desk loading a million members spends half its time on the search index: the terms of
every name (pinyin included) and of every phone's last 4 digits, and the sort of some eight
million of them. Here a worker process receives each committed page's (number, name, phone,
merged_into_id) rows and keeps their terms in a scratch SQLite file of its own, sorts them
when told the load is over, and the desk then copies them into its index in one ordered
pass. The desk's own process does only the copy.

Anything unusual (the worker died, the desk restarted mid-load) leaves `finish` returning
False, and the caller builds the index from the members table: this is a speed-up, never the
only way the index gets built. A small first load (sync_store.TERM_WORKER_FROM) has no worker.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from multiprocessing.connection import Connection
from pathlib import Path

from desktop_app.domain.member_query import TermKind, name_terms

log = logging.getLogger(__name__)
assert max(TermKind) < 10  # a term's kind is packed as one digit

_SORT_TIMEOUT_S = 600.0


# What the terms of one member are made from: number, name, phone, merged_into_id.
SearchInput = tuple[str, str | None, str | None, str | None]


@lru_cache(maxsize=131_072)
def _packed_terms(name: str) -> str:
    """A name's terms as one JSON array of kind digit + term ("3zhangsan"): one row per
    member is staged, and SQLite unpacks the terms itself, far cheaper than binding eight
    rows per member from Python. Names repeat a lot, hence the cache."""
    terms = name_terms.__wrapped__(name)  # this cache only: its memory is let go after a load
    return json.dumps([f"{kind}{term}" for kind, term in terms], ensure_ascii=False)


def create_staging(conn: sqlite3.Connection, schema: str) -> None:
    """The staging tables in `schema` ("main" of a scratch file, or "temp")."""
    conn.execute(f"CREATE TABLE {schema}.term_page (num TEXT, terms TEXT, last4 TEXT)")
    conn.execute(f"CREATE TABLE {schema}.staged_terms (packed TEXT, num TEXT)")


# A term is kept packed, "kind digit + term" in one text: that sorts in the index's
# (kind, term, member_number) order, and SQLite's sorter compares a leading text field about
# twice as fast as a leading integer followed by text (12 s against 26 s for 8.6 million terms).
_UNPACK = """
INSERT INTO {schema}.staged_terms
SELECT t.value, num FROM {schema}.term_page AS page, json_each(page.terms) AS t
UNION ALL
SELECT '{last4}' || last4, num FROM {schema}.term_page WHERE last4 IS NOT NULL
"""


def stage_terms(conn: sqlite3.Connection, schema: str, members: Iterable[SearchInput]) -> None:
    """The members' index terms into the staging tables, unsorted (no DISTINCT: numbers are
    unique and each member's terms a set)."""
    # A merged member is found only by its codes, as search.terms_of and last4_terms say.
    conn.executemany(
        f"INSERT INTO {schema}.term_page VALUES (?, ?, ?)",
        [(number, _packed_terms(name) if name and not merged else None,
          phone[-4:] if phone and not merged else None)
         for number, name, phone, merged in members],
    )  # fmt: skip
    conn.execute(_UNPACK.format(schema=schema, last4=int(TermKind.PHONE_LAST4)))
    conn.execute(f"DELETE FROM {schema}.term_page")


def insert_sorted_terms(conn: sqlite3.Connection, source: str, order_by: str = "") -> int:
    """The staged terms of `source` into the index; returns how many. `order_by` sorts them,
    unless they are sorted already: in key order the index pages are written once, full."""
    return conn.execute(
        "INSERT OR IGNORE INTO member_search_terms (kind, term, member_number) "
        f"SELECT CAST(substr(packed, 1, 1) AS INTEGER), substr(packed, 2), num FROM {source} "
        + order_by
    ).rowcount


def release_memory() -> None:
    _packed_terms.cache_clear()


def _work(inbox: Connection, scratch: str) -> None:
    db = sqlite3.connect(scratch, isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    # One helper thread for the sort: the desk has only the member indexes to build meanwhile
    # (about 5 s of a 12 s sort at a million), then waits for it.
    db.execute("PRAGMA threads = 1")
    create_staging(db, "main")
    db.execute("BEGIN")
    # Each page's terms are staged as they come (the desk is busy with the next page
    # meanwhile), so that the end of the load only sorts.
    while (batch := inbox.recv()) is not None:
        stage_terms(db, "main", batch)
    db.execute("CREATE TABLE sorted AS SELECT packed, num FROM staged_terms ORDER BY 1, 2")
    db.execute("DROP TABLE staged_terms")
    db.execute("COMMIT")
    db.close()
    inbox.send("sorted")


class TermBuilder:
    """One worker for one bootstrap. `add` after each page commits; `finish` copies the
    sorted terms into the desk's index (True) or gives up (False)."""

    def __init__(self, database: Path) -> None:
        self.scratch = database.with_name(database.name + ".search-terms")
        self.scratch.unlink(missing_ok=True)
        ours, theirs = multiprocessing.get_context("spawn").Pipe()
        # spawn, not fork: the desk has threads (Qt, the page fetcher) a fork would copy mid-lock.
        self._process = multiprocessing.get_context("spawn").Process(
            target=_work, args=(theirs, str(self.scratch)), name="search-terms", daemon=True
        )
        self._process.start()
        self._pipe = ours
        self._lost = False
        self._ended = False

    def add(self, rows: list[SearchInput]) -> None:
        """(number, name, phone, merged_into_id) of each member of a committed page."""
        if self._lost:
            return
        try:
            self._pipe.send(rows)
        except (OSError, ValueError) as exc:  # the worker is gone: finish says so
            log.warning("search-term worker lost (%s)", exc)
            self._lost = True

    def end_of_load(self) -> None:
        """Every page is in: the worker starts sorting (the desk can meanwhile do other work,
        such as building the member indexes)."""
        if self._lost or self._ended:
            return
        try:
            self._pipe.send(None)
            self._ended = True
        except (OSError, ValueError) as exc:
            log.warning("search-term worker lost (%s)", exc)
            self._lost = True

    def finish(self, desk: sqlite3.Connection) -> bool:
        """On a connection outside any transaction: wait for the sort, then copy in one
        transaction. The caller still records the index version and the cursor."""
        self.end_of_load()
        if self._lost:
            self.close()
            return False
        try:
            if not self._pipe.poll(_SORT_TIMEOUT_S) or self._pipe.recv() != "sorted":
                return False
            desk.execute("ATTACH DATABASE ? AS scratch", (str(self.scratch),))
            try:
                desk.execute("BEGIN IMMEDIATE")
                insert_sorted_terms(desk, "scratch.sorted")  # a table kept in sorted order
                desk.execute("COMMIT")
            except BaseException:
                desk.execute("ROLLBACK")
                raise
            finally:
                desk.execute("DETACH DATABASE scratch")
            return True
        except (OSError, EOFError, sqlite3.Error) as exc:
            log.warning("search terms from the worker not used (%s): building them here", exc)
            return False
        finally:
            self.close()

    def close(self) -> None:
        self._pipe.close()
        self._process.join(timeout=5)
        if self._process.is_alive():
            self._process.kill()
        self.scratch.unlink(missing_ok=True)
