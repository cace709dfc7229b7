"""Backups without anyone thinking of them: an automatic one when the last is older than the
setting says (checked at start-up and then hourly by the desk), the last N kept, manual ones
on demand, and a restore from Settings that needs `settings.manage`."""

from __future__ import annotations

import platform
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

from desktop_app import __version__
from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import DomainError, NotFound
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.services.base import Service
from desktop_app.services.settings import SettingsService
from desktop_app.store.backup import (
    BackupFile,
    backup_database,
    integrity_ok,
    list_backups,
    restore_into,
)
from desktop_app.store.checks import check_database
from desktop_app.store.db import Database
from desktop_app.store.state import forget_device_identity

AUTO = "auto"


class BackupDamaged(DomainError):
    code = "backup_damaged"


class BackupService(Service):
    def __init__(self, db: Database, clock: Clock, settings: SettingsService,
                 backup_dir: Path) -> None:
        super().__init__(db, clock)
        self._settings = settings
        self.backup_dir = backup_dir

    def backups(self) -> list[BackupFile]:
        return list_backups(self.backup_dir, self._db.path.stem)

    def take(self, label: str = "manual") -> BackupFile:
        path = backup_database(self._db.path, self.backup_dir, label, self._clock.now())
        return next(b for b in self.backups() if b.path == path)

    def take_if_due(self) -> BackupFile | None:
        """The automatic backup: taken when the newest one is older than
        `backup_every_hours`; keeps the newest `backups_kept` automatic ones."""
        rules = self._settings.current()
        autos = [b for b in self.backups() if b.label == AUTO]
        due = not autos or (self._clock.now() - autos[0].taken_at
                            >= timedelta(hours=rules.backup_every_hours))
        taken = self.take(AUTO) if due else None
        for old in [b for b in self.backups() if b.label == AUTO][rules.backups_kept:]:
            old.path.unlink(missing_ok=True)
        return taken

    def restore(self, actor: Actor, backup: Path) -> BackupFile:
        """Replace the database with `backup`. The current state is first saved as a
        `pre-restore` backup, so a restore can itself be undone. Returns that safety copy."""
        with self._authorised(actor, Permission.SETTINGS_MANAGE):
            pass  # the permission check, before anything is touched
        if backup not in {b.path for b in self.backups()}:
            raise NotFound("no such backup", path=str(backup))
        if not integrity_ok(backup):
            raise BackupDamaged("the backup file fails its integrity check", path=str(backup))
        safety = self.take("pre-restore")
        self._db.engine.dispose()  # no pooled connection may keep the old pages
        restore_into(backup, self._db.path)
        with self._authorised(actor, Permission.SETTINGS_MANAGE) as uow:
            forget_device_identity(uow.session)
            uow.audit("backup.restore", details={"from": backup.name,
                                                 "safety_copy": safety.path.name})
        return safety

    def support_bundle(self, log_dir: Path, dest: Path) -> Path:
        """A zip for support: logs, the check-db report and versions. No database, so no
        member data leaves the desk this way."""
        problems = check_database(self._db)
        report = "\n".join([f"frontdesk {__version__}", f"python {sys.version}",
                            f"platform {platform.platform()}", f"database {self._db.path}",
                            "check-db: " + ("ok" if not problems else "PROBLEMS"), *problems])
        dest.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr("report.txt", report + "\n")
            for log in sorted(log_dir.glob("*.log*")):
                bundle.write(log, f"logs/{log.name}")
        return dest
