"""Check-in and booking benchmark on a copy of the demo database with millions of past
check-ins (target: check-in decision + write p99 < 15 ms).

    .venv/bin/python bench/checkin.py            # 1,000,000 members, 5,000,000 check-ins
    .venv/bin/python bench/checkin.py --quick    # 20,000 members, 100,000 check-ins

The demo database under /tmp/fd-bench/ is reused (never generated twice) and copied; the past
check-ins are added to the copy by SQL alone (INSERT ... SELECT over the members, one pass per
million rows), so memory stays bounded whatever the size. Each timed check-in is the real
service call: code lookup, decision, check-in row, units, outbox op, commit (WAL,
synchronous=FULL). Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import resource
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import demo_db, derived_database, pct  # noqa: E402  (bench/ is the script's folder)

from desktop_app.domain.bookings import BookingRefused  # noqa: E402
from desktop_app.domain.clock import SystemClock  # noqa: E402
from desktop_app.domain.entitlements import EntitlementKind  # noqa: E402
from desktop_app.domain.permissions import Actor, Role  # noqa: E402
from desktop_app.services.entitlements import EntitlementDraft  # noqa: E402
from desktop_app.services.registry import Services  # noqa: E402

ACTOR = Actor("00000000-0000-7000-8000-00000000bench", "bench", "Bench", Role.ADMIN)


def with_checkins(base: Path, checkins: int) -> Path:
    """A copy of the demo database holding `checkins` past check-ins (reused when present)."""
    out = base.with_name(base.stem + f"-checkins-{checkins}.sqlite3")
    if out.exists():
        return out
    t0 = time.perf_counter()
    with derived_database(base, out) as conn:
        _load_checkins(conn, checkins)
    print(f"check-ins loaded and indexed in {time.perf_counter() - t0:.0f} s", flush=True)
    return out


def _load_checkins(conn: sqlite3.Connection, checkins: int) -> None:
    t0 = time.perf_counter()
    # Sorted index builds after the load are far faster than maintaining them row by row.
    conn.execute("DROP INDEX IF EXISTS ix_checkins_member_at")
    conn.execute("DROP INDEX IF EXISTS ix_checkins_at")
    members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    now = int(time.time())
    done = 0
    while done < checkins:
        take = min(members, checkins - done)
        # One pass: every member (or the first `take`) gets a check-in at a random instant of
        # the last year, at least 3 hours ago (so no timed member is a re-entry).
        conn.execute("BEGIN")
        conn.execute(
            """INSERT INTO checkins (id, op_id, at, member_id, entitlement_id, verdict, granted,
                   reasons, units, overridden)
               SELECT lower(hex(randomblob(16))), lower(hex(randomblob(16))),
                   strftime('%Y-%m-%dT%H:%M:%S', ? - 10800 - abs(random() % 31536000),
                            'unixepoch') || '.000000Z',
                   id, NULL, 'allow', 1, '[]', 0, 0
               FROM members LIMIT ?""",
            (now, take),
        )
        conn.execute("COMMIT")
        done += take
        print(f"  {done:,} check-ins written ({time.perf_counter() - t0:.0f} s)", flush=True)
    conn.execute("CREATE INDEX ix_checkins_member_at ON checkins (member_id, at)")
    conn.execute("CREATE INDEX ix_checkins_at ON checkins (at)")
    conn.execute("ANALYZE checkins")


def sample_codes(db: Path, n: int, seed: int) -> list[tuple[str, str]]:
    """(card code, member id) of random members with an active card."""
    conn = sqlite3.connect(db)
    top = conn.execute("SELECT max(rowid) FROM cards").fetchone()[0]
    rng = random.Random(seed)
    picked: dict[str, str] = {}
    while len(picked) < n:
        rowids = [rng.randint(1, top) for _ in range(n)]
        marks = ",".join("?" * len(rowids))
        for code, mid in conn.execute(
                f"SELECT code, member_id FROM cards WHERE status='active' AND rowid IN ({marks})",
                rowids):
            if mid not in picked.values():
                picked[code] = mid
    conn.close()
    return list(picked.items())[:n]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--members", type=int)
    ap.add_argument("--checkins", type=int)
    ap.add_argument("--samples", type=int)
    args = ap.parse_args()
    members = args.members or (20_000 if args.quick else 1_000_000)
    checkins = args.checkins or (100_000 if args.quick else 5_000_000)
    samples = args.samples or (300 if args.quick else 2000)
    print(f"machine: {platform.machine()} {platform.system()} {platform.release()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    db = with_checkins(demo_db(members), checkins)
    print(f"database: {db} ({db.stat().st_size / 2**20:.0f} MB)")
    services = Services.open(db, SystemClock())
    try:
        with services.db.read() as s:
            from sqlalchemy import func, select

            from desktop_app.store.checkin_models import CheckinRow
            from desktop_app.store.models import Member
            n_members = s.scalar(select(func.count()).select_from(Member)) or 0
            n_checkins = s.scalar(select(func.count()).select_from(CheckinRow)) or 0
        print(f"data: {n_members:,} members, {n_checkins:,} check-ins")
        people = sample_codes(db, samples, seed=n_checkins)  # fresh members each run
        for code, _ in people[:20]:  # warm the page cache the way a desk's first minutes do
            services.checkin.check_in(ACTOR, code=code)
        ms: list[float] = []
        cpu: list[float] = []
        verdicts: dict[str, int] = {}
        for code, _ in people[20:]:
            t0, c0 = time.perf_counter(), time.thread_time()
            r = services.checkin.check_in(ACTOR, code=code, desk_id="bench")
            ms.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
            verdicts[r.verdict.label] = verdicts.get(r.verdict.label, 0) + 1
        print(f"check-in (decide + write + commit) n={len(ms)}: p50={pct(ms, 50):.2f} ms "
              f"p95={pct(ms, 95):.2f} ms p99={pct(ms, 99):.2f} ms max={max(ms):.2f} ms; "
              f"{len(ms) / (sum(ms) / 1000):.0f}/s; verdicts {verdicts}")
        print(f"  of which CPU in this thread: p50={pct(cpu, 50):.2f} ms "
              f"p99={pct(cpu, 99):.2f} ms (the rest is the WAL fsync and waiting for a CPU)")
        booking_ms = bench_bookings(services, people[: max(samples // 4, 50)])
        print(f"booking n={len(booking_ms)}: p50={pct(booking_ms, 50):.2f} ms "
              f"p99={pct(booking_ms, 99):.2f} ms max={max(booking_ms):.2f} ms")
    finally:
        services.close()
    load = os.getloadavg()[0]
    print(f"load average: {load:.1f} on {os.cpu_count()} CPUs (a shared machine: wall-time "
          f"tails include waiting for a CPU)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(json.dumps({
        "members": n_members, "checkins": n_checkins,
        "checkin_p50_ms": round(pct(ms, 50), 3), "checkin_p99_ms": round(pct(ms, 99), 3),
        "booking_p99_ms": round(pct(booking_ms, 99), 3),
    }))


def bench_bookings(services: Services, people: list[tuple[str, str]]) -> list[float]:
    """Each member books one seat (class credits sold first, untimed) in one of a handful of
    sessions, so seats fill and later bookings go to the waitlist."""
    now = datetime.now(UTC)
    ct = services.classes.create_class_type(ACTOR, "Bench spin", 20, 45)
    local = (now + timedelta(days=2)).astimezone()
    for hour in (7, 9, 12, 18, 20):
        services.classes.add_schedule(ACTOR, ct, local.weekday(),
                                      local.time().replace(hour=hour, minute=0, second=0,
                                                           microsecond=0), local.date())
    sessions = services.classes.generate_sessions(ACTOR, local.date(), 1)
    credits = EntitlementDraft(EntitlementKind.CLASS_CREDITS, "Bench 10", 1000, days=60,
                               units=10)
    for _, mid in people:
        services.entitlements.sell(ACTOR, mid, credits)
    rng = random.Random(3)
    ms = []
    for _, mid in people:
        t0 = time.perf_counter()
        with contextlib.suppress(BookingRefused):  # e.g. an archived member: still timed
            services.classes.book(ACTOR, rng.choice(sessions), mid)
        ms.append((time.perf_counter() - t0) * 1000)
    return ms


if __name__ == "__main__":
    main()
