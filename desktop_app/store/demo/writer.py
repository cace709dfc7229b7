"""Writing the demo database: schema by the normal migrations, reference rows, then members
in chunks through the raw sqlite3 connection, under `<out>.partial` until it is complete.

Bulk-load settings (no journal, synchronous=OFF, a bounded page cache, secondary indexes
built once at the end) apply only while the file is still `.partial`: a killed run leaves
a file nobody opens, and the finished one is switched back to WAL and reopened through
`Database` for its audit entry, with the desk's normal pragmas.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from argon2 import PasswordHasher

from desktop_app.domain.clock import SystemClock
from desktop_app.store.db import Database
from desktop_app.store.demo import catalog as cat
from desktop_app.store.demo.basics import (
    CARD_COLS,
    ENTITLEMENT_COLS,
    HOLD_COLS,
    MEMBER_COLS,
    MEMBER_TAG_COLS,
    SHARER_COLS,
    Batch,
    Row,
    ts,
    uuid7,
)
from desktop_app.store.demo.entitlements import SHOWCASE
from desktop_app.store.demo.rows import BLOCK, MemberGenerator, chunk_ranges, make_chunk
from desktop_app.store.members import MEMBER_SERIAL
from desktop_app.store.uow import UnitOfWork

# China has kept UTC+8 all year since 1991, so a fixed offset is exact and needs no tz data.
STORE_TZ = timezone(timedelta(hours=8))
CHUNK_MEMBERS = 10_000  # members per insert transaction: bounds the rows held in memory
CACHE_KIB = 64 * 1024  # page cache while loading; bounded whatever the member count
SEARCH_CACHE_KIB = 16 * 1024  # ... and while building the search index
BULK_TABLES = (
    "members",
    "cards",
    "entitlements",
    "entitlement_holds",
    "member_tags",
    "entitlement_sharers",
)
PARALLEL_FROM = 50_000  # members; below this, generate in this process
MAX_MEMBERS = 10**8 - 1  # member numbers have 8 digits before the check digit


@dataclass(frozen=True, slots=True)
class DemoStats:
    path: Path
    members: int
    seed: int
    anchor: datetime
    seconds: float
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def default_anchor(now: datetime | None = None) -> datetime:
    """Today's midnight in the stores' time zone (as UTC): same day, same data."""
    local = (now or datetime.now(UTC)).astimezone(STORE_TZ)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(UTC)


def write_demo_database(
    path: Path,
    *,
    members: int = 10_000,
    seed: int = 1,
    anchor: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> DemoStats:
    """Create (or replace) a deterministic demo database at `path`.

    `anchor` (default: today's local midnight) is the instant the statuses are designed
    for; the same seed and anchor give the same rows. `progress` is told the number of
    members written after each chunk.
    """
    if not 0 <= members <= MAX_MEMBERS:
        raise ValueError(f"members must be between 0 and {MAX_MEMBERS}")
    started = time.perf_counter()
    anchor = default_anchor() if anchor is None else anchor.astimezone(UTC)
    out = Path(path)
    partial = out.with_name(out.name + ".partial")
    _remove_database(partial)  # left over from a killed run
    Database(partial, backup_dir=partial.parent / "backups").close()  # the normal migrations
    rows: dict[str, int] = {}
    conn = sqlite3.connect(partial, isolation_level=None)
    try:
        for pragma in (
            "journal_mode=OFF",
            "synchronous=OFF",
            "locking_mode=EXCLUSIVE",
            f"cache_size=-{CACHE_KIB}",
            "foreign_keys=OFF",  # rows are made parents first; check-db verifies the keys
        ):
            conn.execute(f"PRAGMA {pragma}")
        indexes = _drop_secondary_indexes(conn)
        ref = _reference_rows(conn, seed, anchor, members)
        rows.update(ref.counts)
        gen = MemberGenerator(
            seed=seed,
            anchor=int(anchor.timestamp()),
            count=members,
            store_ids=ref.store_ids,
            tier_ids=ref.tier_ids,
            tag_ids=ref.tag_ids,
        )
        done = 0
        for batch in _batches(gen, _auto_workers(members) if workers is None else workers):
            _insert_batch(conn, batch, rows)
            done += len(batch.members)
            if progress is not None:
                progress(done)
        for sql in indexes:  # sorted builds are far faster than a million ordered inserts
            conn.execute(sql)
        if _has_table(conn, "member_search_terms"):
            # Built here, in bulk and sorted, so the desk's first start does not rebuild it.
            from desktop_app.store.search import build_search_index

            # Its sort of every term may hold a page cache's worth in memory: keep it small.
            conn.execute(f"PRAGMA cache_size=-{SEARCH_CACHE_KIB}")
            rows["member_search_terms"] = build_search_index(conn)
        conn.execute("PRAGMA analysis_limit=1000")
        conn.execute("ANALYZE")  # planner statistics, so lookups pick the right index
        conn.execute("PRAGMA locking_mode=NORMAL")
        conn.execute("PRAGMA journal_mode=WAL")  # the desk's mode; persists in the file
    finally:
        conn.close()
    _seal(partial, anchor, seed, members)
    for suffix in ("-wal", "-shm"):  # stale sidecars of an older file would corrupt the new
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    os.replace(partial, out)
    return DemoStats(out, members, seed, anchor, time.perf_counter() - started, rows)


def _auto_workers(members: int) -> int:
    if members < PARALLEL_FROM:
        return 0  # starting a process costs more than it saves
    return max(1, min(3, (os.cpu_count() or 1) - 1))


def _batches(gen: MemberGenerator, workers: int) -> Iterator[Batch]:
    """Chunks of rows in member order. With workers, generation (the larger cost) runs in
    child processes while this one inserts; each worker takes every `workers`-th chunk and
    they are read round-robin, so the order, and the file, do not depend on `workers`."""
    chunk_blocks = max(CHUNK_MEMBERS // BLOCK, 1)
    ranges = chunk_ranges(gen.count, BLOCK, chunk_blocks)
    if workers <= 0 or len(ranges) < 2 or getattr(sys, "frozen", False):
        for first, stop in ranges:  # a frozen build cannot run `python -m`: stay in-process
            yield make_chunk(gen, first, stop)
        return
    workers = min(workers, len(ranges))
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for index in range(workers):
            job = {
                "generator": gen.settings(),
                "block": BLOCK,
                "chunk_blocks": chunk_blocks,
                "index": index,
                "stride": workers,
            }
            cmd = [sys.executable, "-m", "desktop_app.store.demo.worker", json.dumps(job)]
            procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE))
        for n in range(len(ranges)):
            proc = procs[n % workers]
            assert proc.stdout is not None
            try:
                # Our own child's output, not outside data: unpickling it is safe.
                batch: Batch = pickle.load(proc.stdout)
            except EOFError:
                code = proc.wait()
                raise RuntimeError(f"demo generator worker stopped early (exit {code})") from None
            yield batch
        for proc in procs:
            if proc.wait() != 0:
                raise RuntimeError(f"demo generator worker failed (exit {proc.returncode})")
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            if proc.stdout is not None:
                proc.stdout.close()


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,))
    return found.fetchone() is not None


def _drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the plain indexes of the bulk tables and return their exact CREATE statements,
    so the schema after the rebuild is the one the migrations made."""
    marks = ",".join("?" * len(BULK_TABLES))
    found = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks}) ORDER BY name",
        BULK_TABLES,
    ).fetchall()
    for name, _sql in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _name, sql in found]


