"""A member's dynamic phone QR is verified offline at the door and in the search box: a
fresh one lets the member in, a screenshot a minute old or a forged one is an unknown code."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from desktop_app.domain.checkin import Reason, Verdict
from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.scan_payloads import make_dynamic_qr
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import Member

PACK = EntitlementDraft(EntitlementKind.VISIT_PACK, "10 visits", 50_000, days=90, units=10)


def member_with_pack(services, admin):
    member = services.members.create(admin, MemberDraft(name="Zhao Min"))
    services.entitlements.sell(admin, member.id, PACK)
    with services.db.read() as s:
        secret = bytes.fromhex(s.scalar(select(Member.qr_secret).where(Member.id == member.id)))
    return member, secret


def test_a_fresh_dynamic_qr_checks_the_member_in(services, admin, clock) -> None:
    member, secret = member_with_pack(services, admin)
    code = make_dynamic_qr(member.number, secret, clock.now())
    result = services.checkin.check_in(admin, code=code)
    assert result.verdict is Verdict.ALLOW and result.member_number == member.number


def test_a_screenshot_a_minute_old_is_refused(services, admin, clock) -> None:
    member, secret = member_with_pack(services, admin)
    code = make_dynamic_qr(member.number, secret, clock.now())
    clock.advance(timedelta(seconds=95))
    result = services.checkin.check_in(admin, code=code)
    assert result.verdict is Verdict.DENY
    assert result.decision.reasons == (Reason.UNKNOWN_CODE,)


def test_a_forged_qr_is_refused(services, admin, clock) -> None:
    member, _ = member_with_pack(services, admin)
    forged = make_dynamic_qr(member.number, b"not the member's secret!", clock.now())
    result = services.checkin.check_in(admin, code=forged)
    assert result.decision.reasons == (Reason.UNKNOWN_CODE,)


def test_the_search_box_opens_the_member_of_a_fresh_qr_only(services, admin, clock) -> None:
    member, secret = member_with_pack(services, admin)
    code = make_dynamic_qr(member.number, secret, clock.now())
    hits = services.lookup.search(admin, code)
    assert [h.member_id for h in hits][:1] == [member.id]
    clock.advance(timedelta(minutes=2))
    assert services.lookup.search(admin, code) == []
