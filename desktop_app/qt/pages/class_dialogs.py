"""Dialogs of the Classes page: a new class type, a weekly schedule that generates sessions,
booking a member into a session, and a member's strikes with a manager's forgiveness.

The dialogs collect values and show results; every database call goes through the task
runner (the functions at the top run on its database lane). Member names are plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.bookings import BookingRefused
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.qt.pages.desk_dialog import with_approval
from desktop_app.qt.widgets.approval_dialog import ApprovalDialog
from desktop_app.services.classes import (
    BookingView,
    ClassTypeView,
    MemberStanding,
    SessionView,
)

if TYPE_CHECKING:
    from desktop_app.qt.pages.base import DeskContext
    from desktop_app.services.registry import Services


# -- on the database lane --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ScheduleDraft:
    class_type_id: str
    weekday: int  # Monday 0
    start: time
    valid_from: date
    instructor: str
    room: str
    capacity: int | None  # None: the class type's
    weeks: int  # sessions generated ahead


@dataclass(frozen=True, slots=True)
class BookingOutcome:
    booking: BookingView | None
    waitlist_position: int  # 1-based when waitlisted, else 0
    refused: str = ""  # a BookingRefused reason
    until: str = ""  # ISO time a booking ban ends, for "member_barred"
    credit_name: str = ""  # the class-credit pack charged, if any
    credits_left: int | None = None  # in that pack, after this booking


def add_weekly_schedule(services: Services, actor: Actor, draft: ScheduleDraft,
                        today: date) -> int:
    """The schedule, then its sessions for `weeks` weeks from today (or its first day).
    Returns how many sessions were made."""
    classes = services.classes
    classes.add_schedule(actor, draft.class_type_id, draft.weekday, draft.start,
                         draft.valid_from, draft.instructor, draft.room, draft.capacity)
    first = max(today, draft.valid_from)
    return len(classes.generate_sessions(actor, first, draft.weeks * 7))


def book_member(services: Services, actor: Actor, session_id: str,
                member_id: str) -> BookingOutcome:
    """Book, and say where the member stands; a refusal is an answer, not an error."""
    try:
        view = services.classes.book(actor, session_id, member_id)
    except BookingRefused as refused:
        return BookingOutcome(None, 0, refused.reason, str(refused.details.get("until", "")))
    position = 0
    if view.status == "waitlisted":
        waiting = [line.booking_id for line in services.classes.roster(session_id)
                   if line.status == "waitlisted"]
        position = waiting.index(view.id) + 1 if view.id in waiting else 0
    credit = next((e for e in services.entitlements.of_member(member_id)
                   if e.id == view.credit_entitlement_id), None) \
        if view.credit_entitlement_id else None
    if credit is None:
        return BookingOutcome(view, position)
    return BookingOutcome(view, position, credit_name=credit.name,
                          credits_left=credit.units_left)


def refusal_text(widget: QWidget, reason: str, until: str = "",
                 tz: ZoneInfo | None = None) -> str:
    """Staff-facing words for a BookingRefused reason."""
    if reason == "member_barred" and until:
        when = datetime.fromisoformat(until).astimezone(tz).strftime("%Y-%m-%d %H:%M")
        return widget.tr("Not booked: three no-shows bar new bookings until %1.").replace(
            "%1", when)
    return {
        "session_cancelled": widget.tr("Not booked: the session is cancelled."),
        "session_started": widget.tr("Not booked: the session has already started."),
        "booking_not_open": widget.tr("Not booked: booking is not open yet for this session."),
        "member_barred": widget.tr("Not booked: the member is barred after no-shows."),
        "too_many_upcoming": widget.tr("Not booked: the member has too many upcoming "
                                       "bookings."),
        "overlapping_booking": widget.tr("Not booked: the member has a seat in a session at "
                                         "the same time."),
        "member_not_active": widget.tr("Not booked: the member is archived."),
        "no_entitlement_for_class": widget.tr("Not booked: no valid membership or class "
                                              "credits cover this class."),
    }.get(reason, widget.tr("Not booked (%1).").replace("%1", reason))


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


# -- class type ----------------------------------------------------------------------------
class ClassTypeDialog(QDialog):
    """A new class type: name, default capacity, duration and its booking rules."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New class type"))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.capacity = self._spin(1, 500, 20)
        self.duration = self._spin(5, 600, 60, self.tr(" min"))
        self.opens = self._spin(0, 90, 7, self.tr(" days"))
        self.late_cancel = self._spin(0, 168, 12, self.tr(" h"))
        self.closes = self._spin(0, 120, 15, self.tr(" min"))
        self.min_size = self._spin(0, 500, 0)
        rows = ((self.tr("Name"), self.name), (self.tr("Capacity"), self.capacity),
                (self.tr("Duration"), self.duration),
                (self.tr("Booking opens before"), self.opens),
                (self.tr("Late cancel within"), self.late_cancel),
                (self.tr("Check-in closes after start"), self.closes),
                (self.tr("Minimum size"), self.min_size))
        for label, field in rows:
            form.addRow(label, field)
        self.error = QLabel(self)
        form.addRow(self.error)
        form.addRow(_buttons(self))

    def _spin(self, low: int, high: int, value: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("A class type needs a name."))
            self.name.setFocus()
            return
        super().accept()

    def values(self) -> tuple[str, int, int, dict[str, int]]:
        """Arguments for ClassService.create_class_type: name, capacity, duration, rules."""
        return (self.name.text().strip(), self.capacity.value(), self.duration.value(),
                {"booking_opens_days": self.opens.value(),
                 "late_cancel_hours": self.late_cancel.value(),
                 "checkin_closes_minutes": self.closes.value(),
                 "min_size": self.min_size.value()})


