"""All the desk's services over one database, built in one place (used by the Qt composition
root and the command line alike)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher

from desktop_app.domain.clock import Clock
from desktop_app.services.auth import AuthService
from desktop_app.services.backups import BackupService
from desktop_app.services.checkin import CheckinService
from desktop_app.services.classes import ClassService
from desktop_app.services.entitlements import EntitlementService
from desktop_app.services.lookup import LookupService
from desktop_app.services.member_transfer import MemberTransferService
from desktop_app.services.members import MemberService
from desktop_app.services.profiles import ProfileService
from desktop_app.services.printing import PrintingService
from desktop_app.services.reports import ReportService
from desktop_app.services.sales import SalesServices
from desktop_app.services.settings import SettingsService
from desktop_app.services.staff import StaffService
from desktop_app.store.db import Database


@dataclass(frozen=True, slots=True)
class Services:
    db: Database
    clock: Clock
    settings: SettingsService
    auth: AuthService
    staff: StaffService
    members: MemberService
    lookup: LookupService
    transfer: MemberTransferService
    profiles: ProfileService
    backups: BackupService
    printing: PrintingService
    checkin: CheckinService
    classes: ClassService
    entitlements: EntitlementService
    sales: SalesServices  # checkout, refunds, points, stored value, shifts, catalogue
    reports: ReportService

    @classmethod
    def open(cls, db_path: Path, clock: Clock, backup_dir: Path | None = None,
             pin_hasher: PasswordHasher | None = None) -> Services:
        """Open (and migrate, after a backup) the database at `db_path`. Call it off the GUI
        thread: a migration can take a while."""
        db = Database(db_path, backup_dir=backup_dir)
        return cls.over(db, clock, pin_hasher, backup_dir)

    @classmethod
    def over(cls, db: Database, clock: Clock, pin_hasher: PasswordHasher | None = None,
             backup_dir: Path | None = None) -> Services:
        settings = SettingsService(db, clock)
        auth = AuthService(db, clock, settings, pin_hasher)
        return cls(
            db=db,
            clock=clock,
            settings=settings,
            auth=auth,
            staff=StaffService(auth),
            members=MemberService(db, clock),
            lookup=LookupService(db, clock),
            transfer=MemberTransferService(db, clock),
            profiles=ProfileService(db, clock),
            backups=BackupService(db, clock, settings, backup_dir or db.path.parent / "backups"),
            printing=PrintingService(db, clock),
            checkin=CheckinService(db, clock),
            classes=ClassService(db, clock),
            entitlements=EntitlementService(db, clock),
            sales=SalesServices.over(db, clock),
            reports=ReportService(db, clock),
        )

    def close(self) -> None:
        self.db.close()
