"""Two desks booking the last seat at once, on one local SQLite file: exactly one confirmed,
the other waitlisted. BEGIN IMMEDIATE serialises the writers and the roster is re-read inside
the transaction. Proven with two threads and with two separate processes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft

CREDITS = EntitlementDraft(EntitlementKind.CLASS_CREDITS, "5 classes", 40_000, days=60, units=5)

CHILD = r"""
import json, sys, time
from datetime import datetime
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.permissions import Actor, Role
from desktop_app.services.registry import Services
db, session_id, member_id, staff_id, now_iso, go_at = sys.argv[1:7]
from pathlib import Path
services = Services.open(Path(db), FixedClock(datetime.fromisoformat(now_iso)))
actor = Actor(staff_id, "admin", "Ada Admin", Role.ADMIN)
while time.time() < float(go_at):
    time.sleep(0.001)
view = services.classes.book(actor, session_id, member_id)
print(json.dumps({"status": view.status}))
services.close()
"""


def last_seat(services, admin, members: int = 2) -> tuple[str, list[str]]:
    ct = services.classes.create_class_type(admin, "Spin", 1, 45)
    local = (services.clock.now() + timedelta(days=1)).astimezone(ZoneInfo("Asia/Shanghai"))
    services.classes.add_schedule(admin, ct, local.weekday(), local.time(), date(2026, 1, 1))
    (sid,) = services.classes.generate_sessions(admin, local.date(), 1)
    ids = []
    for i in range(members):
        m = services.members.create(admin, MemberDraft(name=f"Racer {i}"))
        services.entitlements.sell(admin, m.id, CREDITS)
        ids.append(m.id)
    return sid, ids


def test_two_threads_booking_the_last_seat(services, admin) -> None:
    sid, (a, b) = last_seat(services, admin)
    barrier = threading.Barrier(2)
    results: dict[str, str] = {}

    def book(member_id: str) -> None:
        barrier.wait()
        results[member_id] = services.classes.book(admin, sid, member_id).status

    threads = [threading.Thread(target=book, args=(m,)) for m in (a, b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(results.values()) == ["confirmed", "waitlisted"]
    view = services.classes.sessions(services.clock.now(), services.clock.now() +
                                      timedelta(days=2))[0]
    assert (view.confirmed, view.waitlisted) == (1, 1)


@pytest.mark.slow
def test_two_processes_booking_the_last_seat(services, admin, tmp_path: Path) -> None:
    sid, (a, b) = last_seat(services, admin)
    db = str(services.db.path)
    go_at = str(time.time() + 4.0)  # both start interpreters first, then race
    procs = [subprocess.Popen(
        [sys.executable, "-c", CHILD, db, sid, m, admin.staff_id,
         services.clock.now().isoformat(), go_at],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for m in (a, b)]
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        outs.append(json.loads(out.strip().splitlines()[-1])["status"])
    assert sorted(outs) == ["confirmed", "waitlisted"]
    roster = services.classes.roster(sid)
    assert sorted(line.status for line in roster) == ["confirmed", "waitlisted"]
