"""A property-based state machine: three desks (one with its clock a day ahead) and the real
server, random member ops, syncs, lost answers, offline spells and desk restarts.

Invariants: each op applied at most once; every acknowledged op persists on the server;
cursors only move forward; after quiet every desk equals the server.
Examples: 8 in the default run, 200 in the slow run, FRONTDESK_SYNC_EXAMPLES for more."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select

from central_server.changes import Position
from central_server.models import ChangeRow
from desktop_app.domain.clock import FixedClock
from desktop_app.services.members import MemberDraft
from desktop_app.sync.protocol import PushRequest, PushResponse
from desktop_app.sync.transport import HttpTransport, Transient
from tests.helpers.sync_harness import Desk, ServerProcess

DESKS = 3
NAMES = st.text(alphabet="abcdefg 张王李", min_size=1, max_size=8).filter(lambda s: s.strip())


class FaultyTransport(HttpTransport):
    """The real HTTP transport, with a switch: offline, or losing the next push's answer."""

    def __init__(self, url: str, token: str | None, faults: dict[str, bool]) -> None:
        super().__init__(url, token)
        self.faults = faults

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        if self.faults.get("offline"):
            raise Transient("cable pulled")
        return super()._call(method, path, **kwargs)

    def push(self, request: PushRequest) -> PushResponse:
        answer = super().push(request)
        if self.faults.pop("lose_answer", False):
            raise Transient("answer lost after the server committed")
        return answer


def _machine(server: ServerProcess, folder: Path, template: Path) -> type[RuleBasedStateMachine]:
    counter = iter(range(10**9))

    class SyncMachine(RuleBasedStateMachine):
        @initialize()
        def open_desks(self) -> None:
            run = next(counter)
            store = server.store()
            now = datetime.now(UTC)
            self.desks: list[Desk] = []
            self.faults: list[dict[str, bool]] = []
            self.cursors: list[Position] = []
            self.made: set[str] = set()
            for i in range(DESKS):
                path = folder / f"run{run}-desk{i}.sqlite3"
                shutil.copy(template, path)
                faults: dict[str, bool] = {}
                skew = timedelta(days=1) if i == DESKS - 1 else timedelta(0)
                desk = Desk(
                    path,
                    clock=FixedClock(now + skew),
                    transport_factory=lambda u, t, f=faults: FaultyTransport(u, t, f),  # type: ignore[misc]
                    admin_code=f"adm{i}",
                )
                desk.enrol(server, store)
                self.desks.append(desk)
                self.faults.append(faults)
                self.cursors.append(Position(0, 0))

        def teardown(self) -> None:
            for desk in getattr(self, "desks", []):
                desk.close()

        def _local_members(self, i: int) -> list[str]:
            return sorted(m for m, row in self.desks[i].members().items()
                          if m in self.made and row["status"] == "active")  # fmt: skip

        @rule(i=st.integers(0, DESKS - 1), name=NAMES)
        def create(self, i: int, name: str) -> None:
            made = self.desks[i].services.members.create(
                self.desks[i].admin, MemberDraft(name=name)
            )
            self.made.add(made.id)

        @rule(i=st.integers(0, DESKS - 1), pick=st.integers(0, 10**6), name=NAMES,
              field=st.sampled_from(["name", "notes"]))  # fmt: skip
        def edit(self, i: int, pick: int, name: str, field: str) -> None:
            members = self._local_members(i)
            if members:
                desk = self.desks[i]
                desk.services.members.edit(desk.admin, members[pick % len(members)], {field: name})

        @rule(i=st.integers(0, DESKS - 1), pick=st.integers(0, 10**6))
        def archive(self, i: int, pick: int) -> None:
            members = self._local_members(i)
            if len(members) > 2:
                self.desks[i].services.members.archive(
                    self.desks[i].admin, members[pick % len(members)]
                )

        @rule(i=st.integers(0, DESKS - 1), minutes=st.integers(0, 30))
        def sync(self, i: int, minutes: int) -> None:
            for desk in self.desks:
                desk.clock.advance(minutes=minutes)
            self.desks[i].sync()

        @rule(i=st.integers(0, DESKS - 1))
        def sync_losing_the_answer(self, i: int) -> None:
            self.faults[i]["lose_answer"] = True
            self.desks[i].sync()
            self.faults[i].pop("lose_answer", None)

        @rule(i=st.integers(0, DESKS - 1))
        def toggle_offline(self, i: int) -> None:
            self.faults[i]["offline"] = not self.faults[i].get("offline", False)

        @rule(i=st.integers(0, DESKS - 1))
        def restart_desk(self, i: int) -> None:
            self.desks[i].reopen()

        @invariant()
        def cursors_only_move_forward(self) -> None:
            for i, desk in enumerate(getattr(self, "desks", [])):
                now = Position.parse(desk.engine.store.get("sync.cursor"))
                assert now >= self.cursors[i], (i, now, self.cursors[i])
                self.cursors[i] = now

        @invariant()
        def acknowledged_ops_persist_and_apply_once(self) -> None:
            if not getattr(self, "desks", None):
                return
            applied = server.applied()
            for desk in self.desks:
                acked = [o.op_id for o in desk.outbox() if o.state != "pending"]
                assert set(acked) <= set(applied)
            if self.made:
                with server.db.read() as session:
                    created = session.execute(
                        select(ChangeRow.entity_id, func.count())
                        .where(ChangeRow.entity == "member", ChangeRow.version == 1,
                               ChangeRow.entity_id.in_(self.made))
                        .group_by(ChangeRow.entity_id)
                    ).all()  # fmt: skip
                assert all(n == 1 for _, n in created), created

        @precondition(lambda self: bool(getattr(self, "desks", None)))
        @rule()
        def quiet(self) -> None:
            """Everyone back online, two rounds of sync: all desks equal the server."""
            for faults in self.faults:
                faults.clear()
            for _ in range(2):
                for desk in self.desks:
                    assert desk.sync().ok, desk.engine.status
            truth = {k: v for k, v in server.members().items() if k in self.made}
            assert set(truth) == self.made  # every member made on a desk reached the server
            for desk in self.desks:
                assert desk.engine.status.pending == 0
                mine = {k: v for k, v in desk.members().items() if k in self.made}
                assert mine == truth, _diff(mine, truth)

    return SyncMachine


