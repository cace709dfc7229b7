"""Daily summaries for managers (issue 9): `report.view` is checked here, then the queries in
desktop_app.reports run on one read snapshot of the local database. Nothing is written,
except the audit entry of an export (it can carry members' names and phones)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from desktop_app.devices.receipts.templates.daily_summary import DailySummary
from desktop_app.devices.receipts.templates.data import Tender as ReceiptTender
from desktop_app.domain.business_day import business_day
from desktop_app.domain.permissions import Actor, Permission, authorise
from desktop_app.reports import Period, Summary, TrendPoint, Watchlists, summarise, trend
from desktop_app.reports import watchlists as watchlists_of
from desktop_app.reports.csv_export import summary_csv
from desktop_app.reports.summary import scope_of
from desktop_app.services.base import Service
from desktop_app.store.models import Store


@dataclass(frozen=True, slots=True)
class StoreChoice:
    id: str
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class ReportBundle:
    """Everything the reports page shows, read in one snapshot (the trend is in the summary)."""

    summary: Summary
    watchlists: Watchlists


def receipt_data(s: Summary, printed_at: datetime) -> DailySummary:
    """The summary as the receipt template's input (desktop_app/devices/receipts)."""
    period = (s.period.first.isoformat() if s.period.days == 1
              else f"{s.period.first.isoformat()} – {s.period.last.isoformat()}")
    c = s.current
    return DailySummary(
        period=period, printed_at=printed_at, revenue=c.revenue,
        revenue_previous=s.previous.revenue, revenue_last_week=s.last_week.revenue,
        sales_count=c.sales, average_ticket=c.average_ticket, discounts=c.discounts,
        refunds_count=c.refunds, refunds_total=c.refund_amount,
        tenders=tuple(ReceiptTender(kind, amount) for kind, amount in c.tenders),
        checkins=c.checkins, checkins_previous=s.previous.checkins,
        checkins_last_week=s.last_week.checkins, unique_members=c.unique_members,
        new_members=c.new_members, points_earned=c.points_earned,
        points_redeemed=c.points_redeemed, sv_topped_up=c.sv_topped_up, sv_spent=c.sv_spent,
        sessions=c.sessions,
        fill_rate_tenths=(c.booked * 2000 + c.seats) // (2 * c.seats) if c.seats else 0,
        synced_at=s.freshness.last_sync, pending_changes=s.freshness.pending_changes)


class ReportService(Service):
    def today(self) -> date:
        """The current business day in the store's time zone."""
        with self._db.read() as session:
            scope = scope_of(session.connection(), None)
        return business_day(self._clock.now(), scope.tz, scope.cutoff)

    def stores(self, actor: Actor) -> list[StoreChoice]:
        authorise(actor, Permission.REPORT_VIEW)
        with self._db.read() as session:
            rows = session.execute(select(Store.id, Store.code, Store.name).where(
                Store.deleted_at.is_(None)).order_by(Store.code)).all()
        return [StoreChoice(*row) for row in rows]

    def desk_store(self) -> str | None:
        with self._db.read() as session:
            return scope_of(session.connection(), None).desk_store_id

    def summary(self, actor: Actor, period: Period, store_id: str | None = None) -> Summary:
        authorise(actor, Permission.REPORT_VIEW)
        with self._db.read() as session:
            return summarise(session.connection(), period, store_id, self._clock.now())

    def trend(self, actor: Actor, last_day: date, store_id: str | None = None
              ) -> tuple[TrendPoint, ...]:
        authorise(actor, Permission.REPORT_VIEW)
        with self._db.read() as session:
            return trend(session.connection(), last_day, store_id)

    def watchlists(self, actor: Actor, period: Period, store_id: str | None = None
                   ) -> Watchlists:
        authorise(actor, Permission.REPORT_VIEW)
        with self._db.read() as session:
            return watchlists_of(session.connection(), period, store_id)

    def bundle(self, actor: Actor, period: Period, store_id: str | None = None) -> ReportBundle:
        """The page's data: the summary (with its 14-day trend) and the watch lists."""
        authorise(actor, Permission.REPORT_VIEW)
        with self._db.read() as session:
            conn = session.connection()
            return ReportBundle(summarise(conn, period, store_id, self._clock.now()),
                                watchlists_of(conn, period, store_id))

    def export_csv(self, actor: Actor, period: Period, store_id: str | None = None) -> str:
        """The summary as CSV text (UTF-8 with a BOM when written, for spreadsheet apps)."""
        bundle = self.bundle(actor, period, store_id)
        self.record_export(actor, period, "csv")
        return summary_csv(bundle.summary, bundle.watchlists)

    def record_export(self, actor: Actor, period: Period, kind: str) -> None:
        """Audit an export (CSV, PDF, print): it may carry members' contact details."""
        with self._authorised(actor, Permission.REPORT_VIEW) as uow:
            uow.audit("report.export", entity="report", details={
                "kind": kind, "first": period.first.isoformat(),
                "last": period.last.isoformat()})

