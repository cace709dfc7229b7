"""The Reports page's parts: figure tiles with their comparisons, the QtCharts charts
(check-ins by hour, revenue by tender, 14-day trend) and the tables (expiring entitlements,
members not seen, staff actions). They only show values; nothing here computes a figure."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.reports import Figures, Summary, Watchlists
from desktop_app.reports.csv_export import money


def _fmt(value: float, is_money: bool) -> str:
    return "¥" + money(int(value)) if is_money else (f"{value:g}")


def _delta(now: float, then: float) -> str:
    if then == 0:
        return "—" if now == 0 else "+∞"
    return f"{(now - then) * 100 / abs(then):+.0f}%"


class Tile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        self.label, self.value, self.compare = QLabel(self), QLabel(self), QLabel(self)
        self.value.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.compare.setStyleSheet("color: #555;")
        for w in (self.label, self.value, self.compare):
            layout.addWidget(w)

    def show_figure(self, label: str, name: str, is_money: bool, s: Summary) -> None:
        now, prev, week = (getattr(f, name) for f in (s.current, s.previous, s.last_week))
        self.label.setText(label)
        self.value.setText(_fmt(now, is_money))
        self.compare.setText(
            self.tr("previous %1 (%2)\nlast week %3 (%4)").replace("%1", _fmt(prev, is_money))
            .replace("%2", _delta(now, prev)).replace("%3", _fmt(week, is_money))
            .replace("%4", _delta(now, week)))


def _view(parent: QWidget) -> QChartView:
    view = QChartView(parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(250)
    return view


def _small(axis: QAbstractAxis, points: int = 7) -> None:
    font = QFont(axis.labelsFont())
    font.setPointSize(points)
    axis.setLabelsFont(font)


def _small_legend(chart: QChart, points: int = 7) -> None:
    font = QFont(chart.legend().font())
    font.setPointSize(points)
    chart.legend().setFont(font)


def _count_axis(top: float) -> QValueAxis:
    """A value axis with whole-number ticks from 0."""
    axis = QValueAxis()
    axis.setLabelFormat("%.0f")
    whole = max(1, int(-(-top // 1)))
    if whole <= 8:  # small counts: one tick per unit, never "0 0 1 1"
        axis.setRange(0, whole)
        axis.setTickCount(whole + 1)
    else:
        axis.setRange(0, whole)
        axis.applyNiceNumbers()
    return axis


class ReportCharts(QWidget):
    """Each refresh builds new charts (the view deletes the old one), so no series or axis of
    an earlier day can linger."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.hours_view, self.tender_view, self.trend_view = (
            _view(self), _view(self), _view(self))
        for view in (self.hours_view, self.tender_view, self.trend_view):
            row.addWidget(view)
        self.summary: Summary | None = None

    @property
    def hours_chart(self) -> QChart:
        return self.hours_view.chart()

    def retranslate(self) -> None:
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, s: Summary) -> None:
        self.summary = s
        self.hours_view.setChart(self._bars(
            # Every third hour labelled (24 labels do not fit); the others get distinct
            # invisible labels because a category axis needs unique names.
            self.tr("Check-ins by hour"),
            [str(h) if h % 3 == 0 else "\u200b" * h for h in range(24)],
            [float(n) for n in s.checkins_by_hour], whole=True))
        # By tender beside the previous period and the same days last week (a day or a range).
        kinds = sorted({k for f in (s.current, s.previous, s.last_week) for k, _ in f.tenders})
        self.tender_view.setChart(self._bars(
            self.tr("Revenue by payment method (¥)"),
            [self.tender_name(k) for k in kinds],
            [s.current.tender(k) / 100 for k in kinds], whole=False,
            compared=[(self.tr("This period"), [s.current.tender(k) / 100 for k in kinds]),
                      (self.tr("Previous period"), [s.previous.tender(k) / 100 for k in kinds]),
                      (self.tr("Same days last week"),
                       [s.last_week.tender(k) / 100 for k in kinds])]))
        self.trend_view.setChart(self._trend(s))

    @staticmethod
    def _bars(title: str, categories: list[str], values: list[float], whole: bool,
              compared: list[tuple[str, list[float]]] | None = None) -> QChart:
        """Bars of `values`, or with `compared` one named set of bars per period."""
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(2, 2, 2, 2))
        series = QBarSeries()
        for name, numbers in compared or [(title, values)]:
            bars = QBarSet(name)
            bars.append(numbers)
            series.append(bars)
        values = [v for _, numbers in compared or [] for v in numbers] or values
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append(categories)
        _small(x)
        if whole:
            y = _count_axis(max(values, default=0))
        else:
            y = QValueAxis()
            y.setRange(min([0.0, *values]), max([1.0, *values]))
            y.applyNiceNumbers()
            y.setLabelFormat("%.0f")
        _small(y)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        chart.legend().setVisible(compared is not None)
        _small_legend(chart)
        return chart

    def tender_name(self, kind: str) -> str:
        names = {"cash": self.tr("Cash"), "card": self.tr("Bank card"),
                 "wechat": self.tr("WeChat Pay"), "alipay": self.tr("Alipay"),
                 "stored_value": self.tr("Stored value"), "points": self.tr("Points")}
        return names.get(kind, kind)

    def _trend(self, s: Summary) -> QChart:
        chart = QChart()
        chart.setTitle(self.tr("14-day trend"))
        chart.setMargins(QMargins(2, 2, 2, 2))
        revenue, visits = QLineSeries(), QLineSeries()
        revenue.setName(self.tr("Revenue (¥)"))
        visits.setName(self.tr("Check-ins"))
        for i, p in enumerate(s.trend):
            revenue.append(i, p.revenue / 100)
            visits.append(i, p.checkins)
        chart.addSeries(revenue)
        chart.addSeries(visits)
        x = QBarCategoryAxis()
        x.append([p.day.strftime("%d") for p in s.trend])  # day of month; the title says 14 days
        _small(x)
        left = QValueAxis()
        left.setRange(min([0.0, *(p.revenue / 100 for p in s.trend)]),
                      max([1.0, *(p.revenue / 100 for p in s.trend)]))
        left.applyNiceNumbers()
        left.setLabelFormat("%.0f")
        right = _count_axis(max([0, *(p.checkins for p in s.trend)]))
        for axis in (left, right):
            _small(axis)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        revenue.attachAxis(x)
        revenue.attachAxis(left)
        visits.attachAxis(x)
        visits.attachAxis(right)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart


