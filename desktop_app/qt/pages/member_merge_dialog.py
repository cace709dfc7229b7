"""Merge a duplicate member into the one shown (DOMAIN.md, Members): find the duplicate by
number, card, phone or name, pick it, and merge; a member without member.merge needs a
manager's code and PIN, checked by the service on the task runner. Names are plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Permission
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.desk_dialog import with_approval
from desktop_app.services.lookup import MemberHit
from desktop_app.services.profiles import MemberProfile, MergeResult


class MemberMergeDialog(QDialog):
    merged = Signal(str)
    """The merge was done (the survivor's id)."""

    def __init__(self, context: DeskContext, survivor: MemberProfile,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx, self._survivor = context, survivor
        self.busy = False
        self.setWindowTitle(self.tr("Merge members"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.keep = QLabel(self)
        self.keep.setTextFormat(Qt.TextFormat.PlainText)
        self.keep.setWordWrap(True)
        self.keep.setText(self.tr("Keep: %1 (%2)").replace("%2", survivor.number)
                          .replace("%1", survivor.name[:200]))
        layout.addWidget(self.keep)
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("mergeFind")
        self.find_box.setPlaceholderText(self.tr("The duplicate's number, card, phone or name"))
        self.find_box.returnPressed.connect(self.search)
        layout.addWidget(self.find_box)
        self.results = QListWidget(self)
        self.results.setObjectName("mergeResults")
        layout.addWidget(self.results, 1)
        form = QFormLayout()
        self.manager = QLineEdit(self)
        self.manager.setObjectName("mergeManager")
        self.pin = QLineEdit(self)
        self.pin.setObjectName("mergePin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.returnPressed.connect(self.merge)
        form.addRow(self.tr("Manager code"), self.manager)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        actor = context.current_actor()
        self.needs_approval = actor is None or not actor.can(Permission.MEMBER_MERGE)
        if not self.needs_approval:
            self.manager.hide()
            self.pin.hide()
            form.labelForField(self.manager).hide()
            form.labelForField(self.pin).hide()
        self.status = QLabel(self)
        self.status.setObjectName("mergeStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.merge_button = QPushButton(self.tr("Merge into this member"), self)
        self.merge_button.clicked.connect(self.merge)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for b in (self.merge_button, close):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout.addLayout(buttons)

    def search(self) -> None:
        actor, query = self._ctx.current_actor(), self.find_box.text()
        if actor is None or not query.strip():
            return
        lookup = self._ctx.services.lookup
        self._ctx.runner.submit(lambda: lookup.search(actor, query, 20),
                                on_result=self._found, on_error=self.status.setText,
                                latest_key="members.merge.find")

    def _found(self, hits: list[MemberHit]) -> None:
        self.results.clear()
        for hit in hits:
            if hit.member_id == self._survivor.id:
                continue
            item = QListWidgetItem(f"{hit.number}  {hit.name[:200]}  {hit.phone or ''}")
            item.setData(Qt.ItemDataRole.UserRole, hit.member_id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
            self.results.setFocus()
            self.status.setText("")
        else:
            self.status.setText(self.tr("No other member found."))

    def chosen(self) -> str | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def merge(self) -> None:
        actor, merged_id = self._ctx.current_actor(), self.chosen()
        if actor is None or self.busy:
            return
        if merged_id is None:
            self.status.setText(self.tr("Find and choose the duplicate first."))
            return
        services, survivor_id = self._ctx.services, self._survivor.id
        self.busy = True
        if self.needs_approval:
            merge = with_approval(services.profiles.merge, Permission.MEMBER_MERGE)
            self._ctx.runner.submit(merge, services, actor, self.manager.text().strip(),
                                    self.pin.text(), survivor_id, merged_id,
                                    on_result=self._done, on_error=self._failed)
        else:
            self._ctx.runner.submit(services.profiles.merge, actor, survivor_id, merged_id,
                                    on_result=self._done, on_error=self._failed)

    def _failed(self, text: str) -> None:
        self.busy = False
        self.pin.clear()
        self.status.setText(text)

    def _done(self, result: MergeResult) -> None:
        self.busy = False
        self.merged.emit(result.survivor_id)
        self.accept()


__all__ = ["MemberMergeDialog"]
