"""A first load sets the members' secondary indexes aside and builds them once at the end;
a desk that already has members keeps its indexes throughout (its numbers are checked)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import text

from desktop_app.domain.codes import member_number_from_serial
from desktop_app.domain.ids import new_id
from desktop_app.services.members import MemberDraft
from desktop_app.store.sync_store import SyncStore
from desktop_app.sync.protocol import BootstrapPage


def _indexes(services: Any) -> dict[str, str]:
    with services.db.read() as s:
        return dict(s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'members' AND sql IS NOT NULL")).all())  # fmt: skip


def _page(n: int, now: datetime, serial: int = 1000) -> BootstrapPage:
    rows = [{"id": new_id(), "number": member_number_from_serial(serial + i),
             "name": f"会员 {i}", "phone": f"1380000{i:04d}", "status": "active",
             "created_at": now.isoformat(), "updated_at": now.isoformat()}
            for i in range(n)]  # fmt: skip
    return BootstrapPage(entity="member", after=rows[-1]["id"], more=False, total=n, rows=rows)


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


def _rebuilt_terms(services: Any) -> set[tuple[int, str, str]]:
    from desktop_app.store.search import rebuild_search_index

    rebuild_search_index(services.db)
    return _all_terms(services)


def test_the_worker_s_terms_equal_a_build_from_the_members(services, clock, monkeypatch) -> None:
    from desktop_app.store import search

    builds: list[object] = []
    monkeypatch.setattr(search, "build_search_index", lambda conn, *a, **k: builds.append(conn))
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(40, clock.now()), clock.now())
    assert store._terms is not None  # a first load: the worker is working
    odd = _page(4, clock.now(), serial=5000)  # names the packed terms must carry intact
    for row, name in zip(odd.rows, ('O"Brien \\ José', "曾 Zeng-李", "Ünïcode 🙂", "单"),
                         strict=True):
        row["name"] = name
    odd.rows[3]["merged_into_id"] = odd.rows[0]["id"]  # found by its codes only
    store.apply_bootstrap_page(odd, clock.now())
    store.apply_bootstrap_page(_page(40, clock.now(), serial=6000), clock.now())
    store.finish_bootstrap("0.0", 0)
    assert builds == []  # every part came from the worker
    monkeypatch.undo()
    from_worker = _all_terms(services)
    assert len({t[2] for t in from_worker}) == 83
    assert any(term.startswith('o"brien \\ jose') for _, term, _ in from_worker)
    assert from_worker == _rebuilt_terms(services)
    assert not store_scratch(services).exists()  # the scratch file is removed


def test_a_lost_worker_leaves_the_index_to_a_build_here(services, clock, monkeypatch) -> None:
    from desktop_app.store import search

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
    monkeypatch.undo()
    built = _all_terms(services)
    assert len({t[2] for t in built}) == 60  # every member is found, none lost with the worker
    assert built == _rebuilt_terms(services)


def store_scratch(services: Any) -> Any:
    path = services.db.path
    return path.with_name(path.name + ".search-terms")


def test_a_desk_stopped_after_the_indexes_were_built_finishes_on_restart(services, clock,
                                                                          monkeypatch) -> None:
    """The member indexes are built (and committed) while the worker sorts; a desk that stops
    before the terms are copied builds nothing twice and still ends with a full index."""
    from desktop_app.store.search_bulk import TermBuilder

    before = _indexes(services)
    store = SyncStore(services.db)
    store.apply_bootstrap_page(_page(25, clock.now()), clock.now())

    def stopped(self: TermBuilder, desk: object) -> bool:
        self.close()
        raise KeyboardInterrupt  # the desk is closed mid-finish

    monkeypatch.setattr(TermBuilder, "finish", stopped)
    with pytest.raises(KeyboardInterrupt):
        store.finish_bootstrap("0.0", 0)
    assert _indexes(services) == before
    monkeypatch.undo()
    again = SyncStore(services.db)  # the restarted desk: no worker, the pages all in
    again.finish_bootstrap("0.0", 0)
    assert _indexes(services) == before
    built = _all_terms(services)
    assert len({t[2] for t in built}) == 25 and built == _rebuilt_terms(services)
