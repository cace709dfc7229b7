"""Copies of the database taken with SQLite's online backup API: consistent even while the
desk keeps writing (it copies one snapshot), unlike a file copy of a WAL database."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

SUFFIX = ".sqlite3"


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    label: str
    taken_at: datetime
    size_bytes: int


def _copy(source: Path, dest: Path) -> None:
    src = sqlite3.connect(source)
    try:
        out = sqlite3.connect(dest)
        try:
            src.backup(out)  # all pages in one step: one consistent snapshot
        finally:
            out.close()
    finally:
        src.close()


def backup_database(source: Path, dest_dir: Path, label: str,
                    now: datetime | None = None) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    while True:  # two backups in the same microsecond (a frozen clock) must not collide
        stamp = when.strftime("%Y%m%dT%H%M%S%fZ")
        dest = dest_dir / f"{source.stem}--{label}--{stamp}{SUFFIX}"
        if not dest.exists():
            break
        when += timedelta(microseconds=1)
    partial = dest.with_suffix(".partial")
    _copy(source, partial)
    partial.replace(dest)  # a half-written backup never carries the final name
    return dest


def list_backups(dest_dir: Path, stem: str) -> list[BackupFile]:
    """The backups of database `stem`, newest first."""
    found: list[BackupFile] = []
    if not dest_dir.exists():
        return found
    for path in dest_dir.glob(f"{stem}--*--*{SUFFIX}"):
        try:
            _, label, stamp = path.stem.split("--")
            taken = datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
        except ValueError:
            continue  # not one of ours
        found.append(BackupFile(path, label, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def integrity_ok(path: Path) -> bool:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def restore_into(backup: Path, live: Path) -> None:
    """Overwrite the live database with a backup's content, through the backup API so the
    live file's WAL and any reader stay consistent. The caller has closed its engine."""
    _copy(backup, live)
