"""What the Checkout page's small dialogs share (refund, stored-value top-up, shift): calls
through the task runner (never the database on the GUI thread), a busy state while one is
out, errors shown plainly in the dialog, a manager's approval when the cashier lacks a
permission, and the receipt document the call yielded, shown on screen and handed on with
`receipt_ready` (the desk queues it for the printer the way it does a sale's)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.devices.printing.payload import TEMPLATES
from desktop_app.devices.receipts import PAPER_80
from desktop_app.devices.receipts.preview import preview
from desktop_app.devices.receipts.templates import StoreText
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.qt.i18n import system_language
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.widgets.approval_dialog import ApprovalDialog
from desktop_app.qt.widgets.receipt_preview import ReceiptPreviewWidget


def with_approval(call: Callable[..., Any], permission: Permission) -> Callable[..., Any]:
    """On the database worker: check a manager's code and PIN for `permission`, then make
    `call(actor, *args, approver=...)`."""

    def run(services: Any, actor: Actor, code: str, pin: str, *args: Any) -> Any:
        approver = services.auth.approve(code, pin, permission)
        return call(actor, *args, approver=approver)

    return run


class DeskDialog(QDialog):
    receipt_ready = Signal(str, object)
    """The call yielded a receipt document: (template kind, its data)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.busy = False
        self.receipt: tuple[str, Any] | None = None
        self.layout_ = QVBoxLayout(self)
        self.status = QLabel(self)
        self.status.setObjectName("dialogStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.preview = ReceiptPreviewWidget(self)
        self.receipt_scroll = QScrollArea(self)
        self.receipt_scroll.setWidget(self.preview)
        self.receipt_scroll.setMinimumHeight(220)
        self.receipt_scroll.hide()
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)

    def finish_layout(self) -> None:
        """Subclasses add their fields, then call this: status, receipt, Close at the foot."""
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.receipt_scroll, 1)
        self.layout_.addWidget(self.close_button)
        self.close_button.setText(self.tr("Close"))
        # Enter belongs to the field it is typed in (find, top up, open), never to a button
        # the dialog would press by default (Close).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    # -- calling the services ---------------------------------------------------------------
    def actor(self) -> Actor | None:
        return self.context.current_actor()

    def call(self, fn: Callable[..., Any], *args: Any,
             on_result: Callable[[Any], None]) -> None:
        """`fn(*args)` on the database lane; the result or the error comes back here."""
        if self.busy:
            return
        self.set_busy(True)

        def done(result: Any) -> None:
            self.set_busy(False)
            on_result(result)

        self.context.runner.submit(fn, *args, on_result=done, on_error=self.fail)

    def call_as(self, permission: Permission, fn: Callable[..., Any], *args: Any,
                on_result: Callable[[Any], None], reason: str) -> None:
        """`fn(actor, *args)`; with a manager's approval when the actor lacks `permission`."""
        actor = self.actor()
        if actor is None:
            self.fail(self.tr("Nobody is signed in"))
            return
        if actor.can(permission):
            self.call(fn, actor, *args, on_result=on_result)
            return
        values = self.ask_approval(reason)
        if values is None:
            return
        self.call(with_approval(fn, permission), self.context.services, actor, *values, *args,
                  on_result=on_result)

    def ask_approval(self, reason: str) -> tuple[str, str] | None:
        """A manager's code and PIN (tests replace this)."""
        dialog = ApprovalDialog(reason, self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self._show_status(self.tr("Working…"), error=False)

    def fail(self, text: str) -> None:
        self.set_busy(False)
        self._show_status(text, error=True)

    def say(self, text: str) -> None:
        self._show_status(text, error=False)

    def _show_status(self, text: str, *, error: bool) -> None:
        """One place sets both the `error` property (read by tests) and the colour, so a
        "Working…" after a failure is never shown in red."""
        self.status.setProperty("error", error)
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    # -- the receipt ------------------------------------------------------------------------
    def show_receipt(self, kind: str, data: Any) -> None:
        """Show the document on screen and hand it on for printing."""
        self.receipt = (kind, data)
        build = TEMPLATES[kind][1]
        doc = build(data, StoreText(("Frontdesk",)), _receipt_language(), False)
        self.preview.set_preview(preview(doc, PAPER_80))
        self.preview.adjustSize()
        self.receipt_scroll.show()
        self.receipt_ready.emit(kind, data)


def _receipt_language() -> str:
    return system_language(QLocale())
