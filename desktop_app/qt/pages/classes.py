"""The Classes page (F4): the week's sessions, a session's roster with attendance marking,
and a small editor for one session (instructor, room, capacity, cancelled).

Keyboard: Up/Down choose a session, Tab moves to the roster, Space marks the selected
booking attended, Ctrl+S saves the session editor, F5 reloads. Ctrl+T adds a class type,
Ctrl+G a weekly schedule (and generates its sessions), Ctrl+N generates the next four
weeks of every schedule, Ctrl+B books a member into the
session, Delete cancels the selected booking, Ctrl+P fills free seats from the waitlist,
Ctrl+K shows the selected member's strikes (a manager forgives one there). The dialogs live
in class_dialogs.py. All work goes through the task runner; the page shows what the class
service returns.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.qt.pages.base import DeskContext, Page
from desktop_app.qt.pages.class_dialogs import (
    BookMemberDialog,
    ClassTypeDialog,
    ScheduleDialog,
    StrikesDialog,
    add_weekly_schedule,
)
from desktop_app.services.classes import BookingView, ClassTypeView, RosterLine, SessionView


class ClassesPage(Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        outer.addWidget(self.heading)
        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, slot in (("type", self.new_class_type), ("schedule", self.new_schedule),
                          ("generate", self.generate_ahead), ("book", self.book_member),
                          ("cancel", self.cancel_booking), ("promote", self.promote),
                          ("strikes", self.show_strikes)):
            button = QPushButton(self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys below do the same
            button.clicked.connect(slot)
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        outer.addLayout(actions)
        self.message = QLabel(self)
        self.message.setObjectName("classesMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
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
        self.hint.setWordWrap(True)
        right.addWidget(self.hint)
        self._sessions: list[SessionView] = []
        self._lines: list[RosterLine] = []
        self._tz: ZoneInfo | None = None  # the store's, once the settings are read
        self._first: datetime | None = None  # the week shown; None: from now
        for col, width in enumerate((220, 130)):
            self.roster.setColumnWidth(col, width)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.roster, self.mark_attended)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.roster, self.cancel_booking)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_session)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.reload)
        QShortcut(QKeySequence("Ctrl+T"), self, self.new_class_type)
        QShortcut(QKeySequence("Ctrl+G"), self, self.new_schedule)
        QShortcut(QKeySequence("Ctrl+N"), self, self.generate_ahead)
        QShortcut(QKeySequence("Ctrl+B"), self, self.book_member)
        QShortcut(QKeySequence("Ctrl+P"), self, self.promote)
        QShortcut(QKeySequence("Ctrl+K"), self, self.show_strikes)
        QShortcut(QKeySequence("Alt+Left"), self, lambda: self.shift_week(-1))
        QShortcut(QKeySequence("Alt+Right"), self, lambda: self.shift_week(1))
        QShortcut(QKeySequence("Alt+Home"), self, lambda: self.shift_week(0))
        self.book_dialog: BookMemberDialog | None = None
        self.strikes_dialog: StrikesDialog | None = None
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
        self.hint.setText(self.tr("Space: mark attended · Delete: cancel the booking · "
                                  "Ctrl+S: save the session · F5: reload · "
                                  "Alt+Left/Right: week before/after") + "\n" + self.tr(
            "Ctrl+T: class type · Ctrl+G: weekly schedule · Ctrl+N: next 4 weeks · "
            "Ctrl+B: book · Ctrl+P: from the waitlist · Ctrl+K: strikes"))
        for key, text, keys in (("type", self.tr("Class type"), "Ctrl+T"),
                                ("schedule", self.tr("Schedule"), "Ctrl+G"),
                                ("generate", self.tr("Next 4 weeks"), "Ctrl+N"),
                                ("book", self.tr("Book"), "Ctrl+B"),
                                ("cancel", self.tr("Cancel booking"), "Del"),
                                ("promote", self.tr("From waitlist"), "Ctrl+P"),
                                ("strikes", self.tr("Strikes"), "Ctrl+K")):
            self.buttons[key].setText(text)
            self.buttons[key].setToolTip(keys)
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
        """The sessions of the week shown (from `start` when given, then kept), else of the
        coming week from 12 hours ago."""
        ctx = self.context
        if ctx is None:
            return
        if start is not None:
            self._first = start
        first = self._first or ctx.services.clock.now() - timedelta(hours=12)
        ctx.runner.submit(ctx.services.classes.sessions, first, first + timedelta(days=7),
                          on_result=self._got_sessions)

    def shift_week(self, weeks: int) -> None:
        """Alt+Left / Alt+Right: the week before or after; Alt+Home: back to now."""
        ctx = self.context
        if ctx is None:
            return
        if weeks == 0:
            self._first = None
        else:
            base = self._first or ctx.services.clock.now() - timedelta(hours=12)
            self._first = base + timedelta(days=7 * weeks)
        self.sessions.setCurrentRow(-1)
        self.reload()

    def _got_sessions(self, sessions: list[SessionView]) -> None:
        keep = self.sessions.currentRow()
        self._sessions = sessions
        self._fill_sessions()
        if sessions:
            self.sessions.setCurrentRow(max(keep, 0) if keep < len(sessions) else 0)
            self._session_chosen(self.sessions.currentRow())  # its counts and roster changed
        else:
            self.session_title.clear()
            self._lines = []
            self._fill_roster()

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
        place = 0
        for i, line in enumerate(self._lines):  # in first-come order
            status = self.status_text(line.status)
            if line.status == "waitlisted":
                place += 1
                status = self.tr("Waitlist #%1").replace("%1", str(place))
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
            if not self.confirm(self.tr("Cancel this session? Every booking is cancelled and "
                                        "class credits are returned.")):
                return
            changes["cancelled"] = True
        if changes:
            ctx.runner.submit(lambda: ctx.services.classes.edit_session(actor, s.id, **changes),
                              on_result=lambda _: self._did(self.tr("Session saved.")),
                              on_error=self.message.setText)

    def confirm(self, text: str) -> bool:
        """Ask before something that cannot be undone (tests replace this)."""
        answer = QMessageBox.question(self, self.title(), text)
        return answer == QMessageBox.StandardButton.Yes

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a modal dialog; True when accepted (tests replace this)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _did(self, text: str) -> None:
        self.message.setText(text)
        self.reload()

    def _actor_and_context(self) -> tuple[Any, Any]:
        ctx = self.context
        return ctx, (ctx.current_actor() if ctx else None)

    def new_class_type(self) -> None:
        ctx, actor = self._actor_and_context()
        if ctx is None or actor is None:
            return
        dialog = ClassTypeDialog(self)
        if not self.run_dialog(dialog):
            return
        name, capacity, duration, rules = dialog.values()
        ctx.runner.submit(lambda: ctx.services.classes.create_class_type(
            actor, name, capacity, duration, **rules),
            on_result=lambda _: self.message.setText(
                self.tr("Class type %1 created. Ctrl+G schedules it.").replace("%1", name)),
            on_error=self.message.setText)

    def new_schedule(self) -> None:
        ctx, actor = self._actor_and_context()
        if ctx is None or actor is None:
            return
        ctx.runner.submit(ctx.services.classes.class_types, on_result=self._schedule_with,
                          on_error=self.message.setText)

    def _schedule_with(self, types: list[ClassTypeView]) -> None:
        ctx, actor = self._actor_and_context()
        if ctx is None or actor is None:
            return
        if not types:
            self.message.setText(self.tr("Create a class type first (Ctrl+T)."))
            return
        today = ctx.services.clock.now().astimezone(self._tz).date()
        dialog = ScheduleDialog(types, today, self)
        if not self.run_dialog(dialog):
            return
        ctx.runner.submit(add_weekly_schedule, ctx.services, actor, dialog.draft(), today,
                          on_result=lambda n: self._did(
                              self.tr("Schedule added: %1 session(s) generated.")
                              .replace("%1", str(n))),
                          on_error=self.message.setText)

    def generate_ahead(self, weeks: int = 4) -> None:
        """Sessions of every weekly schedule for the coming weeks (existing ones are kept as
        edited), so the schedule keeps going past the weeks generated when it was added."""
        ctx, actor = self._actor_and_context()
        if ctx is None or actor is None:
            return
        today = ctx.services.clock.now().astimezone(self._tz).date()
        ctx.runner.submit(ctx.services.classes.generate_sessions, actor, today, weeks * 7,
                          on_result=lambda made: self._did(
                              self.tr("%1 new session(s) generated.")
                              .replace("%1", str(len(made)))),
                          on_error=self.message.setText)

    def book_member(self) -> None:
        s, ctx = self._current(), self.context
        if s is None or ctx is None:
            return
        dialog = BookMemberDialog(ctx, s, self._tz, self)
        dialog.booked.connect(lambda _: self.reload())
        self.book_dialog = dialog
        dialog.open()

    def _selected_line(self) -> RosterLine | None:
        row = self.roster.currentRow()
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def cancel_booking(self) -> None:
        line = self._selected_line()
        ctx, actor = self._actor_and_context()
        if line is None or ctx is None or actor is None or \
                line.status not in ("confirmed", "waitlisted"):
            return
        ctx.runner.submit(ctx.services.classes.cancel, actor, line.booking_id,
                          on_result=lambda v: self._cancelled(v, line.member_name),
                          on_error=self.message.setText)

    def _cancelled(self, view: BookingView, name: str) -> None:
        if view.status == "late_cancelled":
            text = self.tr("%1: late cancel, the class credit is forfeit.")
        else:
            text = self.tr("%1: cancelled, any class credit is returned.")
        self._did(text.replace("%1", name))

    def promote(self) -> None:
        s = self._current()
        ctx, actor = self._actor_and_context()
        if s is None or ctx is None or actor is None:
            return
        ctx.runner.submit(ctx.services.classes.promote, actor, s.id,
                          on_result=lambda views: self._did(
                              self.tr("%1 member(s) moved from the waitlist.")
                              .replace("%1", str(len(views)))),
                          on_error=self.message.setText)

    def show_strikes(self) -> None:
        line, ctx = self._selected_line(), self.context
        if line is None or ctx is None:
            return
        dialog = StrikesDialog(ctx, line.member_id, line.member_name, self._tz, self)
        self.strikes_dialog = dialog
        dialog.open()
