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


def new_revision(message: str, rev_id: str) -> Path:
    """Autogenerate a migration from the models against a scratch database at head.
    `python -m desktop_app.store.migrate "add check-ins" 0002`. Read the result before you
    commit it: column types are written as plain SQL types so old migrations never change
    when a Python type does."""
    import re
    import tempfile

    from desktop_app.store.db import Database

    with tempfile.TemporaryDirectory() as tmp:
        db = Database(Path(tmp) / "scratch.sqlite3")
        cfg = alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            script = command.revision(cfg, message=message, autogenerate=True, rev_id=rev_id)
        db.close()
    path = Path(script.path) if script and not isinstance(script, list) else None
    if path is None:
        raise RuntimeError("no revision written")
    text = path.read_text()
    text = re.sub(r"desktop_app\.store\.types\.UTCDateTime\(length=32\)", "sa.String(length=32)",
                  text)
    text = re.sub(r"desktop_app\.store\.types\.ISODate\(length=10\)", "sa.String(length=10)", text)
    text = re.sub(r"desktop_app\.store\.types\.JSONText\(\)", "sa.Text()", text)
    text = text.replace("import desktop_app.store.types\n", "")
    path.write_text(text)
    return path


if __name__ == "__main__":
    import sys

    print(new_revision(sys.argv[1], sys.argv[2]))
