"""What the benchmarks share: where their large databases live, the 1,000,000-member demo
database (generated once, reused by every benchmark), and percentiles."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BENCH_DIR = Path("/tmp/fd-bench")


def pct(xs: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of xs."""
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def demo_db(members: int, path: Path | None = None) -> Path:
    """A demo database of `members` members (seed 1), made on first use and kept."""
    if path is None:
        name = "demo-1m.sqlite3" if members == 1_000_000 else f"demo-{members}.sqlite3"
        path = BENCH_DIR / name
    if not path.exists():
        from desktop_app.store.demo import write_demo_database

        print(f"generating {members:,} demo members into {path} ...", flush=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_demo_database(path, members=members, seed=1)
    return path


@contextmanager
def derived_database(base: Path, out: Path) -> Iterator[sqlite3.Connection]:
    """A copy of `base`, migrated to head and opened for a bulk load (no journal, exclusive
    lock), which becomes `out` when the block ends. Until then it is `out` + ".partial": a load
    that fails leaves no `out` to be mistaken for a finished one."""
    from datetime import UTC, datetime

    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.registry import Services

    work = out.with_name(out.name + ".partial")
    shutil.copyfile(base, work)
    # Migrating makes a backup first; of a throwaway copy, into a folder removed at once.
    scratch = BENCH_DIR / "migration-backups"
    Services.open(work, FixedClock(datetime.now(UTC)), backup_dir=scratch).close()
    shutil.rmtree(scratch, ignore_errors=True)
    conn = sqlite3.connect(work, isolation_level=None)
    for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-262144",
                   "locking_mode=EXCLUSIVE"):  # fmt: skip
        conn.execute(f"PRAGMA {pragma}")
    yield conn
    conn.execute("PRAGMA locking_mode=NORMAL")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    os.replace(work, out)
