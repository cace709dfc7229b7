"""The faults of SYNC.md "How it is proven", each against the real server process."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.hlc import HLC
from desktop_app.services.members import MemberDraft
from desktop_app.sync.protocol import PushRequest, WireOp
from desktop_app.sync.transport import HttpTransport, Transient
from tests.helpers.sync_harness import Desk, ServerProcess

WRITER = Path(__file__).resolve().parents[2] / "helpers" / "member_writer.py"


def _wire_ops(desk: Desk) -> list[WireOp]:
    return [
        WireOp(seq=o.seq, op_id=o.op_id, name=o.name, hlc=o.hlc, actor=o.actor_id, args=o.args)
        for o in desk.outbox()
    ]


def _raw(server: ServerProcess, desk: Desk) -> httpx.Client:
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    return httpx.Client(
        base_url=server.url + "/sync/v1",
        headers={"Authorization": f"Bearer {enrolment.token}"},
        timeout=30,
    )


def _push_body(desk: Desk, ops: list[WireOp]) -> str:
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    return PushRequest(device_id=enrolment.device_id, schema=1, ops=ops).model_dump_json(
        by_alias=True
    )


def _assert_once(server: ServerProcess, desk: Desk) -> None:
    """Every op of the desk is on the server exactly once (op ids are the primary key, and
    seqs are unique per device), and the desk knows each one's outcome."""
    applied = server.applied()
    outbox = desk.outbox()
    assert all(o.state != "pending" for o in outbox)
    assert {o.op_id for o in outbox} <= set(applied)
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    seqs = [a.seq for a in applied.values() if a.device_id == enrolment.device_id]
    assert len(seqs) == len(set(seqs)) == len(outbox)


def test_desk_killed_between_commit_and_push(
    server: ServerProcess, make_desk: Callable[..., Desk], tmp_path: Path
) -> None:
    desk = make_desk("killed")
    desk.enrol(server, server.store())
    desk.close()
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(desk.path), "killed"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    committed: list[str] = []
    for line in proc.stdout:
        if line.startswith("committed "):
            committed.append(line.split()[1])
        if len(committed) >= 15:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    committed += [ln.split()[1] for ln in proc.stdout.read().splitlines() if ln.startswith("c")]
    desk.reopen()
    assert desk.sync().ok
    on_server = server.members()
    assert set(committed) <= set(on_server)
    assert set(desk.members()) <= set(on_server)
    _assert_once(server, desk)


class LosesFirstAnswer(HttpTransport):
    """Delivers the push, then loses the server's answer (once)."""

    lost = 0

    def push(self, request: PushRequest):  # type: ignore[no-untyped-def]
        answer = super().push(request)
        if LosesFirstAnswer.lost == 0:
            LosesFirstAnswer.lost += 1
            raise Transient("answer lost")
        return answer


