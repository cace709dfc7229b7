"""Where and when a report looks: the store's time zone and day cut-off, the business days
asked for as UTC bounds, and which rows belong to the selected store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_, true
from sqlalchemy.sql.elements import ColumnClause

from desktop_app.domain.business_day import business_day_bounds
from desktop_app.reports.model import Period


@dataclass(frozen=True, slots=True)
class Scope:
    tz: ZoneInfo
    cutoff: time
    store_id: str | None  # None: every store in this database
    desk_store_id: str | None  # the store this desk belongs to (None: not enrolled)
    rollups: bool = True  # read hour-aligned days from the rollups (False: source rows only)

    # -- time ---------------------------------------------------------------------------
    def bounds(self, period: Period) -> tuple[datetime, datetime]:
        start, _ = business_day_bounds(period.first, self.tz, self.cutoff)
        _, end = business_day_bounds(period.last, self.tz, self.cutoff)
        return start, end

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

