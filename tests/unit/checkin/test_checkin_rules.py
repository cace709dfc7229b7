"""One test per check-in rule of DOMAIN.md (Entitlements, Check-in), named after the rule."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop_app.domain.checkin import (
    BookedSession,
    Candidate,
    CheckinPolicies,
    CodeStatus,
    MemberFacts,
    PastCheckin,
    Reason,
    Verdict,
    decide,
    override,
    void_permission,
)
from desktop_app.domain.entitlements import Entitlement, EntitlementKind, Hold
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.permissions import Permission

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # 10:00 Monday in Shanghai
MEMBER = MemberFacts(id="m1")


def ent(eid: str = "e1", kind: EntitlementKind = EntitlementKind.PERIOD, *,
        member: str = "m1", days_left: float = 60, units: int | None = None, used: int = 0,
        start_days_ago: float = 30, **kw: object) -> Entitlement:
    return Entitlement(eid, member, kind, NOW - timedelta(days=start_days_ago),
                       NOW + timedelta(days=days_left), units, used, **kw)  # type: ignore[arg-type]


def run(*cands: Candidate | Entitlement, member: MemberFacts = MEMBER,
        history: tuple[PastCheckin, ...] = (), now: datetime = NOW,
        code: CodeStatus = CodeStatus.FOUND, **kw: object):  # type: ignore[no-untyped-def]
    wrapped = [c if isinstance(c, Candidate) else Candidate(c) for c in cands]
    return decide(code=code, member=member, candidates=wrapped, history=history, now=now,
                  tz=TZ, **kw)  # type: ignore[arg-type]


def test_an_active_period_lets_the_member_in_and_consumes_nothing() -> None:
    d = run(ent())
    assert d.verdict is Verdict.ALLOW and d.entitlement_id == "e1" and d.units == 0
    assert d.granted and d.sound == "allow"


def test_unknown_code_is_denied() -> None:
    d = run(member=None, code=CodeStatus.UNKNOWN)  # type: ignore[arg-type]
    assert d.verdict is Verdict.DENY and d.reasons == (Reason.UNKNOWN_CODE,)


def test_revoked_card_is_denied() -> None:
    d = run(ent(), code=CodeStatus.REVOKED)
    assert d.verdict is Verdict.DENY and Reason.REVOKED_CARD in d.reasons


def test_archived_member_is_denied() -> None:
    d = run(ent(), member=MemberFacts("m1", archived=True))
    assert d.verdict is Verdict.DENY and Reason.ARCHIVED_MEMBER in d.reasons


def test_no_entitlement_is_denied() -> None:
    d = run()
    assert d.verdict is Verdict.DENY and d.reasons == (Reason.NO_ENTITLEMENT,)


def test_class_credits_do_not_open_the_door() -> None:
    d = run(ent(kind=EntitlementKind.CLASS_CREDITS, units=10))
    assert d.reasons == (Reason.NO_ENTITLEMENT,)


def test_expired_is_denied() -> None:
    d = run(ent(days_left=-10))
    assert d.verdict is Verdict.DENY and Reason.EXPIRED in d.reasons


def test_grace_days_after_the_end_allow_with_a_warning() -> None:
    d = run(ent(days_left=-1))
    assert d.verdict is Verdict.WARN and Reason.GRACE in d.reasons and d.granted


def test_on_hold_is_denied() -> None:
    hold = Hold(NOW - timedelta(days=2), NOW + timedelta(days=8))
    d = run(ent(holds=(hold,)))
    assert d.verdict is Verdict.DENY and Reason.ON_HOLD in d.reasons


def test_blocked_is_denied() -> None:
    d = run(ent(blocked=True))
    assert d.verdict is Verdict.DENY and Reason.BLOCKED in d.reasons


def test_no_units_left_is_denied() -> None:
    d = run(ent(kind=EntitlementKind.VISIT_PACK, units=10, used=10))
    assert d.verdict is Verdict.DENY and Reason.NO_UNITS_LEFT in d.reasons and d.units == 0


def test_outside_access_hours_is_denied() -> None:
    offpeak = ent(access_start=time(6, 0), access_end=time(9, 0))  # it is 10:00 local
    d = run(offpeak)
    assert d.verdict is Verdict.DENY and Reason.OUTSIDE_ACCESS_HOURS in d.reasons
    assert run(offpeak, now=NOW - timedelta(hours=2)).verdict is Verdict.ALLOW


def test_photo_missing_is_reported() -> None:
    d = run(ent(), member=MemberFacts("m1", has_photo=False))
    assert Reason.PHOTO_MISSING in d.reasons and d.verdict is Verdict.ALLOW


def test_expiring_soon_warns() -> None:
    d = run(ent(days_left=3))
    assert d.verdict is Verdict.WARN and Reason.EXPIRING_SOON in d.reasons


def test_birthday_is_information_with_its_own_sound() -> None:
    d = run(ent(), member=MemberFacts("m1", birthday=date(1990, 3, 2)))
    assert d.verdict is Verdict.ALLOW and Reason.BIRTHDAY in d.reasons and d.sound == "birthday"


def test_note_flagged_warns() -> None:
    d = run(ent(), member=MemberFacts("m1", note_flagged=True))
    assert d.verdict is Verdict.WARN and Reason.NOTE_FLAGGED in d.reasons


def test_each_reason_policy_is_configurable() -> None:
    lenient = CheckinPolicies().with_policy(Reason.EXPIRED, Verdict.WARN, "buzz")
    d = run(ent(days_left=-10), policies=lenient)
    assert d.verdict is Verdict.WARN and d.granted and d.sound == "buzz"
    strict = CheckinPolicies().with_policy(Reason.PHOTO_MISSING, Verdict.DENY)
    assert run(ent(), member=MemberFacts("m1", has_photo=False),
               policies=strict).verdict is Verdict.DENY


def test_the_sound_is_keyed_by_the_verdict() -> None:
    assert run(ent()).sound == "allow"
    assert run(ent(days_left=3)).sound == "warn"
    assert run().sound == "deny"


def test_restricted_is_chosen_before_unlimited() -> None:
    unlimited = ent("period", days_left=5)
    pack = ent("pack", EntitlementKind.VISIT_PACK, units=10, days_left=300)
    assert run(unlimited, pack).entitlement_id == "pack"


def test_then_the_one_that_expires_soonest() -> None:
    assert run(ent("late", days_left=200), ent("soon", days_left=100)).entitlement_id == "soon"


def test_then_the_lowest_value_per_unit() -> None:
    dear = Candidate(ent("dear", EntitlementKind.VISIT_PACK, units=10), price_minor=100_000)
    cheap = Candidate(ent("cheap", EntitlementKind.VISIT_PACK, units=10), price_minor=50_000)
    assert run(dear, cheap).entitlement_id == "cheap"


def test_staff_can_switch_the_entitlement_before_confirming() -> None:
    unlimited, pack = ent("period"), ent("pack", EntitlementKind.VISIT_PACK, units=10)
    d = run(unlimited, pack, chosen_id="period")
    assert d.entitlement_id == "period" and d.units == 0
    assert {o.entitlement_id for o in d.options} == {"period", "pack"}


def test_an_unusable_choice_falls_back_to_the_normal_order() -> None:
    d = run(ent("old", days_left=-30), ent("ok"), chosen_id="old")
    assert d.entitlement_id == "ok" and d.verdict is Verdict.ALLOW


def test_a_visit_pack_consumes_one_unit_per_granted_checkin() -> None:
    d = run(ent(kind=EntitlementKind.VISIT_PACK, units=10, used=3))
    assert d.units == 1 and d.units_left == 6


def test_reentry_within_120_minutes_warns_and_consumes_nothing() -> None:
    pack = ent(kind=EntitlementKind.VISIT_PACK, units=10, used=4)
    first = PastCheckin(NOW - timedelta(minutes=90), "m1", "e1", True, 1)
    d = run(pack, history=(first,))
    assert d.verdict is Verdict.WARN and Reason.RECENT_CHECKIN in d.reasons and d.units == 0
    later = run(pack, history=(first,), now=NOW + timedelta(minutes=31))
    assert Reason.RECENT_CHECKIN not in later.reasons and later.units == 1


def test_reentry_is_allowed_even_when_the_first_visit_used_the_last_unit() -> None:
    pack = ent(kind=EntitlementKind.VISIT_PACK, units=10, used=10)
    first = PastCheckin(NOW - timedelta(minutes=10), "m1", "e1", True, 1)
    d = run(pack, history=(first,))
    assert d.granted and d.units == 0


def test_a_voided_or_denied_checkin_is_not_a_reentry() -> None:
    pack = ent(kind=EntitlementKind.VISIT_PACK, units=10)
    voided = PastCheckin(NOW - timedelta(minutes=10), "m1", "e1", True, 1, voided=True)
    denied = PastCheckin(NOW - timedelta(minutes=5), "m1", None, False, 0)
    d = run(pack, history=(voided, denied))
    assert Reason.RECENT_CHECKIN not in d.reasons and d.units == 1


def test_a_day_pass_consumes_at_most_one_unit_per_business_day() -> None:
    days = ent(kind=EntitlementKind.DAY_PASS, units=5, used=1)
    morning = PastCheckin(NOW - timedelta(hours=4), "m1", "e1", True, 1)  # 06:00 same day
    assert run(days, history=(morning,)).units == 0
    # 03:00 local the next night still belongs to today's business day (cut-off 04:00) ...
    night = NOW + timedelta(hours=17)
    assert run(days, history=(morning,), now=night).units == 0
    # ... and 05:00 is a new business day.
    assert run(days, history=(morning,), now=NOW + timedelta(hours=19)).units == 1


def test_family_sharing_records_who_used_the_pool() -> None:
    pool = Candidate(ent("fam", EntitlementKind.VISIT_PACK, member="parent", units=20),
                     sharer_ids=frozenset({"m1"}))
    d = run(pool)
    assert d.entitlement_id == "fam" and d.member_id == "m1" and d.owner_id == "parent"
    assert d.units == 1
    stranger = run(pool, member=MemberFacts("m2"))
    assert stranger.reasons == (Reason.NO_ENTITLEMENT,)


def test_a_scoped_entitlement_works_only_in_its_stores() -> None:
    scoped = Candidate(ent(), store_ids=frozenset({"s1"}))
    assert run(scoped, store_id="s1").verdict is Verdict.ALLOW
    assert run(scoped, store_id="s2").reasons == (Reason.NO_ENTITLEMENT,)


def test_a_deny_is_overridden_only_with_a_note() -> None:
    d = run(ent(days_left=-10))
    with pytest.raises(ValidationError):
        override(d, "  ")
    o = override(d, "paid at the counter")
    assert o.granted and o.overridden and o.override_note == "paid at the counter"
    with pytest.raises(ValidationError):
        override(run(ent()), "not denied")


def test_staff_may_void_within_15_minutes_later_only_a_manager() -> None:
    at = NOW - timedelta(minutes=15)
    assert void_permission(at, NOW) is Permission.CHECKIN_RECORD
    assert void_permission(at - timedelta(seconds=1), NOW) is Permission.CHECKIN_VOID


def test_a_checkin_near_a_booked_class_start_marks_it_attended() -> None:
    soon = BookedSession("b-soon", NOW + timedelta(minutes=30))
    started = BookedSession("b-started", NOW - timedelta(minutes=15))
    far = BookedSession("b-far", NOW + timedelta(minutes=31))
    late = BookedSession("b-late", NOW - timedelta(minutes=16))
    d = run(ent(), bookings=(soon, started, far, late))
    assert set(d.attended_booking_ids) == {"b-soon", "b-started"}
    assert run(bookings=(soon,)).attended_booking_ids == ()  # a deny attends nothing
