"""A first load sets the members' secondary indexes aside and builds them once at the end;
a desk that already has members keeps its indexes throughout (its numbers are checked)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import text

from desktop_app.domain.clock import utc_text
from desktop_app.domain.codes import member_number_from_serial
from desktop_app.domain.ids import new_id
from desktop_app.services.members import MemberDraft
from desktop_app.store import search, sync_store
from desktop_app.store.sync_store import SyncStore
from desktop_app.sync.protocol import MEMBER_PAGE_FIELDS, BootstrapPage


def _indexes(services: Any) -> dict[str, str]:
    with services.db.read() as s:
        return dict(s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'members' AND sql IS NOT NULL")).all())  # fmt: skip


COLUMNS = list(MEMBER_PAGE_FIELDS)


def _page(n: int, now: datetime, serial: int = 1000) -> BootstrapPage:
    """A member page as our server sends it: arrays in the desk's stored forms."""
    stamp = utc_text(now)
    rows = []
    for i in range(n):
        row = dict.fromkeys(COLUMNS)
        row.update(id=new_id(), number=member_number_from_serial(serial + i), name=f"会员 {i}",
                   phone=f"1380000{i:04d}", status="active", note_flagged=0, consent_sms=0,
                   consent_email=0, notes="", points_balance=0, created_at=stamp,
                   updated_at=stamp)  # fmt: skip
        rows.append([row[c] for c in COLUMNS])
    return BootstrapPage(entity="member", columns=COLUMNS, rows=rows, after=rows[-1][0],
                         more=False, total=n)  # fmt: skip


def _rename(page: BootstrapPage, i: int, name: str) -> None:
    page.rows[i][COLUMNS.index("name")] = name


@pytest.fixture
def worker_for_any_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """The term worker starts for first loads of a size worth a process; these tests load
    a few dozen members and want it anyway."""
    monkeypatch.setattr(sync_store, "TERM_WORKER_FROM", 0)


def test_a_first_load_builds_the_member_indexes_once_at_the_end(services, clock) -> None:
    before = _indexes(services)
    assert "ix_members_phone" in before
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(50, clock.now()), clock.now())
    assert _indexes(services) == {}  # set aside while the pages arrive
    store.finish_bootstrap("0.0", 0)
    assert _indexes(services) == before
    with services.db.read() as s:
        plan = " ".join(str(r[-1]) for r in s.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM members WHERE phone = '13800000007'")))
        assert "ix_members_phone" in plan
        assert s.execute(text("SELECT count(*) FROM members")).scalar() == 50
        hits = s.execute(text("SELECT count(*) FROM member_search_terms")).scalar()
        pinyin = s.execute(text(
            "SELECT count(DISTINCT member_number) FROM member_search_terms WHERE term LIKE 'hy%'"
        )).scalar()  # fmt: skip
    assert hits and pinyin == 50  # the search index is built after the load: 会员 by its initials


def test_a_desk_with_members_keeps_its_indexes(services, admin, clock) -> None:
    services.members.create(admin, MemberDraft(name="Already here", phone="13900001111"))
    before = _indexes(services)
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(20, clock.now()), clock.now())
    assert _indexes(services) == before
    store.finish_bootstrap("0.0", 0)
    assert _indexes(services) == before


def _all_terms(services: Any) -> set[tuple[int, str, str]]:
    with services.db.read() as s:
        return {tuple(r) for r in s.execute(text(  # type: ignore[misc]
            "SELECT kind, term, member_number FROM member_search_terms"))}  # fmt: skip


def _expected_terms(services: Any) -> set[tuple[int, str, str]]:
    """The terms each member's own write would keep (search.reindex_member's rules)."""
    with services.db.read() as s:
        members = s.execute(text("SELECT number, name, phone, merged_into_id FROM members"))
        return {(kind, term, number) for number, name, phone, merged in members
                for kind, term in search.terms_of(name, merged is not None)
                | search.last4_terms(phone, merged is not None)}  # fmt: skip


def _odd_page(now: datetime, merged_into: str) -> BootstrapPage:
    """Names the packed terms must carry intact, and a merged member (found by codes only)."""
    odd = _page(4, now, serial=5000)
    for i, name in enumerate(('O"Brien \\ José', "曾 Zeng-李", "Ünïcode 🙂", "单")):
        _rename(odd, i, name)
    odd.rows[3][COLUMNS.index("merged_into_id")] = merged_into
    return odd


