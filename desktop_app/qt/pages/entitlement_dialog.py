"""A member's entitlements (DOMAIN.md, Entitlements): list them with their status now, sell or
issue a new one (period, visit pack, day pass, class credits; a family pack shared with other
members found through the lookup), put one on hold (the new expiry shown before confirming),
end a running hold, renew, and refund within the cooling-off days (the service decides; its
refusal shown in words). Every call through the task runner; a manager's code and PIN when the
staff member lacks the permission (the change is then theirs, approved by the manager)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.entitlements import COUNTED_KINDS, EntitlementKind
from desktop_app.domain.errors import DomainError
from desktop_app.domain.money import format_minor
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.desk_dialog import with_approval
from desktop_app.qt.widgets.approval_dialog import ApprovalDialog
from desktop_app.services.entitlements import EntitlementDraft, EntitlementView
from desktop_app.services.profiles import MemberProfile

SELLABLE = (EntitlementKind.PERIOD, EntitlementKind.VISIT_PACK, EntitlementKind.DAY_PASS,
            EntitlementKind.CLASS_CREDITS)


@dataclass(frozen=True, slots=True)
class Refused:
    """The service said no for a business reason: shown in words, not as an error box."""

    code: str
    reason: str
    details: dict[str, Any]


def run_as(services: Any, actor: Actor, approval: tuple[str, str] | None,
           permission: Permission, method: str, *args: Any) -> Any:
    """On the database worker: `services.entitlements.<method>(actor, *args)`; with a manager's
    code and PIN the staff member acts with the manager's approval (both are recorded). A hold
    or refund refused comes back as Refused."""
    call = getattr(services.entitlements, method)
    try:
        if approval is None:
            return call(actor, *args)
        return with_approval(call, permission)(services, actor, *approval, *args)
    except DomainError as exc:
        if exc.code in ("hold_refused", "refund_refused"):
            return Refused(exc.code, str(exc.details.get("reason", "")), dict(exc.details))
        raise


def load(services: Any, member_id: str) -> tuple[list[EntitlementView], dict[str, str]]:
    """On the worker: the member's entitlements and, per entitlement, its running hold id."""
    views = services.entitlements.of_member(member_id)
    now = services.clock.now()
    running: dict[str, str] = {}
    for v in views:
        for h in services.entitlements.holds(v.id):
            end = h.ended_at or h.ends_at
            if _aware(end, now) > now:
                running[v.id] = h.id
    return views, running


def _aware(at: datetime, like: datetime) -> datetime:
    return at.replace(tzinfo=like.tzinfo) if at.tzinfo is None else at


def to_minor(text: str) -> int | None:
    """Yuan as typed ("99", "99.5", "¥99.50") to fen; None when it is not an amount."""
    cleaned = text.strip().replace("¥", "").replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if value < 0 or value != value.quantize(Decimal("0.01")):
        return None
    return int(value * 100)