def _diff(a: dict[str, Any], b: dict[str, Any]) -> list[Any]:
    return [(k, a.get(k), b.get(k)) for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)][:5]


def _run(server: ServerProcess, tmp_path: Path, examples: int) -> None:
    template = tmp_path / "template.sqlite3"
    Desk(template).close()  # a migrated desk database, copied for every desk of every run
    from desktop_app.store.db import Database

    db = Database(template, migrate=False)
    with db.engine.begin() as conn:  # a blank desk: no staff, ops or device facts
        from sqlalchemy import text

        for table in ("outbox", "audit_log", "staff", "sync_state", "members", "cards"):
            conn.execute(text(f"DELETE FROM {table}"))
        conn.execute(text("DELETE FROM sqlite_sequence"))
    db.close()
    machine = _machine(server, tmp_path, template)
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=os.environ.get("FRONTDESK_SYNC_DERANDOMIZE") == "1",
        ),
    )


def test_sync_state_machine_quick(server: ServerProcess, tmp_path: Path) -> None:
    """Two examples on SQLite in the default run (a few seconds); the slow run does more."""
    if not server.db.is_sqlite:
        pytest.skip("the quick run uses the SQLite server; the slow run covers PostgreSQL")
    _run(server, tmp_path, int(os.environ.get("FRONTDESK_SYNC_QUICK_EXAMPLES", "2")))


@pytest.mark.slow
@pytest.mark.timeout(1800)  # 200 examples: about 4 minutes on a quiet machine, more if busy
def test_sync_state_machine(server: ServerProcess, tmp_path: Path) -> None:
    """200 examples on SQLite, 50 on PostgreSQL (each example is 3 new desks, up to 15
    steps); FRONTDESK_SYNC_EXAMPLES sets both, e.g. 5000 for a soak."""
    default = "200" if server.db.is_sqlite else "50"
    _run(server, tmp_path, int(os.environ.get("FRONTDESK_SYNC_EXAMPLES", default)))
