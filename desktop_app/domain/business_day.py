"""The business day: the store's local date with a day cut-off, so a sale at 01:30 belongs to
the previous day (DOMAIN.md, Money and time)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_CUTOFF = time(4, 0)


def business_day(instant: datetime, tz: ZoneInfo, cutoff: time = DEFAULT_CUTOFF) -> date:
    local = instant.astimezone(tz)
    cut = timedelta(hours=cutoff.hour, minutes=cutoff.minute)
    return (local - cut).date()


def business_day_bounds(
    day: date, tz: ZoneInfo, cutoff: time = DEFAULT_CUTOFF
) -> tuple[datetime, datetime]:
    """[start, end) of a business day as UTC instants (DST-safe: each end is computed locally)."""
    start = datetime.combine(day, cutoff, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), cutoff, tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)
