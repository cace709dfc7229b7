"""Create or edit a member: name, phone, email, notes and consent, validated by the member
service (its errors shown beside the form), with the duplicate warning: when the phone or
email belongs to another member, staff choose to open that member or create anyway."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.domain.permissions import Actor
from desktop_app.qt.pages.base import DeskContext
from desktop_app.services.members import DuplicateContact, MemberDraft, MemberSummary
from desktop_app.services.profiles import MemberProfile


class MemberDialog(QDialog):
    member_saved = Signal(str)
    """The member was created or changed (its id)."""

    def __init__(self, context: DeskContext, actor: Callable[[], Actor | None],
                 member: MemberProfile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._actor, self._member = context, actor, member
        self.setWindowTitle(self.tr("Edit member") if member else self.tr("New member"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name, self.phone, self.email = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.name.setMaxLength(200)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.sms = QCheckBox(self.tr("Agrees to marketing SMS"), self)
        self.mail = QCheckBox(self.tr("Agrees to marketing email"), self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Notes"), self.notes)
        form.addRow(self.sms)
        form.addRow(self.mail)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if member is not None:
            self.name.setText(member.name)
            self.phone.setText(member.phone or "")
            self.email.setText(member.email or "")
            self.notes.setPlainText(member.notes)
            self.sms.setChecked(member.consent_sms)
            self.mail.setChecked(member.consent_email)

    def field_error(self, exc: ValidationError) -> str:
        return {
            "name": self.tr("A name is required (at most 200 characters)."),
            "phone": self.tr("This is not a phone number."),
            "email": self.tr("This is not an email address."),
            "notes": self.tr("The notes are too long."),
        }.get(exc.field, self.tr("Please check %1.").replace("%1", exc.field))

    def save(self, allow_duplicate: bool = False) -> None:
        actor = self._actor()
        if actor is None:
            return
        name, phone, email = self.name.text(), self.phone.text(), self.email.text()
        notes, sms, mail = self.notes.toPlainText(), self.sms.isChecked(), self.mail.isChecked()
        members = self._ctx.services.members
        member = self._member

        def work() -> MemberSummary | DomainError:
            try:
                if member is None:
                    return members.create(actor, MemberDraft(
                        name=name, phone=phone or None, email=email or None, notes=notes,
                        consent_sms=sms, consent_email=mail), allow_duplicate=allow_duplicate)
                return members.edit(actor, member.id, {
                    "name": name, "phone": phone or None, "email": email or None,
                    "notes": notes, "consent_sms": sms, "consent_email": mail})
            except (ValidationError, DuplicateContact) as exc:
                return exc  # shown in the form, not as an error dialog

        self._ctx.runner.submit(work, on_result=self._saved, on_error=self.error.setText)

    def _saved(self, outcome: MemberSummary | DomainError) -> None:
        if isinstance(outcome, ValidationError):
            self.error.setText(self.field_error(outcome))
            return
        if isinstance(outcome, DuplicateContact):
            self._duplicate(outcome.details.get("member_ids", []))
            return
        assert isinstance(outcome, MemberSummary)
        self.member_saved.emit(outcome.id)
        self.accept()

    def _duplicate(self, member_ids: list[str]) -> None:
        box = QMessageBox(self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Possible duplicate"))
        box.setText(self.tr("A member with this phone or email already exists."))
        open_it = box.addButton(self.tr("Open that member"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Create anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        self.duplicate_box = box
        box.buttonClicked.connect(lambda b: self._duplicate_choice(b, open_it, member_ids))
        box.open()

    def _duplicate_choice(self, button: object, open_it: object, member_ids: list[str]) -> None:
        if button is open_it and member_ids:
            self.member_saved.emit(member_ids[0])
            self.accept()
        elif self.duplicate_box.buttonRole(button) == QMessageBox.ButtonRole.DestructiveRole:  # type: ignore[arg-type]
            self.save(allow_duplicate=True)
