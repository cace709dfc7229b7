"""One transaction per use case: rows, outbox op and audit entry together, or nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.domain.permissions import Role
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import AuditEntry, Member, OutboxOp
from desktop_app.store.uow import UnitOfWork


def counts(services) -> tuple[int, int, int]:
    with services.db.read() as s:
        return (s.scalar(select(func.count()).select_from(Member)),
                s.scalar(select(func.count()).select_from(OutboxOp)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def test_the_database_is_durable_and_strict(services) -> None:
    conn = sqlite3.connect(services.db.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with services.db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_a_failure_inside_the_unit_leaves_nothing_behind(services, staff_of, clock) -> None:
    cashier = staff_of(Role.CASHIER)
    before = counts(services)
    with pytest.raises(RuntimeError), UnitOfWork(services.db, clock, None) as uow:
        m = Member(number="000000026", name="Half", status="active", notes="",
                   points_balance=0, note_flagged=False, consent_sms=False,
                   consent_email=False)
        uow.stamp_new(m, "00000000-0000-7000-8000-000000000001")
        uow.session.add(m)
        uow.op("member.create.v1", {"id": m.id})
        uow.audit("member.create", entity="member", entity_id=m.id)
        uow.session.flush()
        raise RuntimeError("power cut")
    assert counts(services) == before
    services.members.create(cashier, MemberDraft(name="Whole"))
    assert counts(services) == (before[0] + 1, before[1] + 1, before[2] + 1)


def test_outbox_seq_counts_up_and_is_never_reused(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    for i in range(3):
        services.members.create(cashier, MemberDraft(name=f"M{i}"))
    with services.db.read() as s:
        seqs = list(s.scalars(select(OutboxOp.seq).order_by(OutboxOp.seq)))
    assert seqs == list(range(1, len(seqs) + 1))
    # Acknowledged ops may be pruned; the numbering must not fall back.
    with sqlite3.connect(services.db.path) as raw:
        raw.execute("DELETE FROM outbox WHERE seq = ?", (seqs[-1],))
    services.members.create(cashier, MemberDraft(name="After prune"))
    with services.db.read() as s:
        assert s.scalar(select(func.max(OutboxOp.seq))) == seqs[-1] + 1


def test_ops_carry_increasing_hybrid_clock_stamps(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    for i in range(5):  # the fixed clock never moves: the counter must
        services.members.create(cashier, MemberDraft(name=f"Same ms {i}"))
    with services.db.read() as s:
        stamps = list(s.scalars(select(OutboxOp.hlc).order_by(OutboxOp.seq)))
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_concurrent_writers_queue_instead_of_failing(tmp_path: Path, clock) -> None:
    from desktop_app.services.registry import Services

    path = tmp_path / "shared.sqlite3"
    first = Services.open(path, clock)
    admin = first.auth.create_first_admin("admin", "Ada", "1111")
    desks = [first] + [Services.open(path, clock) for _ in range(2)]
    errors: list[BaseException] = []

    def write(svc, n: int) -> None:
        try:
            for i in range(15):
                svc.members.create(admin, MemberDraft(name=f"Desk {n} member {i}"))
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(d, n)) for n, d in enumerate(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with first.db.read() as s:
        numbers = list(s.scalars(select(Member.number)))
    assert len(numbers) == 45 and len(set(numbers)) == 45
    for d in desks:
        d.close()
