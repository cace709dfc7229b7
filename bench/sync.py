"""Sync benchmark on PostgreSQL, with the real server process on loopback:

- push throughput (ops/s, target >= 1,000) and the time to drain a 10,000-op backlog (push
  until the outbox is empty; the pull of the resulting changes is timed beside it);
- bootstrapping N members (1,000,000 in the full run) into a new desk: rows/s (target
  >= 20,000) and the desk process's peak RSS (target < 400 MB).

Members for the bootstrap come from the demo database of that size in /tmp/fd-bench (made on
first use, shared with the other benchmarks); they are COPYed straight into the server's
tables (loading a million through ops would measure the push again).
`--quick`: 2,000 ops and 50,000 members. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from _common import demo_db  # noqa: E402  (bench/ is the script's folder)

from desktop_app.domain.codes import member_number_from_serial  # noqa: E402
from desktop_app.domain.ids import new_id  # noqa: E402


def process_cpu_s(proc: subprocess.Popen[bytes] | None) -> float:
    """User + system CPU seconds of a running process (Linux /proc)."""
    assert proc is not None
    fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine() -> str:
    return f"{platform.node()} {platform.machine()} {os.cpu_count()} cores, {platform.python_version()}"  # noqa: E501


def backlog(desk_path: Path, ops: int) -> None:
    """`ops` member.create.v1 ops in the desk's outbox, as the members service writes them."""
    from sqlalchemy import insert

    from desktop_app.store.db import Database
    from desktop_app.store.models import OutboxOp
    from desktop_app.store.outbox import next_hlc
    from desktop_app.store.state import get_state

    db = Database(desk_path)
    now = datetime.now(UTC)
    with db.write_session() as session, session.begin():
        admin = get_state(session, "bench.admin")
        rows = []
        for i in range(ops):
            member_id = new_id()
            rows.append(
                {
                    "op_id": new_id(),
                    "name": "member.create.v1",
                    "hlc": str(next_hlc(session, now)),
                    "actor_id": admin,
                    "approver_id": None,
                    "args": {
                        "id": member_id,
                        "number": member_number_from_serial(50_000_000 + i),
                        "name": f"Bench {i}",
                        "phone": None,
                        "email": None,
                        "birthday": None,
                        "gender": None,
                        "notes": "",
                        "consent_sms": False,
                        "consent_email": False,
                        "tier_id": None,
                        "home_store_id": None,
                        "card_id": new_id(),
                        "card_code": None,
                    },  # fmt: skip
                    "created_at": now,
                    "state": "pending",
                }
            )
        session.execute(insert(OutboxOp), rows)
    db.close()


def load_members(pg_url: str, count: int) -> str:
    """COPY `count` demo members (realistic names: the search terms cost what they would at a
    real desk) into the server's tables; returns where they came from."""
    import psycopg

    source = demo_db(count)
    demo = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    rows = demo.execute(
        "SELECT id, number, name, phone, email, birthday, gender, notes, status FROM members"
    )
    now = datetime.now(UTC)
    with psycopg.connect(pg_url) as conn, conn.cursor() as cur:
        with cur.copy(
            "COPY members (id, number, name, phone, email, birthday, gender, notes, status, "
            "note_flagged, consent_sms, consent_email, points_balance, merge_candidates, "
            "field_hlc, version, created_at, updated_at) FROM STDIN"
        ) as copy:
            for r in rows:
                copy.write_row((*r, False, False, False, 0, "[]", "{}", 1, now, now))
        conn.commit()
    # As a server's table is between loads, not seconds after a bulk COPY (autovacuum and the
    # checkpoint would otherwise run during the bootstrap being measured).
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE members")
        conn.execute("CHECKPOINT")
    return str(source)