@pytest.mark.usefixtures("worker_for_any_load")
def test_the_worker_s_terms_equal_each_member_s_own(services, clock, monkeypatch) -> None:
    builds: list[object] = []
    monkeypatch.setattr(search, "build_search_index", lambda conn, *a, **k: builds.append(conn))
    store = SyncStore(services.db)
    first = _page(40, clock.now())
    store.apply_bootstrap_page(first, clock.now())
    assert store._terms is not None  # a first load: the worker is working
    store.apply_bootstrap_page(_odd_page(clock.now(), first.rows[0][0]), clock.now())
    store.apply_bootstrap_page(_page(40, clock.now(), serial=6000), clock.now())
    store.finish_bootstrap("0.0", 0)
    assert builds == []  # every part came from the worker
    from_worker = _all_terms(services)
    assert len({t[2] for t in from_worker}) == 83
    assert any(term.startswith('o"brien \\ jose') for _, term, _ in from_worker)
    assert from_worker == _expected_terms(services)
    assert not store_scratch(services).exists()  # the scratch file is removed


def test_a_small_first_load_builds_its_index_without_a_worker(services, clock) -> None:
    store = SyncStore(services.db)
    first = _page(30, clock.now())
    store.apply_bootstrap_page(first, clock.now())
    assert store._terms is None  # 30 members: not worth a process
    store.apply_bootstrap_page(_odd_page(clock.now(), first.rows[0][0]), clock.now())
    store.finish_bootstrap("0.0", 0)
    built = _all_terms(services)
    assert len({t[2] for t in built}) == 33  # the merged member is not among them
    assert any(term.startswith('o"brien \\ jose') for _, term, _ in built)
    assert built == _expected_terms(services)
    with closing(sqlite3.connect(services.db.path, isolation_level=None)) as conn:
        assert search.build_search_index(conn) == len(built)  # a rebuild: the same terms
    assert _all_terms(services) == built


@pytest.mark.usefixtures("worker_for_any_load")
def test_a_lost_worker_leaves_the_index_to_a_build_here(services, clock, monkeypatch) -> None:
    builds: list[object] = []
    build = search.build_search_index
    monkeypatch.setattr(search, "build_search_index",
                        lambda conn, *a, **k: builds.append(conn) or build(conn, *a, **k))
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(30, clock.now()), clock.now())
    assert store._terms is not None
    store._terms._process.kill()
    store._terms._process.join()
    assert not store._terms._process.is_alive()
    store.apply_bootstrap_page(_page(30, clock.now(), serial=5000), clock.now())
    store.finish_bootstrap("0.0", 0)
    assert len(builds) == 1  # the desk noticed and built the index itself
    built = _all_terms(services)
    assert len({t[2] for t in built}) == 60  # every member is found, none lost with the worker
    assert built == _expected_terms(services)


def store_scratch(services: Any) -> Any:
    path = services.db.path
    return path.with_name(path.name + ".search-terms")


@pytest.mark.usefixtures("worker_for_any_load")
def test_a_desk_stopped_after_the_indexes_were_built_finishes_on_restart(services, clock,
                                                                          monkeypatch) -> None:
    """The member indexes are built (and committed) while the worker sorts; a desk that stops
    before the terms are copied builds nothing twice and still ends with a full index."""
    from desktop_app.store.search_bulk import TermBuilder

    before = _indexes(services)
    finish = TermBuilder.finish
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(25, clock.now()), clock.now())
    assert store._terms is not None

    def stopped(self: TermBuilder, desk: object) -> bool:
        self.close()
        raise KeyboardInterrupt  # the desk is closed mid-finish

    monkeypatch.setattr(TermBuilder, "finish", stopped)
    with pytest.raises(KeyboardInterrupt):
        store.finish_bootstrap("0.0", 0)
    assert _indexes(services) == before
    monkeypatch.setattr(TermBuilder, "finish", finish)
    again = SyncStore(services.db)  # the restarted desk: no worker, the pages all in
    again.finish_bootstrap("0.0", 0)
    assert _indexes(services) == before
    built = _all_terms(services)
    assert len({t[2] for t in built}) == 25 and built == _expected_terms(services)
