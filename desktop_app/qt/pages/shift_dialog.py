"""Shift (F9 on Checkout): with no shift open, open one with the cash float; with one open,
print the X report at any time, or count the money per tender and close the shift, which
shows the Z report with what was over or short. Closing takes `shift.close`; a cashier
without it asks a manager."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.money import format_minor, parse_amount
from desktop_app.domain.permissions import Permission
from desktop_app.domain.sales import TenderKind
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.desk_dialog import DeskDialog
from desktop_app.services.shifts import ShiftInfo, ShiftReportResult

COUNTED = (TenderKind.CASH, TenderKind.CARD, TenderKind.WECHAT, TenderKind.ALIPAY)


class ShiftDialog(DeskDialog):
    shift_changed = Signal(object)
    """A shift was opened (ShiftInfo) or closed (None)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("shiftDialog")
        self.shift: ShiftInfo | None = None
        self.loaded = False
        self.report: ShiftReportResult | None = None
        self.state_label = QLabel(self)
        self.layout_.addWidget(self.state_label)
        # Opening
        self.open_box = QWidget(self)
        open_row = QHBoxLayout(self.open_box)
        self.float_label = QLabel(self.open_box)
        self.float_amount = QLineEdit(self.open_box)
        self.float_amount.setObjectName("shiftFloat")
        self.float_amount.returnPressed.connect(self.open_shift)
        self.open_button = QPushButton(self.open_box)
        self.open_button.clicked.connect(self.open_shift)
        open_row.addWidget(self.float_label)
        open_row.addWidget(self.float_amount, 1)
        open_row.addWidget(self.open_button)
        self.layout_.addWidget(self.open_box)
        # Reporting and closing
        self.close_box = QWidget(self)
        form = QFormLayout(self.close_box)
        self.counted: dict[TenderKind, QLineEdit] = {}
        self.counted_labels: dict[TenderKind, QLabel] = {}
        for kind in COUNTED:
            label, field = QLabel(self.close_box), QLineEdit(self.close_box)
            field.setObjectName(f"counted_{kind.value}")
            self.counted[kind], self.counted_labels[kind] = field, label
            form.addRow(label, field)
        buttons = QHBoxLayout()
        self.x_button = QPushButton(self.close_box)
        self.x_button.clicked.connect(self.x_report)
        self.close_shift_button = QPushButton(self.close_box)
        self.close_shift_button.clicked.connect(self.close_shift)
        buttons.addWidget(self.x_button)
        buttons.addWidget(self.close_shift_button)
        form.addRow(buttons)
        self.layout_.addWidget(self.close_box)
        self.figures = QLabel(self)
        self.figures.setObjectName("shiftFigures")
        self.figures.setWordWrap(True)
        self.layout_.addWidget(self.figures)
        self.finish_layout()
        self.retranslate()
        self.resize(560, 680)
        self.load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Shift"))
        self.float_label.setText(self.tr("Cash float"))
        self.float_amount.setPlaceholderText(self.tr("e.g. 500"))
        self.open_button.setText(self.tr("Open shift"))
        names = {TenderKind.CASH: self.tr("Cash counted"),
                 TenderKind.CARD: self.tr("Bank card counted"),
                 TenderKind.WECHAT: self.tr("WeChat Pay counted"),
                 TenderKind.ALIPAY: self.tr("Alipay counted")}
        for kind, label in self.counted_labels.items():
            label.setText(names[kind])
        self.x_button.setText(self.tr("X report"))
        self.close_shift_button.setText(self.tr("Close shift (Z report)"))
        self._show_state()

    def load(self) -> None:
        self.call(self.context.services.sales.shifts.current, on_result=self._loaded)

    def _loaded(self, shift: ShiftInfo | None) -> None:
        self.shift, self.loaded = shift, True
        self.say("")
        self._show_state()

    def _show_state(self) -> None:
        if not self.loaded:
            self.state_label.setText("")
        elif self.shift is None:
            self.state_label.setText(self.tr("No shift is open on this desk"))
        else:
            self.state_label.setText(self.tr("Shift %1 open · float %2")
                                     .replace("%1", self.shift.number)
                                     .replace("%2", format_minor(self.shift.opening_float)))
        self.open_box.setVisible(self.loaded and self.shift is None)
        self.close_box.setVisible(self.loaded and self.shift is not None)

    # -- opening ----------------------------------------------------------------------------
    def open_shift(self) -> None:
        text = self.float_amount.text().strip() or "0"
        try:
            amount = parse_amount(text)
        except ValidationError:
            self.fail(self.tr("Not an amount: %s") % text)
            return
        actor = self.actor()
        if actor is None:
            return
        self.call(self.context.services.sales.shifts.open, actor, amount, on_result=self._opened)

    def _opened(self, shift: ShiftInfo) -> None:
        self.shift = shift
        self.float_amount.clear()
        self.say(self.tr("Shift %1 opened").replace("%1", shift.number))
        self._show_state()
        self.shift_changed.emit(shift)

    # -- reports ----------------------------------------------------------------------------
    def x_report(self) -> None:
        actor = self.actor()
        if actor is None:
            return
        self.call(self.context.services.sales.shifts.x_report, actor, on_result=self._x_done)

    def _x_done(self, report: ShiftReportResult) -> None:
        self.report = report
        self.say(self.tr("X report (the shift stays open)"))
        self._figures(report)
        self.show_receipt("shift_report", report.receipt)

    def counted_amounts(self) -> dict[TenderKind, int] | None:
        counted = {}
        for kind, field in self.counted.items():
            text = field.text().strip()
            if not text:
                continue
            try:
                counted[kind] = parse_amount(text)
            except ValidationError:
                self.fail(self.tr("Not an amount: %s") % text)
                return None
        if TenderKind.CASH not in counted:
            self.fail(self.tr("Count the cash in the drawer first"))
            return None
        return counted

    def close_shift(self) -> None:
        counted = self.counted_amounts()
        if counted is None:
            return
        self.call_as(Permission.SHIFT_CLOSE, self.context.services.sales.shifts.close, counted,
                     on_result=self._closed,
                     reason=self.tr("Closing a shift needs a manager's approval."))

    def _closed(self, report: ShiftReportResult) -> None:
        self.report = report
        self.shift = None
        for field in self.counted.values():
            field.clear()
        over = report.summary.over_short or 0
        self.say(self.tr("Shift closed: Z report") + " · " + (
            self.tr("over %1") if over > 0 else self.tr("short %1") if over < 0
            else self.tr("cash balances %1")).replace("%1", format_minor(abs(over))))
        self._figures(report)
        self._show_state()
        self.show_receipt("shift_report", report.receipt)
        self.shift_changed.emit(None)

    def _figures(self, report: ShiftReportResult) -> None:
        s = report.summary
        self.figures.setText(
            self.tr("Sales %1 (%2) · refunds %3 (%4) · net %5 · top-ups %6 · cash expected %7")
            .replace("%1", str(s.sales_count)).replace("%2", format_minor(s.gross_sales))
            .replace("%3", str(s.refunds_count)).replace("%4", format_minor(s.refunds_total))
            .replace("%5", format_minor(s.net_sales)).replace("%6", format_minor(s.top_ups_total))
            .replace("%7", format_minor(s.cash_expected)))
