"""Sign-in with staff code and PIN, lockout, and a manager's one-time approval."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop_app.domain.errors import (
    AuthenticationFailed,
    Conflict,
    PermissionDenied,
    StaffLocked,
    ValidationError,
)
from desktop_app.domain.permissions import Permission, Role
from desktop_app.store.models import AuditEntry, Staff


def test_a_new_database_asks_for_the_first_admin_once(services) -> None:
    assert services.auth.needs_first_admin()
    admin = services.auth.create_first_admin("admin", "Ada", "1111")
    assert admin.role is Role.ADMIN and not services.auth.needs_first_admin()
    with pytest.raises(Conflict):
        services.auth.create_first_admin("other", "Eve", "2222")


def test_pins_are_stored_as_slow_salted_hashes(services, admin) -> None:
    with services.db.read() as s:
        pin_hash = s.scalar(select(Staff.pin_hash).where(Staff.code == "admin"))
    assert pin_hash.startswith("$argon2id$") and "1111" not in pin_hash


@pytest.mark.parametrize("pin", ["12", "abcd", "123456789", "12 34"])
def test_bad_pins_are_refused(services, pin) -> None:
    with pytest.raises(ValidationError):
        services.auth.create_first_admin("admin", "Ada", pin)


def test_sign_in_with_the_right_pin(services, admin) -> None:
    assert services.auth.sign_in("admin", "1111") == admin
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("admin", "1112")
    with pytest.raises(AuthenticationFailed):
        services.auth.sign_in("nobody", "1111")


def test_five_wrong_pins_lock_the_code_for_five_minutes(services, admin, clock) -> None:
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("admin", "0000")
    with pytest.raises(StaffLocked):
        services.auth.sign_in("admin", "0000")
    with pytest.raises(StaffLocked):  # even the right PIN, while locked
        services.auth.sign_in("admin", "1111")
    clock.advance(minutes=5, seconds=1)
    assert services.auth.sign_in("admin", "1111") == admin
    with services.db.read() as s:
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
    assert actions.count("staff.sign_in_failed") == 5
    assert actions.count("staff.locked") == 1 and "staff.sign_in_refused" in actions


def test_a_right_pin_resets_the_count(services, admin) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("admin", "0000")
    services.auth.sign_in("admin", "1111")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            services.auth.sign_in("admin", "0000")


def test_a_manager_approves_one_action_and_both_names_are_kept(services, admin,
                                                                staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    manager = staff_of(Role.MANAGER)
    desk = staff_of(Role.FRONT_DESK)
    approver = services.auth.approve(manager.code, "2468", Permission.MEMBER_EXPORT)
    assert approver == manager
    with pytest.raises(PermissionDenied):
        services.auth.approve(desk.code, "2468", Permission.SALE_REFUND)
    with pytest.raises(AuthenticationFailed):
        services.auth.approve(manager.code, "0000", Permission.SALE_REFUND)
    # The service records both the cashier and the approving manager.
    from desktop_app.domain.permissions import authorise
    from desktop_app.store.uow import UnitOfWork

    with UnitOfWork(services.db, services.clock,
                    authorise(cashier, Permission.SALE_REFUND, approver)) as uow:
        uow.audit("sale.refund", details={"sale": "test"})
    with services.db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert (last.actor_name, last.approver_name) == (cashier.name, manager.name)
