"""The PDF export opens and holds the figures of the fixed dataset (read back with
pdftotext; hand figures in tests/integration/reports/test_daily_summary.py)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest

from desktop_app.reports import Period
from tests.helpers.report_dataset import Dataset, build_dataset

D = Period.day(date(2026, 3, 2))


@pytest.fixture
def dataset(services, admin, staff_of, clock) -> Dataset:
    return build_dataset(services, admin, staff_of, clock)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_pdf_opens_and_holds_the_figures(dataset, tmp_path, qapp) -> None:
    from desktop_app.qt.reports_export import summary_html, write_pdf

    bundle = dataset.services.reports.bundle(dataset.manager, D)
    path = tmp_path / "summary.pdf"
    write_pdf(path, summary_html(bundle.summary, bundle.watchlists, "Frontdesk 静安店"))
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "2026-03-02" in text
    assert "114.50" in text and "33.50" in text  # revenue, previous day
    assert "28.90" in text  # average ticket 14450 / 5
    assert "静安店" in text and "伊芙" in text  # CJK text survives
    assert "10次卡" in text  # expiring entitlement
