"""A member's card: issue one, or reissue it (the old code is revoked and from then on scans as
"revoked"), save its card sheet (QR and Code 128) as PNG or PDF, or print it on the receipt
printer through the print queue. Every call through the task runner; the name is plain text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.qt.i18n import system_language
from desktop_app.qt.pages.base import DeskContext
from desktop_app.services.profiles import CardIssued, MemberProfile


def save_sheet(services: Any, actor: Any, member_id: str, path: Path) -> int:
    """On the runner: the member's card face, saved as PDF (by suffix) or PNG; pages written."""
    faces = services.profiles.card_faces(actor, [member_id])
    if not faces:
        return 0
    if path.suffix.lower() == ".pdf":
        from desktop_app.qt.card_sheet_pdf import save_pdf

        return save_pdf(faces, path)
    from desktop_app.devices.card_sheet import save_png

    return len(save_png(faces, path))


def print_card(services: Any, actor: Any, member: MemberProfile, lang: str) -> bool:
    """On the runner: the member's active card into the receipt printer's queue (False when
    the member has no active card)."""
    from desktop_app.devices.receipts.templates import MemberCard
    from desktop_app.qt.receipt_printing import queue_receipt

    faces = services.profiles.card_faces(actor, [member.id])
    if not faces:
        return False
    card = MemberCard(name=faces[0].name, card_code=faces[0].code, tier=member.tier or "",
                      issued_on=services.clock.now().date())
    queue_receipt(services, actor, "member_card", card, lang)
    return True


class MemberCardDialog(QDialog):
    card_issued = Signal(str)
    """A new card was issued (the member id)."""

    def __init__(self, context: DeskContext, member: MemberProfile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._member = context, member
        self.code = member.card_code
        self.setWindowTitle(self.tr("Member card"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        self.who = QLabel(self)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setWordWrap(True)
        self.who.setText(f"{member.number}  {member.name[:200]}")
        layout.addWidget(self.who)
        self.current = QLabel(self)
        self.current.setObjectName("cardCurrent")
        self.current.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.current)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setObjectName("cardReason")
        self.reason.setMaxLength(200)
        self.reason.returnPressed.connect(self.issue)
        form.addRow(self.tr("Reason (lost, worn…)"), self.reason)
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setObjectName("cardStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.issue_button = QPushButton(self)
        self.issue_button.clicked.connect(self.issue)
        self.save_button = QPushButton(self.tr("Save card sheet (PNG/PDF)…"), self)
        self.save_button.clicked.connect(self._choose)
        self.print_button = QPushButton(self.tr("Print on receipt printer"), self)
        self.print_button.clicked.connect(self.print_card)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for b in (self.issue_button, self.save_button, self.print_button, close):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._show_code()

    def _show_code(self) -> None:
        if self.code:
            self.current.setText(self.tr("Card: %1").replace("%1", self.code))
            self.issue_button.setText(self.tr("Reissue card"))
        else:
            self.current.setText(self.tr("No active card."))
            self.issue_button.setText(self.tr("Issue card"))
        self.save_button.setEnabled(bool(self.code))
        self.print_button.setEnabled(bool(self.code))

    def issue(self) -> None:
        actor = self._ctx.current_actor()
        if actor is None:
            return
        profiles, member_id, reason = self._ctx.services.profiles, self._member.id, \
            self.reason.text()
        self._ctx.runner.submit(lambda: profiles.issue_card(actor, member_id, reason),
                                on_result=self._issued, on_error=self.status.setText)

    def _issued(self, issued: CardIssued) -> None:
        self.code = issued.code
        self._show_code()
        if issued.revoked:
            self.status.setText(self.tr("New card issued; %1 is revoked.")
                                .replace("%1", issued.revoked))
        else:
            self.status.setText(self.tr("Card issued."))
        self.card_issued.emit(issued.member_id)

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save card sheet"), f"card-{self._member.number}.pdf",
            self.tr("PDF (*.pdf);;PNG image (*.png)"))
        if name:
            self.save_sheet(Path(name))

    def save_sheet(self, path: Path) -> None:
        actor = self._ctx.current_actor()
        if actor is None:
            return
        services, member_id = self._ctx.services, self._member.id
        self._ctx.runner.submit(lambda: save_sheet(services, actor, member_id, path),
                                on_result=lambda pages: self._saved(path, pages),
                                on_error=self.status.setText)

    def print_card(self) -> None:
        actor = self._ctx.current_actor()
        if actor is None:
            return
        services, member = self._ctx.services, self._member
        lang = system_language(QLocale())  # the language the desk shows (QLocale's default)
        self._ctx.runner.submit(lambda: print_card(services, actor, member, lang),
                                on_result=self._printed, on_error=self.status.setText)

    def _printed(self, queued: bool) -> None:
        self.status.setText(self.tr("Card sent to the receipt printer.") if queued
                            else self.tr("No active card."))

    def _saved(self, path: Path, pages: int) -> None:
        if pages:
            self.status.setText(self.tr("Card sheet saved: %1").replace("%1", path.name))
        else:
            self.status.setText(self.tr("No active card."))


__all__ = ["MemberCardDialog", "print_card", "save_sheet"]
