"""The last 4 digits of a phone as a key of the search index itself (kind PHONE_LAST4): one
equality lookup, kept in the same transaction as every member write, moved when the phone
changes, dropped when a member is merged, built in bulk and backfilled by migration 0700."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop_app.domain.member_query import TermKind
from desktop_app.services.members import MemberDraft
from desktop_app.store.search import build_search_index
from desktop_app.store.search_models import MemberSearchTerm

LAST4 = int(TermKind.PHONE_LAST4)


def make(services, admin, name, phone=None):
    return services.members.create(admin, MemberDraft(name=name, phone=phone),
                                   allow_duplicate=True)


def last4_keys(services) -> set[tuple[str, str]]:
    with services.db.read() as s:
        rows = s.execute(select(MemberSearchTerm.term, MemberSearchTerm.member_number)
                         .where(MemberSearchTerm.kind == LAST4)).all()
    return {(t, n) for t, n in rows}


def test_a_new_member_gets_its_last4_key(services, admin) -> None:
    a = make(services, admin, "王五", "13812345678")
    make(services, admin, "No Phone")
    assert last4_keys(services) == {("5678", a.number)}


def test_a_phone_change_moves_the_key(services, admin) -> None:
    a = make(services, admin, "王五", "13812345678")
    services.members.edit(admin, a.id, {"phone": "13900004321"})
    assert last4_keys(services) == {("4321", a.number)}
    assert services.lookup.search(admin, "5678") == []
    hits = services.lookup.search(admin, "4321")
    assert [h.member_id for h in hits] == [a.id] and hits[0].matched == "phone_last4"
    services.members.edit(admin, a.id, {"phone": None})
    assert last4_keys(services) == set()
    assert services.lookup.search(admin, "4321") == []


def test_a_failed_write_leaves_the_old_key(services, admin) -> None:
    a = make(services, admin, "王五", "13812345678")
    with pytest.raises(IntegrityError):  # the tier does not exist: the flush fails
        services.members.edit(admin, a.id, {"phone": "13900004321", "tier_id": "no-such-tier"})
    assert last4_keys(services) == {("5678", a.number)}
    assert services.lookup.search(admin, "5678")[0].member_id == a.id


def test_a_merged_member_loses_its_key_and_the_survivor_keeps_its_own(services, admin) -> None:
    keep = make(services, admin, "Ann Keep", "13811110001")
    gone = make(services, admin, "Ann Gone", "13822220002")
    services.profiles.merge(admin, keep.id, gone.id)
    assert last4_keys(services) == {("0001", keep.number)}
    assert [h.member_id for h in services.lookup.search(admin, "0001")] == [keep.id]


def test_the_scan_is_one_indexed_equality(services, admin) -> None:
    make(services, admin, "王五", "13812345678")
    with services.db.read() as s:
        conn = s.connection().connection.driver_connection
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT member_number FROM member_search_terms WHERE kind = ? "
            "AND term = ? ORDER BY kind, term, member_number LIMIT 58", (LAST4, "5678")
        ).fetchall()
    details = " ".join(str(r[-1]) for r in plan)
    assert "USING PRIMARY KEY (kind=? AND term=?)" in details
    assert "TEMP B-TREE" not in details


def test_the_bulk_build_gives_the_same_keys(services, admin) -> None:
    a = make(services, admin, "王五", "13812345678")
    b = make(services, admin, "赵六", "13987655678")
    expected = {("5678", a.number), ("5678", b.number)}
    assert last4_keys(services) == expected  # kept by the member writes
    conn = sqlite3.connect(services.db.path, isolation_level=None)
    try:
        conn.execute(f"DELETE FROM member_search_terms WHERE kind = {LAST4}")
        build_search_index(conn)
    finally:
        conn.close()
    assert last4_keys(services) == expected
    assert {h.member_id for h in services.lookup.search(admin, "5678")} == {a.id, b.id}
