"""The search box through the service, over a real SQLite file: every kind of query, the
ranking, revoked cards, and an index that follows every member write."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from desktop_app.domain.codes import new_card_code
from desktop_app.domain.permissions import Role
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import Card
from desktop_app.store.search_models import MemberSearchTerm


def names(hits) -> list[str]:
    return [h.name for h in hits]


def make(services, admin, name, phone=None, email=None):
    return services.members.create(admin, MemberDraft(name=name, phone=phone, email=email),
                                   allow_duplicate=True)


def test_zhang_san_by_initials_full_pinyin_and_character(services, admin, staff_of) -> None:
    zs = make(services, admin, "张三", "13800138000")
    make(services, admin, "李四", "13900139000")
    make(services, admin, "Olivia Martinez", "13700137000")
    cashier = staff_of(Role.CASHIER)
    for query in ("zs", "ZS", "zhangsan", "zhang", "Zhang San", "张", "张三", "三", "san"):
        hits = services.lookup.search(cashier, query)
        assert hits and hits[0].member_id == zs.id, query
        assert "李四" not in names(hits), query


def test_phone_full_and_last4(services, admin) -> None:
    a = make(services, admin, "王五", "13812345678")
    make(services, admin, "赵六", "13987650000")
    full = services.lookup.search(admin, "138 1234 5678")
    assert full[0].member_id == a.id and full[0].matched == "phone"
    last4 = services.lookup.search(admin, "5678")
    assert [h.member_id for h in last4] == [a.id] and last4[0].matched == "phone_last4"


def test_card_code_member_number_and_email(services, admin) -> None:
    a = make(services, admin, "Anna Berg", email="anna.berg@example.com")
    make(services, admin, "Bert Berg", email="bert@example.com")
    assert services.lookup.search(admin, a.card_code)[0].matched == "card"
    assert services.lookup.search(admin, a.card_code)[0].member_id == a.id
    assert services.lookup.search(admin, a.number)[0].member_id == a.id
    by_email = services.lookup.search(admin, "ANNA.BERG@example.com")
    assert by_email[0].member_id == a.id and by_email[0].matched == "email"
    assert [h.member_id for h in services.lookup.search(admin, "anna.b")] == [a.id]


def test_name_substring_in_any_script(services, admin) -> None:
    people = ["Olivia Martinez", "José Núñez", "김민준", "مريم الحسن", "Jenny 🏋️ Wu"]
    made = {n: make(services, admin, n) for n in people}
    for query, expected in (("tine", "Olivia Martinez"), ("nunez", "José Núñez"),
                            ("민준", "김민준"), ("الحسن", "مريم الحسن"), ("wu", "Jenny 🏋️ Wu")):
        hits = services.lookup.search(admin, query)
        assert hits and hits[0].member_id == made[expected].id, query


def test_a_revoked_card_still_resolves_marked_revoked(services, admin) -> None:
    a = make(services, admin, "张三")
    old = a.card_code
    with services.db.write_session() as s, s.begin():
        s.execute(update(Card).where(Card.code == old).values(status="revoked"))
    hits = services.lookup.search(admin, old)
    assert hits[0].member_id == a.id and hits[0].code_status == "revoked"
    assert services.lookup.search(admin, new_card_code()) == []


def test_ranking_code_then_phone_then_name_prefix_then_the_rest(services, admin) -> None:
    # The query "1380" is: the last 4 digits of one phone, a name prefix of one member,
    # and inside another's name; and (as digits) the start of a third member's phone.
    by_last4 = make(services, admin, "Zed", "13912341380")
    by_name = make(services, admin, "1380 Club")
    inner = make(services, admin, "Club 21380")
    by_phone_prefix = make(services, admin, "Yan", "13800000001")
    hits = services.lookup.search(admin, "1380")
    order = [h.member_id for h in hits]
    assert order == [by_last4.id, by_name.id, inner.id, by_phone_prefix.id]
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    code_first = services.lookup.search(admin, by_last4.number)
    assert code_first[0].member_id == by_last4.id and code_first[0].rank == 0


def test_index_follows_edits_and_leaves_no_stale_terms(services, admin) -> None:
    a = make(services, admin, "张三")
    services.members.edit(admin, a.id, {"name": "李四"})
    assert services.lookup.search(admin, "zs") == []
    assert services.lookup.search(admin, "ls")[0].member_id == a.id
    with services.db.read() as s:
        terms = set(s.scalars(select(MemberSearchTerm.term)
                              .where(MemberSearchTerm.member_number == a.number)))
    assert "zs" not in terms and "ls" in terms


def test_a_write_that_fails_leaves_the_index_untouched(services, admin) -> None:
    a = make(services, admin, "张三")
    # The tier does not exist: the row's flush fails after the index was written.
    with pytest.raises(IntegrityError):
        services.members.edit(admin, a.id, {"name": "李四", "tier_id": "no-such-tier"})
    assert services.lookup.search(admin, "zs")[0].member_id == a.id
    assert services.lookup.search(admin, "ls") == []


def test_limit_and_empty_queries(services, admin) -> None:
    for i in range(12):
        make(services, admin, f"张{i}")
    assert len(services.lookup.search(admin, "张", limit=5)) == 5
    assert services.lookup.search(admin, "   ") == []
    assert services.lookup.search(admin, "zzzzqqq") == []
