"""The daily summary of the fixed dataset (conftest.py has the timeline); every expected
number is worked out by hand in the comment beside it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from desktop_app.domain.errors import PermissionDenied
from desktop_app.domain.permissions import Role
from desktop_app.reports import Period

D = date(2026, 3, 2)  # the business day of the dataset (conftest.py)


def z(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def summary(dataset):
    return dataset.services.reports.summary(dataset.manager, Period.day(D))


def test_sales_revenue_and_tenders_of_the_day(summary) -> None:
    f = summary.current
    # D holds s2 7200, s6 1200, s3 2700, s7 3000 and s4 350 (01:30 local on 03-03 is still
    # D); s5 at 04:15 local belongs to 03-03.
    assert f.sales == 5
    assert f.gross == 7200 + 1200 + 3000 + 3000 + 350 == 14750
    assert f.discounts == 300  # 10% of s3's towel
    assert f.sales_total == 7200 + 1200 + 2700 + 3000 + 350 == 14450
    # The refund of s1 (sold the day before) counts on the day it was given back.
    assert (f.refunds, f.refund_amount) == (1, 3000)
    assert f.revenue == 14450 - 3000 == 11450
    assert f.average_ticket == 14450 // 5 == 2890
    assert dict(f.tenders) == {
        "cash": 7200 + 2800,  # s2 paid 8000 with 800 change; s7's cash part
        "wechat": 2700,  # s3
        "stored_value": 1200,  # s6
        "points": 200,  # s7: 200 points at 100 points a yuan
        "alipay": 350,  # s4
        "card": -3000,  # s1's refund; s1 itself was on the previous day
    }
    assert sum(dict(f.tenders).values()) == f.revenue


def test_points_and_stored_value_of_the_day(summary) -> None:
    f = summary.current
    # s2 earns 2 towels 6000 fen x1 = 60 + bar 1200 fen x2 = 24 -> 84; s7 earns on the 2800
    # paid in cash -> 28; s6 (stored value) earns nothing; the refund of s1 reverses 30.
    assert f.points_earned == 84 + 28 - 30 == 82
    assert f.points_redeemed == 200  # s7
    assert f.points_expired == 0
    assert f.points_adjusted == -10  # the manager's correction
    assert (f.sv_topped_up, f.sv_topup_paid, f.sv_spent) == (10000, 10000, 1200)


def test_check_ins_by_hour_unique_members_and_new_members(summary) -> None:
    f = summary.current
    # Granted and not voided on D: c1 A 05:00, c2 B 10:30, c3 A 14:00, c4b C 15:05,
    # c5 B 03:30 (03-03 local, before the cut-off). c6 was voided, c7 is on 03-03.
    assert f.checkins == 5
    assert f.denied == 1  # c4
    assert f.unique_members == 3  # A and B came twice each; C once
    hours = summary.checkins_by_hour
    assert {h: n for h, n in enumerate(hours) if n} == {3: 1, 5: 1, 10: 1, 14: 1, 15: 1}
    assert f.new_members == 1  # C, created at 08:30 local


def test_classes_fill_rate_and_no_shows(summary) -> None:
    f = summary.current
    assert (f.sessions, f.seats, f.booked, f.attended, f.no_shows) == (1, 3, 2, 1, 1)
    assert f.fill_rate_pct == 66.7  # 2 booked of 3 seats
    (line,) = summary.classes
    assert (line.class_name, line.booked, line.attended, line.no_shows) == (
        "Yoga 瑜伽", 2, 1, 1)
    assert line.starts_at == z(3, 2, 10)  # 18:00 local


def test_comparisons_previous_day_and_same_weekday_last_week(summary) -> None:
    prev, week = summary.previous, summary.last_week
    # 03-01: s1 3000 (card) and s8 350 (01:30 local on 03-02, before the cut-off).
    assert (prev.sales, prev.sales_total, prev.revenue) == (2, 3350, 3350)
    assert dict(prev.tenders) == {"card": 3000, "cash": 350}
    assert prev.points_earned == 30  # s1: ¥30 at 1 point a yuan
    # B at 11:00 and A at 02:00 local on 03-02 (before the cut-off).
    assert (prev.checkins, prev.unique_members) == (2, 2)
    # 02-23: s0 700 cash, A's check-in.
    assert (week.sales, week.revenue, week.checkins, week.unique_members) == (1, 700, 1, 1)


def test_staff_actions(summary) -> None:
    by_name = {x.staff_name: x for x in summary.staff}
    manager = by_name["Staff manager"]
    assert (manager.overrides, manager.refunds, manager.adjustments, manager.voids) == (
        1, 1, 1, 0)
    assert by_name["Staff front_desk"].voids == 1
    assert set(by_name) == {"Staff manager", "Staff front_desk"}


def test_freshness_banner_counts_the_changes_waiting(dataset, summary) -> None:
    # Never enrolled: nothing synced, every op is still waiting.
    assert summary.freshness.enrolled is False
    assert summary.freshness.last_sync is None
    with dataset.services.db.read() as s:
        from sqlalchemy import func, select

        from desktop_app.store.models import OutboxOp
        pending = s.scalar(select(func.count()).select_from(OutboxOp))
    assert pending and summary.freshness.pending_changes == pending


def test_a_range_sums_its_days_but_counts_members_once(dataset) -> None:
    r = dataset.services.reports.summary(dataset.manager, Period(date(2026, 3, 1), D))
    assert r.current.sales == 2 + 5
    assert r.current.revenue == 3350 + 11450
    assert r.current.checkins == 2 + 5
    assert r.current.unique_members == 3  # A, B (both days) and C
    # The previous two days (02-27, 02-28) are empty; one week earlier is 02-22..02-23.
    assert r.previous.sales == 0
    assert (r.last_week.sales, r.last_week.checkins) == (1, 1)
    assert dict(r.current.tenders).get("card", 0) == 0  # s1's 3000 less its refund
    assert dict(r.current.tenders)["cash"] == 350 + 7200 + 2800  # s8, s2, s7
    # A range is compared by tender and by unique members too (issue 9): last week holds
    # s0 (700 cash) and A's one visit; the two days before the range hold nothing.
    assert r.last_week.tenders == (("cash", 700),)
    assert r.last_week.unique_members == 1
    assert (r.previous.tenders, r.previous.unique_members) == ((), 0)


def test_fourteen_day_trend(dataset) -> None:
    points = dataset.services.reports.trend(dataset.manager, D)
    assert [p.day for p in points][0] == date(2026, 2, 17) and len(points) == 14
    by_day = {p.day: p for p in points if p.sales or p.checkins}
    assert {d: (p.revenue, p.sales, p.checkins) for d, p in by_day.items()} == {
        date(2026, 2, 23): (700, 1, 1),
        date(2026, 3, 1): (3350, 2, 2),
        D: (11450, 5, 5),
    }


def test_watchlists_expiring_and_absent_members(dataset) -> None:
    w = dataset.services.reports.watchlists(dataset.manager, Period.day(D))
    # End of D is 03-02 20:00Z. B's 10次卡 ends 03-06 01:00Z (within 7 days); A's 季卡 ends
    # 03-18 01:00Z (within 30); the 年卡 run to 2027.
    assert (w.expiring_7, w.expiring_30) == (1, 2)
    assert [e.entitlement_name for e in w.expiring] == ["10次卡", "季卡"]
    # E last came 02-10 (20 days before the end), F on 01-20 (41 days).
    assert (w.absent_14, w.absent_30) == (1, 1)
    assert [(a.member_name, a.consent_sms, a.consent_email) for a in w.absent] == [
        ("Eve 伊芙", True, False), ("Frank", False, True)]
    assert w.absent[0].last_seen == z(2, 10, 3)


def test_another_time_zone_moves_the_business_day(dataset, admin) -> None:
    s = dataset.services
    s.settings.change(admin, "timezone", "Europe/London")  # UTC+0 in March
    r = s.reports.summary(dataset.manager, Period.day(D))
    # D is now 03-02 04:00Z .. 03-03 04:00Z: sales s6 04:30, s3 05:00, s7 09:00, s4 17:30,
    # s5 20:15 -> 1200 + 2700 + 3000 + 350 + 350.
    assert (r.current.sales, r.current.sales_total) == (5, 7600)
    # Check-ins c3 06:00 (A), c4b 07:05 (C), c5 19:30 (B), c7 20:30 (A).
    assert (r.current.checkins, r.current.unique_members) == (4, 3)
    assert r.timezone == "Europe/London"


def test_reports_need_report_view(dataset, staff_of) -> None:
    with pytest.raises(PermissionDenied):
        dataset.services.reports.summary(staff_of(Role.CASHIER), Period.day(D))


def test_summary_is_stamped_with_the_clock(summary, clock) -> None:
    assert summary.computed_at == clock.now()