# -- weekly schedule -------------------------------------------------------------------------
class ScheduleDialog(QDialog):
    """A weekly slot of a class type, and how many weeks of sessions to generate now."""

    def __init__(self, types: list[ClassTypeView], today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weekly schedule"))
        self._types = types
        form = QFormLayout(self)
        self.class_type = QComboBox(self)
        for t in types:
            self.class_type.addItem(t.name, t.id)
        self.weekday = QComboBox(self)
        for name in (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"),
                     self.tr("Thursday"), self.tr("Friday"), self.tr("Saturday"),
                     self.tr("Sunday")):
            self.weekday.addItem(name)
        self.weekday.setCurrentIndex(today.weekday())
        self.start = QTimeEdit(QTime(18, 0), self)
        self.start.setDisplayFormat("HH:mm")
        self.valid_from = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("yyyy-MM-dd")
        self.instructor = QLineEdit(self)
        self.room = QLineEdit(self)
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 500)
        self.capacity.setSpecialValueText(self.tr("class type's"))
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 12)
        self.weeks.setValue(4)
        self.weeks.setSuffix(self.tr(" weeks"))
        for label, field in ((self.tr("Class type"), self.class_type),
                             (self.tr("Weekday"), self.weekday), (self.tr("Starts at"), self.start),
                             (self.tr("From"), self.valid_from),
                             (self.tr("Instructor"), self.instructor), (self.tr("Room"), self.room),
                             (self.tr("Capacity"), self.capacity),
                             (self.tr("Generate sessions for"), self.weeks)):
            form.addRow(label, field)
        self.error = QLabel(self)
        form.addRow(self.error)
        form.addRow(_buttons(self))

    def accept(self) -> None:
        if self.class_type.currentIndex() < 0:
            self.error.setText(self.tr("Create a class type first (Ctrl+T)."))
            return
        super().accept()

    def draft(self) -> ScheduleDraft:
        q, t = self.valid_from.date(), self.start.time()
        return ScheduleDraft(
            self.class_type.currentData(), self.weekday.currentIndex(),
            time(t.hour(), t.minute()), date(q.year(), q.month(), q.day()),
            self.instructor.text().strip(), self.room.text().strip(),
            self.capacity.value() or None, self.weeks.value())


