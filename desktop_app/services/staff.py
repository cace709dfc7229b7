"""Managing staff: accounts, roles and PINs. Needs `staff.manage`; every change is audited."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain.contact import clean_name
from desktop_app.domain.errors import Conflict, NotFound
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission, Role
from desktop_app.services.auth import AuthService, actor_of, validate_pin, validate_staff_code
from desktop_app.services.base import Service
from desktop_app.store.models import Staff


class StaffService(Service):
    def __init__(self, auth: AuthService) -> None:
        super().__init__(auth._db, auth._clock)
        self._hasher = auth.hasher

    def create(self, actor: Actor, code: str, name: str, role: Role, pin: str) -> Actor:
        code, name, pin = validate_staff_code(code), clean_name(name), validate_pin(pin)
        pin_hash = self._hasher.hash(pin)
        with self._authorised(actor, Permission.STAFF_MANAGE) as uow:
            if uow.session.scalar(select(Staff.id).where(Staff.code == code)):
                raise Conflict("staff code already in use", code=code)
            staff = Staff(code=code, name=name, role=Role(role).value, pin_hash=pin_hash)
            uow.stamp_new(staff, new_id())
            uow.session.add(staff)
            op = uow.op(
                "staff.upsert.v1", {"id": staff.id, "code": code, "name": name, "role": staff.role}
            )
            uow.audit(
                "staff.create",
                entity="staff",
                entity_id=staff.id,
                details={"code": code, "role": staff.role},
                op=op,
            )
            return actor_of(staff)

    def set_pin(self, actor: Actor, staff_id: str, pin: str) -> None:
        pin_hash = self._hasher.hash(validate_pin(pin))
        with self._authorised(actor, Permission.STAFF_MANAGE) as uow:
            staff = uow.session.get(Staff, staff_id)
            if staff is None:
                raise NotFound("no such staff member", staff_id=staff_id)
            staff.pin_hash, staff.failed_pins, staff.locked_until = pin_hash, 0, None
            uow.stamp_changed(staff)
            uow.audit("staff.pin_reset", entity="staff", entity_id=staff_id)

    def set_active(self, actor: Actor, staff_id: str, active: bool) -> None:
        with self._authorised(actor, Permission.STAFF_MANAGE) as uow:
            staff = uow.session.get(Staff, staff_id)
            if staff is None:
                raise NotFound("no such staff member", staff_id=staff_id)
            staff.active = active
            uow.stamp_changed(staff)
            op = uow.op("staff.upsert.v1", {"id": staff.id, "active": active})
            uow.audit(
                "staff.activate" if active else "staff.deactivate",
                entity="staff",
                entity_id=staff_id,
                op=op,
            )