def test_lost_answer_after_the_server_committed(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    LosesFirstAnswer.lost = 0
    desk = make_desk("lossy", transport_factory=lambda url, token: LosesFirstAnswer(url, token))
    desk.enrol(server, server.store())
    made = [desk.services.members.create(desk.admin, MemberDraft(name=f"L{i}")) for i in range(5)]
    first = desk.sync()
    assert not first.ok and first.retry_in_s is not None
    assert desk.engine.status.problem == "offline" and desk.engine.status.pending == 6
    assert {m.id for m in made} <= set(server.members())  # the server did commit
    assert desk.sync().ok
    # The outcome the desk holds is the one the server stored at the first delivery.
    stored = server.applied()
    assert [(o.state, o.result["effects"]) for o in desk.outbox()] == [
        (stored[o.op_id].status, stored[o.op_id].effects) for o in desk.outbox()
    ]
    assert {o.state for o in desk.outbox()} <= {"applied", "compensated"}
    _assert_once(server, desk)


def test_same_batch_sent_twice_at_once(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk("twice")
    desk.enrol(server, server.store())
    made = {
        desk.services.members.create(desk.admin, MemberDraft(name=f"T{i}")).id for i in range(20)
    }
    body = _push_body(desk, _wire_ops(desk))
    answers: list[httpx.Response] = []
    start = threading.Barrier(2)

    def send() -> None:
        with _raw(server, desk) as client:
            start.wait()
            answers.append(
                client.post("/push", content=body, headers={"Content-Type": "application/json"})
            )

    threads = [threading.Thread(target=send) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert [a.status_code for a in answers] == [200, 200]
    # One delivery applied the batch (some members renumbered: numbers clash across the
    # desks of this module), the other found every op already applied.
    statuses = sorted(({r["status"] for r in a.json()["results"]} for a in answers), key=len)
    assert statuses[0] == {"duplicate"} or statuses[1] == {"duplicate"}
    assert (statuses[0] | statuses[1]) - {"duplicate"} <= {"applied", "compensated"}
    assert "duplicate" not in (statuses[1] if statuses[0] == {"duplicate"} else statuses[0])
    assert desk.sync().ok  # the desk's own push: all duplicates, outcomes learnt
    _assert_once(server, desk)
    assert made <= set(server.members())
    with server.db.read() as session:
        from sqlalchemy import func, select

        from central_server.models import ChangeRow

        creations = session.scalar(
            select(func.count()).where(ChangeRow.entity == "member", ChangeRow.entity_id.in_(made))
        )
    assert creations == 20  # each member created once, not twice


def test_reordered_ops_get_409_with_the_expected_seq(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk("reorder")
    desk.enrol(server, server.store())
    for i in range(3):
        desk.services.members.create(desk.admin, MemberDraft(name=f"R{i}"))
    ops = _wire_ops(desk)
    headers = {"Content-Type": "application/json"}
    with _raw(server, desk) as client:
        late = client.post("/push", content=_push_body(desk, ops[2:]), headers=headers)
        assert late.status_code == 409
        assert late.json() == {"error": "seq_gap", "expected_seq": 1}
        swapped = client.post("/push", content=_push_body(desk, [ops[1], ops[0]]), headers=headers)
        assert swapped.status_code == 409 and swapped.json()["expected_seq"] == 1
        assert not server.applied().keys() & {o.op_id for o in ops}  # nothing half-applied
        changed = ops[0].model_copy(update={"args": {**ops[0].args, "name": "Other"}})
        assert client.post("/push", content=_push_body(desk, ops[:1]), headers=headers).is_success
        conflict = client.post("/push", content=_push_body(desk, [changed]), headers=headers)
        assert conflict.status_code == 422 and conflict.json()["error"] == "op_conflict"
    assert desk.sync().ok
    _assert_once(server, desk)


@pytest.mark.slow
def test_server_restarted_mid_batch(server: ServerProcess, make_desk: Callable[..., Desk]) -> None:
    desk = make_desk("midbatch")
    desk.enrol(server, server.store())
    for i in range(40):
        desk.services.members.create(desk.admin, MemberDraft(name=f"B{i}"))
    server.restart(FRONTDESK_SERVER_OP_DELAY_MS="25")
    try:
        result: list[object] = []
        worker = threading.Thread(target=lambda: result.append(desk.sync()))
        worker.start()
        time.sleep(0.6)  # 41 ops x 25 ms: the batch is half way through
        server.stop(kill=True)
        worker.join(60)
        assert result and not result[0].ok  # type: ignore[attr-defined]
        assert desk.engine.status.problem == "offline"
        enrolment = desk.engine.store.enrolment()
        assert enrolment is not None
        # Killed before its commit: none of the batch is on the server.
        assert not [a for a in server.applied().values() if a.device_id == enrolment.device_id]
    finally:
        server.start(keep_port=True)
    assert desk.sync().ok
    _assert_once(server, desk)


def test_a_desk_clock_a_day_ahead_cannot_win_every_later_edit(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    from datetime import UTC, datetime

    now = datetime.now(UTC)
    ahead = make_desk("ahead", clock=FixedClock(now + timedelta(days=1)))
    right = make_desk("right", clock=FixedClock(now))
    ahead.enrol(server, server.store())
    right.enrol(server, server.store())
    made = right.services.members.create(right.admin, MemberDraft(name="Before"))
    assert right.sync().ok and ahead.sync().ok
    ahead.services.members.edit(ahead.admin, made.id, {"name": "From the future"})
    assert ahead.sync().ok
    right.clock.advance(minutes=6)  # later than the clamp (5 min), long before the skew
    right.services.members.edit(right.admin, made.id, {"name": "Later edit"})
    assert right.sync().ok and ahead.sync().ok
    assert server.members()[made.id]["name"] == "Later edit"
    assert ahead.members()[made.id]["name"] == "Later edit"
    assert right.members() == ahead.members() == server.members()
    with server.db.read() as session:
        from central_server.models import MemberRow

        row = session.get(MemberRow, made.id)
        assert row is not None
        stamp = HLC.parse(row.field_hlc["name"])
    assert stamp.wall_ms <= int((now + timedelta(minutes=7)).timestamp() * 1000)


@pytest.mark.slow
def test_server_restored_from_backup_gets_the_lost_ops_again(
    server: ServerProcess, make_desk: Callable[..., Desk], tmp_path: Path
) -> None:
    if not server.db.is_sqlite:
        pytest.skip("restoring a file copy is the SQLite server's backup")
    desk = make_desk("restore")
    desk.enrol(server, server.store())
    desk.services.members.create(desk.admin, MemberDraft(name="Before backup"))
    assert desk.sync().ok
    db_file = Path(server.db.engine.url.database or "")
    server.stop()
    server.db.engine.dispose()
    shutil.copy(db_file, tmp_path / "backup.sqlite3")
    for suffix in ("-wal", "-shm"):
        if Path(f"{db_file}{suffix}").exists():
            shutil.copy(f"{db_file}{suffix}", tmp_path / f"backup.sqlite3{suffix}")
    server.start(keep_port=True)
    lost = desk.services.members.create(desk.admin, MemberDraft(name="After backup"))
    assert desk.sync().ok and lost.id in server.members()
    server.stop()
    server.db.engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_file}{suffix}").unlink(missing_ok=True)
        if (tmp_path / f"backup.sqlite3{suffix}").exists():
            shutil.copy(tmp_path / f"backup.sqlite3{suffix}", f"{db_file}{suffix}")
    server.start(keep_port=True)
    assert lost.id not in server.members()  # the restore lost it
    desk.services.members.create(desk.admin, MemberDraft(name="After restore"))
    assert desk.sync().ok
    assert lost.id in server.members()  # re-sent from the desk's kept acknowledged ops
    _assert_once(server, desk)


def test_an_op_the_server_has_no_handler_for_is_held_not_lost(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    """A desk newer than the server: the op and everything after it wait on the desk."""
    desk = make_desk("newer")
    desk.enrol(server, server.store())
    before = desk.services.members.create(desk.admin, MemberDraft(name="Before"))
    with desk.services.db.write_session() as session, session.begin():
        from desktop_app.store.outbox import enqueue_op

        enqueue_op(session, name="future.thing.v1", args={"x": 1}, at=desk.clock.now(),
                   authority=None)  # fmt: skip
    after = desk.services.members.create(desk.admin, MemberDraft(name="After"))
    report = desk.sync()
    assert report.ok
    assert desk.engine.status.problem == "server_needs_update"
    assert "future.thing.v1" in (desk.engine.status.detail or "")
    states = {o.name: o.state for o in desk.outbox() if o.name != "member.create.v1"}
    assert states["future.thing.v1"] == "pending"
    assert before.id in server.members() and after.id not in server.members()
    held = [o for o in desk.outbox() if o.name == "future.thing.v1"][0]
    assert held.op_id not in server.applied()  # not rejected: nothing recorded for it
    assert desk.engine.status.pending == 2
