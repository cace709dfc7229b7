"""Fixtures for checkout service tests: a cashier, a manager, a member with points."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.domain.permissions import Role
from desktop_app.services.members import MemberDraft

CSV = (
    "barcode,name,price,category,points_multiplier\n"
    "690000000001,Water 矿泉水,3.50,drinks,\n"
    "690000000002,Protein bar,12,snacks,2\n"
    "690000000003,Gift card,100,gifts,0\n"
    "690000000004,Towel 毛巾,30,goods,\n"
).encode()


@pytest.fixture
def cashier(staff_of):
    return staff_of(Role.CASHIER)


@pytest.fixture
def manager(staff_of):
    return staff_of(Role.MANAGER)


@pytest.fixture
def catalogue(services, admin):
    report = services.sales.catalogue.import_csv(admin, CSV)
    assert report.created == 4
    return {p.barcode: p for p in services.sales.catalogue.search("69")}


@pytest.fixture
def member(services, admin):
    m = services.members.create(admin, MemberDraft(name="张三", phone="13800138000"))
    services.sales.points.adjust(admin, m.id, 5000, "welcome", date(2026, 3, 2))
    return m
