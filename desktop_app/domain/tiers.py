"""Member tiers (DOMAIN.md): by qualifying spend over a rolling [12] months. An upgrade
happens as soon as a threshold is crossed; a downgrade only at the monthly review. A tier
brings a points multiplier, a member discount and a birthday bonus."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class TierRule:
    code: str
    rank: int
    threshold: int  # qualifying spend (minor units) that reaches this tier
    multiplier_pct: int = 100
    discount_pct: int = 0
    birthday_bonus: int = 0


def window_start(now: datetime, months: int = 12) -> datetime:
    """The same instant `months` months earlier (the 31st becomes the month's last day)."""
    index = now.year * 12 + now.month - 1 - months
    year, month = divmod(index, 12)
    day = min(now.day, _days_in(year, month + 1))
    return now.replace(year=year, month=month + 1, day=day)


def _days_in(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def qualifying_spend(
    spends: Iterable[tuple[datetime, int]], now: datetime, months: int = 12
) -> int:
    """Sales count by their total, refunds as negative amounts, within the window."""
    start = window_start(now, months)
    return sum(amount for at, amount in spends if start < at <= now)


def tier_for(spend: int, tiers: Sequence[TierRule]) -> TierRule | None:
    reached = [t for t in tiers if spend >= t.threshold]
    return max(reached, key=lambda t: t.rank) if reached else None


def after_purchase(
    current: TierRule | None, spend: int, tiers: Sequence[TierRule]
) -> TierRule | None:
    """Upgrade at once; never downgrade here (a refund waits for the monthly review)."""
    reached = tier_for(spend, tiers)
    if reached is None:
        return current
    if current is None or reached.rank > current.rank:
        return reached
    return current


def monthly_review(spend: int, tiers: Sequence[TierRule]) -> TierRule | None:
    """The tier the spend supports now, up or down."""
    return tier_for(spend, tiers)


def is_birthday(birthday: date, today: date) -> bool:
    """29 February birthdays are kept on 28 February in other years."""
    if (birthday.month, birthday.day) == (2, 29) and not _is_leap(today.year):
        return (today.month, today.day) == (2, 28)
    return (today.month, today.day) == (birthday.month, birthday.day)


def _is_leap(year: int) -> bool:
    return _days_in(year, 2) == 29


def birthday_bonus(tier: TierRule | None, birthday: date | None, today: date) -> int:
    if tier is None or birthday is None or not is_birthday(birthday, today):
        return 0
    return tier.birthday_bonus
