"""The server's own Alembic migrations (central_server/migrations), separate from the desk's."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from central_server.db import ServerDatabase

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def upgrade(db: ServerDatabase) -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
