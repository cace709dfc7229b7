"""Copies of the database taken with SQLite's online backup API: consistent even while the
desk keeps writing, unlike a file copy of a WAL database."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path


def backup_database(source: Path, dest_dir: Path, label: str) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = dest_dir / f"{source.stem}-{label}-{stamp}.sqlite3"
    partial = dest.with_suffix(".partial")
    src = sqlite3.connect(source)
    try:
        out = sqlite3.connect(partial)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    partial.replace(dest)  # a half-written backup never carries the final name
    return dest