def _insert(conn: sqlite3.Connection, table: str, cols: Sequence[str], data: Sequence[Row]) -> None:
    if data:
        sql = f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"
        conn.executemany(sql, data)


def _insert_batch(conn: sqlite3.Connection, batch: Batch, counts: dict[str, int]) -> None:
    conn.execute("BEGIN")
    for table, cols, data in (
        ("members", MEMBER_COLS, batch.members),
        ("cards", CARD_COLS, batch.cards),
        ("entitlements", ENTITLEMENT_COLS, batch.entitlements),
        ("entitlement_holds", HOLD_COLS, batch.holds),
        ("member_tags", MEMBER_TAG_COLS, batch.member_tags),
        ("entitlement_sharers", SHARER_COLS, batch.sharers),
    ):
        _insert(conn, table, cols, data)
        counts[table] = counts.get(table, 0) + len(data)
    conn.execute("COMMIT")


@dataclass
class _Reference:
    store_ids: list[str]
    tier_ids: list[str]
    tag_ids: list[str]
    counts: dict[str, int]


def _synced(rng: random.Random, at: int, *values: object) -> tuple[object, ...]:
    """A synced row: its own values, then id, created_at, updated_at, version, deleted_at."""
    return (*values, uuid7(at * 1000, rng.getrandbits(74)), ts(at), ts(at), 1, None)


