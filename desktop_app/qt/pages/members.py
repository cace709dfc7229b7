"""The Members page (F3): one search box (number, card, phone or its last 4 digits, name,
pinyin, email), results fetched as you type and as you scroll, and the member's profile.

Keyboard only: type; Down moves into the results, Up/Down choose, Enter opens the profile;
Enter in the box opens the first result; Esc clears; Ctrl+N creates a member, Ctrl+E edits
the one shown. Every service call goes through the task runner; only the newest query's
answer is shown. Member data is always shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Actor
from desktop_app.qt.pages.base import Page
from desktop_app.qt.pages.member_dialog import MemberDialog
from desktop_app.qt.pages.member_profile import ProfilePanel
from desktop_app.qt.pages.member_results import PAGE, MemberResultsModel
from desktop_app.services.lookup import MemberHit
from desktop_app.services.profiles import MemberProfile

TYPING_PAUSE_MS = 120  # wait this long after a keystroke before searching (a scan is faster)


class MembersPage(Page):
    member_opened = Signal(str)
    """A member's profile was shown (the member id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.heading)
        top.addStretch(1)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.create_member)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_member)
        self.edit_button.setEnabled(False)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        self.search = QLineEdit(self)
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self._typed)
        self.search.returnPressed.connect(self._open_first)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        body = QHBoxLayout()
        self.model = MemberResultsModel(self._fetch_more, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Codes fit their contents; the name takes what is left (never its own length:
        # a long name is elided, it does not push the other columns away).
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.installEventFilter(self)
        body.addWidget(self.table, 3)
        self.profile = ProfilePanel(self)
        body.addWidget(self.profile, 2)
        layout.addLayout(body, 1)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._run_search)
        self._shown: MemberProfile | None = None
        self._open_when_found = False
        QShortcut(QKeySequence("Ctrl+N"), self, self.create_member)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit_member)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Members")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.search.setPlaceholderText(self.tr(
            "Member number, card, phone or its last 4 digits, name, pinyin (zs), email"))
        self.new_button.setText(self.tr("New member (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit (Ctrl+E)"))
        self.profile.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """The search box has the keyboard whenever the page comes up."""
        super().showEvent(event)
        self.search.setFocus()

    def handle_scan(self, code: str) -> bool:
        """A scanned code: search for it at once and open the member it belongs to."""
        self.search.setText(code)
        self._open_when_found = True
        self._timer.stop()
        self._run_search()
        return True

    # -- searching ------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._open_when_found = False
        self._timer.start()

    def _run_search(self) -> None:
        query = self.search.text()
        generation = self.model.start(query)
        self.status.setText("")
        if query.strip():
            self._submit(generation, query, PAGE, latest_key="members.search")

    def _fetch_more(self, generation: int, query: str, limit: int) -> None:
        self._submit(generation, query, limit, latest_key=None)

    def _submit(self, generation: int, query: str, limit: int, latest_key: str | None) -> None:
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None:
            return
        ctx.runner.submit(
            lambda: ctx.services.lookup.search(actor, query, limit),
            on_result=lambda hits: self._found(generation, hits, limit),
            latest_key=latest_key)

    def _found(self, generation: int, hits: list[MemberHit], limit: int) -> None:
        self.model.deliver(generation, hits, limit)
        if generation != self.model.generation:
            return
        count = self.model.rowCount()
        self.status.setText(self.tr("No member found.") if count == 0 else
                            self.tr("%n member(s) found", "", count))
        if count and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        if self._open_when_found and count:
            self._open_when_found = False
            self._open_row(0)

    def _open_first(self) -> None:
        if self._timer.isActive():  # Enter before the pause ran out: search, then open
            self._timer.stop()
            self._open_when_found = True
            self._run_search()
        elif self.model.rowCount():
            self._open_row(0)

    def clear(self) -> None:
        self.search.clear()
        self.model.start("")
        self.status.setText("")
        self.search.setFocus()

    # -- the profile ----------------------------------------------------------------------
    def _open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            self.open_member(hit.member_id)

    def open_member(self, member_id: str) -> None:
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None:
            return
        ctx.runner.submit(lambda: ctx.services.profiles.profile(actor, member_id),
                          on_result=self._show_profile, latest_key="members.profile")

    def _show_profile(self, profile: MemberProfile) -> None:
        self._shown = profile
        self.profile.show_profile(profile)
        self.edit_button.setEnabled(True)
        self.member_opened.emit(profile.id)

    def create_member(self) -> None:
        if self.context is None:
            return
        dialog = MemberDialog(self.context, self._actor, None, self)
        dialog.member_saved.connect(self.open_member)
        dialog.open()

    def edit_member(self) -> None:
        if self.context is None or self._shown is None:
            return
        dialog = MemberDialog(self.context, self._actor, self._shown, self)
        dialog.member_saved.connect(self.open_member)
        dialog.open()

    def _actor(self) -> Actor | None:
        return self.context.current_actor() if self.context else None

    # -- keyboard -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(max(0, self.table.currentIndex().row()))
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_row(self.table.currentIndex().row())
                return True
            if (watched is self.table and key == Qt.Key.Key_Up
                    and self.table.currentIndex().row() <= 0):
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)
