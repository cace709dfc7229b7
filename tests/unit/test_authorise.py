"""Roles grant permissions; a manager's approval lends one for a single action."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import PermissionDenied
from desktop_app.domain.permissions import (
    ROLE_PERMISSIONS,
    Actor,
    Permission,
    Role,
    authorise,
)


def actor(role: Role) -> Actor:
    return Actor(staff_id=f"id-{role}", code=role.value, name=role.value, role=role)


@pytest.mark.parametrize("permission", list(Permission))
def test_every_permission_is_refused_to_a_role_without_it(permission: Permission) -> None:
    lacking = [r for r in Role if permission not in ROLE_PERMISSIONS[r]]
    holding = [r for r in Role if permission in ROLE_PERMISSIONS[r]]
    assert holding, f"no role holds {permission}"
    for role in lacking:
        with pytest.raises(PermissionDenied) as err:
            authorise(actor(role), permission)
        assert err.value.permission == permission.value
        approver = actor(holding[-1])
        granted = authorise(actor(role), permission, approver=approver)
        assert granted.actor.role is role and granted.approver == approver
    for role in holding:
        assert authorise(actor(role), permission).approver is None


def test_an_approver_without_the_permission_does_not_help() -> None:
    with pytest.raises(PermissionDenied):
        authorise(actor(Role.CASHIER), Permission.SALE_REFUND, approver=actor(Role.FRONT_DESK))


def test_the_roles_follow_the_domain_rules() -> None:
    cashier = ROLE_PERMISSIONS[Role.CASHIER]
    assert Permission.SALE_CREATE in cashier and Permission.SALE_REFUND not in cashier
    assert Permission.SALE_DISCOUNT_ANY not in cashier
    assert Permission.CHECKIN_OVERRIDE not in ROLE_PERMISSIONS[Role.FRONT_DESK]
    assert Permission.SALE_REFUND in ROLE_PERMISSIONS[Role.MANAGER]
    assert Permission.STAFF_MANAGE not in ROLE_PERMISSIONS[Role.MANAGER]
    assert ROLE_PERMISSIONS[Role.ADMIN] == frozenset(Permission)