BOOTSTRAP_CHILD = r"""
import json, os, resource, sys, threading, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from desktop_app.domain.clock import SystemClock
from desktop_app.store.db import Database
from desktop_app.sync.engine import SyncEngine

def hwm_mb(pid):
    # The process's own peak (VmHWM): getrusage's ru_maxrss would include the RSS of the
    # parent it was forked from (the bench, which may just have made the demo database).
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0

worker_peak, done = [0.0], threading.Event()
def watch_worker():  # the search-term worker: a child process, watched while it lives
    me = os.getpid()
    while not done.wait(0.1):
        for task in os.listdir(f"/proc/{me}/task"):
            try:
                for pid in Path(f"/proc/{me}/task/{task}/children").read_text().split():
                    worker_peak[0] = max(worker_peak[0], hwm_mb(pid))
            except OSError:
                pass
threading.Thread(target=watch_worker, daemon=True).start()
db = Database(Path(sys.argv[1]))
engine = SyncEngine(db, SystemClock())  # the desk's own page size
engine.enrol(sys.argv[2], sys.argv[4], "bench-bootstrap")
t0 = time.perf_counter()
rows = engine.bootstrap()
took = time.perf_counter() - t0
done.set()
desk = hwm_mb("self")
own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
# The two peaks summed: an upper bound of the desk's memory at any one moment.
print(json.dumps({"rows": rows, "s": took, "peak_rss_mb": desk + worker_peak[0],
                  "desk_rss_mb": desk, "worker_rss_mb": worker_peak[0],
                  "desk_cpu_s": own.ru_utime + own.ru_stime,
                  "worker_cpu_s": kids.ru_utime + kids.ru_stime}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--ops", type=int)
    parser.add_argument("--members", type=int)
    args = parser.parse_args()
    ops = args.ops or (2_000 if args.quick else 10_000)
    members = args.members or (50_000 if args.quick else 1_000_000)

    from tests.helpers.sync_harness import (
        Desk,
        ServerProcess,
        drop_pg_database,
        make_pg_database,
    )

    pg_url = make_pg_database()
    if pg_url is None:
        raise SystemExit("bench/sync.py needs PostgreSQL on 127.0.0.1:5432")
    work = Path(tempfile.mkdtemp(prefix="fd-sync-bench-"))
    server = ServerProcess(pg_url, work)
    server.start()
    try:
        store = server.store("BENCH")
        desk = Desk(work / "pusher.sqlite3")
        desk.enrol(server, store)
        assert desk.sync().ok  # the desk's admin reaches the server
        with desk.services.db.write_session() as s, s.begin():
            from desktop_app.store.state import set_state

            set_state(s, "bench.admin", desk.admin.staff_id)
        backlog(desk.path, ops)
        print(f"machine: {machine()}")
        print(f"push: {ops} member.create.v1 ops in batches of 500, PostgreSQL, loopback")
        t0 = time.perf_counter()
        pushed = desk.engine.push_all()
        push_s = time.perf_counter() - t0
        pulled = desk.engine.pull_all()
        drain_s = time.perf_counter() - t0
        assert pushed == ops and desk.engine.store.pending_count() == 0, (pushed, ops)
        print(f"  pushed {pushed} ops in {push_s:.2f} s = {ops / push_s:,.0f} ops/s; "
              f"pulled {pulled} changes; drained in {drain_s:.2f} s")  # fmt: skip
        desk.close()

        t0 = time.perf_counter()
        source = load_members(pg_url, members)
        print(f"bootstrap: {members:,} members ({source}) loaded into the server "
              f"in {time.perf_counter() - t0:.1f} s")  # fmt: skip
        server_cpu = process_cpu_s(server.proc)
        child = subprocess.run(
            [sys.executable, "-c", BOOTSTRAP_CHILD, str(work / "fresh.sqlite3"), server.url,
             str(ROOT), server.enrol_code(store)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        boot = json.loads(child.stdout.strip().splitlines()[-1])
        server_cpu = process_cpu_s(server.proc) - server_cpu
        rate = boot["rows"] / boot["s"]
        print(f"  new desk loaded {boot['rows']:,} rows in {boot['s']:.1f} s = {rate:,.0f} rows/s,"
              f" peak RSS {boot['peak_rss_mb']:.0f} MB (desk {boot['desk_rss_mb']:.0f} MB + "
              f"search-term worker {boot['worker_rss_mb']:.0f} MB)")  # fmt: skip
        print(f"  CPU: server {server_cpu:.1f} s, desk {boot['desk_cpu_s']:.1f} s, "
              f"search-term worker {boot['worker_cpu_s']:.1f} s (PostgreSQL not counted)")
    finally:
        server.close()
        drop_pg_database(pg_url)
    print(f"parent peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print(
        json.dumps(
            {
                "push_ops_per_s": round(ops / push_s, 1),
                # The outbox is drained when every op is acknowledged (the push); the pull of
                # the resulting changes is reported beside it.
                "drain_10k_s": round(push_s * (10_000 / ops), 2),
                "drain_and_pull_10k_s": round(drain_s * (10_000 / ops), 2),
                "bootstrap_rows_per_s": round(rate, 1),
                "bootstrap_peak_rss_mb": round(boot["peak_rss_mb"], 1),
                "bootstrap_server_cpu_s": round(server_cpu, 1),
                "bootstrap_desk_cpu_s": round(boot["desk_cpu_s"], 1),
                "bootstrap_worker_cpu_s": round(boot["worker_cpu_s"], 1),
                "ops": ops,
                "members": members,
                "quick": bool(args.quick),
            }
        )
    )


if __name__ == "__main__":
    main()
