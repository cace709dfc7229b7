"""The Classes page (F4): the week's sessions, a session's roster with attendance marking,
and a small editor for one session (instructor, room, capacity, cancelled).

Keyboard: Up/Down choose a session, Tab moves to the roster, Space marks the selected
booking attended, Ctrl+S saves the session editor, F5 reloads. All work goes through the
task runner; the page shows what the class service returns.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.qt.pages.base import DeskContext, Page
from desktop_app.services.classes import RosterLine, SessionView


class ClassesPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        outer.addWidget(self.heading)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        self.sessions = QListWidget(self)
        self.sessions.setMinimumWidth(300)
        self.sessions.currentRowChanged.connect(self._session_chosen)
        body.addWidget(self.sessions)
        right = QVBoxLayout()
        body.addLayout(right, 1)
        self.session_title = QLabel(self)
        self.session_title.setObjectName("sessionTitle")
        right.addWidget(self.session_title)
        self.roster = QTableWidget(0, 3, self)
        self.roster.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.roster.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.roster.verticalHeader().hide()
        self.roster.horizontalHeader().setStretchLastSection(True)
        right.addWidget(self.roster, 1)
        form = QFormLayout()
        self.instructor = QLineEdit(self)
        self.room = QLineEdit(self)
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 500)
        self.cancelled = QCheckBox(self)
        self._labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(self._labels, (self.instructor, self.room, self.capacity,
                                               self.cancelled), strict=True):
            form.addRow(label, field)
        right.addLayout(form)
        self.hint = QLabel(self)
        right.addWidget(self.hint)
        self._sessions: list[SessionView] = []
        self._lines: list[RosterLine] = []
        self._tz: ZoneInfo | None = None  # the store's, once the settings are read
        for col, width in enumerate((220, 130)):
            self.roster.setColumnWidth(col, width)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.roster, self.mark_attended)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_session)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Classes")

    def attach(self, context: DeskContext) -> None:
        super().attach(context)
        if getattr(context.services, "classes", None) is None:
            # A services bundle without this feature (the shell's widget-test fakes): the
            # page stays empty rather than failing the whole desk.
            return
        context.runner.submit(context.services.settings.current, on_result=self._got_settings)
        self.reload()

    def _got_settings(self, settings: object) -> None:
        self._tz = ZoneInfo(getattr(settings, "timezone", "Asia/Shanghai"))
        self._fill_sessions()

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.roster.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Number"), self.tr("Status")])
        for label, text in zip(self._labels, (self.tr("Instructor"), self.tr("Room"),
                                              self.tr("Capacity"), self.tr("Cancelled")),
                               strict=True):
            label.setText(text)
        self.hint.setText(self.tr("Space: mark attended · Ctrl+S: save the session · "
                                  "F5: reload"))
        self._fill_sessions()
        self._fill_roster()

    def status_text(self, status: str) -> str:
        return {
            "confirmed": self.tr("Booked"), "waitlisted": self.tr("Waitlist"),
            "cancelled": self.tr("Cancelled"), "late_cancelled": self.tr("Late cancel"),
            "attended": self.tr("Attended"), "no_show": self.tr("No-show"),
        }.get(status, status)

    # -- data ----------------------------------------------------------------------------
    def reload(self, start: datetime | None = None) -> None:
        ctx = self.context
        if ctx is None:
            return
        first = start or ctx.services.clock.now() - timedelta(hours=12)
        ctx.runner.submit(ctx.services.classes.sessions, first, first + timedelta(days=7),
                          on_result=self._got_sessions)

    def _got_sessions(self, sessions: list[SessionView]) -> None:
        keep = self.sessions.currentRow()
        self._sessions = sessions
        self._fill_sessions()
        if sessions:
            self.sessions.setCurrentRow(max(keep, 0) if keep < len(sessions) else 0)

    def _fill_sessions(self) -> None:
        self.sessions.blockSignals(True)
        row = self.sessions.currentRow()
        self.sessions.clear()
        for s in self._sessions:
            when = s.starts_at.astimezone(self._tz).strftime("%m-%d %H:%M")
            seats = self.tr("%1/%2 booked, %3 waiting").replace("%1", str(s.confirmed)) \
                .replace("%2", str(s.capacity)).replace("%3", str(s.waitlisted))
            text = f"{when}  {s.class_name}\n{seats}"
            if s.cancelled:
                text += "  · " + self.tr("cancelled")
            self.sessions.addItem(QListWidgetItem(text))
        self.sessions.setCurrentRow(row)
        self.sessions.blockSignals(False)

    def _current(self) -> SessionView | None:
        row = self.sessions.currentRow()
        return self._sessions[row] if 0 <= row < len(self._sessions) else None

    def _session_chosen(self, _row: int) -> None:
        s, ctx = self._current(), self.context
        if s is None or ctx is None:
            return
        self.session_title.setText(f"{s.class_name} · {s.starts_at.astimezone(self._tz):%H:%M}")
        self.instructor.setText(s.instructor)
        self.room.setText(s.room)
        self.capacity.setValue(s.capacity)
        self.cancelled.setChecked(s.cancelled)
        ctx.runner.submit(ctx.services.classes.roster, s.id, on_result=self._got_roster)

    def _got_roster(self, lines: list[RosterLine]) -> None:
        self._lines = lines
        self._fill_roster()

    def _fill_roster(self) -> None:
        self.roster.setRowCount(len(self._lines))
        for i, line in enumerate(self._lines):
            status = self.status_text(line.status)
            if line.provisional:
                status += " · " + self.tr("provisional")
            for col, text in enumerate((line.member_name, line.member_number, status)):
                self.roster.setItem(i, col, QTableWidgetItem(text))

    # -- actions -------------------------------------------------------------------------
    def mark_attended(self) -> None:
        row, ctx = self.roster.currentRow(), self.context
        actor = ctx.current_actor() if ctx else None
        if ctx is None or actor is None or not 0 <= row < len(self._lines):
            return
        booking = self._lines[row].booking_id
        ctx.runner.submit(ctx.services.classes.mark_attended, actor, booking,
                          on_result=lambda _: self._session_chosen(0))

    def save_session(self) -> None:
        s, ctx = self._current(), self.context
        actor = ctx.current_actor() if ctx else None
        if s is None or ctx is None or actor is None:
            return
        changes: dict[str, object] = {}
        if self.instructor.text() != s.instructor:
            changes["instructor"] = self.instructor.text()
        if self.room.text() != s.room:
            changes["room"] = self.room.text()
        if self.capacity.value() != s.capacity:
            changes["capacity"] = self.capacity.value()
        if self.cancelled.isChecked() and not s.cancelled:
            changes["cancelled"] = True
        if changes:
            ctx.runner.submit(lambda: ctx.services.classes.edit_session(actor, s.id, **changes),
                              on_result=lambda _: self.reload())
