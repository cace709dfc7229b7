"""The Checkout page (F2): scan or search products, key a free amount, attach a member,
give discounts, split the payment, see the points before confirming, pay.

Keyboard only, from scan to paid:
- scan (or type a barcode / member code, Enter): a product is added, a member attached;
  a name is searched (Down, Enter picks); "12.50" or "¥12.50" adds a free amount;
- Del removes the selected line; Ctrl+L gives the selected line a discount (%),
  Ctrl+D the whole order;
- type an amount (or nothing: the rest) and press Ctrl+1 cash, Ctrl+2 bank card,
  Ctrl+3 WeChat Pay, Ctrl+4 Alipay, Ctrl+5 stored value; Ctrl+6 redeems points (the typed
  number, or the most this sale may take); Ctrl+Backspace removes the tenders;
- Ctrl+Return pays; Esc starts a new sale;
- F7 refunds a sale (found by its receipt number), F8 tops up the attached member's stored
  value, F9 opens the shift, prints the X report or closes it with the Z report.
The page holds the cart as plain values; every figure comes from the checkout service's quote.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.money import format_minor, parse_amount
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.domain.sales import Discount, SaleLine, Tender, TenderKind
from desktop_app.qt.pages.base import DeskContext, Page
from desktop_app.qt.pages.desk_dialog import DeskDialog
from desktop_app.qt.pages.product_import_dialog import ProductImportDialog
from desktop_app.qt.pages.refund_dialog import RefundDialog
from desktop_app.qt.pages.shift_dialog import ShiftDialog
from desktop_app.qt.pages.topup_dialog import TopUpDialog
from desktop_app.qt.widgets.approval_dialog import ApprovalDialog
from desktop_app.services.catalogue import ProductInfo
from desktop_app.services.checkout import Cart, Quote, SaleResult
from desktop_app.services.registry import Services

D = TypeVar("D", bound=DeskDialog)
TENDER_KEYS = (
    ("Ctrl+1", TenderKind.CASH),
    ("Ctrl+2", TenderKind.CARD),
    ("Ctrl+3", TenderKind.WECHAT),
    ("Ctrl+4", TenderKind.ALIPAY),
    ("Ctrl+5", TenderKind.STORED_VALUE),
)


@dataclass(frozen=True, slots=True)
class Scanned:
    """What an entry resolved to (made on the database worker)."""

    product: ProductInfo | None = None
    member_id: str | None = None
    member_name: str | None = None
    products: tuple[ProductInfo, ...] = ()


def resolve_entry(services: Services, actor: Actor, text: str) -> Scanned:
    """A barcode first, then a member's code, then a product name search."""
    product = services.sales.catalogue.by_barcode(text)
    if product is not None:
        return Scanned(product=product)
    for hit in services.lookup.search(actor, text, 5):
        if hit.matched in ("number", "card") and hit.code_status in (None, "active", "merged"):
            return Scanned(member_id=hit.member_id, member_name=hit.name)
    return Scanned(products=tuple(services.sales.catalogue.search(text)))


def finalize_with_approval(services: Services, actor: Actor, cart: Cart, code: str,
                           pin: str) -> SaleResult:
    """On the database worker: check the manager's PIN, then finalise with their approval."""
    approver = services.auth.approve(code, pin, Permission.SALE_DISCOUNT_ANY)
    return services.sales.checkout.finalize_sale(actor, cart, approver)


def _line(p: ProductInfo) -> SaleLine:
    return SaleLine(p.name, 1, p.price, product_id=p.id, barcode=p.barcode,
                    category=p.category, points_multiplier_pct=p.points_multiplier_pct)


