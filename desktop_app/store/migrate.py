"""Schema migrations with Alembic, run at start-up. When the file already holds data and a
migration is pending, a backup copy is taken first.

Alembic itself is imported only when a migration is due: importing it costs about 0.6 s,
and on a normal start the schema is already at head, which `pending_from` tells by reading
the revision ids straight from the migration files."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from desktop_app.store.backup import backup_database

if TYPE_CHECKING:
    from alembic.config import Config

    from desktop_app.store.db import Database

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)


@lru_cache(maxsize=1)
def head_from_files() -> str | None:
    """The head of the (linear) revision chain, read from the files without Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if found := _REVISION.search(source):
            revisions.add(found.group(1))
        if down := _DOWN.search(source):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None  # None: let Alembic decide


def stamped_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate_to_head(db: Database, backup_dir: Path) -> Path | None:
    """Bring the schema to the newest revision; returns the backup taken, if any."""
    fast_head = head_from_files()
    if fast_head is not None and stamped_revision(db) == fast_head:
        return None  # the common case, decided without importing Alembic
    from alembic import command

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


def new_revision(message: str, rev_id: str) -> Path:  # a developer's tool, not run by the desk
    """Autogenerate a migration from the models against a scratch database at head.
    `python -m desktop_app.store.migrate "add check-ins" 0002`. Read the result before you
    commit it: column types are written as plain SQL types so old migrations never change
    when a Python type does."""
    import tempfile

    from alembic import command

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
