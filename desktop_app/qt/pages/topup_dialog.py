"""Stored-value top-up (F8 on Checkout) for the member attached to the sale: the amount and
how it is paid; the bonus the store's rules give and the balance after are shown before the
cashier confirms. The result shows the new balance and the top-up receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.money import format_minor, parse_amount
from desktop_app.domain.permissions import Permission
from desktop_app.domain.sales import TenderKind
from desktop_app.domain.stored_value import Balance
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.desk_dialog import DeskDialog
from desktop_app.services.stored_value import StoredValueResult

MONEY_TENDERS = (TenderKind.CASH, TenderKind.CARD, TenderKind.WECHAT, TenderKind.ALIPAY)


class TopUpDialog(DeskDialog):
    topped_up = Signal(object)
    """A top-up was written (the StoredValueResult)."""

    def __init__(self, context: DeskContext, member_id: str, member_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("topUpDialog")
        self.member_id = member_id
        self.balance: Balance | None = None
        self.outcome: StoredValueResult | None = None
        form = QFormLayout()
        self.member_label = QLabel(self)
        self.member_label.setTextFormat(Qt.TextFormat.PlainText)
        self.member_label.setText(member_name)
        self.balance_label = QLabel(self)
        self.amount = QLineEdit(self)
        self.amount.setObjectName("topUpAmount")
        self.amount.textChanged.connect(self._preview)
        self.amount.returnPressed.connect(self.confirm)
        self.tender = QComboBox(self)
        self.reference = QLineEdit(self)
        self.bonus_label = QLabel(self)
        self.bonus_label.setObjectName("topUpBonus")
        self.names = [QLabel(self) for _ in range(6)]
        for name, field in zip(self.names, (self.member_label, self.balance_label, self.amount,
                                            self.tender, self.reference, self.bonus_label),
                               strict=True):
            form.addRow(name, field)
        self.layout_.addLayout(form)
        self.confirm_button = QPushButton(self)
        self.confirm_button.clicked.connect(self.confirm)
        self.layout_.addWidget(self.confirm_button)
        self.finish_layout()
        self.retranslate()
        self.resize(520, 560)
        self.call(context.services.sales.stored_value.balance, member_id,
                  on_result=self._balance)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Stored value top-up"))
        for label, text in zip(self.names, (self.tr("Member"), self.tr("Balance"),
                                            self.tr("Amount paid"), self.tr("Paid by"),
                                            self.tr("Reference"), self.tr("Bonus")),
                               strict=True):
            label.setText(text)
        self.amount.setPlaceholderText(self.tr("e.g. 1000"))
        names = {TenderKind.CASH: self.tr("Cash"), TenderKind.CARD: self.tr("Bank card"),
                 TenderKind.WECHAT: self.tr("WeChat Pay"), TenderKind.ALIPAY: self.tr("Alipay")}
        current = self.tender.currentIndex()
        self.tender.clear()
        for kind in MONEY_TENDERS:
            self.tender.addItem(names[kind], kind.value)
        self.tender.setCurrentIndex(max(current, 0))
        self.confirm_button.setText(self.tr("Top up"))
        self._preview()

    def _balance(self, balance: Balance) -> None:
        self.balance = balance
        self.say("")
        self._preview()

    def paid(self) -> int | None:
        text = self.amount.text().strip()
        if not text:
            return None
        try:
            amount = parse_amount(text)
        except ValidationError:
            return None
        return amount if amount > 0 else None

    def _preview(self) -> None:
        """The bonus rule applied to the typed amount, before anything is written (no
        database: the rules are the service's configuration)."""
        now = self.balance.total if self.balance else None
        self.balance_label.setText("" if now is None else format_minor(now))
        paid = self.paid()
        if paid is None:
            self.bonus_label.setText("")
            self.confirm_button.setEnabled(False)
            return
        bonus = self.context.services.sales.stored_value.bonus_for(paid)
        text = self.tr("+%1 bonus").replace("%1", format_minor(bonus)) if bonus else \
            self.tr("no bonus at this amount")
        if now is not None:
            text += " · " + self.tr("balance after %1").replace(
                "%1", format_minor(now + paid + bonus))
        self.bonus_label.setText(text)
        self.confirm_button.setEnabled(not self.busy)

    def confirm(self) -> None:
        paid = self.paid()
        if paid is None:
            self.fail(self.tr("Type the amount paid"))
            return
        kind = TenderKind(self.tender.currentData())
        self.call_as(Permission.STOREDVALUE_TOPUP, self.context.services.sales.stored_value.topup,
                     self.member_id, paid, kind, self.reference.text().strip(),
                     on_result=self._topped,
                     reason=self.tr("Top-ups need a manager's approval."))

    def _topped(self, result: StoredValueResult) -> None:
        self.outcome = result
        self.balance = Balance(result.principal, result.bonus)
        self.amount.clear()
        self.say(self.tr("Topped up %1 (bonus %2): balance %3")
                 .replace("%1", format_minor(result.paid))
                 .replace("%2", format_minor(result.bonus_given))
                 .replace("%3", format_minor(result.principal + result.bonus)))
        self._preview()
        if result.receipt is not None:
            self.show_receipt("topup", result.receipt)
        self.topped_up.emit(result)

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.confirm_button.setEnabled(not busy and self.paid() is not None)
