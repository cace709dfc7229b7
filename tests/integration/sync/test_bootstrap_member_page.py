"""A columnar member page is stored as it came (the server sends the desk's stored forms); a
page whose times are not in that form is refused whole; a number clash part-way through a
page still loads every member, the local holder parked on a placeholder."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import text

from desktop_app.domain.codes import member_number_from_serial
from desktop_app.domain.ids import new_id
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import Member
from desktop_app.store.sync_store import SyncStore
from desktop_app.sync.protocol import MEMBER_PAGE_FIELDS, BootstrapPage

STAMP = "2026-03-01T08:30:00.123456Z"
COLUMNS = list(reversed(MEMBER_PAGE_FIELDS))  # any order the server chooses


def _row(serial: int, **fields: Any) -> list[Any]:
    values: dict[str, Any] = dict.fromkeys(MEMBER_PAGE_FIELDS)
    values.update(id=new_id(), number=member_number_from_serial(serial), name=f"会员 {serial}",
                  phone=f"13800{serial:06d}", status="active", note_flagged=0, consent_sms=1,
                  consent_email=0, notes="", points_balance=serial, created_at=STAMP,
                  updated_at=STAMP)  # fmt: skip
    values.update(fields)
    return [values[c] for c in COLUMNS]


def _page(rows: list[list[Any]]) -> BootstrapPage:
    return BootstrapPage(entity="member", columns=COLUMNS, rows=rows, after=rows[-1][-1],
                         more=True, total=None)  # fmt: skip


def _members(services: Any) -> dict[str, tuple[Any, ...]]:
    with services.db.read() as s:
        return {r[0]: tuple(r[1:]) for r in s.execute(text(
            "SELECT id, number, name, phone_last4, consent_sms, points_balance, created_at "
            "FROM members"))}  # fmt: skip


def test_a_page_is_stored_in_the_form_it_came(services, clock) -> None:
    rows = [_row(100 + i) for i in range(5)]
    rows.append(_row(200, phone=None, name="<b>x</b>"))
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(rows), clock.now())
    store.finish_bootstrap("0.0", 0)
    stored = _members(services)
    at = {c: COLUMNS.index(c) for c in ("id", "number", "name", "phone", "points_balance")}
    assert len(stored) == 6
    for row in rows:
        number, name, last4, sms, points, created = stored[row[at["id"]]]
        assert number == row[at["number"]] and points == row[at["points_balance"]]
        assert name == row[at["name"]]  # "<b>x</b>" too: stored as text, never interpreted
        assert last4 == (row[at["phone"]][-4:] if row[at["phone"]] else None)
        assert sms == 1 and created == STAMP
    with services.db.read() as s:  # the ORM reads the stored form back
        member = s.get(Member, rows[0][at["id"]])
        assert member is not None and member.created_at == datetime.fromisoformat(STAMP)


def test_a_page_with_a_time_not_in_stored_form_is_refused_whole(services, clock) -> None:
    store = SyncStore(services.db)
    for wrong in ("2026-03-01T08:30:00+00:00", None):
        rows = [_row(300), _row(301, created_at=wrong)]
        with pytest.raises(ValueError, match="stored form"):
            store.apply_bootstrap_page(_page(rows), clock.now())
    store.finish_bootstrap("0.0", 0)
    assert _members(services) == {}


def test_a_member_page_without_our_columns_is_refused_whole(services, clock) -> None:
    store = SyncStore(services.db)
    objects = [dict(zip(COLUMNS, _row(400), strict=True))]
    missing = [c for c in COLUMNS if c != "notes"]
    short = [v for c, v in zip(COLUMNS, _row(401), strict=True) if c != "notes"]
    for page in (
        BootstrapPage(entity="member", rows=objects, after=None, more=False, total=1),
        BootstrapPage(entity="member", columns=missing, rows=[short], after=None,
                      more=False, total=1),
    ):  # fmt: skip
        with pytest.raises(ValueError, match="columns not understood"):
            store.apply_bootstrap_page(page, clock.now())
    assert _members(services) == {}


def test_a_number_clash_part_way_through_a_page_loads_every_member(
    services, admin, clock
) -> None:
    local = services.members.create(admin, MemberDraft(name="Made here", phone="13900001111"))
    serial = int(local.number[:-1])
    rows = [_row(serial + 10), _row(serial + 11), _row(serial), _row(serial + 12)]
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(rows), clock.now())
    store.finish_bootstrap("0.0", 0)
    stored = _members(services)
    id_at = COLUMNS.index("id")
    assert {r[id_at] for r in rows} < stored.keys()
    assert stored[rows[2][id_at]][0] == local.number  # the server's member has the number
    assert stored[local.id][0].startswith("P")  # ours waits for the server's renumbering


def test_the_desk_numbers_its_own_members_past_the_ones_it_loaded(services, admin, clock) -> None:
    rows = [_row(41), _row(7), _row(90_000_005), _row(12)]  # the last but one: server-issued
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(rows), clock.now())
    store.finish_bootstrap("0.0", 0)
    made = services.members.create(admin, MemberDraft(name="Next", phone="13900002222"))
    assert made.number == member_number_from_serial(42)
