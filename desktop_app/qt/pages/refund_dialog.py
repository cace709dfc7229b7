"""Refund (F7 on Checkout): find the sale by its receipt number (typed or scanned), then
give back the whole sale or the units chosen per line, with a reason. Refunding takes
`sale.refund`; a cashier without it asks a manager. The result shows the money back and the
member's points reversed and returned, and the refund receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_app.domain.money import format_minor
from desktop_app.domain.permissions import Permission
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.desk_dialog import DeskDialog
from desktop_app.services.refunds import RefundableSale, RefundResult


class RefundDialog(DeskDialog):
    refunded = Signal(object)
    """A refund was written (the RefundResult)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None,
                 number: str = "") -> None:
        super().__init__(context, parent)
        self.setObjectName("refundDialog")
        self.sale: RefundableSale | None = None
        self.outcome: RefundResult | None = None
        row = QHBoxLayout()
        self.number_label = QLabel(self)
        self.number = QLineEdit(number, self)
        self.number.setObjectName("refundNumber")
        self.number.returnPressed.connect(self.find_sale)
        self.find_button = QPushButton(self)
        self.find_button.clicked.connect(self.find_sale)
        row.addWidget(self.number_label)
        row.addWidget(self.number, 1)
        row.addWidget(self.find_button)
        self.layout_.addLayout(row)
        self.sale_label = QLabel(self)
        self.sale_label.setTextFormat(Qt.TextFormat.PlainText)  # carries the member's name
        self.layout_.addWidget(self.sale_label)
        self.table = QTableWidget(0, 5, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.layout_.addWidget(self.table, 1)
        reason_row = QHBoxLayout()
        self.reason_label = QLabel(self)
        self.reason = QLineEdit(self)
        reason_row.addWidget(self.reason_label)
        reason_row.addWidget(self.reason, 1)
        self.layout_.addLayout(reason_row)
        buttons = QHBoxLayout()
        self.whole_button = QPushButton(self)
        self.whole_button.clicked.connect(self.refund_whole)
        self.lines_button = QPushButton(self)
        self.lines_button.clicked.connect(self.refund_chosen)
        buttons.addWidget(self.whole_button)
        buttons.addWidget(self.lines_button)
        self.layout_.addLayout(buttons)
        self.finish_layout()
        self.retranslate()
        self._enable()
        self.resize(640, 620)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Refund"))
        self.number_label.setText(self.tr("Receipt number"))
        self.number.setPlaceholderText(self.tr("Scan or type the receipt number, Enter"))
        self.find_button.setText(self.tr("Find"))
        self.reason_label.setText(self.tr("Reason"))
        self.whole_button.setText(self.tr("Refund whole sale"))
        self.lines_button.setText(self.tr("Refund chosen units"))
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Sold"),
                                              self.tr("Refundable"), self.tr("Refund"),
                                              self.tr("Amount")])

    # -- finding ----------------------------------------------------------------------------
    def find_sale(self) -> None:
        text = self.number.text().strip()
        actor = self.actor()
        if not text or actor is None:
            return
        self.call(self.context.services.sales.refunds.find_sale, actor, text,
                  on_result=self.found)

    def found(self, sale: RefundableSale) -> None:
        self.sale = sale
        member = sale.member_name or self.tr("no member")
        self.sale_label.setText(
            self.tr("Sale %1 · total %2 · %3 · points earned %4, used %5")
            .replace("%1", sale.number).replace("%2", format_minor(sale.total))
            .replace("%3", member).replace("%4", str(sale.points_earned))
            .replace("%5", str(sale.points_spent)))
        self.table.setRowCount(len(sale.lines))
        for row, ln in enumerate(sale.lines):
            for col, text in ((0, ln.name), (1, str(ln.quantity)), (2, str(ln.refundable)),
                              (4, format_minor(ln.amount))):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight)
                self.table.setItem(row, col, item)
            spin = QSpinBox(self.table)
            spin.setRange(0, ln.refundable)
            spin.setValue(0)
            self.table.setCellWidget(row, 3, spin)
        self.say(self.tr("Choose units to refund, or refund the whole sale")
                 if any(ln.refundable for ln in sale.lines)
                 else self.tr("This sale is fully refunded"))
        self._enable()

    def chosen(self) -> dict[int, int]:
        """Line number -> units typed in the Refund column (zeros left out)."""
        if self.sale is None:
            return {}
        picked = {}
        for row, ln in enumerate(self.sale.lines):
            spin = self.table.cellWidget(row, 3)
            if isinstance(spin, QSpinBox) and spin.value():
                picked[ln.line_no] = spin.value()
        return picked

    def set_units(self, line_no: int, units: int) -> None:
        assert self.sale is not None
        row = next(i for i, ln in enumerate(self.sale.lines) if ln.line_no == line_no)
        spin = self.table.cellWidget(row, 3)
        assert isinstance(spin, QSpinBox)
        spin.setValue(units)

    # -- refunding --------------------------------------------------------------------------
    def refund_whole(self) -> None:
        self._refund(None)

    def refund_chosen(self) -> None:
        picked = self.chosen()
        if not picked:
            self.fail(self.tr("Choose at least one unit to refund"))
            return
        self._refund(picked)

    def _refund(self, quantities: dict[int, int] | None) -> None:
        if self.sale is None:
            return
        self.call_as(Permission.SALE_REFUND, self.context.services.sales.refunds.refund,
                     self.sale.sale_id, quantities, self.reason.text(),
                     on_result=self._refunded,
                     reason=self.tr("Refunds need a manager's approval."))

    def _refunded(self, result: RefundResult) -> None:
        self.outcome = result
        balance = "" if result.points_balance is None else str(result.points_balance)
        self.say(self.tr("Refund %1: %2 back · points reversed %3, returned %4 · balance %5")
                 .replace("%1", result.number).replace("%2", format_minor(result.amount))
                 .replace("%3", str(result.points_reversed))
                 .replace("%4", str(result.points_returned)).replace("%5", balance))
        self.sale = None
        self.table.setRowCount(0)
        self._enable()
        self.show_receipt("refund", result.receipt)
        self.refunded.emit(result)

    def _enable(self) -> None:
        can = self.sale is not None and any(ln.refundable for ln in self.sale.lines)
        self.whole_button.setEnabled(can)
        self.lines_button.setEnabled(can)
