"""Where and when a report looks: the store's time zone and day cut-off, the business days
asked for as UTC bounds, how UTC timestamps fold into business days and local hours, and
which rows belong to the selected store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, and_, func, or_, true
from sqlalchemy.sql.elements import ColumnClause

from desktop_app.domain.business_day import business_day, business_day_bounds
from desktop_app.reports.model import Period


@dataclass(frozen=True, slots=True)
class Scope:
    tz: ZoneInfo
    cutoff: time
    store_id: str | None  # None: every store in this database
    desk_store_id: str | None  # the store this desk belongs to (None: not enrolled)

    # -- time ---------------------------------------------------------------------------
    def bounds(self, period: Period) -> tuple[datetime, datetime]:
        start, _ = business_day_bounds(period.first, self.tz, self.cutoff)
        _, end = business_day_bounds(period.last, self.tz, self.cutoff)
        return start, end

    def bucket_chars(self, period: Period) -> int:
        """How much of the stored ISO text identifies a bucket: the UTC hour (13 chars) when
        every business-day boundary and local hour falls on a UTC hour (whole-hour offsets
        such as Asia/Shanghai), else the UTC minute (16 chars)."""
        if self.cutoff.minute or self.cutoff.second:
            return 16
        start, end = self.bounds(period)
        at = start
        while at <= end:  # offsets can change (DST) inside the period: check every day
            offset = self.tz.utcoffset(at.replace(tzinfo=None))
            if offset is None or offset % timedelta(hours=1):
                return 16
            at += timedelta(hours=12)
        return 13

    def bucket(self, column: ColumnClause[datetime] | ColumnElement[datetime],
               chars: int) -> ColumnElement[str]:
        return func.substr(column, 1, chars, type_=String)

    def bucket_instant(self, key: str) -> datetime:
        return _instant(key)

    def day_of(self, key: str) -> date:
        return _day_of(key, self.tz, self.cutoff)

    def hour_of(self, key: str) -> int:
        return _instant(key).astimezone(self.tz).hour

    # -- place --------------------------------------------------------------------------
    @property
    def money_here(self) -> bool:
        """Sales, refunds, points and stored value are recorded by the desk that took them and
        are not pulled from other desks: they belong to this desk's store."""
        return self.store_id is None or self.desk_store_id in (None, self.store_id)

    def owned(self, column: ColumnClause[str | None] | ColumnElement[str | None]
              ) -> ColumnElement[bool]:
        """Rows of the selected store; rows with no store belong to this desk's store."""
        if self.store_id is None:
            return true()
        if self.desk_store_id in (None, self.store_id):
            return or_(column == self.store_id, column.is_(None))
        return and_(column == self.store_id)


@lru_cache(maxsize=65536)
def _instant(key: str) -> datetime:
    """"2026-03-02T01" or "2026-03-02T01:30" (a UTC hour or minute) as an instant."""
    return datetime.fromisoformat(key if len(key) > 13 else key + ":00").replace(tzinfo=UTC)


@lru_cache(maxsize=65536)
def _day_of(key: str, tz: ZoneInfo, cutoff: time) -> date:
    return business_day(_instant(key), tz, cutoff)
