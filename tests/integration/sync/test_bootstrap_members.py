"""A member bootstrap page (columnar; on PostgreSQL each row's JSON is written by the
database) gives exactly the member data the server's other paths give, field by field, in
the desk's stored forms."""

from __future__ import annotations

from datetime import date, datetime

import httpx

from desktop_app.domain.clock import utc_text
from desktop_app.services.members import MemberDraft
from desktop_app.sync.protocol import (
    MEMBER_PAGE_FLAGS,
    MEMBER_PAGE_TIMES,
    BootstrapPage,
    RowsPage,
)


def test_a_member_page_holds_the_same_data_as_the_rows_endpoint(server, make_desk) -> None:
    desk = make_desk("a")
    desk.enrol(server, server.store())
    names = ['<b>x</b> "quoted" \\ back', "张伟 🙂", "مريم", "José Ünïcode"]
    made = [desk.services.members.create(desk.admin, MemberDraft(
        name=name, phone=f"1380013800{i}", email=f"m{i}@example.com" if i % 2 else None,
        birthday=date(1990, 1, i + 1) if i % 2 else None, consent_sms=bool(i % 2)))
        for i, name in enumerate(names)]  # fmt: skip
    assert desk.sync().ok
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    with httpx.Client(
        base_url=server.url + "/sync/v1",
        timeout=30,
        headers={"Authorization": f"Bearer {enrolment.token}"},
    ) as client:
        raw = client.get("/bootstrap", params={"entity": "member", "limit": 2})
        first = BootstrapPage.model_validate_json(raw.content)
        rest = BootstrapPage.model_validate_json(
            client.get(
                "/bootstrap", params={"entity": "member", "limit": 10, "after": first.after}
            ).content
        )
        ids = [m.id for m in made]
        by_rows = RowsPage.model_validate_json(
            client.get("/rows", params={"entity": "member", "id": ids}).content
        )
    assert first.columns is not None and first.more and first.total == len(names)
    assert not rest.more and first.after == first.records()[-1]["id"]
    paged = {r["id"]: r for r in first.records() + rest.records()}
    expected = {r["id"]: r for r in by_rows.rows}
    assert paged.keys() == expected.keys() == set(ids)
    for member_id, row in paged.items():
        want = expected[member_id]
        assert row.keys() == want.keys()
        for field, value in row.items():
            if field in MEMBER_PAGE_TIMES:  # the same instant, in the desk's stored form
                assert value == utc_text(datetime.fromisoformat(want[field])), field
            elif field in MEMBER_PAGE_FLAGS:  # 0 or 1: True == 1 would hide a bool
                assert type(value) is int and value == want[field], field
            else:
                assert value == want[field], field
    assert {r["name"] for r in paged.values()} == set(names)
