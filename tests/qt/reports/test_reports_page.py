"""The Reports page on the real services and the fixed dataset (hand figures in
tests/integration/reports/test_daily_summary.py), with the inline runner; screenshots in
English and Chinese land in tmp_path, and with FRONTDESK_UPDATE_SCREENSHOTS=1 also in
docs/screenshots/."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.domain.permissions import Role
from desktop_app.qt.i18n import ui_font
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.reports import ReportsPage
from tests.helpers.report_dataset import Dataset, build_dataset

REPO = Path(__file__).resolve().parents[3]
TRANSLATIONS = REPO / "resources" / "translations"
D = date(2026, 3, 2)


@pytest.fixture
def dataset(services, admin, staff_of, clock) -> Dataset:
    return build_dataset(services, admin, staff_of, clock)


def page_for(qtbot, services, runner, actor) -> ReportsPage:  # type: ignore[no-untyped-def]
    page = ReportsPage()
    qtbot.addWidget(page)
    page.resize(1400, 1000)
    page.attach(DeskContext(services, runner, lambda: actor))
    page.show()  # reports load when the page is first shown
    return page


def test_the_page_shows_the_days_figures_with_comparisons(qtbot, dataset, runner) -> None:
    page = page_for(qtbot, dataset.services, runner, dataset.manager)
    # attach() opened on the store's business day today (the clock is 03-03 17:00 local).
    assert page.selected_period().first == date(2026, 3, 3)
    page.show_day(D)
    tile = page.tiles["revenue"]
    assert tile.value.text() == "¥114.50"  # 14450 sales - 3000 refund
    assert "¥33.50" in tile.compare.text() and "¥7.00" in tile.compare.text()
    assert page.tiles["unique_members"].value.text() == "3"
    assert page.tables.expiring.rowCount() == 2
    assert page.tables.absent.item(0, 0).text().endswith("Eve 伊芙")
    assert page.tables.absent.item(0, 3).text() == "yes"  # E gave SMS consent
    assert "change(s) waiting" in page.banner.text() or "changes waiting" in page.banner.text()
    assert page.charts.hours_chart.series()  # check-ins by hour drawn


def test_a_range_compares_tenders_and_unique_members(qtbot, dataset, runner) -> None:
    from desktop_app.reports import Period

    page = page_for(qtbot, dataset.services, runner, dataset.manager)
    page.show_period(Period(date(2026, 3, 1), D))
    # Unique members: A, B, C this range; last week (02-22..02-23) A alone; before it none.
    assert page.tiles["unique_members"].value.text() == "3"
    assert page.tiles["unique_members"].compare.text().splitlines() == [
        "previous 0 (+∞)", "last week 1 (+200%)"]
    chart = page.charts.tender_view.chart()
    (series,) = chart.series()
    sets = {b.label(): [b.at(i) for i in range(b.count())] for b in series.barSets()}
    axis = next(a for a in chart.axes() if a.type() == a.AxisType.AxisTypeBarCategory)
    cash = list(axis.categories()).index("Cash")
    # Cash: s8 350 + s2 7200 + s7 2800 this range; s0 700 the same days last week.
    assert sets["This period"][cash] == 103.5
    assert sets["Previous period"][cash] == 0
    assert sets["Same days last week"][cash] == 7.0


def test_a_cashier_is_told_reports_need_the_permission(qtbot, dataset, runner,
                                                        staff_of) -> None:
    page = page_for(qtbot, dataset.services, runner, staff_of(Role.CASHIER))
    assert "report.view" in page.banner.text()
    assert page.bundle is None


def test_pdf_from_the_page(qtbot, dataset, runner, tmp_path) -> None:
    page = page_for(qtbot, dataset.services, runner, dataset.manager)
    page.show_day(D)
    page.write_pdf(tmp_path / "s.pdf")
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_reports_screenshots(qapp: QApplication, qtbot, dataset, runner, lang: str,
                             tmp_path: Path) -> None:
    translator = QTranslator()
    if lang != "en":
        assert translator.load(str(TRANSLATIONS / f"frontdesk_{lang}.qm"))
        QCoreApplication.installTranslator(translator)
    old_font = qapp.font()
    qapp.setFont(ui_font(lang))
    try:
        page = page_for(qtbot, dataset.services, runner, dataset.manager)
        page.resize(1400, 1240)  # tall enough for every table without scrolling
        page.show()
        page.show_day(D)
        if lang != "en":
            assert page.title() == "报表"
            assert "净收入" in page.tiles["revenue"].label.text()
        QApplication.processEvents()
        path = tmp_path / f"reports_{lang}.png"
        assert page.grab().save(str(path))
    finally:
        QCoreApplication.removeTranslator(translator)
        qapp.setFont(old_font)
    assert path.stat().st_size > 20_000
    if os.environ.get("FRONTDESK_UPDATE_SCREENSHOTS") == "1":
        shutil.copyfile(path, REPO / "docs" / "screenshots" / path.name)
