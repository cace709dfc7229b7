"""What the benchmarks share: where their large databases live, the 1,000,000-member demo
database (generated once, reused by every benchmark), and percentiles."""

from __future__ import annotations

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
