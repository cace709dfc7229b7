"""Schema migrations with Alembic, run at start-up. When the file already holds data and a
migration is pending, a backup copy is taken first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop_app.store.backup import backup_database

if TYPE_CHECKING:
    from desktop_app.store.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate_to_head(db: Database, backup_dir: Path) -> Path | None:
    """Bring the schema to the newest revision; returns the backup taken, if any."""
    current = current_revision(db)
    if current == head_revision():
        return None
    backup = None
    if current is not None:
        backup = backup_database(db.path, backup_dir, f"pre-migrate-{current}")
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
