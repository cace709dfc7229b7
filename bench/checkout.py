"""Checkout benchmark: finalising a member sale with points (earn and redeem), an outbox op and
an audit entry (a manager-level discount over the cashier's limit), on a copy of the demo
database, WAL with synchronous=FULL (target: p99 < 25 ms).

    .venv/bin/python bench/checkout.py            # 1,000,000 members
    .venv/bin/python bench/checkout.py --quick    # 20,000 members

The demo database under /tmp/fd-bench/ is reused (never generated twice) and copied, so the
shared file is never written. Each timed call is the real service: permission, pricing,
redemption check, earning, sale + lines + tenders, two chained ledger entries, cached
balance, tier check, outbox op, audit entry, receipt data, commit. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import demo_db, pct  # noqa: E402  (bench/ is the script's folder)

from desktop_app.domain.clock import SystemClock  # noqa: E402
from desktop_app.domain.permissions import Actor, Role  # noqa: E402
from desktop_app.domain.sales import Discount, SaleLine, Tender, TenderKind  # noqa: E402
from desktop_app.services.checkout import Cart  # noqa: E402
from desktop_app.services.registry import Services  # noqa: E402

ACTOR = Actor("00000000-0000-7000-8000-0000000bench", "bench", "Bench", Role.MANAGER)
PRODUCTS = 60


def working_copy(base: Path) -> Path:
    out = base.with_name(base.stem + "-checkout.sqlite3")
    for suffix in ("", "-wal", "-shm"):
        Path(str(out) + suffix).unlink(missing_ok=True)
    shutil.copyfile(base, out)
    return out


def sample_members(path: Path, n: int, rng: random.Random) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        top = conn.execute("SELECT max(rowid) FROM members").fetchone()[0]
        ids: list[str] = []
        while len(ids) < n:
            row = conn.execute(
                "SELECT id FROM members WHERE rowid >= ? AND status='active' LIMIT 1",
                (rng.randint(1, top),),
            ).fetchone()
            if row:
                ids.append(row[0])
        return ids
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--members", type=int)
    ap.add_argument("--sales", type=int)
    args = ap.parse_args()
    members = args.members or (20_000 if args.quick else 1_000_000)
    sales = args.sales or (300 if args.quick else 2_000)
    rng = random.Random(7)

    base = demo_db(members)
    t0 = time.perf_counter()
    path = working_copy(base)
    print(
        f"copied {base.name} ({base.stat().st_size / 2**20:,.0f} MiB) in "
        f"{time.perf_counter() - t0:.1f} s",
        flush=True,
    )
    svc = Services.open(path, SystemClock())  # migrates the copy to head (adds the tables)
    try:
        csv = "barcode,name,price,category,points_multiplier\n" + "".join(
            f"69{i:011d},Product {i} 商品,{rng.randint(3, 300)}.{rng.randint(0, 99):02d},"
            f"cat{i % 6},{'' if i % 5 else '2'}\n"
            for i in range(PRODUCTS)
        )
        admin = Actor(ACTOR.staff_id, "bench-admin", "Bench Admin", Role.ADMIN)
        svc.sales.catalogue.import_csv(admin, csv.encode())
        products = svc.sales.catalogue.search("Product", limit=PRODUCTS)
        svc.sales.shifts.open(ACTOR, 50_000)
        buyers = sample_members(path, min(sales, 500), rng)
        for member_id in set(buyers):  # points to redeem (not timed)
            svc.sales.points.adjust(ACTOR, member_id, 100_000, "bench seed", date.today())

        def cart(member_id: str) -> Cart:
            picks = rng.sample(products, 3)
            lines = tuple(
                SaleLine(
                    p.name,
                    rng.randint(1, 3),
                    p.price,
                    product_id=p.id,
                    barcode=p.barcode,
                    category=p.category,
                    points_multiplier_pct=p.points_multiplier_pct,
                )
                for p in picks
            )
            gross = sum(ln.gross for ln in lines)
            # 15% off: over the cashier's 10% limit, so the sale is audited.
            total = gross - gross * 15 // 100
            points = min(max(100, total // 4), 5_000)  # ¥50 at most: 100,000 seeded each
            return Cart(
                lines,
                member_id=member_id,
                order_discount=Discount(percent=15),
                tenders=(
                    Tender(TenderKind.POINTS, points, points=points),
                    Tender(TenderKind.CASH, total - points + 1000),
                ),
            )

        for i in range(20):  # warm-up: caches, prepared statements
            svc.sales.checkout.finalize_sale(ACTOR, cart(buyers[i % len(buyers)]))
        times: list[float] = []
        cpu: list[float] = []
        started = time.perf_counter()
        for i in range(sales):
            c = cart(buyers[i % len(buyers)])
            t, tc = time.perf_counter(), time.process_time()
            result = svc.sales.checkout.finalize_sale(ACTOR, c)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - tc) * 1000)
            assert result.points_spent > 0 and result.points_earned > 0
        elapsed = time.perf_counter() - started
        with sqlite3.connect(path) as conn:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            counts = {
                t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("members", "sales", "points_ledger", "outbox", "audit_log")
            }
    finally:
        svc.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"machine: {platform.machine()} {platform.processor() or ''} "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, journal={mode}, synchronous=FULL"
    )
    print(
        f"data: {counts['members']:,} members; after the run {counts['sales']:,} sales, "
        f"{counts['points_ledger']:,} ledger entries, {counts['outbox']:,} outbox ops, "
        f"{counts['audit_log']:,} audit entries"
    )
    print(
        f"finalize_sale x{sales}: p50 {pct(times, 50):.2f} ms, p95 {pct(times, 95):.2f} ms, "
        f"p99 {pct(times, 99):.2f} ms, max {max(times):.2f} ms (target p99 < 25 ms); "
        f"CPU p50 {pct(cpu, 50):.2f} ms; load average {os.getloadavg()[0]:.1f}; "
        f"{sales / elapsed:,.0f} sales/s; peak RSS {peak_mb:,.0f} MiB; "
        f"at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    print(
        json.dumps(
            {
                "members": counts["members"],
                "finalize_p50_ms": round(pct(times, 50), 3),
                "finalize_p95_ms": round(pct(times, 95), 3),
                "finalize_p99_ms": round(pct(times, 99), 3),
                "finalize_cpu_p50_ms": round(pct(cpu, 50), 3),
                "load_average": round(os.getloadavg()[0], 2),
                "sales": sales,
                "sales_per_s": round(sales / elapsed, 1),
                "peak_rss_mb": round(peak_mb, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
