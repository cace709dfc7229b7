"""Exports of the fixed dataset's summary (tests/helpers/report_dataset.py): CSV and the
receipt template. The PDF is tested under tests/qt/reports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from sqlalchemy import select

from desktop_app.devices.printing.payload import from_json, to_json
from desktop_app.devices.receipts.preview import PreviewLine, preview
from desktop_app.devices.receipts.templates import StoreText
from desktop_app.devices.receipts.templates.daily_summary import (
    DailySummary,
    daily_summary_receipt,
)
from desktop_app.reports import Period
from desktop_app.services.reports import receipt_data
from desktop_app.store.models import AuditEntry

D = Period.day(date(2026, 3, 2))


def sections(text: str) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] = []
    for row in csv.reader(io.StringIO(text)):
        if row and row[0].startswith("# "):
            current = out.setdefault(row[0][2:], [])
        elif row:
            current.append(row)
    return out


def test_csv_holds_the_figures_and_the_export_is_audited(dataset) -> None:
    text = dataset.services.reports.export_csv(dataset.manager, D)
    got = sections(text)
    figures = {row[0]: row[1:] for row in got["figures"][1:]}
    # current, previous day, same weekday last week (hand figures in test_daily_summary.py)
    assert figures["revenue"] == ["114.50", "33.50", "7.00"]
    assert figures["unique_members"] == ["3", "2", "1"]
    assert figures["tender:card"] == ["-30.00", "30.00", "0.00"]
    assert figures["fill_rate_pct"][0] == "66.7"
    assert [r[0] for r in got["absent"][1:]] and got["absent"][1][1] == "Eve 伊芙"
    with dataset.services.db.read() as s:
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert last is not None and last.action == "report.export"
    assert last.details == {"kind": "csv", "first": "2026-03-02", "last": "2026-03-02"}


def test_receipt_template_prints_the_summary_and_survives_a_print_job(dataset) -> None:
    summary = dataset.services.reports.summary(dataset.manager, D)
    data = receipt_data(summary, datetime(2026, 3, 3, 1, tzinfo=UTC))
    assert from_json(DailySummary, to_json(data)) == data  # what a print job stores
    for lang, revenue_label in (("en", "Revenue (net)"), ("zh_CN", "净收入")):
        doc = daily_summary_receipt(data, StoreText(("Frontdesk 静安店",)), lang)
        lines = [i.text for i in preview(doc).items if isinstance(i, PreviewLine)]
        text = "\n".join(lines)
        assert revenue_label in text and "¥114.50" in text  # 14450 - 3000
        assert "66.7%" in text  # 2 of 3 seats
