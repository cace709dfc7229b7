"""Staff sign-in, lockout and a manager's one-time approval (DOMAIN.md, Staff).

PINs are stored as argon2 hashes. Wrong PINs are counted per staff code and audited; after
`pin_attempts` in a row the code is locked for `pin_lock_minutes`.
"""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from desktop_app.domain.clock import Clock
from desktop_app.domain.contact import clean_name
from desktop_app.domain.errors import (
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    StaffLocked,
    ValidationError,
)
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Authority, Permission, Role
from desktop_app.services.base import Service
from desktop_app.services.settings import SettingsService
from desktop_app.store.db import Database
from desktop_app.store.models import Staff


def validate_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValidationError("pin", "bad_pin", "a PIN is 4 to 8 digits")
    return pin


def validate_staff_code(code: str) -> str:
    code = code.strip()
    if not (code.isascii() and code.isalnum() and 1 <= len(code) <= 32):
        raise ValidationError("code", "bad_staff_code", "a staff code is 1 to 32 letters or digits")
    return code


def actor_of(staff: Staff) -> Actor:
    return Actor(staff_id=staff.id, code=staff.code, name=staff.name, role=Role(staff.role))


class AuthService(Service):
    def __init__(
        self,
        db: Database,
        clock: Clock,
        settings: SettingsService,
        hasher: PasswordHasher | None = None,
    ) -> None:
        super().__init__(db, clock)
        self._settings = settings
        self.hasher = hasher or PasswordHasher()

    def needs_first_admin(self) -> bool:
        with self._db.read() as session:
            return not session.scalar(select(func.count()).select_from(Staff))

    def create_first_admin(self, code: str, name: str, pin: str) -> Actor:
        code, name, pin = validate_staff_code(code), clean_name(name), validate_pin(pin)
        pin_hash = self.hasher.hash(pin)  # slow on purpose: outside the write lock
        with self._unit() as uow:
            # Checked inside the write transaction, so two first runs cannot both succeed.
            if uow.session.scalar(select(func.count()).select_from(Staff)):
                raise Conflict("the first admin already exists")
            staff = Staff(code=code, name=name, role=Role.ADMIN.value, pin_hash=pin_hash)
            uow.stamp_new(staff, new_id())
            uow.session.add(staff)
            actor = actor_of(staff)
            uow.authority = Authority(actor)
            op = uow.op(
                "staff.upsert.v1", {"id": staff.id, "code": code, "name": name, "role": staff.role}
            )
            uow.audit("staff.first_admin", entity="staff", entity_id=staff.id, op=op)
        return actor

    def sign_in(self, code: str, pin: str) -> Actor:
        """The signed-in actor, or AuthenticationFailed / StaffLocked. Every failure is audited."""
        rules = self._settings.current()
        with self._unit() as uow:
            staff = uow.session.scalar(select(Staff).where(Staff.code == code.strip()))
            if staff is None or not staff.active:
                uow.audit(
                    "staff.sign_in_failed", details={"code": code[:32], "reason": "unknown_code"}
                )
                failure: Exception = AuthenticationFailed("unknown staff code or wrong PIN")
            elif staff.locked_until is not None and staff.locked_until > uow.now:
                uow.audit(
                    "staff.sign_in_refused",
                    entity="staff",
                    entity_id=staff.id,
                    details={"reason": "locked"},
                )
                failure = StaffLocked("staff code locked", until=staff.locked_until.isoformat())
            elif self._pin_matches(staff, pin):
                staff.failed_pins, staff.locked_until = 0, None
                return actor_of(staff)
            else:
                staff.failed_pins += 1
                uow.audit(
                    "staff.sign_in_failed",
                    entity="staff",
                    entity_id=staff.id,
                    details={"reason": "wrong_pin", "in_a_row": staff.failed_pins},
                )
                failure = AuthenticationFailed("unknown staff code or wrong PIN")
                if staff.failed_pins >= rules.pin_attempts:
                    staff.locked_until = uow.now + timedelta(minutes=rules.pin_lock_minutes)
                    staff.failed_pins = 0
                    uow.audit(
                        "staff.locked",
                        entity="staff",
                        entity_id=staff.id,
                        details={"until": staff.locked_until.isoformat()},
                    )
                    failure = StaffLocked("staff code locked", until=staff.locked_until.isoformat())
        # Raised after the commit, so the count and the audit entries are kept.
        raise failure

    def approve(self, code: str, pin: str, permission: Permission) -> Actor:
        """A manager's PIN, given on a cashier's screen for one action. The service that does
        the action records both names."""
        approver = self.sign_in(code, pin)
        if not approver.can(permission):
            raise PermissionDenied(permission.value, approver.code)
        return approver

    def _pin_matches(self, staff: Staff, pin: str) -> bool:
        try:
            return self.hasher.verify(staff.pin_hash, pin)
        except (VerificationError, InvalidHashError):
            return False
