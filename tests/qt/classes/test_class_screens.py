"""The Classes page's screens on the real services (inline task runner): a class type, a
weekly schedule that generates sessions, booking (credits, waitlist shown), cancelling with
promotion, the session editor (capacity, cancel), attendance marking, and strikes with a
manager's forgiveness lifting a booking ban."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.domain.permissions import Actor, Role
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.class_dialogs import ClassTypeDialog, ScheduleDialog
from desktop_app.qt.pages.classes import ClassesPage
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import EntitlementRow

TZ = ZoneInfo("Asia/Shanghai")
CREDITS = EntitlementDraft(EntitlementKind.CLASS_CREDITS, "10 classes", 80_000, days=90,
                           units=10)


class Desk:
    """Who is signed in at the page (tests switch staff)."""

    def __init__(self, actor: Actor) -> None:
        self.actor = actor


@pytest.fixture
def desk(admin: Actor) -> Desk:
    return Desk(admin)


@pytest.fixture
def page(qtbot: QtBot, services, runner, desk: Desk) -> Iterator[ClassesPage]:  # type: ignore[no-untyped-def]
    p = ClassesPage()
    qtbot.addWidget(p)
    p.attach(DeskContext(services, runner, lambda: desk.actor))
    p.resize(1100, 700)
    p.show()
    p.confirm = lambda text: True  # type: ignore[method-assign]
    yield p


def accept_with(fill):  # type: ignore[no-untyped-def]
    """A run_dialog that fills the dialog like staff would, then accepts it."""
    def run(dialog: QDialog) -> bool:
        fill(dialog)
        dialog.accept()
        return dialog.result() == QDialog.DialogCode.Accepted
    return run


def yoga_session(services, admin, capacity: int = 1, hours_ahead: int = 5) -> str:  # type: ignore[no-untyped-def]
    ct = services.classes.create_class_type(admin, "Yoga", capacity, 60)
    local = (services.clock.now() + timedelta(hours=hours_ahead)).astimezone(TZ)
    services.classes.add_schedule(admin, ct, local.weekday(), local.time(), date(2026, 1, 1))
    (sid,) = services.classes.generate_sessions(admin, local.date(), 1)
    return sid


def member(services, admin, name: str, credits: bool = True) -> str:  # type: ignore[no-untyped-def]
    m = services.members.create(admin, MemberDraft(name=name))
    if credits:
        services.entitlements.sell(admin, m.id, CREDITS)
    return m.id


def credits_used(services, member_id: str) -> int:  # type: ignore[no-untyped-def]
    with services.db.read() as s:
        return sum(e.units_used for e in s.query(EntitlementRow).filter_by(member_id=member_id))


def roster_texts(page: ClassesPage) -> dict[str, str]:
    return {page.roster.item(r, 0).text(): page.roster.item(r, 2).text()
            for r in range(page.roster.rowCount())}


def test_a_new_class_type_from_its_dialog(page: ClassesPage, services) -> None:  # type: ignore[no-untyped-def]
    def fill(d: ClassTypeDialog) -> None:
        d.name.setText("Spin 45")
        d.capacity.setValue(16)
        d.duration.setValue(45)
        d.late_cancel.setValue(6)

    page.run_dialog = accept_with(fill)  # type: ignore[method-assign]
    qtbot_keys(page, "Ctrl+T")
    (t,) = services.classes.class_types()
    assert (t.name, t.capacity, t.duration_minutes) == ("Spin 45", 16, 45)
    assert "Spin 45" in page.message.text()


def test_a_class_type_needs_a_name(qtbot: QtBot) -> None:
    d = ClassTypeDialog()
    qtbot.addWidget(d)
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted
    assert d.error.text()


def test_a_weekly_schedule_generates_the_sessions_shown(page: ClassesPage, services,
                                                         admin) -> None:  # type: ignore[no-untyped-def]
    services.classes.create_class_type(admin, "Boxing", 12, 60)
    today = services.clock.now().astimezone(TZ).date()

    def fill(d: ScheduleDialog) -> None:
        d.weekday.setCurrentIndex((today.weekday() + 1) % 7)  # tomorrow
        d.start.setTime(d.start.time().fromString("19:30", "HH:mm"))
        d.instructor.setText("Coach Chen")
        d.room.setText("Studio B")
        d.weeks.setValue(3)

    page.run_dialog = accept_with(fill)  # type: ignore[method-assign]
    page.new_schedule()
    assert "3 session(s) generated" in page.message.text()
    sessions = services.classes.sessions(services.clock.now(),
                                         services.clock.now() + timedelta(days=30))
    assert len(sessions) == 3
    assert {(s.instructor, s.room, s.capacity) for s in sessions} == {
        ("Coach Chen", "Studio B", 12)}
    first = sessions[0].starts_at.astimezone(TZ)
    assert first.date() == today + timedelta(days=1) and first.time() == time(19, 30)
    assert page.sessions.count() == 1  # the page shows the coming week
    assert "Boxing" in page.sessions.item(0).text()


def test_scheduling_without_a_class_type_says_what_to_do_first(page: ClassesPage) -> None:
    page.new_schedule()
    assert "class type first" in page.message.text()


def test_booking_takes_a_credit_and_the_next_member_is_waitlisted(
        page: ClassesPage, services, admin, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    yoga_session(services, admin, capacity=1)
    first, second = member(services, admin, "Li Lei"), member(services, admin, "Han Meimei")
    page.reload()
    page.book_member()
    dialog = page.book_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.search, "Li Lei")
    assert dialog.hits.count() >= 1
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.outcome_label.text() == "Li Lei is booked. 10 classes: 9 class credit(s) left."
    assert credits_used(services, first) == 1
    dialog.book(second, "Han Meimei")
    assert dialog.outcome_label.text() == "Han Meimei is on the waitlist (position 1)."
    assert credits_used(services, second) == 0
    assert roster_texts(page) == {"Li Lei": "Booked", "Han Meimei": "Waitlist #1"}
    assert "1/1 booked, 1 waiting" in page.sessions.item(0).text()


def test_a_refused_booking_says_why(page: ClassesPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    yoga_session(services, admin)
    no_plan = member(services, admin, "No Plan", credits=False)
    page.reload()
    page.book_member()
    assert page.book_dialog is not None
    page.book_dialog.book(no_plan, "No Plan")
    assert page.book_dialog.outcome_label.text() == (
        "No Plan: Not booked: no valid membership or class credits cover this class.")
    assert page.roster.rowCount() == 0


def test_delete_cancels_the_booking_and_promotes_the_waitlist(
        page: ClassesPage, services, admin, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    sid = yoga_session(services, admin, capacity=1, hours_ahead=24)
    first, second = member(services, admin, "Li Lei"), member(services, admin, "Han Meimei")
    services.classes.book(admin, sid, first)
    services.classes.book(admin, sid, second)
    page.reload()
    page.roster.setCurrentCell(0, 0)
    page.roster.setFocus()
    page.cancel_booking()
    assert roster_texts(page) == {"Li Lei": "Cancelled", "Han Meimei": "Booked"}
    assert credits_used(services, first) == 0 and credits_used(services, second) == 1
    assert "credit is returned" in page.message.text()


def test_a_late_cancel_says_the_credit_is_forfeit(page: ClassesPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    sid = yoga_session(services, admin, hours_ahead=3)  # inside the 12-hour window
    m = member(services, admin, "Late Larry")
    services.classes.book(admin, sid, m)
    page.reload()
    page.roster.setCurrentCell(0, 0)
    page.cancel_booking()
    assert roster_texts(page) == {"Late Larry": "Late cancel"}
    assert credits_used(services, m) == 1
    assert "forfeit" in page.message.text()


def test_the_session_editor_raises_capacity_and_cancels(page: ClassesPage, services,
                                                        admin) -> None:  # type: ignore[no-untyped-def]
    sid = yoga_session(services, admin, capacity=1, hours_ahead=24)
    first, second = member(services, admin, "A One"), member(services, admin, "B Two")
    services.classes.book(admin, sid, first)
    services.classes.book(admin, sid, second)
    page.reload()
    page.capacity.setValue(2)
    page.instructor.setText("Coach Wu")
    page.save_session()
    assert roster_texts(page) == {"A One": "Booked", "B Two": "Booked"}
    assert page.instructor.text() == "Coach Wu"
    asked: list[str] = []
    page.confirm = lambda text: (asked.append(text), False)[1]  # type: ignore[method-assign]
    page.cancelled.setChecked(True)
    page.save_session()
    assert asked and roster_texts(page) == {"A One": "Booked", "B Two": "Booked"}
    page.confirm = lambda text: True  # type: ignore[method-assign]
    page.cancelled.setChecked(True)
    page.save_session()
    assert roster_texts(page) == {"A One": "Cancelled", "B Two": "Cancelled"}
    assert credits_used(services, first) == 0 and credits_used(services, second) == 0
    assert "cancelled" in page.sessions.item(0).text()


def test_space_marks_the_selected_booking_attended(page: ClassesPage, services, admin,
                                                   clock, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    sid = yoga_session(services, admin, hours_ahead=1)
    services.classes.book(admin, sid, member(services, admin, "Here Now"))
    clock.advance(hours=1, minutes=5)
    page.reload()
    page.activateWindow()
    page.roster.setFocus()
    page.roster.setCurrentCell(0, 0)
    qtbot.waitUntil(page.roster.hasFocus, timeout=2000)
    qtbot.keyClick(page.roster, Qt.Key.Key_Space)
    assert roster_texts(page) == {"Here Now": "Attended"}


def three_no_shows(services, admin, clock) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """A member who missed three classes in a row (each closed by the background job), and
    the session of a fourth class they now try to book."""
    ct = services.classes.create_class_type(admin, "HIIT", 10, 45)
    today = clock.now().astimezone(TZ).date()
    for offset in (1, 2, 3, 6):
        day = today + timedelta(days=offset)
        services.classes.add_schedule(admin, ct, day.weekday(), time(18, 0), date(2026, 1, 1))
    made = services.classes.generate_sessions(admin, today + timedelta(days=1), 6)
    sessions = sorted(services.classes.sessions(clock.now(), clock.now() + timedelta(days=7)),
                      key=lambda s: s.starts_at)
    assert len(made) == 4
    m = member(services, admin, "Often Absent")
    for s in sessions[:3]:
        services.classes.book(admin, s.id, m)
    clock.advance(days=4)
    assert len(services.classes.close_due()) == 3
    return m, sessions[3].id


def test_strikes_bar_booking_and_a_manager_forgives_one(
        page: ClassesPage, services, admin, clock, staff_of, desk: Desk) -> None:  # type: ignore[no-untyped-def]
    m, next_session = three_no_shows(services, admin, clock)
    desk.actor = staff_of(Role.FRONT_DESK)  # no checkin.override: needs a manager
    manager = staff_of(Role.MANAGER)
    page.reload()
    row = next(i for i, s in enumerate(page._sessions) if s.id == next_session)
    page.sessions.setCurrentRow(row)
    page.book_member()
    assert page.book_dialog is not None
    page.book_dialog.book(m, "Often Absent")
    assert "bar new bookings until" in page.book_dialog.outcome_label.text()
    # The strikes of a member on a past roster.
    page.reload(clock.now() - timedelta(days=4))
    page.sessions.setCurrentRow(0)
    page.roster.setCurrentCell(0, 0)
    page.show_strikes()
    dialog = page.strikes_dialog
    assert dialog is not None and dialog.table.rowCount() == 3
    assert "barred until" in dialog.ban.text()
    dialog.forgive_selected()  # no note yet
    assert "needs a note" in dialog.message.text()
    dialog.note.setText("was ill, called ahead")
    dialog.ask_approval = lambda: (manager.code, "0000")  # type: ignore[method-assign]
    dialog.forgive_selected()
    assert dialog.message.text()  # wrong PIN: refused, nothing forgiven
    assert all(not s.forgiven for s in services.classes.standing(m).strikes)
    dialog.ask_approval = lambda: (manager.code, "2468")  # type: ignore[method-assign]
    dialog.forgive_selected()
    assert dialog.message.text() == "Strike forgiven."
    assert dialog.ban.text() == "May book"
    statuses = sorted(dialog.table.item(r, 2).text() for r in range(3))
    assert statuses == ["Counts", "Counts", "Forgiven: was ill, called ahead"]
    assert services.classes.book(desk.actor, next_session, m).status == "confirmed"


def qtbot_keys(page: ClassesPage, keys: str) -> None:
    """Press a shortcut on the page (the page must be the active window)."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    page.activateWindow()
    seq = QKeySequence(keys)
    combo = seq[0]
    QTest.keyClick(page, combo.key(), combo.keyboardModifiers())


