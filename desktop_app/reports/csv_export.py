"""The summary as CSV: one section per table, figures beside their comparisons. Money is
written in major units with two decimals (what a spreadsheet expects), points as counts."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from desktop_app.reports.model import Figures, Summary, Watchlists

MONEY = frozenset({"gross", "discounts", "sales_total", "refund_amount", "revenue",
                   "average_ticket", "sv_topped_up", "sv_topup_paid", "sv_spent"})
# Rows of the figures table, in the order a manager reads them.
ROWS = ("revenue", "sales", "average_ticket", "gross", "discounts", "refunds", "refund_amount",
        "points_earned", "points_redeemed", "points_expired", "points_adjusted",
        "sv_topped_up", "sv_topup_paid", "sv_spent", "new_members", "checkins",
        "unique_members", "denied", "sessions", "seats", "booked", "attended", "no_shows",
        "fill_rate_pct")


def money(minor: int) -> str:
    sign = "-" if minor < 0 else ""
    return f"{sign}{abs(minor) // 100}.{abs(minor) % 100:02d}"


def figure(f: Figures, name: str) -> str:
    value = getattr(f, name)
    return money(value) if name in MONEY else str(value)


def figure_rows(s: Summary) -> list[tuple[str, str, str, str]]:
    """(name, current, previous, same weekday last week) for every figure and tender."""
    rows = [(n, figure(s.current, n), figure(s.previous, n), figure(s.last_week, n))
            for n in ROWS]
    kinds = sorted({k for f in (s.current, s.previous, s.last_week) for k, _ in f.tenders})
    rows += [(f"tender:{k}", money(s.current.tender(k)), money(s.previous.tender(k)),
              money(s.last_week.tender(k))) for k in kinds]
    return rows


def summary_csv(s: Summary, lists: Watchlists) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")

    def section(title: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
        w.writerow([f"# {title}"])
        w.writerow(header)
        w.writerows(rows)
        w.writerow([])

    section("summary", ("first_day", "last_day", "store", "timezone", "last_sync",
                        "pending_changes"),
            [(s.period.first, s.period.last, s.store_id or "all", s.timezone,
              s.freshness.last_sync.isoformat() if s.freshness.last_sync else "",
              s.freshness.pending_changes)])
    section("figures", ("figure", "current", "previous", "same_weekday_last_week"),
            figure_rows(s))
    section("checkins_by_hour", ("hour", "checkins"), enumerate(s.checkins_by_hour))
    section("classes", ("starts_at", "class", "capacity", "booked", "attended", "no_shows",
                        "fill_rate_pct", "cancelled"),
            [(c.starts_at.isoformat(), c.class_name, c.capacity, c.booked, c.attended,
              c.no_shows, c.fill_rate_pct, c.cancelled) for c in s.classes])
    section("staff", ("staff", "overrides", "voids", "refunds", "adjustments"),
            [(x.staff_name, x.overrides, x.voids, x.refunds, x.adjustments) for x in s.staff])
    section("trend", ("day", "revenue", "sales", "checkins"),
            [(p.day, money(p.revenue), p.sales, p.checkins) for p in s.trend])
    section("expiring", ("member_number", "member", "entitlement", "valid_until"),
            [(e.member_number, e.member_name, e.entitlement_name, e.valid_until.isoformat())
             for e in lists.expiring])
    section("absent", ("member_number", "member", "phone", "last_seen", "consent_sms",
                       "consent_email"),
            [(a.member_number, a.member_name, a.phone or "", a.last_seen.isoformat(),
              a.consent_sms, a.consent_email) for a in lists.absent])
    return out.getvalue()
