"""A new desk's load reports its progress step by step (the status bar draws it as a bar):
each page's rows against the step's total, the search index last, nothing once done."""

from __future__ import annotations

from desktop_app.services.members import MemberDraft
from desktop_app.sync.engine import INDEXING, Loading, SyncStatus
from desktop_app.sync.protocol import BOOTSTRAP_ENTITIES


def test_a_bootstrap_reports_each_step_s_progress(server, make_desk) -> None:
    store = server.store()
    first = make_desk("first")
    first.enrol(server, store)
    for i in range(25):
        first.services.members.create(first.admin, MemberDraft(name=f"Progress {i}"))
    assert first.sync().ok
    new = make_desk("new", bootstrap_page=10)
    seen: list[SyncStatus] = []
    new.engine.on_status(seen.append)
    new.enrol(server, store)  # its first sync is the bootstrap
    assert new.sync().ok
    loading = [s.loading for s in seen if s.loading is not None]
    members = [(l.done, l.total) for l in loading if l.step == "member"]  # noqa: E741
    assert members == [(0, None), (10, 25), (20, 25), (25, 25)]
    steps = list(dict.fromkeys(l.step for l in loading))  # noqa: E741
    assert steps == [*BOOTSTRAP_ENTITIES, INDEXING]  # in load order, the index last
    assert loading[-1] == Loading(INDEXING)
    assert new.engine.status.loading is None and not new.engine.status.bootstrapping
    assert len(new.members()) == 25