def _table(parent: QWidget) -> QTableWidget:
    t = QTableWidget(parent)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    t.setMinimumHeight(160)
    return t


def _fill(t: QTableWidget, header: list[str], rows: list[list[str]]) -> None:
    t.clear()
    t.setColumnCount(len(header))
    t.setHorizontalHeaderLabels(header)
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(text))


class ReportTables(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.expiring_title, self.absent_title, self.staff_title = (
            QLabel(self), QLabel(self), QLabel(self))
        self.expiring, self.absent, self.staff = _table(self), _table(self), _table(self)
        grid.addWidget(self.expiring_title, 0, 0)
        grid.addWidget(self.expiring, 1, 0)
        grid.addWidget(self.staff_title, 0, 1)
        grid.addWidget(self.staff, 1, 1)
        grid.addWidget(self.absent_title, 2, 0, 1, 2)
        grid.addWidget(self.absent, 3, 0, 1, 2)
        self.data: tuple[Summary, Watchlists] | None = None

    def retranslate(self) -> None:
        if self.data is not None:
            self.show(*self.data)
        else:
            self.expiring_title.setText(self.tr("Entitlements expiring"))
            self.absent_title.setText(self.tr("Members not seen"))
            self.staff_title.setText(self.tr("Overrides, voids and refunds per staff member"))

    def show(self, s: Summary, w: Watchlists) -> None:  # type: ignore[override]
        self.data = (s, w)
        self.expiring_title.setText(
            self.tr("Entitlements expiring: %1 within 7 days, %2 within 30 days")
            .replace("%1", str(w.expiring_7)).replace("%2", str(w.expiring_30)))
        _fill(self.expiring, [self.tr("Member"), self.tr("Entitlement"), self.tr("Ends")],
              [[f"{e.member_number} {e.member_name}", e.entitlement_name,
                e.valid_until.astimezone().strftime("%Y-%m-%d")] for e in w.expiring])
        self.absent_title.setText(
            self.tr("Members not seen for 14 days: %1; for 30 days: %2 (churn risk)")
            .replace("%1", str(w.absent_14)).replace("%2", str(w.absent_30)))
        yes, no = self.tr("yes"), self.tr("no")
        _fill(self.absent, [self.tr("Member"), self.tr("Phone"), self.tr("Last seen"),
                            self.tr("SMS consent"), self.tr("Email consent")],
              [[f"{a.member_number} {a.member_name}", a.phone or "",
                a.last_seen.astimezone().strftime("%Y-%m-%d"),
                yes if a.consent_sms else no, yes if a.consent_email else no]
               for a in w.absent])
        self.staff_title.setText(self.tr("Overrides, voids and refunds per staff member"))
        _fill(self.staff, [self.tr("Staff"), self.tr("Overrides"), self.tr("Voids"),
                           self.tr("Refunds"), self.tr("Adjustments")],
              [[x.staff_name, str(x.overrides), str(x.voids), str(x.refunds),
                str(x.adjustments)] for x in s.staff])


__all__ = ["Figures", "ReportCharts", "ReportTables", "Tile"]