class EntitlementDialog(QDialog):
    changed = Signal(str)
    """Something was sold, held, renewed or refunded (the member id)."""

    def __init__(self, context: DeskContext, member: MemberProfile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._member = context, member
        self.views: list[EntitlementView] = []
        self.running: dict[str, str] = {}
        self.sharers: list[tuple[str, str]] = []  # (member id, name)
        self.busy = False
        self.setWindowTitle(self.tr("Entitlements"))
        self.setMinimumWidth(720)
        layout = QVBoxLayout(self)
        self.who = QLabel(self)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setText(f"{member.number}  {member.name[:200]}")
        layout.addWidget(self.who)

        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("entitlementTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Kind"), self.tr("Name"), self.tr("Status"), self.tr("Units left"),
            self.tr("Valid from"), self.tr("Valid to"), self.tr("On hold")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.renew_price = QLineEdit(self)
        self.renew_price.setObjectName("renewPrice")
        self.renew_price.setPlaceholderText(self.tr("Renewal price (¥)"))
        self.renew_price.returnPressed.connect(self.renew)
        self.renew_button = QPushButton(self.tr("Renew"), self)
        self.renew_button.clicked.connect(self.renew)
        self.refund_button = QPushButton(self.tr("Refund (cooling-off)"), self)
        self.refund_button.clicked.connect(self.refund)
        self.end_hold_button = QPushButton(self.tr("End hold"), self)
        self.end_hold_button.clicked.connect(self.end_hold)
        for w in (self.renew_price, self.renew_button, self.refund_button,
                  self.end_hold_button):
            actions.addWidget(w)
        layout.addLayout(actions)

        hold_box = QGroupBox(self.tr("Hold"), self)
        hold_form = QFormLayout(hold_box)
        now = context.services.clock.now()
        today = QDate(now.year, now.month, now.day)
        self.hold_start = QDateEdit(today, hold_box)
        self.hold_start.setCalendarPopup(True)
        self.hold_end = QDateEdit(today.addDays(14), hold_box)
        self.hold_end.setCalendarPopup(True)
        self.hold_reason = QLineEdit(hold_box)
        self.hold_reason.setObjectName("holdReason")
        self.hold_reason.setMaxLength(200)
        self.hold_reason.returnPressed.connect(self.hold)
        self.hold_preview = QLabel(hold_box)
        self.hold_preview.setObjectName("holdPreview")
        self.hold_preview.setTextFormat(Qt.TextFormat.PlainText)
        self.hold_button = QPushButton(self.tr("Put on hold"), hold_box)
        self.hold_button.clicked.connect(self.hold)
        hold_form.addRow(self.tr("From"), self.hold_start)
        hold_form.addRow(self.tr("To"), self.hold_end)
        hold_form.addRow(self.tr("Reason"), self.hold_reason)
        hold_form.addRow(self.hold_preview)
        hold_form.addRow(self.hold_button)
        self.hold_start.dateChanged.connect(self._preview)
        self.hold_end.dateChanged.connect(self._preview)
        layout.addWidget(hold_box)

        sell_box = QGroupBox(self.tr("Sell or issue"), self)
        sell_form = QFormLayout(sell_box)
        self.kind = QComboBox(sell_box)
        for k in SELLABLE:
            self.kind.addItem(self._kind_text(k.value), k.value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.name = QLineEdit(sell_box)
        self.name.setObjectName("sellName")
        self.name.setMaxLength(120)
        self.price = QLineEdit(sell_box)
        self.price.setObjectName("sellPrice")
        self.price.setPlaceholderText("0.00")
        self.days = QSpinBox(sell_box)
        self.days.setRange(1, 3660)
        self.days.setValue(30)
        self.units = QSpinBox(sell_box)
        self.units.setRange(1, 10000)
        self.units.setValue(10)
        self.share_find = QLineEdit(sell_box)
        self.share_find.setObjectName("shareFind")
        self.share_find.setPlaceholderText(self.tr("Number, phone or name; Enter to add"))
        self.share_find.returnPressed.connect(self.find_sharer)
        self.share_list = QListWidget(sell_box)
        self.share_list.setMaximumHeight(60)
        self.sell_button = QPushButton(self.tr("Sell"), sell_box)
        self.sell_button.clicked.connect(self.sell)
        for w in (self.name, self.price):
            w.returnPressed.connect(self.sell)
        sell_form.addRow(self.tr("Kind"), self.kind)
        sell_form.addRow(self.tr("Name"), self.name)
        sell_form.addRow(self.tr("Price (¥)"), self.price)
        sell_form.addRow(self.tr("Days valid"), self.days)
        sell_form.addRow(self.tr("Units"), self.units)
        sell_form.addRow(self.tr("Family: share with"), self.share_find)
        sell_form.addRow(self.share_list)
        sell_form.addRow(self.sell_button)
        layout.addWidget(sell_box)

        self.status = QLabel(self)
        self.status.setObjectName("entitlementStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        layout.addWidget(close)
        # Enter belongs to the field it is typed in; no button is pressed by default.
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)
            b.setDefault(False)
        order: list[QWidget] = [self.table, self.renew_price, self.renew_button, self.refund_button,
                 self.end_hold_button, self.hold_start, self.hold_end, self.hold_reason,
                 self.hold_button, self.kind, self.name, self.price, self.days, self.units,
                 self.share_find, self.share_list, self.sell_button, close]
        for first, then in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, then)
        self._kind_changed()
        self._selected()
        self.refresh()

    # -- text -------------------------------------------------------------------------------
    def _kind_text(self, kind: str) -> str:
        return {
            "period": self.tr("Period membership"), "visit_pack": self.tr("Visit pack"),
            "day_pass": self.tr("Day pass"), "class_credits": self.tr("Class credits"),
            "stored_value": self.tr("Stored value"),
        }.get(kind, kind)

    def _status_text(self, status: str) -> str:
        return {
            "upcoming": self.tr("Upcoming"), "active": self.tr("Active"),
            "expiring": self.tr("Expiring"), "grace": self.tr("Grace"),
            "expired": self.tr("Expired"), "used_up": self.tr("Used up"),
            "on_hold": self.tr("On hold"), "blocked": self.tr("Blocked"),
        }.get(status, status)

    def refused_text(self, refused: Refused) -> str:
        d = refused.details
        return {
            "too_late": self.tr("Refund refused: the cooling-off period is over."),
            "used": self.tr("Refund refused: it has already been used."),
            "too_short": self.tr("Hold refused: shorter than %1 days.")
            .replace("%1", str(d.get("min_days", ""))),
            "too_long": self.tr("Hold refused: longer than %1 days.")
            .replace("%1", str(d.get("max_days", ""))),
            "too_many": self.tr("Hold refused: at most %1 holds a year.")
            .replace("%1", str(d.get("per_year", ""))),
            "overlap": self.tr("Hold refused: it overlaps another hold."),
            "not_running": self.tr("There is no running hold to end."),
        }.get(refused.reason, self.tr("Refused (%1).").replace("%1", refused.reason))

    @staticmethod
    def _day(at: datetime | None) -> str:
        return at.date().isoformat() if at is not None else "—"

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        services, member_id = self._ctx.services, self._member.id
        self._ctx.runner.submit(load, services, member_id, on_result=self._loaded,
                                on_error=self.fail)

    def _loaded(self, loaded: tuple[list[EntitlementView], dict[str, str]]) -> None:
        keep = self.selected()
        self.views, self.running = loaded
        self.table.setRowCount(len(self.views))
        for r, v in enumerate(self.views):
            units = "" if v.units_left is None else f"{v.units_left}/{v.units_total}"
            cells = [self._kind_text(v.kind), v.name, self._status_text(v.status.value), units,
                     self._day(v.valid_from), self._day(v.valid_until),
                     self.tr("Yes") if v.id in self.running else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.id)
                self.table.setItem(r, c, item)
            if keep is not None and v.id == keep.id:
                self.table.selectRow(r)
        if self.views and self.selected() is None:
            self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self._selected()

    def selected(self) -> EntitlementView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.views):
            return None
        return self.views[rows[0].row()]

    def _selected(self) -> None:
        v = self.selected()
        for b in (self.renew_button, self.refund_button, self.hold_button):
            b.setEnabled(v is not None)
        self.end_hold_button.setEnabled(v is not None and v.id in self.running)
        self._preview()

    def _kind_changed(self) -> None:
        kind = EntitlementKind(self.kind.currentData())
        self.units.setEnabled(kind in COUNTED_KINDS)
        if kind is EntitlementKind.DAY_PASS:
            self.days.setValue(1)
            self.units.setValue(1)

    # -- hold -------------------------------------------------------------------------------
    def _at(self, d: QDate) -> datetime:
        now = self._ctx.services.clock.now()
        return datetime.combine(date(d.year(), d.month(), d.day()), time(), tzinfo=now.tzinfo)

    def new_expiry(self) -> datetime | None:
        """The selected entitlement's expiry once the hold in the form has run its course."""
        v = self.selected()
        if v is None or v.valid_until is None:
            return None
        days = (self._at(self.hold_end.date()) - self._at(self.hold_start.date())) / \
            timedelta(days=1)
        return v.valid_until + timedelta(days=max(0, math.ceil(days)))

    def _preview(self) -> None:
        until = self.new_expiry()
        v = self.selected()
        if until is None or v is None:
            self.hold_preview.setText("")
            return
        self.hold_preview.setText(self.tr("Expiry moves from %1 to %2.")
                                  .replace("%1", self._day(v.valid_until))
                                  .replace("%2", self._day(until)))

    def hold(self) -> None:
        v = self.selected()
        if v is None:
            return
        start, end = self._at(self.hold_start.date()), self._at(self.hold_end.date())
        if not self.hold_reason.text().strip():
            self.fail(self.tr("A hold needs a reason."))
            return
        until = self.new_expiry()
        self._call(Permission.ENTITLEMENT_SELL, "hold", v.id, start, end,
                   self.hold_reason.text(), done=lambda _: self.tr(
                       "On hold; the expiry moves to %1.").replace("%1", self._day(until)))

    def end_hold(self) -> None:
        v = self.selected()
        if v is None or v.id not in self.running:
            return
        self._call(Permission.ENTITLEMENT_SELL, "end_hold", self.running[v.id],
                   done=lambda _: self.tr("Hold ended."))

    # -- renew, refund ----------------------------------------------------------------------
    def renew(self) -> None:
        v = self.selected()
        if v is None:
            return
        price = to_minor(self.renew_price.text() or "0")
        if price is None:
            self.fail(self.tr("The price is not an amount in yuan."))
            return
        self._call(Permission.ENTITLEMENT_SELL, "renew", v.id, price,
                   done=lambda _: self.tr("Renewed."))

    def refund(self) -> None:
        v = self.selected()
        if v is None:
            return
        self._call(Permission.SALE_REFUND, "refund", v.id,
                   done=lambda amount: self.tr("Refunded %1.").replace(
                       "%1", format_minor(amount)))

    # -- sell -------------------------------------------------------------------------------
    def find_sharer(self) -> None:
        actor, query = self._ctx.current_actor(), self.share_find.text().strip()
        if actor is None or not query:
            return
        lookup = self._ctx.services.lookup
        self._ctx.runner.submit(lambda: lookup.search(actor, query, 5),
                                on_result=self._found_sharer, on_error=self.fail)

    def _found_sharer(self, hits: list[Any]) -> None:
        hits = [h for h in hits if h.member_id != self._member.id]
        if not hits:
            self.fail(self.tr("No other member found."))
            return
        hit = hits[0]
        if hit.member_id not in (m for m, _ in self.sharers):
            self.sharers.append((hit.member_id, hit.name))
            self.share_list.addItem(f"{hit.number}  {hit.name[:200]}")
        self.share_find.clear()
        self.say(self.tr("Shared with %1.").replace("%1", hit.name[:200]))

    def draft(self) -> EntitlementDraft | None:
        kind = EntitlementKind(self.kind.currentData())
        name = self.name.text().strip()
        price = to_minor(self.price.text())
        if not name:
            self.fail(self.tr("Give it a name."))
            return None
        if price is None:
            self.fail(self.tr("The price is not an amount in yuan."))
            return None
        return EntitlementDraft(
            kind, name, price, days=self.days.value(),
            units=self.units.value() if kind in COUNTED_KINDS else None,
            sharer_ids=tuple(m for m, _ in self.sharers))

    def sell(self) -> None:
        draft = self.draft()
        if draft is None:
            return
        self._call(Permission.ENTITLEMENT_SELL, "sell", self._member.id, draft,
                   done=lambda _: self.tr("Sold: %1 for %2.").replace("%1", draft.name)
                   .replace("%2", format_minor(draft.price_minor)))

    # -- calling ----------------------------------------------------------------------------
    def _call(self, permission: Permission, method: str, *args: Any, done: Any) -> None:
        actor = self._ctx.current_actor()
        if actor is None:
            self.fail(self.tr("Nobody is signed in"))
            return
        if self.busy:
            return
        approval = None
        if not actor.can(permission):
            approval = self.ask_approval(self.tr("This needs a manager's approval."))
            if approval is None:
                self.fail(self.tr("Not allowed without a manager's approval."))
                return
        self.busy = True
        self.say(self.tr("Working…"))

        def result(value: Any) -> None:
            self.busy = False
            if isinstance(value, Refused):
                self.fail(self.refused_text(value))
                return
            self.say(done(value))
            if method == "sell":
                self.sharers.clear()
                self.share_list.clear()
            self.changed.emit(self._member.id)
            self.refresh()

        self._ctx.runner.submit(run_as, self._ctx.services, actor, approval, permission,
                                method, *args, on_result=result, on_error=self._failed)

    def _failed(self, text: str) -> None:
        self.busy = False
        self.fail(text)

    def ask_approval(self, reason: str) -> tuple[str, str] | None:
        """A manager's code and PIN (tests replace this)."""
        dialog = ApprovalDialog(reason, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def fail(self, text: str) -> None:
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(text)

    def say(self, text: str) -> None:
        self.status.setStyleSheet("")
        self.status.setText(text)


__all__ = ["EntitlementDialog", "Refused", "load", "run_as", "to_minor"]
