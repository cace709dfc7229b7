"""All the desk's services over one database, built in one place (used by the Qt composition
root and the command line alike).

Sign-in needs only the settings and the staff accounts; the feature services (and what they
import: receipts, reports, sync, ...) are built on first use, so a desk opens its database
and shows a usable sign-in screen sooner. `warm()` builds the rest ahead of need, off the GUI
thread."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from argon2 import PasswordHasher

from desktop_app.domain.clock import Clock
from desktop_app.services.auth import AuthService
from desktop_app.services.settings import SettingsService
from desktop_app.store.db import Database

if TYPE_CHECKING:
    from desktop_app.services.backups import BackupService
    from desktop_app.services.checkin import CheckinService
    from desktop_app.services.classes import ClassService
    from desktop_app.services.entitlements import EntitlementService
    from desktop_app.services.lookup import LookupService
    from desktop_app.services.member_transfer import MemberTransferService
    from desktop_app.services.members import MemberService
    from desktop_app.services.printing import PrintingService
    from desktop_app.services.profiles import ProfileService
    from desktop_app.services.reports import ReportService
    from desktop_app.services.sales import SalesServices
    from desktop_app.services.staff import StaffService


class Services:
    FEATURES = ("staff", "members", "lookup", "transfer", "profiles", "backups", "printing",
                "checkin", "classes", "entitlements", "sales", "reports")

    def __init__(self, db: Database, clock: Clock, pin_hasher: PasswordHasher | None = None,
                 backup_dir: Path | None = None) -> None:
        self.db = db
        self.clock = clock
        self.settings = SettingsService(db, clock)
        self.auth = AuthService(db, clock, self.settings, pin_hasher)
        self._backup_dir = backup_dir or db.path.parent / "backups"

    @classmethod
    def open(cls, db_path: Path, clock: Clock, backup_dir: Path | None = None,
             pin_hasher: PasswordHasher | None = None) -> Services:
        """Open (and migrate, after a backup) the database at `db_path`. Call it off the GUI
        thread: a migration can take a while."""
        db = Database(db_path, backup_dir=backup_dir)
        return cls(db, clock, pin_hasher, backup_dir)

    @classmethod
    def over(cls, db: Database, clock: Clock, pin_hasher: PasswordHasher | None = None,
             backup_dir: Path | None = None) -> Services:
        return cls(db, clock, pin_hasher, backup_dir)

    def warm(self) -> None:
        """Build every feature service now (imports included), e.g. while staff type a PIN."""
        for name in self.FEATURES:
            getattr(self, name)

    @cached_property
    def staff(self) -> StaffService:
        from desktop_app.services.staff import StaffService

        return StaffService(self.auth)

    @cached_property
    def members(self) -> MemberService:
        from desktop_app.services.members import MemberService

        return MemberService(self.db, self.clock)

    @cached_property
    def lookup(self) -> LookupService:
        from desktop_app.services.lookup import LookupService

        return LookupService(self.db, self.clock)

    @cached_property
    def transfer(self) -> MemberTransferService:
        from desktop_app.services.member_transfer import MemberTransferService

        return MemberTransferService(self.db, self.clock)

    @cached_property
    def profiles(self) -> ProfileService:
        from desktop_app.services.profiles import ProfileService

        return ProfileService(self.db, self.clock)

    @cached_property
    def backups(self) -> BackupService:
        from desktop_app.services.backups import BackupService

        return BackupService(self.db, self.clock, self.settings, self._backup_dir)

    @cached_property
    def printing(self) -> PrintingService:
        from desktop_app.services.printing import PrintingService

        return PrintingService(self.db, self.clock)

    @cached_property
    def checkin(self) -> CheckinService:
        from desktop_app.services.checkin import CheckinService

        return CheckinService(self.db, self.clock)

    @cached_property
    def classes(self) -> ClassService:
        from desktop_app.services.classes import ClassService

        return ClassService(self.db, self.clock)

    @cached_property
    def entitlements(self) -> EntitlementService:
        from desktop_app.services.entitlements import EntitlementService

        return EntitlementService(self.db, self.clock)

    @cached_property
    def sales(self) -> SalesServices:
        """Checkout, refunds, points, stored value, shifts, catalogue."""
        from desktop_app.services.sales import SalesServices

        return SalesServices.over(self.db, self.clock)

    @cached_property
    def reports(self) -> ReportService:
        from desktop_app.services.reports import ReportService

        return ReportService(self.db, self.clock)

    def close(self) -> None:
        self.db.close()
