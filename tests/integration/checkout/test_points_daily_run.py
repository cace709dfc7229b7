"""The points jobs of each business day (PointsService.daily_run): the expiry run and the
birthday bonus, once per business day, posting nothing twice even when run again, and run
again when the day rolls over."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, func, select

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.services.members import MemberDraft
from desktop_app.services.points import DAILY_RUN
from desktop_app.store.checkout_models import PointsEntry
from desktop_app.store.models import Member, OutboxOp, SyncState, Tier


def _count(services, model) -> int:  # type: ignore[no-untyped-def]
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def _balance(services, member_id: str) -> int:  # type: ignore[no-untyped-def]
    with services.db.read() as s:
        return s.get(Member, member_id).points_balance


def _setup(services, admin):  # type: ignore[no-untyped-def]
    """A gold member born on today's date (500 points on the birthday), a plain member born
    tomorrow, and a member whose 300 points were earned two years ago (lapsed)."""
    today = services.sales.points.business_day()
    born = services.members.create(admin, MemberDraft(name="寿星", phone="13900000001"))
    other = services.members.create(admin, MemberDraft(name="Other", phone="13900000002"))
    lapsed = services.members.create(admin, MemberDraft(name="Lapsed", phone="13900000003"))
    services.sales.points.adjust(admin, lapsed.id, 300, "old", today - timedelta(days=730))
    services.sales.points.adjust(admin, lapsed.id, 40, "recent", today)
    now = services.clock.now()
    with services.db.write_session() as s, s.begin():
        gold = Tier(id=new_id(), created_at=now, updated_at=now, version=1, code="gold",
                    name="Gold", rank=1, points_multiplier_pct=100, discount_pct=0,
                    birthday_bonus_points=500, threshold_minor=0)
        s.add(gold)
        s.flush()
        for member, birthday in ((born, today.replace(year=1990)),
                                 (other, (today + timedelta(days=1)).replace(year=1990))):
            row = s.get(Member, member.id)
            row.birthday, row.tier_id = birthday, gold.id
    return today, born, other, lapsed


def test_the_daily_run_expires_and_awards_once_per_day(services, admin) -> None:
    today, born, other, lapsed = _setup(services, admin)
    first = services.sales.points.daily_run()
    assert (first.day, first.ran) == (today, True)
    assert (first.expired, first.birthdays, first.birthday_points) == (300, 1, 500)
    assert _balance(services, born.id) == 500
    assert _balance(services, other.id) == 0  # not their birthday
    assert _balance(services, lapsed.id) == 40  # the recent lot stays
    entries, ops = _count(services, PointsEntry), _count(services, OutboxOp)
    with services.db.read() as s:
        names = sorted(s.scalars(select(OutboxOp.name).where(
            OutboxOp.name.in_(("points.expire.v1", "points.birthday.v1")))))
    assert names == ["points.birthday.v1", "points.expire.v1"]

    again = services.sales.points.daily_run()  # same business day: skipped
    assert (again.day, again.ran, again.expired, again.birthdays) == (today, False, 0, 0)

    # Forced to run the day again (the remembered day lost): nothing is posted twice.
    with services.db.write_session() as s, s.begin():
        s.execute(delete(SyncState).where(SyncState.key == DAILY_RUN))
    forced = services.sales.points.daily_run()
    assert forced.ran and (forced.expired, forced.birthdays) == (0, 0)
    assert (_count(services, PointsEntry), _count(services, OutboxOp)) == (entries, ops)
    assert _balance(services, born.id) == 500 and _balance(services, lapsed.id) == 40


def test_the_daily_run_runs_again_when_the_day_rolls_over(services, admin, clock) -> None:
    today, born, other, _lapsed = _setup(services, admin)
    assert services.sales.points.daily_run().ran
    clock.advance(hours=12)  # later the same business day
    assert not services.sales.points.daily_run().ran
    clock.advance(hours=12)  # the next business day
    tomorrow = services.sales.points.daily_run()
    assert (tomorrow.day, tomorrow.ran) == (today + timedelta(days=1), True)
    assert (tomorrow.birthdays, tomorrow.birthday_points) == (1, 500)  # the other member's
    assert _balance(services, other.id) == 500 and _balance(services, born.id) == 500
    # A year on, the first member's birthday pays again (once for that year).
    clock.advance(days=364)
    next_year = services.sales.points.daily_run()
    assert next_year.day == date(today.year + 1, today.month, today.day)
    assert next_year.birthdays == 1 and _balance(services, born.id) == 1000
    assert not services.sales.points.daily_run().ran


def test_a_29_february_birthday_is_kept_on_the_28th(services, admin, clock) -> None:
    today, born, _other, _lapsed = _setup(services, admin)
    with services.db.write_session() as s, s.begin():
        s.get(Member, born.id).birthday = date(1992, 2, 29)
    days_to = (date(today.year + 1, 2, 28) - today).days  # 2027 is not a leap year
    clock.advance(days=days_to)
    run = services.sales.points.daily_run()
    assert run.day == date(today.year + 1, 2, 28) and run.birthdays == 1


def test_a_later_day_looks_only_at_lots_lapsed_since_the_last_run(services, admin,
                                                                  clock) -> None:
    from desktop_app.store.points_ledger import members_with_lapsed_lots

    today, _born, _other, lapsed = _setup(services, admin)
    # 70 points earned a year ago expire at the end of this month (2026-03-31).
    services.sales.points.adjust(admin, lapsed.id, 70, "last year",
                                 today.replace(year=today.year - 1))
    assert services.sales.points.daily_run().expired == 300
    with services.db.read() as s:  # the old lot, expired already, is not looked at again
        assert members_with_lapsed_lots(s, today + timedelta(days=1), since=today) == []
        assert members_with_lapsed_lots(s, today + timedelta(days=1)) == [lapsed.id]
    clock.advance(days=(date(today.year, 4, 1) - today).days)
    run = services.sales.points.daily_run()
    assert run.day == date(today.year, 4, 1) and run.expired == 70
    assert _balance(services, lapsed.id) == 40


def test_the_birthday_run_in_batches_awards_each_member_once(services, admin) -> None:
    today, born, other, _lapsed = _setup(services, admin)
    extra = [services.members.create(admin, MemberDraft(name=f"B{i}", phone=f"1370000000{i}"))
             for i in range(2)]
    with services.db.write_session() as s, s.begin():
        gold = s.get(Member, born.id).tier_id
        for m in extra:
            row = s.get(Member, m.id)
            row.birthday, row.tier_id = today.replace(year=2001), gold
    assert services.sales.points.birthday_bonus(born.id, today) == 500  # awarded by hand
    assert services.sales.points.birthday_run(today, batch=2) == (2, 1000)  # the other two
    assert services.sales.points.birthday_run(today, batch=2) == (0, 0)
    with pytest.raises(ValidationError):  # by hand again: refused, nothing written
        services.sales.points.birthday_bonus(extra[0].id, today)
    assert [_balance(services, m.id) for m in (born, *extra, other)] == [500, 500, 500, 0]
    with services.db.read() as s:
        assert s.scalar(select(func.count()).where(OutboxOp.name == "points.birthday.v1")) == 3
