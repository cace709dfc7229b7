"""Where the desk keeps its files. Everything is under one data folder, chosen (in order) by
`--data-dir`, the FRONTDESK_DATA_DIR variable, or the platform's user data folder; tests
point it at a temporary folder so they never touch a real user's files."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Frontdesk"


def repo_resources() -> Path:
    """The `resources/` folder: beside the package when run from source, inside the bundle
    when frozen by PyInstaller."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True, slots=True)
class DataPaths:
    root: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> DataPaths:
        chosen = data_dir or os.environ.get("FRONTDESK_DATA_DIR")
        root = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, False))
        return cls(root.expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.root / "frontdesk.sqlite3"

    @property
    def demo_database(self) -> Path:
        return self.root / "demo.sqlite3"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def config(self) -> Path:
        """Window geometry and the chosen language: per machine, kept apart from store settings."""
        return self.root / "config"

    def ensure(self) -> DataPaths:
        for p in (self.root, self.backups, self.logs, self.config):
            p.mkdir(parents=True, exist_ok=True)
        return self
