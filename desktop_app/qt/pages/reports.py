"""The Reports page (F5): the daily summary for managers, from the local database only, so it
works at home with no network. Every query runs through the task runner; this page only
lays out the frozen values the reports service returns."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.qt.pages.base import DeskContext, Page
from desktop_app.qt.pages.reports_views import ReportCharts, ReportTables, Tile
from desktop_app.reports import Period, Summary, Watchlists
from desktop_app.services.reports import ReportBundle

SUMMARY_KEY = "reports.summary"
LISTS_KEY = "reports.watchlists"
NO_LISTS = Watchlists(0, 0, (), 0, 0, ())


class ReportsPage(Page):
    """Business day or range, store, tiles with comparisons, charts, tables, banner, exports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bundle: ReportBundle | None = None
        self.lists: Watchlists = NO_LISTS
        self.today_day: date | None = None  # the store's business day, from the service
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        outer.addWidget(self.heading)

        bar = QHBoxLayout()
        self.from_label, self.to_label, self.store_label = QLabel(self), QLabel(self), QLabel(self)
        self.first_day, self.last_day = QDateEdit(self), QDateEdit(self)
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._period_changed)
        self.today_button, self.yesterday_button = QPushButton(self), QPushButton(self)
        self.today_button.clicked.connect(lambda: self.show_day(self._today()))
        self.yesterday_button.clicked.connect(
            lambda: self.show_day(self._today() - timedelta(days=1)))
        self.store_box = QComboBox(self)
        self.store_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.csv_button, self.pdf_button, self.print_button = (
            QPushButton(self), QPushButton(self), QPushButton(self))
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.print_button.clicked.connect(self.print_summary)
        for w in (self.from_label, self.first_day, self.to_label, self.last_day,
                  self.today_button, self.yesterday_button, self.store_label, self.store_box):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.csv_button, self.pdf_button, self.print_button):
            bar.addWidget(w)
        outer.addLayout(bar)

        self.banner = QLabel(self)
        self.banner.setObjectName("freshnessBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#freshnessBanner { background: #fff4ce; "
                                  "border: 1px solid #e0c060; padding: 6px; }")
        outer.addWidget(self.banner)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self.body_layout = QVBoxLayout(body)
        self.tiles_grid = QGridLayout()
        self.tiles: dict[str, Tile] = {}
        for i, (name, _label, _money) in enumerate(self.tile_specs()):
            tile = Tile(body)
            self.tiles[name] = tile
            self.tiles_grid.addWidget(tile, i // 5, i % 5)
        self.body_layout.addLayout(self.tiles_grid)
        self.charts = ReportCharts(body)
        self.body_layout.addWidget(self.charts)
        self.tables = ReportTables(body)
        self.body_layout.addWidget(self.tables)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.retranslate()

    # -- data -------------------------------------------------------------------------------
    def attach(self, context: DeskContext) -> None:
        """Reports load when the page is first shown, not at every sign-in: a cashier who
        never opens them costs the database nothing."""
        super().attach(context)
        self._loaded = False
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.context is not None and not getattr(self, "_loaded", False):
            self._load()

    def _load(self) -> None:
        context = self.context
        assert context is not None
        self._loaded = True
        context.runner.submit(_business_today, context.services, on_result=self._got_today)
        actor = context.current_actor()
        if actor is not None and actor.can(Permission.REPORT_VIEW):
            context.runner.submit(_stores, context.services, actor,
                                  on_result=self._show_stores)

    def _today(self) -> date:
        return self.today_day or _day(self.first_day.date())

    def _got_today(self, day: date) -> None:
        self.today_day = day
        self.show_day(day)

    def show_day(self, day: date) -> None:
        for edit in (self.first_day, self.last_day):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def show_period(self, period: Period) -> None:
        for edit, day in ((self.first_day, period.first), (self.last_day, period.last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    def _period_changed(self) -> None:
        first, last = _day(self.first_day.date()), _day(self.last_day.date())
        if last < first:  # a range always runs forwards
            self.last_day.blockSignals(True)
            self.last_day.setDate(self.first_day.date())
            self.last_day.blockSignals(False)
        self.refresh()

    def selected_period(self) -> Period:
        first, last = _day(self.first_day.date()), _day(self.last_day.date())
        return Period(first, max(first, last))

    def selected_store(self) -> str | None:
        value = self.store_box.currentData()
        return str(value) if value else None

    def _show_stores(self, stores: list[object]) -> None:
        self.store_box.blockSignals(True)
        self.store_box.clear()
        self.store_box.addItem(self.tr("All stores"), None)
        for s in stores:
            self.store_box.addItem(f"{s.code} {s.name}", s.id)  # type: ignore[attr-defined]
        self.store_box.blockSignals(False)

    def refresh(self) -> None:
        context = self.context
        if context is None:
            return
        actor = context.current_actor()
        if actor is None:
            return
        if not actor.can(Permission.REPORT_VIEW):  # the service checks too; this says why
            self.banner.setText(self.tr("Reports need the report.view permission."))
            return
        self.banner.setText(self.tr("Loading…"))
        self.lists = NO_LISTS
        period, store = self.selected_period(), self.selected_store()
        # Two tasks on the database thread: the figures show first; the watch lists (which
        # read a month or two of check-ins) follow.
        context.runner.submit(context.services.reports.summary, actor, period, store,
                              on_result=self.show_summary, latest_key=SUMMARY_KEY)
        context.runner.submit(context.services.reports.watchlists, actor, period, store,
                              on_result=self.show_lists, latest_key=LISTS_KEY)

    def show_summary(self, summary: Summary) -> None:
        self.show_bundle(ReportBundle(summary, self.lists))

    def show_lists(self, lists: Watchlists) -> None:
        self.lists = lists
        if self.bundle is not None:
            self.show_bundle(ReportBundle(self.bundle.summary, lists))

    def show_bundle(self, bundle: ReportBundle) -> None:
        self.bundle = bundle
        s = bundle.summary
        for name, label, money in self.tile_specs():
            self.tiles[name].show_figure(label, name, money, s)
        self.charts.show_summary(s)
        self.tables.show(s, bundle.watchlists)
        self._show_banner()

    def _show_banner(self) -> None:
        if self.bundle is None:
            return
        f = self.bundle.summary.freshness
        if f.last_sync is None:
            text = self.tr("Not synced yet: these figures are this desk's own data. "
                           "%n change(s) waiting to be sent.", "", f.pending_changes)
        else:
            when = f.last_sync.astimezone().strftime("%Y-%m-%d %H:%M")
            text = self.tr("Synced up to %1. %n change(s) waiting to be sent.", "",
                           f.pending_changes).replace("%1", when)
        if not self.bundle.summary.money_here:
            text += " " + self.tr("Sales of that store are kept on its own desks.")
        self.banner.setText(text)

    # -- exports ----------------------------------------------------------------------------
    def export_csv(self) -> None:
        context, actor = self.context, self.context.current_actor() if self.context else None
        if context is None or actor is None:
            return
        period = self.selected_period()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"),
                                              f"summary-{period.first}-{period.last}.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            context.runner.submit(_write_csv, context.services, actor, period,
                                  self.selected_store(), Path(path))

    def export_pdf(self) -> None:
        context, actor = self.context, self.context.current_actor() if self.context else None
        if context is None or actor is None or self.bundle is None:
            return
        period = self.bundle.summary.period
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"),
                                              f"summary-{period.first}-{period.last}.pdf",
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.write_pdf(Path(path))
            context.runner.submit(context.services.reports.record_export, actor, period, "pdf")

    def write_pdf(self, path: Path) -> None:
        """On the GUI thread: Qt's text layout; the data is already loaded."""
        from desktop_app.qt.reports_export import summary_html, write_pdf

        assert self.bundle is not None
        store = self.store_box.currentText() or self.tr("All stores")
        write_pdf(path, summary_html(self.bundle.summary, self.bundle.watchlists, store))

    def print_summary(self) -> None:
        context, actor = self.context, self.context.current_actor() if self.context else None
        if context is None or actor is None or self.bundle is None:
            return
        lang = "zh_CN" if self.tr("Reports") != "Reports" else "en"
        context.runner.submit(_print, context.services, actor, self.bundle, lang)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.from_label.setText(self.tr("Business day"))
        self.to_label.setText(self.tr("to"))
        self.store_label.setText(self.tr("Store"))
        self.today_button.setText(self.tr("Today"))
        self.yesterday_button.setText(self.tr("Yesterday"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.print_button.setText(self.tr("Print summary"))
        if self.store_box.count():
            self.store_box.setItemText(0, self.tr("All stores"))
        self.charts.retranslate()
        self.tables.retranslate()
        if self.bundle is not None:
            self.show_bundle(self.bundle)

    def title(self) -> str:
        return self.tr("Reports")

    def tile_specs(self) -> list[tuple[str, str, bool]]:
        """(figure, label, is money) of each tile, in reading order."""
        return [
            ("revenue", self.tr("Revenue (net)"), True),
            ("sales", self.tr("Sales"), False),
            ("average_ticket", self.tr("Average ticket"), True),
            ("discounts", self.tr("Discounts"), True),
            ("refund_amount", self.tr("Refunds"), True),
            ("checkins", self.tr("Check-ins"), False),
            ("unique_members", self.tr("Unique members"), False),
            ("new_members", self.tr("New members"), False),
            ("fill_rate_pct", self.tr("Class fill rate %"), False),
            ("no_shows", self.tr("No-shows"), False),
            ("points_earned", self.tr("Points earned"), False),
            ("points_redeemed", self.tr("Points redeemed"), False),
            ("points_expired", self.tr("Points expired"), False),
            ("sv_topped_up", self.tr("Stored value topped up"), True),
            ("sv_spent", self.tr("Stored value spent"), True),
        ]


def _business_today(services: Any) -> date:
    """On the database lane: the store's business day now."""
    return services.reports.today()


def _stores(services: Any, actor: Any) -> Any:
    return services.reports.stores(actor)


def _day(value: QDate) -> date:
    """A QDate as a date (PySide6's toPython() is typed as returning object)."""
    return date(value.year(), value.month(), value.day())


def _write_csv(services: object, actor: object, period: Period, store: str | None,
               path: Path) -> None:
    text = services.reports.export_csv(actor, period, store)  # type: ignore[attr-defined]
    path.write_text(text, encoding="utf-8-sig")  # the BOM lets spreadsheet apps read CJK


def _print(services: object, actor: object, bundle: ReportBundle, lang: str) -> None:
    """Queue the summary on the receipt printer (the print worker sends it)."""
    from desktop_app.devices.receipts.templates.daily_summary import KIND
    from desktop_app.services.printing import store_header
    from desktop_app.services.reports import receipt_data

    store = store_header(services.settings.current())  # type: ignore[attr-defined]
    data = receipt_data(bundle.summary, services.clock.now())  # type: ignore[attr-defined]
    services.printing.print_receipt(actor, KIND, data, store, lang)  # type: ignore[attr-defined]
    services.reports.record_export(actor, bundle.summary.period, "print")  # type: ignore