class CheckoutPage(Page):
    sale_finalized = Signal(object)
    """A sale was paid and written (the SaleResult, with its receipt data)."""
    receipt_ready = Signal(str, object)
    """A refund, top-up or shift report made here yielded a receipt: (template kind, data)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[SaleLine] = []
        self.tenders: list[Tender] = []
        self.member_id: str | None = None
        self.member_name = ""
        self.order_discount = Discount()
        self.sale_id = new_id()
        self.quote: Quote | None = None
        self.last_result: SaleResult | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        layout.addWidget(self.heading)
        self.entry = QLineEdit(self)
        self.entry.setObjectName("checkoutEntry")
        self.entry.returnPressed.connect(self._entered)
        layout.addWidget(self.entry)
        self.hits = QListWidget(self)
        self.hits.setMaximumHeight(110)
        self.hits.hide()
        self.hits.itemActivated.connect(self._hit_chosen)
        layout.addWidget(self.hits)
        self.member_label = QLabel(self)
        self.member_label.setTextFormat(Qt.TextFormat.PlainText)  # it shows the member's name
        self.member_label.setObjectName("checkoutMember")
        layout.addWidget(self.member_label)
        self.table = QTableWidget(0, 5, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 320)
        layout.addWidget(self.table, 1)
        grid = QGridLayout()
        self.figures: dict[str, tuple[QLabel, QLabel]] = {}
        for i, key in enumerate(("gross", "discount", "total", "earn", "redeem", "tenders",
                                 "left", "change")):
            name, value = QLabel(self), QLabel(self)
            value.setObjectName(f"checkout_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(name, i // 2, (i % 2) * 2)
            grid.addWidget(value, i // 2, (i % 2) * 2 + 1)
            self.figures[key] = (name, value)
        layout.addLayout(grid)
        self.status = QLabel(self)
        self.status.setObjectName("checkoutStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.dialog: DeskDialog | None = None
        actions = QHBoxLayout()
        self.refund_button = QPushButton(self)
        self.refund_button.clicked.connect(self.open_refund)
        self.topup_button = QPushButton(self)
        self.topup_button.clicked.connect(self.open_topup)
        self.shift_button = QPushButton(self)
        self.shift_button.clicked.connect(self.open_shift)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.open_import)
        for button in (self.refund_button, self.topup_button, self.shift_button,
                       self.import_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the entry keeps the keyboard
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.hint = QLabel(self)
        self.hint.setObjectName("checkoutHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        for keys, kind in TENDER_KEYS:
            QShortcut(QKeySequence(keys), self, lambda k=kind: self.add_tender(k))
        QShortcut(QKeySequence("Ctrl+6"), self, self.redeem_points)
        QShortcut(QKeySequence("Ctrl+Backspace"), self, self.clear_tenders)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.pay)
        QShortcut(QKeySequence("Ctrl+L"), self, self.discount_line)
        QShortcut(QKeySequence("Ctrl+D"), self, self.discount_order)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, self.remove_line)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.new_sale)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, self.open_refund)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.open_topup)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, self.open_shift)
        self.entry.installEventFilter(self)
        self.retranslate()

    # -- Page ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Checkout")

    def attach(self, context: DeskContext) -> None:
        super().attach(context)
        self._refresh()

    def handle_scan(self, code: str) -> bool:
        self.enter(code)
        return True

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.entry.setPlaceholderText(
            self.tr("Scan a product or member card, type a barcode, a name or an amount"))
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Qty"), self.tr("Price"),
                                              self.tr("Discount"), self.tr("Amount")])
        labels = {"gross": self.tr("Subtotal"), "discount": self.tr("Discounts"),
                  "total": self.tr("Total"), "earn": self.tr("Points to earn"),
                  "redeem": self.tr("Points used / most allowed"),
                  "tenders": self.tr("Paid"), "left": self.tr("Left to pay"),
                  "change": self.tr("Change")}
        for key, (name, _value) in self.figures.items():
            name.setText(labels[key])
        self.hint.setText(self.tr(
            "Enter: add · Del: remove line · Ctrl+L / Ctrl+D: line / order discount · "
            "amount then Ctrl+1 cash, Ctrl+2 card, Ctrl+3 WeChat, Ctrl+4 Alipay, "
            "Ctrl+5 stored value · Ctrl+6 points · Ctrl+Return: pay · Esc: new sale"))
        self.refund_button.setText(self.tr("Refund (F7)"))
        self.topup_button.setText(self.tr("Top up (F8)"))
        self.shift_button.setText(self.tr("Shift (F9)"))
        self.import_button.setText(self.tr("Import products…"))
        self._show()

    # -- entering ------------------------------------------------------------------------
    def _entered(self) -> None:
        text = self.entry.text().strip()
        if text:
            self.enter(text)

    def enter(self, text: str) -> None:
        if any(c in text for c in ".¥￥") and not text.replace(".", "").isalpha():
            try:
                amount = parse_amount(text)
            except ValidationError:
                amount = -1
            if amount > 0:
                self.lines.append(SaleLine(self.tr("Amount"), 1, amount))
                self.entry.clear()
                self._refresh()
                return
        ctx = self._ctx()
        actor = ctx.current_actor()
        if actor is None:
            return
        ctx.runner.submit(resolve_entry, ctx.services, actor, text, on_result=self._resolved,
                          on_error=self._say)

    def _resolved(self, found: Scanned) -> None:
        self.entry.clear()
        self.hits.clear()
        self.hits.hide()
        if found.product is not None:
            self.add_product(found.product)
        elif found.member_id is not None:
            self.member_id, self.member_name = found.member_id, found.member_name or ""
            self._refresh()
        elif found.products:
            for p in found.products:
                item = QListWidgetItem(f"{p.name}   {format_minor(p.price)}   {p.barcode}")
                item.setData(Qt.ItemDataRole.UserRole, p)
                self.hits.addItem(item)
            self.hits.show()
            self.hits.setCurrentRow(0)
        else:
            self._say(self.tr("Nothing found"))

    def _hit_chosen(self, item: QListWidgetItem) -> None:
        self.add_product(item.data(Qt.ItemDataRole.UserRole))
        self.hits.hide()
        self.entry.setFocus()

    def eventFilter(self, watched: object, event: object) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if (watched is self.entry and isinstance(event, QEvent)
                and event.type() == QEvent.Type.KeyPress
                and getattr(event, "key", lambda: None)() == Qt.Key.Key_Down
                and self.hits.isVisible()):
            self.hits.setFocus()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def add_product(self, product: ProductInfo) -> None:
        for i, ln in enumerate(self.lines):  # the same product again: one more of it
            if ln.product_id == product.id and ln.discount == Discount():
                self.lines[i] = replace(ln, quantity=ln.quantity + 1)
                break
        else:
            self.lines.append(_line(product))
        self._refresh()

    def remove_line(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.lines):
            del self.lines[row]
            self._refresh()

    def _ask_percent(self, title: str) -> int | None:
        value, ok = QInputDialog.getInt(self, title, self.tr("Discount (%)"), 10, 0, 100)
        return value if ok else None

    def discount_line(self) -> None:
        row = self.table.currentRow() if self.table.currentRow() >= 0 else len(self.lines) - 1
        if 0 <= row < len(self.lines):
            pct = self._ask_percent(self.tr("Line discount"))
            if pct is not None:
                self.lines[row] = replace(self.lines[row], discount=Discount(percent=pct))
                self._refresh()

    def discount_order(self) -> None:
        pct = self._ask_percent(self.tr("Order discount"))
        if pct is not None:
            self.order_discount = Discount(percent=pct)
            self._refresh()

    # -- paying --------------------------------------------------------------------------
    def _typed_amount(self) -> int | None:
        text = self.entry.text().strip()
        if not text:
            return None
        try:
            return parse_amount(text)
        except ValidationError:
            self._say(self.tr("Not an amount: %s") % text)
            return -1

    def add_tender(self, kind: TenderKind) -> None:
        amount = self._typed_amount()
        if amount is None:
            amount = self.quote.left_to_pay if self.quote else 0
        if amount <= 0:
            return
        self.tenders.append(Tender(kind, amount))
        self.entry.clear()
        self._refresh()

    def redeem_points(self) -> None:
        text = self.entry.text().strip()
        points = int(text) if text.isdigit() else (self.quote.max_points if self.quote else 0)
        if points <= 0 or self.member_id is None:
            self._say(self.tr("No points can be used on this sale"))
            return
        self.tenders = [t for t in self.tenders if t.kind != TenderKind.POINTS]
        self.tenders.insert(0, self._ctx().services.sales.checkout.points_tender(points))
        self.entry.clear()
        self._refresh()

    def clear_tenders(self) -> None:
        self.tenders.clear()
        self._refresh()

    def cart(self) -> Cart:
        return Cart(tuple(self.lines), tuple(self.tenders), self.member_id, self.order_discount,
                    self.sale_id)

    def pay(self) -> None:
        ctx = self._ctx()
        actor = ctx.current_actor()
        if actor is None or not self.lines:
            return
        if self.quote and self.quote.needs_approval and not actor.can(
                Permission.SALE_DISCOUNT_ANY):
            values = self.ask_approval()
            if values is None:
                return
            ctx.runner.submit(finalize_with_approval, ctx.services, actor, self.cart(),
                              *values, on_result=self._paid, on_error=self._say)
            return
        ctx.runner.submit(ctx.services.sales.checkout.finalize_sale, actor, self.cart(),
                          on_result=self._paid, on_error=self._say)

    def ask_approval(self) -> tuple[str, str] | None:
        """A manager's code and PIN for a discount over the limit (tests replace this)."""
        dialog = ApprovalDialog(self.tr("The discount is over the cashier's limit."), self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _paid(self, result: SaleResult) -> None:
        self.last_result = result
        self.sale_finalized.emit(result)
        change = format_minor(result.change)
        self.new_sale()
        self._say(self.tr("Paid: receipt %1, change %2, points earned %3")
                  .replace("%1", result.number).replace("%2", change)
                  .replace("%3", str(result.points_earned)))

    # -- refunds, top-ups, shifts -----------------------------------------------------------
    def open_refund(self) -> RefundDialog | None:
        if self.context is None:
            return None
        return self._open(RefundDialog(self.context, self))

    def open_topup(self) -> TopUpDialog | None:
        if self.context is None:
            return None
        if self.member_id is None:
            self._say(self.tr("Scan the member's card first to top up their stored value"))
            return None
        dialog = TopUpDialog(self.context, self.member_id, self.member_name, self)
        dialog.topped_up.connect(lambda _result: self._refresh())
        return self._open(dialog)

    def open_shift(self) -> ShiftDialog | None:
        if self.context is None:
            return None
        return self._open(ShiftDialog(self.context, self))

    def open_import(self) -> ProductImportDialog | None:
        if self.context is None:
            return None
        dialog = ProductImportDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _open(self, dialog: D) -> D:
        """Shown window-modal without blocking; its receipts go out as this page's."""
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.receipt_ready.connect(self.receipt_ready)
        dialog.finished.connect(lambda _code, d=dialog: self._closed(d))
        dialog.open()
        return dialog

    def _closed(self, dialog: DeskDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.entry.setFocus()

    def new_sale(self) -> None:
        self.lines, self.tenders = [], []
        self.member_id, self.member_name = None, ""
        self.order_discount, self.sale_id, self.quote = Discount(), new_id(), None
        self.entry.clear()
        self.hits.hide()
        self.status.clear()
        self._refresh()

    # -- showing -------------------------------------------------------------------------
    def _ctx(self) -> DeskContext:
        assert self.context is not None, "attach() first"
        return self.context

    def _say(self, text: str) -> None:
        self.status.setText(text)

    def _refresh(self) -> None:
        if self.context is None or not self.lines:
            self.quote = None
            self._show()
            return
        self.context.runner.submit(self.context.services.sales.checkout.quote, self.cart(),
                                   on_result=self._quoted, on_error=self._say,
                                   latest_key="checkout-quote")

    def _quoted(self, quote: Quote) -> None:
        self.quote = quote
        self._show()

    def _show(self) -> None:
        self.table.setRowCount(len(self.lines))
        for row, ln in enumerate(self.lines):
            off = f"{ln.discount.percent}%" if ln.discount.percent else ""
            cells = (ln.name, str(ln.quantity), format_minor(ln.unit_price), off,
                     format_minor(ln.gross))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight)
                self.table.setItem(row, col, item)
        if self.member_id:
            balance = self.quote.points_balance if self.quote else None
            self.member_label.setText(self.tr("Member: %1 · points %2")
                                      .replace("%1", self.member_name)
                                      .replace("%2", "" if balance is None else str(balance)))
        else:
            self.member_label.setText(self.tr("No member (scan a member card to earn points)"))
        q = self.quote
        points_used = sum(t.points for t in self.tenders)
        values = {
            "gross": format_minor(q.gross) if q else "",
            "discount": format_minor(q.discount + q.member_discount) if q else "",
            "total": format_minor(q.total) if q else "",
            "earn": str(q.points_to_earn) if q else "",
            "redeem": f"{points_used} / {q.max_points}" if q else "",
            "tenders": ", ".join(f"{self._tender_name(t.kind)} {format_minor(t.amount)}"
                                 for t in self.tenders),
            "left": format_minor(q.left_to_pay) if q else "",
            "change": format_minor(q.change) if q else "",
        }
        for key, text in values.items():
            self.figures[key][1].setText(text)

    def _tender_name(self, kind: TenderKind) -> str:
        return {
            TenderKind.CASH: self.tr("Cash"),
            TenderKind.CARD: self.tr("Bank card"),
            TenderKind.WECHAT: self.tr("WeChat Pay"),
            TenderKind.ALIPAY: self.tr("Alipay"),
            TenderKind.STORED_VALUE: self.tr("Stored value"),
            TenderKind.POINTS: self.tr("Points"),
        }[kind]
