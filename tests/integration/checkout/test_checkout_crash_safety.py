"""A checkout loop killed with SIGKILL at random points: no acknowledged sale is lost, no
sale exists without its ledger entries and outbox op, no ledger entry without its sale."""

from __future__ import annotations

import os
import random
from datetime import date
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from desktop_app.domain.clock import SystemClock
from desktop_app.services.members import MemberDraft
from desktop_app.services.registry import Services
from desktop_app.store.checkout_models import PointsEntry, SaleRow
from desktop_app.store.checks import check_database
from desktop_app.store.db import Database
from desktop_app.store.models import OutboxOp
from tests.integration import test_crash_safety as crash

WRITER = Path(__file__).resolve().parents[2] / "helpers" / "sale_writer.py"
KILLS = int(os.environ.get("FRONTDESK_CRASH_KILLS", "20"))


@pytest.mark.slow
def test_sigkill_during_checkout_leaves_no_sale_without_its_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "crash.sqlite3"
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    setup = Services.open(path, SystemClock(), pin_hasher=fast)
    admin = setup.auth.create_first_admin("admin", "Ada", "1111")
    member = setup.members.create(admin, MemberDraft(name="Crash 会员"))
    setup.sales.points.adjust(admin, member.id, 1_000_000, "seed", date(2026, 3, 2))
    setup.close()
    # Reuse the member crash test's kill loop with this writer (the member id as its tag).
    monkeypatch.setattr(crash, "WRITER", WRITER)
    rng = random.Random(20261125)
    acknowledged: set[str] = set()
    for round_no in range(KILLS):
        acknowledged.update(crash.run_writer_and_kill(path, member.id, rng))
        db = Database(path, migrate=False)
        try:
            assert check_database(db) == [], f"round {round_no}"
            with db.read() as s:
                sales = {sale.id: sale for sale in s.scalars(select(SaleRow))}
                ops = {
                    op.args["id"]
                    for op in s.scalars(select(OutboxOp).where(OutboxOp.name == "sale.finalize.v1"))
                }
                by_sale: dict[str, set[str]] = {}
                for source, kind in s.execute(select(PointsEntry.source, PointsEntry.kind)):
                    if source.startswith("sale:"):
                        by_sale.setdefault(source[5:], set()).add(kind)
        finally:
            db.close()
        assert acknowledged <= sales.keys(), "an acknowledged sale was lost"
        assert ops == sales.keys(), "a sale without its op, or an op without its sale"
        assert by_sale.keys() <= sales.keys(), "a ledger entry without its sale"
        for sale_id, sale in sales.items():
            expected = {
                k for k, n in (("earn", sale.points_earned), ("redeem", sale.points_spent)) if n
            }
            assert by_sale.get(sale_id, set()) == expected, f"sale {sale_id} lacks entries"
    assert len(acknowledged) > KILLS
    assert any(sale.points_spent for sale in sales.values())