SYNCED = ("id", "created_at", "updated_at", "version", "deleted_at")


def _reference_rows(
    conn: sqlite3.Connection, seed: int, anchor: datetime, members: int
) -> _Reference:
    rng = random.Random(f"demo:{seed}:reference")
    opened = int(anchor.timestamp()) - 6 * 365 * 86_400  # the stores opened before any member
    stores = [_synced(rng, opened, s.code, s.name, cat.STORE_TIMEZONE) for s in cat.STORES]
    tiers = [
        _synced(
            rng,
            opened,
            t.code,
            t.name,
            t.rank,
            t.points_multiplier_pct,
            t.discount_pct,
            t.birthday_bonus_points,
            t.threshold_minor,
        )
        for t in cat.TIERS
    ]
    tags = [_synced(rng, opened, name) for name in cat.TAGS]
    staff = [
        _synced(rng, opened, s.code, s.name, s.role.value, _pin_hash(seed, s.code, s.pin), 1, 0)
        for s in cat.STAFF
    ]
    conn.execute("BEGIN")
    _insert(conn, "stores", ("code", "name", "timezone", *SYNCED), stores)
    tier_cols = (
        "code",
        "name",
        "rank",
        "points_multiplier_pct",
        "discount_pct",
        "birthday_bonus_points",
        "threshold_minor",
        *SYNCED,
    )
    _insert(conn, "tiers", tier_cols, tiers)
    _insert(conn, "tags", ("name", *SYNCED), tags)
    staff_cols = ("code", "name", "role", "pin_hash", "active", "failed_pins", *SYNCED)
    _insert(conn, "staff", staff_cols, staff)
    settings = [
        ("store_name", f'"{cat.STORES[0].name}"', ts(opened)),  # JSON text, as JSONText stores
        ("store_address", f'"{cat.STORE_ADDRESS}"', ts(opened)),
    ]
    _insert(conn, "settings", ("key", "value", "updated_at"), settings)
    # The next member created on the desk gets the number after the demo ones.
    _insert(conn, "counters", ("name", "value"), [(MEMBER_SERIAL, members)])
    conn.execute("COMMIT")
    ids = len(SYNCED)
    return _Reference(
        store_ids=[str(r[-ids]) for r in stores],
        tier_ids=[str(r[-ids]) for r in tiers],
        tag_ids=[str(r[-ids]) for r in tags],
        counts={"stores": len(stores), "tiers": len(tiers), "tags": len(tags), "staff": len(staff)},
    )


def _pin_hash(seed: int, code: str, pin: str) -> str:
    """An argon2 hash as AuthService makes it (same default parameters), once per staff member
    because it is slow on purpose. The salt comes from the seed so the file is reproducible;
    these PINs are published in docs/demo-data.md anyway."""
    salt = hashlib.sha256(f"demo:{seed}:pin:{code}".encode()).digest()[:16]
    return PasswordHasher().hash(pin, salt=salt)


def _seal(partial: Path, anchor: datetime, seed: int, members: int) -> None:
    """The one audit entry, appended the normal way so the chain verifies."""
    db = Database(partial, backup_dir=partial.parent / "backups")
    try:
        with UnitOfWork(db, SystemClock(), None) as uow:
            uow.audit(
                "demo.seed",
                details={
                    "members": members,
                    "seed": seed,
                    "anchor": anchor.isoformat(),
                    "showcase_members": min(members, len(SHOWCASE)),
                    "staff": [s.code for s in cat.STAFF],
                },
            )
    finally:
        db.close()
