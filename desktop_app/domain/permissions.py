"""Roles and permissions (DOMAIN.md, Staff). Services check these; hiding a button is not enough."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Permission(StrEnum):
    MEMBER_CREATE = "member.create"
    MEMBER_EDIT = "member.edit"
    MEMBER_MERGE = "member.merge"
    MEMBER_EXPORT = "member.export"
    CHECKIN_RECORD = "checkin.record"
    CHECKIN_OVERRIDE = "checkin.override"
    CHECKIN_VOID = "checkin.void"
    BOOKING_MANAGE = "booking.manage"
    SALE_CREATE = "sale.create"
    SALE_DISCOUNT_ANY = "sale.discount_any"
    SALE_REFUND = "sale.refund"
    POINTS_ADJUST = "points.adjust"
    STOREDVALUE_TOPUP = "storedvalue.topup"
    STOREDVALUE_REFUND = "storedvalue.refund"
    SHIFT_CLOSE = "shift.close"
    REPORT_VIEW = "report.view"
    SETTINGS_MANAGE = "settings.manage"
    STAFF_MANAGE = "staff.manage"
    DRAWER_OPEN = "drawer.open"
    ENTITLEMENT_SELL = "entitlement.sell"


class Role(StrEnum):
    CASHIER = "cashier"
    FRONT_DESK = "front_desk"
    MANAGER = "manager"
    ADMIN = "admin"


P = Permission
_CASHIER = frozenset(
    {
        P.MEMBER_CREATE,
        P.MEMBER_EDIT,
        P.SALE_CREATE,
        P.STOREDVALUE_TOPUP,
        P.DRAWER_OPEN,
        P.CHECKIN_RECORD,
    }
)
_FRONT_DESK = frozenset(
    {
        P.MEMBER_CREATE,
        P.MEMBER_EDIT,
        P.CHECKIN_RECORD,
        P.BOOKING_MANAGE,
        P.SALE_CREATE,
        P.ENTITLEMENT_SELL,
        P.STOREDVALUE_TOPUP,
    }
)
_MANAGER = frozenset(Permission) - {P.SETTINGS_MANAGE, P.STAFF_MANAGE}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CASHIER: _CASHIER,
    Role.FRONT_DESK: _FRONT_DESK,
    Role.MANAGER: _MANAGER,
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """A signed-in staff member, as services see them: an immutable value, safe to hand to
    a worker thread."""

    staff_id: str
    code: str
    name: str
    role: Role

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS[self.role]

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions


@dataclass(frozen=True, slots=True)
class Authority:
    """Who did an action and, when a manager approved it with their PIN, who approved it."""

    actor: Actor
    approver: Actor | None = None


def authorise(actor: Actor, permission: Permission, approver: Actor | None = None) -> Authority:
    """Allow `actor` to do what needs `permission`, on their own or with a manager's approval.

    Raises PermissionDenied naming the actor when neither holds the permission.
    """
    from desktop_app.domain.errors import PermissionDenied

    if actor.can(permission):
        return Authority(actor, None)
    if approver is not None and approver.can(permission):
        return Authority(actor, approver)
    raise PermissionDenied(permission.value, actor.code)
