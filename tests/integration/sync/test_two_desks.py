"""Two real desks and the real server: what one desk does, the other sees."""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.services.members import MemberDraft
from tests.helpers.sync_harness import Desk, ServerProcess


def test_member_made_on_desk_a_appears_on_desk_b(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = make_desk("a"), make_desk("b")
    a.enrol(server, server.store())
    b.enrol(server, server.store())
    made = a.services.members.create(a.admin, MemberDraft(name="张伟", phone="13800138000"))
    assert a.sync().ok
    assert b.sync().ok
    seen = b.members()[made.id]
    assert seen["name"] == "张伟" and seen["phone"] == "13800138000"
    assert a.outbox()[-1].state == "applied"
    # An edit on B flows back to A.
    b.services.members.edit(b.admin, made.id, {"name": "张伟伟"})
    assert b.sync().ok and a.sync().ok
    assert a.members()[made.id]["name"] == "张伟伟"
    assert a.members() == b.members() == server.members()
    assert a.engine.status.online and a.engine.status.pending == 0
