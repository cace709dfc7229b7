"""Start-up benchmark: generate a demo database, then time the desk from process start to the
sign-in screen on it.

    python bench/startup.py              # 1,000,000 members, 5 start-ups
    python bench/startup.py --quick      # 20,000 members (under a minute)
    python bench/startup.py --db FILE    # skip generation, time start-ups on FILE

(a) Generation runs in a child process (as `frontdesk demo-data` would), so its peak memory
    is its own: the resident set of the child and its generator workers, summed and polled
    with psutil, and the largest single process from getrusage(RUSAGE_CHILDREN).
(b) Each start-up is `python -m desktop_app.cli --db FILE` with QT_QPA_PLATFORM=offscreen, a
    fresh FRONTDESK_DATA_DIR, and FRONTDESK_READY_FILE, to which the desk writes a line once
    the sign-in screen is shown (desktop_app.qt.app._announce_when_ready). The time is from
    just before the process is spawned to when that line appears.

Prints the figures and the machine, then one JSON line: members, gen_rows_per_s (member rows
per second), gen_peak_rss_mb, startup_to_signin_s (median; null if it could not be measured).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
FULL, QUICK = 1_000_000, 20_000
TARGET_STARTUP_S = 1.5
READY_TIMEOUT_S = 60.0

_GENERATE = """
import json, sys
from pathlib import Path
from desktop_app.store.demo import write_demo_database
stats = write_demo_database(Path(sys.argv[1]), members=int(sys.argv[2]), seed=int(sys.argv[3]))
print(json.dumps({"seconds": stats.seconds, "rows": stats.rows}))
"""


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile: with 5 runs, p95 and p99 are the slowest run."""
    ordered = sorted(values)
    return ordered[max(math.ceil(pct / 100 * len(ordered)) - 1, 0)]


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    try:
        import psutil

        info["ram_gb"] = round(psutil.virtual_memory().total / 2**30, 1)
        info["load_avg"] = [round(x, 2) for x in os.getloadavg()]
    except (ImportError, OSError):
        pass
    return info


def _tree_rss(proc: Any) -> int:
    """Resident bytes of a process and its descendants (the generator's workers)."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a worker may exit between the two calls
            total += p.memory_info().rss
    return total


def generate(db: Path, members: int, seed: int) -> dict[str, Any]:
    cmd = [sys.executable, "-c", _GENERATE, str(db), str(members), str(seed)]
    started = time.perf_counter()
    child = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, text=True)
    peak_tree = 0
    try:
        import psutil

        watched = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                peak_tree = max(peak_tree, _tree_rss(watched))
            except psutil.Error:
                break
            time.sleep(0.05)
    except ImportError:
        pass
    out, _ = child.communicate()
    wall = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"demo generation failed (exit {child.returncode})")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    # ru_maxrss: KiB on Linux, bytes on macOS; the largest single child, not their sum.
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["maxrss_mb"] = maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    result["tree_peak_mb"] = peak_tree / 2**20 if peak_tree else None
    result["wall"] = wall
    return result


def start_once(db: Path, scratch: Path, run: int) -> float | str:
    """Seconds from spawn to the sign-in screen, or why it could not be measured."""
    data_dir = scratch / f"data-{run}"
    data_dir.mkdir()
    ready = scratch / f"ready-{run}.txt"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        FRONTDESK_DATA_DIR=str(data_dir),
        FRONTDESK_READY_FILE=str(ready),
    )
    log = (scratch / f"desk-{run}.log").open("wb")
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app.cli", "--db", str(db)],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        while True:
            if ready.exists() and ready.read_text(encoding="utf-8").strip():
                return time.perf_counter() - started
            if proc.poll() is not None:
                return f"the desk exited ({proc.returncode}) before the sign-in screen"
            if time.perf_counter() - started > READY_TIMEOUT_S:
                return f"no sign-in screen within {READY_TIMEOUT_S:.0f} s"
            time.sleep(0.002)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--members", type=int, help=f"demo members (default {FULL:,})")
    p.add_argument("--quick", action="store_true", help=f"{QUICK:,} members")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=5, help="start-ups to time (default 5)")
    p.add_argument("--db", type=Path, help="time start-ups on this database; no generation")
    p.add_argument("--keep", type=Path, help="write the generated database here and keep it")
    args = p.parse_args(argv)
    members = args.members or (QUICK if args.quick else FULL)

    info = machine()
    print("machine: " + ", ".join(f"{k}={v}" for k, v in info.items()))
    with tempfile.TemporaryDirectory(prefix="frontdesk-bench-") as tmp:
        scratch = Path(tmp)
        gen_rate = gen_peak = None
        if args.db:
            db = args.db.resolve()
            members = sqlite3.connect(db).execute("SELECT count(*) FROM members").fetchone()[0]
            print(f"database: {db} ({members:,} members, not generated here)")
        else:
            db = (args.keep or scratch / "demo.sqlite3").resolve()
            print(f"generating {members:,} demo members (seed {args.seed}) into {db} …", flush=True)
            g = generate(db, members, args.seed)
            total_rows = sum(g["rows"].values())
            gen_rate = members / g["seconds"]
            gen_peak = g["tree_peak_mb"] or g["maxrss_mb"]
            print(
                f"generation: {g['seconds']:.1f} s in the generator ({g['wall']:.1f} s wall "
                f"with interpreter start-up)\n"
                f"  throughput: {gen_rate:,.0f} members/s (member rows/s; gen_rows_per_s below); "
                f"{total_rows / g['seconds']:,.0f} rows/s over all tables "
                f"({total_rows:,} rows: "
                + ", ".join(f"{t} {n:,}" for t, n in g["rows"].items())
                + ")"
            )
            tree = f"{g['tree_peak_mb']:.0f} MB" if g["tree_peak_mb"] else "n/a (no psutil)"
            print(
                f"  peak memory: {tree} resident, generator and its workers summed "
                f"(polled); largest single process {g['maxrss_mb']:.0f} MB (ru_maxrss)"
            )
        size_mb = db.stat().st_size / 2**20
        print(
            f"data size: {size_mb:,.1f} MB database file ({size_mb * 2**20 / members:,.0f} B "
            f"per member, all tables and indexes)"
        )

        times: list[float] = []
        for run in range(args.runs):
            outcome = start_once(db, scratch, run)
            if isinstance(outcome, str):
                print(f"start-up {run + 1}: not measured: {outcome}")
                log = scratch / f"desk-{run}.log"
                tail = log.read_text(encoding="utf-8", errors="replace").strip()[-2000:]
                if tail:
                    print(tail)
                break
            times.append(outcome)
            print(f"start-up {run + 1}: {outcome:.3f} s to the sign-in screen", flush=True)
        median = statistics.median(times) if times else None
        if times:
            print(
                f"start-up to sign-in over {len(times)} runs: median {median:.3f} s, "
                f"p95 {percentile(times, 95):.3f} s, p99 {percentile(times, 99):.3f} s, "
                f"min {min(times):.3f} s (target < {TARGET_STARTUP_S} s: "
                f"{'met' if median is not None and median < TARGET_STARTUP_S else 'NOT met'})"
            )
    print(
        json.dumps(
            {
                "members": members,
                "gen_rows_per_s": round(gen_rate, 1) if gen_rate else None,
                "gen_peak_rss_mb": round(gen_peak, 1) if gen_peak else None,
                "startup_to_signin_s": round(median, 4) if median is not None else None,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
