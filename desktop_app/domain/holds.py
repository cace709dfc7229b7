"""An entitlement's life after the sale (DOMAIN.md, Entitlements): holds (freezes), renewal,
and the cooling-off refund. Pure: every instant is passed in.

The stored `valid_until` is the end as sold. Holds move it out by the days actually held,
computed at the moment of a decision (`effective_until`), so a hold that ends on schedule
needs no job to run and an early end simply records `ended_at`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop_app.domain.entitlements import Entitlement, Hold
from desktop_app.domain.errors import DomainError, ValidationError

DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class HoldRules:
    min_days: int = 7
    max_days: int = 90
    per_year: int = 2


@dataclass(frozen=True, slots=True)
class LifecycleRules:
    cooling_off_days: int = 7


class HoldRefused(DomainError):
    """A hold request broke a rule; `details['reason']` says which."""

    code = "hold_refused"


class RefundRefused(DomainError):
    code = "refund_refused"


def held_days(hold: Hold, now: datetime) -> int:
    """Whole days a hold has kept the entitlement frozen by `now` (a started day counts:
    the member could not use it that day)."""
    end = min(hold.ended_at or hold.ends_at, now)
    if end <= hold.starts_at:
        return 0
    return math.ceil((end - hold.starts_at) / DAY)


def effective_until(ent: Entitlement, now: datetime) -> datetime | None:
    """The end date after moving it out by every day held so far."""
    if ent.valid_until is None:
        return None
    return ent.valid_until + DAY * sum(held_days(h, now) for h in ent.holds)


def as_of(ent: Entitlement, now: datetime) -> Entitlement:
    """The entitlement with its end moved out by the holds: what status is computed from."""
    return replace(ent, valid_until=effective_until(ent, now))


def validate_hold(
    ent: Entitlement,
    starts_at: datetime,
    ends_at: datetime | None,
    reason: str,
    rules: HoldRules = HoldRules(),
) -> Hold:
    """A new hold, or HoldRefused: needs an end date and a reason, [7]-[90] days, at most
    [2] holds in any 365 days, never overlapping another hold."""
    if ends_at is None:
        raise ValidationError("ends_at", "required", "a hold needs an end date")
    if not reason.strip():
        raise ValidationError("reason", "required", "a hold needs a reason")
    days = (ends_at - starts_at) / DAY
    if days < rules.min_days:
        raise HoldRefused("hold too short", reason="too_short", min_days=rules.min_days)
    if days > rules.max_days:
        raise HoldRefused("hold too long", reason="too_long", max_days=rules.max_days)
    year_ago = starts_at - timedelta(days=365)
    recent = [h for h in ent.holds if h.starts_at > year_ago]
    if len(recent) >= rules.per_year:
        raise HoldRefused("too many holds this year", reason="too_many", per_year=rules.per_year)
    for h in ent.holds:
        if starts_at < (h.ended_at or h.ends_at) and h.starts_at < ends_at:
            raise HoldRefused("overlaps another hold", reason="overlap")
    return Hold(starts_at=starts_at, ends_at=ends_at)


def end_hold_early(hold: Hold, now: datetime) -> Hold:
    """The member came back: the hold ends now, and only the days actually held count."""
    if hold.ended_at is not None or now >= hold.ends_at:
        raise HoldRefused("hold already over", reason="not_running")
    if now < hold.starts_at:
        # Cancelled before it began: nothing held.
        return replace(hold, ended_at=hold.starts_at)
    return replace(hold, ended_at=now)


@dataclass(frozen=True, slots=True)
class Window:
    valid_from: datetime
    valid_until: datetime


def _local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz)


def renewal_window(
    old: Entitlement, now: datetime, tz: ZoneInfo, length: timedelta
) -> Window:
    """A renewal starts the day after the old one ends (local midnight), so no day is lost or
    paid twice. When the old one ended long ago, the renewal starts today instead: a careful
    owner never sells days in the past."""
    end = effective_until(old, now)
    today = now.astimezone(tz).date()
    if end is None:
        start_day = today
    else:
        last_day = (end - timedelta(microseconds=1)).astimezone(tz).date()
        start_day = max(last_day + timedelta(days=1), today)
    start = _local_midnight(start_day, tz)
    return Window(start, start + length)


def refundable(
    purchased_at: datetime,
    activated_at: datetime | None,
    units_used: int,
    now: datetime,
    rules: LifecycleRules = LifecycleRules(),
) -> None:
    """Raise RefundRefused unless a full cooling-off refund is allowed: unused (never
    activated by a check-in, no unit spent) and within [7] days of the purchase."""
    if activated_at is not None or units_used > 0:
        raise RefundRefused("already used", reason="used")
    if now - purchased_at > timedelta(days=rules.cooling_off_days):
        raise RefundRefused("cooling-off period over", reason="too_late")


def holds_in_year(holds: Iterable[Hold], at: datetime) -> int:
    return sum(1 for h in holds if h.starts_at > at - timedelta(days=365))
