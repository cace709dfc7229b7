"""Integrity checks behind `frontdesk check-db`: SQLite's own checks plus every hash chain."""

from __future__ import annotations

from sqlalchemy import text

from desktop_app.store.audit import verify_audit
from desktop_app.store.db import Database
from desktop_app.store.points_ledger import verify_points


def check_database(db: Database) -> list[str]:
    """Every problem found, as a sentence naming the table and row. Empty means healthy."""
    problems: list[str] = []
    with db.engine.connect() as conn:
        for (row,) in conn.exec_driver_sql("PRAGMA integrity_check"):
            if row != "ok":
                problems.append(f"sqlite integrity: {row}")
        for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
            problems.append(f"{table} rowid={rowid}: points to a missing {parent} row")
        conn.execute(text("SELECT 1"))
    with db.read() as session:
        problems.extend(f"audit chain: {fault}" for fault in verify_audit(session))
        problems.extend(verify_points(session))  # per-member points chains, cached balances
    return problems