def test_ctrl_n_rolls_every_schedule_four_weeks_ahead(page: ClassesPage, services,
                                                      admin) -> None:  # type: ignore[no-untyped-def]
    yoga_session(services, admin, hours_ahead=5)  # one session generated with the schedule
    qtbot_keys(page, "Ctrl+N")
    assert "3 new session(s) generated" in page.message.text()  # the other 3 of 4 weeks
    page.generate_ahead()
    assert "0 new session(s) generated" in page.message.text()
    assert len(services.classes.sessions(services.clock.now(),
                                         services.clock.now() + timedelta(days=29))) == 4


def test_alt_arrows_move_through_the_weeks(page: ClassesPage, services, admin,
                                           qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    sid = yoga_session(services, admin, hours_ahead=24)  # this week, with a booking
    services.classes.book(admin, sid, member(services, admin, "This Week"))
    services.classes.generate_sessions(admin, services.clock.now().date(), 14)  # and next
    page.reload()
    assert page.sessions.count() == 1 and roster_texts(page) == {"This Week": "Booked"}
    qtbot_keys(page, "Alt+Right")
    assert page.sessions.count() == 1 and page.roster.rowCount() == 0
    page.reload()  # F5 and every action keep the week shown
    assert page.sessions.count() == 1
    qtbot_keys(page, "Alt+Left")
    qtbot_keys(page, "Alt+Left")  # the week before: nothing
    assert page.sessions.count() == 0 and page.roster.rowCount() == 0
    qtbot_keys(page, "Alt+Home")
    assert page.sessions.count() == 1 and roster_texts(page) == {"This Week": "Booked"}
