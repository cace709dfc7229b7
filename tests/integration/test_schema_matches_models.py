"""The migrations build exactly the schema the models describe: a model change without its
migration (or the reverse) fails here."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from desktop_app.store.db import Database
from desktop_app.store.schema import metadata


def test_migrated_database_matches_the_models(tmp_path: Path) -> None:
    db = Database(tmp_path / "schema.sqlite3")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    db.close()
    assert diff == [], "run a migration for: " + repr(diff)
