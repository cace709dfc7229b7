"""`frontdesk check-db` finds a points ledger row changed or removed with raw SQL, naming it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from desktop_app.domain.sales import SaleLine, Tender, TenderKind
from desktop_app.services.checkout import Cart


def check_db(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app.cli", "check-db", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def seeded(services, admin, member, cashier) -> Path:
    services.sales.checkout.finalize_sale(
        cashier,
        Cart(
            (SaleLine("Towel", 1, 3000),),
            member_id=member.id,
            tenders=(Tender(TenderKind.POINTS, 500, points=500), Tender(TenderKind.CASH, 2500)),
        ),
    )
    services.sales.points.adjust(admin, member.id, 10, "goodwill", date(2026, 3, 2))
    return services.db.path


def test_a_healthy_ledger_passes(services, admin, member, cashier) -> None:
    result = check_db(seeded(services, admin, member, cashier))
    assert result.returncode == 0, result.stdout + result.stderr


def test_editing_a_ledger_row_with_raw_sql_fails_check_db_and_names_it(
    services, admin, member, cashier
) -> None:
    path = seeded(services, admin, member, cashier)
    with sqlite3.connect(path) as raw:
        seq, row_id = raw.execute("SELECT seq, id FROM points_ledger WHERE kind='earn'").fetchone()
        # The table refuses updates; someone with the file in a SQLite tool drops that first.
        try:
            raw.execute("UPDATE points_ledger SET delta=delta+1000 WHERE seq=?", (seq,))
            raise AssertionError("the ledger accepted an update")
        except sqlite3.IntegrityError:
            pass
        raw.execute("DROP TRIGGER points_ledger_no_update")
        raw.execute("UPDATE points_ledger SET delta=delta+1000 WHERE seq=?", (seq,))
        raw.execute(
            "UPDATE members SET points_balance=points_balance+1000 WHERE id=?", (member.id,)
        )
    result = check_db(path)
    assert result.returncode == 1
    assert f"points_ledger seq={seq} id={row_id}" in result.stdout
    assert "edited" in result.stdout


def test_deleting_the_newest_ledger_row_is_found(services, admin, member, cashier) -> None:
    path = seeded(services, admin, member, cashier)
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TRIGGER points_ledger_no_delete")
        raw.execute("DELETE FROM points_ledger WHERE kind='adjust'")
    result = check_db(path)
    assert result.returncode == 1
    assert "newer entries were removed" in result.stdout
    assert "points balance" in result.stdout
