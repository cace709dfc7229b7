"""Daily summary benchmark on a year of history (target: one day and 30 days, each under
300 ms): 1,000,000 members, 2,000,000 sales (with tenders, points, 1% refunded), 3,000,000
check-ins, a few class sessions a day.

    .venv/bin/python bench/reports.py            # full size (about 15 minutes to build once)
    .venv/bin/python bench/reports.py --quick    # 20,000 members, 40,000 sales, 60,000 check-ins

The demo database under /tmp/fd-bench/ is reused, never generated twice; the history goes
into a COPY of it (kept for later runs), written by SQL alone (INSERT ... SELECT over a
counting CTE, one transaction per chunk), so memory stays bounded whatever the size.
Timed: the reports service as the page calls it (summary with both comparisons + 14-day
trend; the watch lists apart). Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import resource
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import BENCH_DIR, demo_db, derived_database, pct  # noqa: E402  (bench/ is the script's folder)

from desktop_app.domain.clock import FixedClock  # noqa: E402
from desktop_app.domain.permissions import Actor, Role  # noqa: E402
from desktop_app.reports import Period  # noqa: E402
from desktop_app.services.registry import Services  # noqa: E402

ROLLUPS = importlib.import_module("desktop_app.store.migrations.versions.0800_report_rollups")
ACTOR = Actor("00000000-0000-7000-8000-00000000bench", "bench", "Bench", Role.MANAGER)
CHUNK = 250_000
DAYS = 365
LOCAL_OPEN = 6 * 3600  # the gym's day: 06:00 .. 23:00 local (UTC+8)
LOCAL_SPAN = 17 * 3600


def _counted(conn: sqlite3.Connection, total: int, sql: str, extra: tuple[object, ...]) -> None:
    """Run `sql` (which reads i from the CTE n) over i = 0 .. total-1, a chunk at a time."""
    for lo in range(0, total, CHUNK):
        hi = min(total, lo + CHUNK)
        conn.execute("BEGIN")
        conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
            + sql, (lo, hi, *extra))
        conn.execute("COMMIT")


def with_history(base: Path, sales: int, checkins: int, last_day: date) -> Path:
    out = base.with_name(f"{base.stem}-reports-{sales}-{checkins}.sqlite3")
    if out.exists():
        conn = sqlite3.connect(out, isolation_level=None)
        if not conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'report_visits'"
                            ).fetchone()[0]:
            # Built while revision 0800 was an empty placeholder (stamped, never run).
            t0 = time.perf_counter()
            _build_rollups(conn)
            print(f"rollups added to the existing history in {time.perf_counter() - t0:.0f} s")
        conn.close()
        return out
    t0 = time.perf_counter()
    with derived_database(base, out) as conn:
        _load_history(conn, sales, checkins, last_day)
    print(f"history loaded and indexed in {time.perf_counter() - t0:.0f} s", flush=True)
    return out


def _load_history(conn: sqlite3.Connection, sales: int, checkins: int, last_day: date) -> None:
    t0 = time.perf_counter()
    members = conn.execute("SELECT max(rowid) FROM members").fetchone()[0]
    # Midnight local (UTC+8) of the first day, as a Unix time.
    first = int(datetime.combine(last_day - timedelta(days=DAYS - 1), datetime.min.time(),
                                 tzinfo=UTC).timestamp()) - 8 * 3600
    # The rollups (migration 0800) are rebuilt once after the load, as the migration does
    # for a desk with history, rather than kept row by row by their triggers.
    for name in ROLLUPS.TRIGGER_NAMES:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND "
        "tbl_name IN ('sales','sale_tenders','checkins','points_ledger','refunds',"
        "'refund_tenders')").fetchall()
    for name, _ in indexes:  # sorted builds after the load beat row-by-row maintenance
        conn.execute(f'DROP INDEX "{name}"')
    # Instant of row i of n spread evenly over the year, in opening hours, in time order.
    when = ("strftime('%Y-%m-%dT%H:%M:%S', ? + (i * {d} / {n}) * 86400 + {o} + "
            "(i % ({n} / {d})) * {s} / ({n} / {d}), 'unixepoch') || '.000000Z'")
    sale_at = when.format(d=DAYS, n=sales, o=LOCAL_OPEN, s=LOCAL_SPAN)
    _counted(conn, sales, f"""
        INSERT INTO sales (id, created_at, updated_at, version, number, member_id, cashier_id,
            cashier_name, finalized_at, gross, manual_discount, member_discount, total, change,
            points_earned, points_spent, op_id)
        SELECT printf('b0000000-0000-7000-8000-%012d', i), t, t, 1, 'B' || i,
            CASE WHEN i % 3 = 0 THEN (SELECT id FROM members WHERE rowid = 1 + (i * 7919) % ?)
            END, 'bench', 'Bench', t, g, g / 20 * (i % 2), 0, g - g / 20 * (i % 2), 0,
            CASE WHEN i % 3 = 0 THEN (g - g / 20 * (i % 2)) / 100 ELSE 0 END, 0,
            printf('c0000000-0000-7000-8000-%012d', i)
        FROM (SELECT i, {sale_at} AS t, 500 + (i * 37) % 30000 AS g FROM n)""",
             (members, first))
    _tenders(conn, sales)
    _counted(conn, sales // 3, """
        INSERT INTO points_ledger (id, member_id, member_seq, at, delta, kind, source,
            expires_on, prev_hash, hash)
        SELECT printf('d0000000-0000-7000-8000-%012d', s.rowid), s.member_id, s.rowid,
            s.finalized_at, s.points_earned, 'earn', 'sale:' || s.id, NULL, '', ''
        FROM n JOIN sales s ON s.rowid = 1 + i * 3 WHERE s.member_id IS NOT NULL""", ())
    _counted(conn, sales // 100, """
        INSERT INTO refunds (id, created_at, updated_at, version, sale_id, number, cashier_id,
            cashier_name, refunded_at, reason, amount, points_reversed, points_returned, op_id)
        SELECT printf('e0000000-0000-7000-8000-%012d', i), s.finalized_at, s.finalized_at, 1,
            s.id, 'R' || i, 'bench', 'Bench', s.finalized_at, 'bench', s.total, 0, 0,
            printf('f0000000-0000-7000-8000-%012d', i)
        FROM n JOIN sales s ON s.rowid = 1 + i * 100""", ())
    conn.execute("BEGIN")
    conn.execute("""INSERT INTO refund_tenders (refund_id, tender_idx, kind, amount, sv_principal,
                        sv_bonus)
                    SELECT r.id, 0, t.kind, r.amount, 0, 0 FROM refunds r
                    JOIN sale_tenders t ON t.sale_id = r.sale_id AND t.idx = 0""")
    conn.execute("COMMIT")
    print(f"  {sales:,} sales with tenders, points, refunds ({time.perf_counter() - t0:.0f} s)",
          flush=True)
    checkin_at = when.format(d=DAYS, n=checkins, o=LOCAL_OPEN, s=LOCAL_SPAN)
    stores = [r[0] for r in conn.execute("SELECT id FROM stores ORDER BY code")]
    _counted(conn, checkins, f"""
        INSERT INTO checkins (id, op_id, at, store_id, member_id, verdict, granted, reasons,
            units, overridden)
        SELECT printf('a0000000-0000-7000-8000-%012d', i),
            printf('a1000000-0000-7000-8000-%012d', i), {checkin_at},
            CASE WHEN i % 3 = 2 THEN ? ELSE ? END,
            (SELECT id FROM members WHERE rowid = 1 + (i * 104729) % ?),
            CASE WHEN i % 50 = 0 THEN 'deny' ELSE 'allow' END, i % 50 != 0, '[]', 0, 0
        FROM n""", (first, stores[-1], stores[0], members))
    print(f"  {checkins:,} check-ins ({time.perf_counter() - t0:.0f} s)", flush=True)
    _classes(conn, first)
    for _, sql in indexes:
        conn.execute(sql)
    _build_rollups(conn)
    conn.execute("ANALYZE")



def _build_rollups(conn: sqlite3.Connection) -> None:
    """Fill the rollup tables from the rows present and create their triggers, as migration
    0800 does. A demo database stamped while 0800 was an empty placeholder has no rollup
    tables: they are created here."""
    fresh = not conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'report_visits'").fetchone()[0]
    conn.execute("BEGIN")
    for table in ([] if fresh else ["report_money_hours", "report_tender_hours",
                                    "report_checkin_hours", "report_visits"]):
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
    for name in ROLLUPS.TRIGGER_NAMES:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in (ROLLUPS.TABLES if fresh else []) + ROLLUPS.BACKFILL + ROLLUPS.triggers():
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")


def _tenders(conn: sqlite3.Connection, sales: int) -> None:
    for lo in range(0, sales, CHUNK):
        conn.execute("BEGIN")
        conn.execute("""
            INSERT INTO sale_tenders (sale_id, idx, kind, amount, net, points, reference,
                sv_principal, sv_bonus)
            SELECT id, 0, CASE rowid % 5 WHEN 0 THEN 'cash' WHEN 1 THEN 'wechat'
                WHEN 2 THEN 'alipay' WHEN 3 THEN 'card' ELSE 'stored_value' END,
                total, total, 0, '', 0, 0 FROM sales WHERE rowid > ? AND rowid <= ?""",
                     (lo, lo + CHUNK))
        conn.execute("COMMIT")


def _classes(conn: sqlite3.Connection, first: int) -> None:
    """Six sessions a day (capacity 20), each with 15 bookings."""
    conn.execute("BEGIN")
    conn.execute("""INSERT INTO class_types (id, created_at, updated_at, version, name,
        capacity, duration_minutes, booking_opens_days, late_cancel_hours,
        checkin_closes_minutes, min_size) VALUES ('bench-class', '2020-01-01T00:00:00.000000Z',
        '2020-01-01T00:00:00.000000Z', 1, 'Bench spin', 20, 45, 7, 12, 15, 0)""")
    _in_txn = """
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
        INSERT INTO class_sessions (id, created_at, updated_at, version, class_type_id,
            starts_at, ends_at, capacity, instructor, room, cancelled)
        SELECT 'bench-session-' || i, t, t, 1, 'bench-class', t, t, 20, '', '', 0
        FROM (SELECT i, strftime('%Y-%m-%dT%H:%M:%S', ? + (i / 6) * 86400 + 7 * 3600
              + (i % 6) * 7200, 'unixepoch') || '.000000Z' AS t FROM n)"""
    conn.execute(_in_txn, (DAYS * 6, first))
    conn.execute("""
        WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j + 1 < 15)
        INSERT INTO bookings (id, created_at, updated_at, version, session_id, member_id,
            status, queued, promoted_in_window, provisional)
        SELECT s.id || '-' || k.j, s.starts_at, s.starts_at, 1, s.id,
            (SELECT id FROM members WHERE rowid = 1 + (s.rowid * 31 + k.j) % 1000),
            CASE WHEN k.j < 12 THEN 'attended' WHEN k.j < 14 THEN 'no_show'
                 ELSE 'cancelled' END, k.j, 0, 0
        FROM class_sessions s, k WHERE s.class_type_id = 'bench-class'""")
    conn.execute("COMMIT")


def timed(fn, repeat: list[object]) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for arg in repeat:
        t0 = time.perf_counter()
        fn(arg)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--build-only", action="store_true", help="make the database, time nothing")
    args = ap.parse_args()
    members = 20_000 if args.quick else 1_000_000
    sales = 40_000 if args.quick else 2_000_000
    checkins = 60_000 if args.quick else 3_000_000
    print(f"machine: {platform.machine()} {platform.system()} {platform.release()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"SQLite {sqlite3.sqlite_version}")
    last_day = date(2026, 11, 22)  # fixed: a rerun reads the same history
    db = with_history(demo_db(members), sales, checkins, last_day)
    print(f"database: {db} ({db.stat().st_size / 2**20:.0f} MB)")
    if args.build_only:
        return
    clock = FixedClock(datetime(2026, 11, 23, 3, tzinfo=UTC))
    scratch = BENCH_DIR / "reports-migration-backups"
    services = Services.open(db, clock, backup_dir=scratch)
    shutil.rmtree(scratch, ignore_errors=True)
    try:
        with services.db.read() as s:
            n = {t: s.connection().exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                 for t in ("members", "sales", "checkins")}
        print(f"data: {n['members']:,} members, {n['sales']:,} sales, "
              f"{n['checkins']:,} check-ins over {DAYS} days")
        rep = services.reports
        days = [last_day - timedelta(days=3 * k) for k in range(args.runs)]
        rep.summary(ACTOR, Period.day(days[0]))  # the first query warms the page cache

        def page(period: Period) -> None:
            rep.summary(ACTOR, period)  # with both comparisons and the 14-day trend

        day_ms = timed(lambda d: page(Period.day(d)), days)  # type: ignore[arg-type]
        range_ms = timed(lambda d: page(Period(d - timedelta(days=29), d)),  # type: ignore
                         days)
        lists_ms = timed(lambda d: rep.watchlists(ACTOR, Period.day(d)), days)  # type: ignore
        one = rep.summary(ACTOR, Period.day(last_day)).current
        print(f"one day {last_day}: {one.sales} sales, revenue {one.revenue / 100:.2f}, "
              f"{one.checkins} check-ins, {one.unique_members} members")
        for label, ms in (("day (summary + comparisons + 14-day trend)", day_ms),
                          ("30 days (summary + comparisons + 14-day trend)", range_ms),
                          ("watch lists (expiring, not seen 14/30 days)", lists_ms)):
            print(f"{label} n={len(ms)}: median={statistics.median(ms):.1f} ms "
                  f"p95={pct(ms, 95):.1f} ms max={max(ms):.1f} ms")
    finally:
        services.close()
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (shared machine)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(json.dumps({
        "sales": n["sales"], "checkins": n["checkins"],
        "day_ms": round(statistics.median(day_ms), 1),
        "range30_ms": round(statistics.median(range_ms), 1),
        "day_p95_ms": round(pct(day_ms, 95), 1), "range30_p95_ms": round(pct(range_ms, 95), 1),
        "lists_ms": round(statistics.median(lists_ms), 1),
    }))


if __name__ == "__main__":
    main()