# -- booking a member --------------------------------------------------------------------------
class BookMemberDialog(QDialog):
    """Find a member (name, phone, number, or a scan) and book them into the session. Stays
    open to book the next one; Esc closes."""

    booked = Signal(object)
    """A booking was made (its BookingOutcome), confirmed or waitlisted."""

    def __init__(self, context: DeskContext, session: SessionView, tz: ZoneInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = context
        self._session = session
        self._tz = tz
        self.setWindowTitle(self.tr("Book a member"))
        self.resize(520, 420)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        when = session.starts_at.astimezone(tz).strftime("%m-%d %H:%M")
        self.heading.setText(f"{session.class_name} · {when}")
        layout.addWidget(self.heading)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name, phone or member number, then Enter"))
        self.search.textEdited.connect(self._typed)
        self.search.returnPressed.connect(self._entered)
        layout.addWidget(self.search)
        self.hits = QListWidget(self)
        self.hits.itemActivated.connect(self._hit_chosen)
        layout.addWidget(self.hits, 1)
        self.outcome_label = QLabel(self)
        self.outcome_label.setObjectName("bookingResult")
        self.outcome_label.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome_label.setWordWrap(True)
        layout.addWidget(self.outcome_label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.last: BookingOutcome | None = None

    def _typed(self, text: str) -> None:
        actor = self._ctx.current_actor()
        text = text.strip()
        if actor is None or len(text) < 2:
            self.hits.clear()
            return
        self._ctx.runner.submit(lambda: self._ctx.services.lookup.search(actor, text, 8),
                                on_result=self._got_hits, latest_key="class-booking-search")

    def _got_hits(self, hits: list) -> None:
        self.hits.clear()
        for h in hits:
            item = QListWidgetItem(f"{h.name}  ·  {h.number}  ·  {h.phone or ''}")
            item.setData(Qt.ItemDataRole.UserRole, (h.member_id, h.name))
            self.hits.addItem(item)
        if hits:
            self.hits.setCurrentRow(0)

    def _entered(self) -> None:
        item = self.hits.currentItem() or self.hits.item(0)
        if item is not None:
            self._hit_chosen(item)

    def _hit_chosen(self, item: QListWidgetItem) -> None:
        member_id, name = item.data(Qt.ItemDataRole.UserRole)
        self.book(member_id, name)

    def book(self, member_id: str, name: str) -> None:
        actor = self._ctx.current_actor()
        if actor is None:
            return
        self._ctx.runner.submit(book_member, self._ctx.services, actor, self._session.id,
                                member_id, on_result=lambda o: self._booked(o, name),
                                on_error=self.outcome_label.setText)

    def _booked(self, outcome: BookingOutcome, name: str) -> None:
        self.last = outcome
        if outcome.booking is None:
            why = refusal_text(self, outcome.refused, outcome.until, self._tz)
            self.outcome_label.setText(f"{name}: {why}")
            return
        if outcome.booking.status == "waitlisted":
            text = self.tr("%1 is on the waitlist (position %2).").replace(
                "%2", str(outcome.waitlist_position))
        elif outcome.booking.provisional:
            text = self.tr("%1 is booked (provisional until the server confirms).")
        else:
            text = self.tr("%1 is booked.")
        text = text.replace("%1", name)
        if outcome.credit_name and outcome.booking.status == "confirmed":
            text += " " + self.tr("%1: %2 class credit(s) left.").replace(
                "%1", outcome.credit_name).replace("%2", str(outcome.credits_left))
        self.outcome_label.setText(text)
        self.search.clear()
        self.hits.clear()
        self.search.setFocus()
        self.booked.emit(outcome)


# -- strikes -----------------------------------------------------------------------------------
class StrikesDialog(QDialog):
    """A member's no-show strikes and booking ban; a manager forgives a strike with a note
    (staff without `checkin.override` get the manager-approval dialog)."""

    forgiven = Signal(str)
    """A strike was forgiven (its id)."""

    def __init__(self, context: DeskContext, member_id: str, member_name: str,
                 tz: ZoneInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = context
        self._member_id = member_id
        self._tz = tz
        self.setWindowTitle(self.tr("Strikes and booking ban"))
        self.resize(560, 400)
        layout = QVBoxLayout(self)
        self.member = QLabel(member_name, self)
        self.member.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.member)
        self.ban = QLabel(self)
        self.ban.setObjectName("strikeBan")
        layout.addWidget(self.ban)
        self.table = QTableWidget(0, 3, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Class missed"), self.tr("Status")])
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 200)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Why is this strike forgiven?"))
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.forgive_button = QPushButton(self.tr("Forgive the selected strike"), self)
        self.forgive_button.clicked.connect(self.forgive_selected)
        self.note.returnPressed.connect(self.forgive_selected)
        layout.addWidget(self.forgive_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.standing: MemberStanding | None = None
        self.reload()

    def reload(self) -> None:
        self._ctx.runner.submit(self._ctx.services.classes.standing, self._member_id,
                                on_result=self._show, on_error=self.message.setText)

    def _when(self, at: datetime) -> str:
        return at.astimezone(self._tz).strftime("%Y-%m-%d %H:%M")

    def _show(self, standing: MemberStanding) -> None:
        self.standing = standing
        if standing.barred_until is not None:
            self.ban.setText(self.tr("New bookings barred until %1").replace(
                "%1", self._when(standing.barred_until)))
        else:
            self.ban.setText(self.tr("May book"))
        self.table.setRowCount(len(standing.strikes))
        for i, s in enumerate(standing.strikes):
            status = self.tr("Forgiven: %1").replace("%1", s.note) if s.forgiven else \
                self.tr("Counts")
            cells = (self._when(s.at), f"{s.class_name} · {self._when(s.class_starts_at)}",
                     status)
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        first_open = next((i for i, s in enumerate(standing.strikes) if not s.forgiven), -1)
        if first_open >= 0 and self.table.currentRow() < 0:
            self.table.setCurrentCell(first_open, 0)

    def forgive_selected(self) -> None:
        row, actor = self.table.currentRow(), self._ctx.current_actor()
        standing = self.standing
        if actor is None or standing is None or not 0 <= row < len(standing.strikes):
            return
        strike = standing.strikes[row]
        note = self.note.text().strip()
        if strike.forgiven:
            self.message.setText(self.tr("This strike is already forgiven."))
            return
        if not note:
            self.message.setText(self.tr("Forgiving a strike needs a note."))
            self.note.setFocus()
            return
        services = self._ctx.services
        if actor.can(Permission.CHECKIN_OVERRIDE):
            self._ctx.runner.submit(services.classes.forgive_strike, actor, strike.id, note,
                                    on_result=lambda _: self._done(strike.id),
                                    on_error=self.message.setText)
            return
        values = self.ask_approval()
        if values is None:
            return
        forgive = with_approval(services.classes.forgive_strike, Permission.CHECKIN_OVERRIDE)
        self._ctx.runner.submit(forgive, services, actor, *values, strike.id, note,
                                on_result=lambda _: self._done(strike.id),
                                on_error=self.message.setText)

    def ask_approval(self) -> tuple[str, str] | None:
        """A manager's code and PIN (tests replace this)."""
        dialog = ApprovalDialog(self.tr("Forgiving a strike needs a manager."), self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _done(self, strike_id: str) -> None:
        self.note.clear()
        self.message.setText(self.tr("Strike forgiven."))
        self.forgiven.emit(strike_id)
        self.reload()
