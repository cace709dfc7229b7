"""The server's settings, declared once and read from the environment.

FRONTDESK_SERVER_DB_URL   database URL; default an SQLite file in the data folder.
                          PostgreSQL: postgresql+psycopg://user@host/db (psycopg 3).
FRONTDESK_DATA_DIR        data folder (default: the platform's user data folder).
FRONTDESK_TOMBSTONE_DAYS  how long deletes stay in the change log (at least 90).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

CLOCK_SKEW_LIMIT_S = 5 * 60  # SYNC.md: clocks more than 5 minutes ahead are clamped


def data_dir() -> Path:
    found = os.environ.get("FRONTDESK_DATA_DIR")
    return Path(found) if found else Path(platformdirs.user_data_dir("frontdesk-server"))


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 here, never psycopg2."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    tombstone_days: int = 90
    pull_page_max: int = 1000
    bootstrap_page_max: int = 10_000
    events_wait_s: float = 25.0
    # Tests only: sleep this long inside each op so a kill lands mid-batch.
    op_delay_ms: int = 0

    @classmethod
    def from_env(cls) -> Settings:
        url = os.environ.get("FRONTDESK_SERVER_DB_URL")
        if not url:
            folder = data_dir()
            folder.mkdir(parents=True, exist_ok=True)
            url = f"sqlite+pysqlite:///{folder / 'server.sqlite3'}"
        return cls(
            database_url=normalise_url(url),
            tombstone_days=max(90, int(os.environ.get("FRONTDESK_TOMBSTONE_DAYS", "90"))),
            op_delay_ms=int(os.environ.get("FRONTDESK_SERVER_OP_DELAY_MS", "0")),
            events_wait_s=float(os.environ.get("FRONTDESK_EVENTS_WAIT_S", "25")),
        )

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
