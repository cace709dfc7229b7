"""`frontdesk check-db`: SQLite integrity plus the audit chain; a tampered row is named."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.domain.permissions import Role
from desktop_app.services.members import MemberDraft


def check_db(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop_app.cli", "check-db", "--db", str(path)],
                          capture_output=True, text=True, timeout=60)


def seeded(services, staff_of) -> Path:
    cashier = staff_of(Role.CASHIER)
    for i in range(4):
        m = services.members.create(cashier, MemberDraft(name=f"Member {i}"))
    services.members.edit(cashier, m.id, {"notes": "likes mornings"})
    return services.db.path


def test_a_healthy_database_passes(services, staff_of) -> None:
    result = check_db(seeded(services, staff_of))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check-db: ok" in result.stdout


def test_editing_an_audit_row_fails_and_names_the_row(services, staff_of) -> None:
    path = seeded(services, staff_of)
    with sqlite3.connect(path) as raw:
        seq, row_id = raw.execute(
            "SELECT seq, id FROM audit_log WHERE action='member.create' LIMIT 1 OFFSET 2"
        ).fetchone()
        raw.execute("UPDATE audit_log SET details='{\"number\":\"999\"}' WHERE seq=?", (seq,))
    result = check_db(path)
    assert result.returncode == 1
    assert f"seq={seq} id={row_id}" in result.stdout
    assert "edited" in result.stdout


def test_deleting_an_audit_row_fails_and_names_where(services, staff_of) -> None:
    path = seeded(services, staff_of)
    with sqlite3.connect(path) as raw:
        raw.execute("DELETE FROM audit_log WHERE seq=3")
    result = check_db(path)
    assert result.returncode == 1
    assert "seq=4" in result.stdout and "removed" in result.stdout


def test_deleting_the_newest_audit_row_is_found_too(services, staff_of) -> None:
    path = seeded(services, staff_of)
    with sqlite3.connect(path) as raw:
        raw.execute("DELETE FROM audit_log WHERE seq=(SELECT max(seq) FROM audit_log)")
    result = check_db(path)
    assert result.returncode == 1 and "ends early" in result.stdout


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = check_db(tmp_path / "nope.sqlite3")
    assert result.returncode == 2 and "no database" in result.stderr
