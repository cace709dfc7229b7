"""Who may call, see and do what: tokens, store scoping, per-op permissions; and the
server's 410 / 426 answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import httpx

from central_server.changes import prune
from central_server.models import ChangeRow
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Role
from desktop_app.sync.protocol import PushRequest, WireOp
from tests.helpers.sync_harness import Desk, ServerProcess


def _client(server: ServerProcess, token: str | None) -> httpx.Client:
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    return httpx.Client(base_url=server.url + "/sync/v1", headers=headers, timeout=30)


def _token(desk: Desk) -> str:
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    return enrolment.token


def _forge(desk: Desk, name: str, actor: str | None, args: dict[str, object]) -> str:
    """A hand-made push of one op with the desk's token and its next seq."""
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    seq = max(o.seq for o in desk.outbox()) + 1
    op = WireOp(seq=seq, op_id=new_id(), name=name, hlc=f"{10**14:015d}-000000-x",
                actor=actor, args=args)  # fmt: skip
    return PushRequest(device_id=enrolment.device_id, schema=1, ops=[op]).model_dump_json(
        by_alias=True
    )


def test_missing_wrong_or_revoked_token_gets_401(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk("tokens")
    desk.enrol(server, server.store())
    assert desk.sync().ok
    for token in (None, "not-a-token", _token(desk)[:-2] + "xx"):
        with _client(server, token) as client:
            assert client.get("/pull").status_code == 401
            assert client.post("/push", json={}).status_code == 401
            assert client.get("/bootstrap").status_code == 401
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    server.revoke(enrolment.device_id)
    with _client(server, _token(desk)) as client:
        assert client.get("/pull").status_code == 401
    report = desk.sync()
    assert not report.ok and desk.engine.status.problem == "unauthorised"


def test_an_enrolment_code_works_once(server: ServerProcess) -> None:
    code = server.enrol_code(server.store())
    with _client(server, None) as client:
        assert client.post("/enroll", json={"code": code}).status_code == 200
        assert client.post("/enroll", json={"code": code}).status_code == 403
        assert client.post("/enroll", json={"code": "AAAA-BBBB"}).status_code == 403


def test_a_desk_of_store_a_cannot_see_store_b_data(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    a, b = make_desk("store-a"), make_desk("store-b")
    a.enrol(server, server.store())
    b.enrol(server, server.store())
    b.services.settings.change(b.admin, "store_name", "Store B only")
    b_cashier = b.services.staff.create(b.admin, "bcash", "B Cashier", Role.CASHIER, "2468")
    assert b.sync().ok and a.sync().ok
    assert a.services.settings.current().store_name != "Store B only"
    with _client(server, _token(a)) as client:
        page = client.get("/pull", params={"limit": 10_000}).json()
        hidden = {"store_name", b_cashier.staff_id, b.admin.staff_id}
        assert not [c for c in page["changes"] if c["id"] in hidden]
        staff = client.get("/bootstrap", params={"entity": "staff"}).json()["rows"]
        assert b_cashier.staff_id not in {r["id"] for r in staff}
        settings = client.get("/bootstrap", params={"entity": "setting"}).json()["rows"]
        assert "Store B only" not in [r["value"] for r in settings]
        # ... nor act on store B's staff.
        body = _forge(a, "staff.upsert.v1", a.admin.staff_id,
                      {"id": b_cashier.staff_id, "active": False})  # fmt: skip
        result = client.post("/push", content=body).json()["results"][0]
        assert (result["status"], result["reason"]) == ("rejected", "not_found")


def test_an_op_by_an_actor_without_the_permission_is_rejected(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk("perm")
    desk.enrol(server, server.store())
    cashier = desk.services.staff.create(desk.admin, "cash1", "Cashier", Role.CASHIER, "2468")
    assert desk.sync().ok
    with _client(server, _token(desk)) as client:
        body = _forge(desk, "settings.change.v1", cashier.staff_id,
                      {"key": "store_name", "value": "Hijacked"})  # fmt: skip
        answer = client.post("/push", content=body)
        assert answer.status_code == 200
        result = answer.json()["results"][0]
        assert (result["status"], result["reason"]) == ("rejected", "permission_denied")
        # A rejection is the op's result: the device's position still advances.
        assert answer.json()["last_seq"] == result["seq"]
        body = _forge_next(desk, client, "member.patch.v1", "nobody-known",
                           {"id": new_id(), "fields": {"name": "X"}})  # fmt: skip
        result = client.post("/push", content=body).json()["results"][0]
        assert (result["status"], result["reason"]) == ("rejected", "unknown_actor")
    assert desk.services.settings.current().store_name != "Hijacked"


def _forge_next(desk: Desk, client: httpx.Client, name: str, actor: str,
                args: dict[str, object]) -> str:  # fmt: skip
    body = _forge(desk, name, actor, args)
    return body.replace(f'"seq":{max(o.seq for o in desk.outbox()) + 1}',
                        f'"seq":{max(o.seq for o in desk.outbox()) + 2}')  # fmt: skip


def test_too_old_to_pull_gets_426_but_may_push(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk("old")
    desk.enrol(server, server.store())
    assert desk.sync().ok
    with _client(server, _token(desk)) as client:
        client.headers["X-Frontdesk-Schema"] = "0"
        assert client.get("/pull").status_code == 426
        body = _forge(desk, "settings.change.v1", desk.admin.staff_id,
                      {"key": "store_name", "value": "Still pushing"})  # fmt: skip
        assert client.post("/push", content=body).json()["results"][0]["status"] == "applied"


def test_a_cursor_older_than_the_kept_tombstones_gets_410_and_the_desk_bootstraps(
    server: ServerProcess, make_desk: Callable[..., Desk]
) -> None:
    desk = make_desk("gone")
    desk.enrol(server, server.store())
    assert desk.sync().ok
    old = datetime.now(UTC) - timedelta(days=91)
    with server.db.write() as session:
        from central_server.db import current_txid

        tombstone = ChangeRow(
            txid=current_txid(session),
            store_id=None,
            entity="member",
            entity_id=new_id(),
            op="delete",
            version=2,
            data={},
            at=old,
        )
        session.add(tombstone)
    with server.db.write() as session:
        assert prune(session, now=datetime.now(UTC), tombstone_days=90) >= 1
    with _client(server, _token(desk)) as client:
        assert client.get("/pull", params={"cursor": "0.0"}).status_code == 410
    desk.engine.store.put(cursor="0.0")
    assert desk.sync().ok  # 410 -> bootstrap -> a fresh cursor
    cursor = desk.engine.store.get("sync.cursor")
    assert cursor not in (None, "0.0")
    assert desk.members() == {k: v for k, v in server.members().items() if k in desk.members()}
    assert set(server.members()) <= set(desk.members())
