"""The daily summary as a PDF (Qt's QPdfWriter + QTextDocument, no extra dependency): the
figures beside their comparisons, revenue by tender, check-ins by hour, classes, staff
actions, the trend and the watch lists. Labels are translated like every string of the desk
(context "ReportExport")."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop_app.reports import Figures, Summary, Watchlists
from desktop_app.reports.csv_export import money


def _value(figures: Figures, name: str, is_money: bool) -> str:
    value = getattr(figures, name)
    return money(value) if is_money else str(value)


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>"
                   for row in rows)
    return (f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr>{head}</tr>{body}</table>")


def _h(text: str, level: int = 3) -> str:
    return f"<h{level}>{escape(text)}</h{level}>"


class ReportExport(QObject):
    def figure_labels(self) -> list[tuple[str, str, bool]]:
        """(figure name, translated label, is money) in reading order."""
        return [
            ("revenue", self.tr("Revenue (net of refunds)"), True),
            ("sales", self.tr("Sales"), False),
            ("average_ticket", self.tr("Average ticket"), True),
            ("discounts", self.tr("Discounts"), True),
            ("refund_amount", self.tr("Refunds"), True),
            ("points_earned", self.tr("Points earned"), False),
            ("points_redeemed", self.tr("Points redeemed"), False),
            ("points_expired", self.tr("Points expired"), False),
            ("points_adjusted", self.tr("Points adjusted"), False),
            ("sv_topped_up", self.tr("Stored value topped up"), True),
            ("sv_spent", self.tr("Stored value spent"), True),
            ("new_members", self.tr("New members"), False),
            ("checkins", self.tr("Check-ins"), False),
            ("unique_members", self.tr("Unique members"), False),
            ("denied", self.tr("Denied at the door"), False),
            ("sessions", self.tr("Class sessions"), False),
            ("fill_rate_pct", self.tr("Fill rate %"), False),
            ("no_shows", self.tr("No-shows"), False),
        ]

    def html(self, s: Summary, lists: Watchlists, store_name: str) -> str:
        period = (s.period.first.isoformat() if s.period.days == 1
                  else f"{s.period.first.isoformat()} – {s.period.last.isoformat()}")
        synced = (s.freshness.last_sync.strftime("%Y-%m-%d %H:%M") if s.freshness.last_sync
                  else self.tr("never"))
        compare = [self.tr("This period"), self.tr("Previous"),
                   self.tr("Same weekday last week")]
        parts = [
            _h(f"{self.tr('Daily summary')}: {store_name}", 2),
            f"<p>{escape(self.tr('Business day'))}: <b>{escape(period)}</b> "
            f"({escape(s.timezone)})<br/>{escape(self.tr('Synced up to'))}: {escape(synced)}; "
            f"{escape(self.tr('changes waiting'))}: {s.freshness.pending_changes}</p>",
        ]
        if not s.money_here:
            parts.append(f"<p><i>{escape(self.tr('Sales are kept on that store’s desks.'))}"
                         "</i></p>")
        parts.append(_table([self.tr("Figure"), *compare], [
            [label, _value(s.current, n, m), _value(s.previous, n, m),
             _value(s.last_week, n, m)] for n, label, m in self.figure_labels()]))
        kinds = sorted({k for f in (s.current, s.previous, s.last_week) for k, _ in f.tenders})
        parts.append(_h(self.tr("Revenue by payment method")))
        parts.append(_table([self.tr("Payment method"), *compare], [
            [k, money(s.current.tender(k)), money(s.previous.tender(k)),
             money(s.last_week.tender(k))] for k in kinds]))
        parts.append(_h(self.tr("Check-ins by hour")))
        parts.append(_table([self.tr("Hour"), self.tr("Check-ins")], [
            [f"{h:02d}:00", str(n)] for h, n in enumerate(s.checkins_by_hour) if n]))
        parts.append(_h(self.tr("Classes")))
        parts.append(_table(
            [self.tr("Starts (UTC)"), self.tr("Class"), self.tr("Booked"), self.tr("Capacity"),
             self.tr("Fill rate %"), self.tr("No-shows")],
            [[c.starts_at.strftime("%Y-%m-%d %H:%M"), c.class_name, str(c.booked),
              str(c.capacity), str(c.fill_rate_pct), str(c.no_shows)] for c in s.classes]))
        parts.append(_h(self.tr("Overrides, voids and refunds per staff member")))
        parts.append(_table(
            [self.tr("Staff"), self.tr("Overrides"), self.tr("Voids"), self.tr("Refunds"),
             self.tr("Adjustments")],
            [[x.staff_name, str(x.overrides), str(x.voids), str(x.refunds),
              str(x.adjustments)] for x in s.staff]))
        parts.append(_h(self.tr("14-day trend")))
        parts.append(_table(
            [self.tr("Day"), self.tr("Revenue"), self.tr("Sales"), self.tr("Check-ins")],
            [[p.day.isoformat(), money(p.revenue), str(p.sales), str(p.checkins)]
             for p in s.trend]))
        parts.append(_h(self.tr("Entitlements expiring: %1 within 7 days, %2 within 30 days")
                        .replace("%1", str(lists.expiring_7))
                        .replace("%2", str(lists.expiring_30))))
        parts.append(_table([self.tr("Member"), self.tr("Entitlement"), self.tr("Ends")], [
            [f"{e.member_number} {e.member_name}", e.entitlement_name,
             e.valid_until.strftime("%Y-%m-%d")] for e in lists.expiring]))
        parts.append(_h(self.tr("Members not seen for 14 days: %1; for 30 days: %2")
                        .replace("%1", str(lists.absent_14))
                        .replace("%2", str(lists.absent_30))))
        yes, no = self.tr("yes"), self.tr("no")
        parts.append(_table(
            [self.tr("Member"), self.tr("Last seen"), self.tr("SMS consent"),
             self.tr("Email consent")],
            [[f"{a.member_number} {a.member_name}", a.last_seen.strftime("%Y-%m-%d"),
              yes if a.consent_sms else no, yes if a.consent_email else no]
             for a in lists.absent]))
        return "<html><body>" + "".join(parts) + "</body></html>"


def summary_html(s: Summary, lists: Watchlists, store_name: str) -> str:
    return ReportExport().html(s, lists, store_name)


def write_pdf(path: Path, html: str) -> None:
    """A4 portrait, 15 mm margins; Qt embeds the fonts, CJK included."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle("Frontdesk daily summary")
    doc = QTextDocument()
    doc.setHtml(html)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(writer)
