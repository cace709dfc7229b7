"""Migrations run at start-up; an existing database is copied first."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from desktop_app.store.db import Database
from desktop_app.store.migrate import alembic_config, current_revision, head_revision


def test_the_fast_head_check_agrees_with_alembic() -> None:
    from desktop_app.store.migrate import head_from_files

    assert head_from_files() is not None and head_from_files() == head_revision()


def test_there_is_exactly_one_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_a_new_database_is_created_at_head_without_a_backup(tmp_path: Path) -> None:
    db = Database(tmp_path / "new.sqlite3", backup_dir=tmp_path / "backups")
    assert current_revision(db) == head_revision()
    assert not (tmp_path / "backups").exists() or not any((tmp_path / "backups").iterdir())
    db.close()


def test_backup_is_taken_when_an_existing_revision_is_behind(tmp_path: Path,
                                                             monkeypatch) -> None:
    path = tmp_path / "desk.sqlite3"
    Database(path).close()
    at = head_revision()  # the revision the file was created at, whatever head is today
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO counters(name, value) VALUES ('marker', 7)")
    import alembic.command

    import desktop_app.store.migrate as migrate

    monkeypatch.setattr(migrate, "head_from_files", lambda: "0002_future")
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_future")
    monkeypatch.setattr(alembic.command, "upgrade", lambda cfg, rev: None)
    Database(path, backup_dir=tmp_path / "backups").close()
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1 and f"pre-migrate-{at}" in backups[0].name
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("SELECT value FROM counters WHERE name='marker'").fetchone() == (7,)
    assert not list((tmp_path / "backups").glob("*.partial"))
