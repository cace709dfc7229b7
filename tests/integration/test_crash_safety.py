"""A writer killed with SIGKILL at random points, again and again: every committed member
keeps its outbox op and audit entry, nothing is half written, and check-db passes each time."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select as sql_select

from desktop_app.domain.clock import SystemClock
from desktop_app.services.registry import Services
from desktop_app.store.checks import check_database
from desktop_app.store.db import Database
from desktop_app.store.models import AuditEntry, Member, OutboxOp

WRITER = Path(__file__).resolve().parent.parent / "helpers" / "member_writer.py"
KILLS = int(os.environ.get("FRONTDESK_CRASH_KILLS", "50"))


def run_writer_and_kill(db: Path, tag: str, rng: random.Random) -> list[str]:
    """Start the writer, let it commit for a random while, SIGKILL it; return the ids it
    reported committed."""
    proc = subprocess.Popen([sys.executable, str(WRITER), str(db), tag],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    committed: list[str] = []
    ready = False
    deadline = time.monotonic() + 30
    kill_at: float | None = None
    while True:
        now = time.monotonic()
        if kill_at is not None and now >= kill_at:
            break
        if now > deadline:
            proc.kill()
            pytest.fail(f"writer never became ready: {proc.stderr.read() if proc.stderr else ''}")
        timeout = 0.05 if kill_at is None else max(0.0, kill_at - now)
        readable, _, _ = select.select([proc.stdout], [], [], timeout)
        if readable:
            line = proc.stdout.readline()
            if not line:
                break
            if line.startswith("ready"):
                ready = True
                kill_at = time.monotonic() + rng.uniform(0.005, 0.35)
            elif line.startswith("committed "):
                committed.append(line.split()[1])
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    # Lines already written to the pipe before the kill still count as acknowledged.
    rest = proc.stdout.read()
    committed.extend(ln.split()[1] for ln in rest.splitlines() if ln.startswith("committed "))
    assert ready
    return committed


@pytest.mark.slow
def test_sigkill_at_random_points_loses_and_half_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    setup = Services.open(path, SystemClock(), pin_hasher=fast)
    setup.auth.create_first_admin("admin", "Ada", "1111")
    setup.close()
    rng = random.Random(20261124)
    acknowledged: set[str] = set()
    for round_no in range(KILLS):
        acknowledged.update(run_writer_and_kill(path, f"r{round_no}", rng))
        db = Database(path, migrate=False)
        try:
            assert check_database(db) == [], f"round {round_no}"
            with db.read() as s:
                members = set(s.scalars(sql_select(Member.id)))
                created = [op.args["id"] for op in s.scalars(
                    sql_select(OutboxOp).where(OutboxOp.name == "member.create.v1"))]
                audited = set(s.scalars(sql_select(AuditEntry.entity_id).where(
                    AuditEntry.action == "member.create")))
                patches = s.scalar(sql_select(OutboxOp.seq).where(
                    OutboxOp.name == "member.patch.v1").limit(1))
        finally:
            db.close()
        assert acknowledged <= members, "a committed member was lost"
        assert sorted(created) == sorted(members), "member without its op, or op twice"
        assert audited == members, "member without its audit entry"
    assert len(acknowledged) > KILLS  # the writer really wrote between kills
    assert patches is not None
