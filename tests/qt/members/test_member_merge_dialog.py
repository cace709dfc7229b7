"""The merge dialog on the real services (inline runner): the duplicate found and merged from
the keyboard, a cashier stopped without a manager and let through with one, names shown as
plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.domain.permissions import Role
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.member_merge_dialog import MemberMergeDialog
from desktop_app.services.members import MemberDraft


def two(services, admin):
    keep = services.members.create(admin, MemberDraft(name="<b>Ann</b> Keep",
                                                      phone="13811110001"))
    gone = services.members.create(admin, MemberDraft(name="Ann Gone", phone="13822220002"),
                                   allow_duplicate=True)
    return keep, gone


def dialog_for(qtbot, services, runner, actor, keep_id):
    profile = services.profiles.profile(actor, keep_id)
    d = MemberMergeDialog(DeskContext(services, runner, lambda: actor), profile)
    qtbot.addWidget(d)
    d.show()
    return d


def test_find_and_merge_from_the_keyboard(qtbot, services, admin, runner) -> None:
    keep, gone = two(services, admin)
    d = dialog_for(qtbot, services, runner, admin, keep.id)
    assert d.keep.textFormat() == Qt.TextFormat.PlainText and "<b>Ann</b>" in d.keep.text()
    assert d.manager.isHidden()  # an admin merges on their own
    qtbot.keyClicks(d.find_box, "Ann")
    qtbot.keyClick(d.find_box, Qt.Key.Key_Return)
    assert d.results.count() == 1 and d.chosen() == gone.id  # the survivor is not offered
    with qtbot.waitSignal(d.merged, timeout=3000) as done:
        qtbot.mouseClick(d.merge_button, Qt.MouseButton.LeftButton)
    assert done.args == [keep.id]
    hits = services.lookup.search(admin, gone.number)
    assert hits[0].member_id == keep.id and hits[0].code_status == "merged"


def test_a_cashier_needs_a_manager(qtbot, services, admin, runner, staff_of) -> None:
    keep, gone = two(services, admin)
    cashier, manager = staff_of(Role.CASHIER), staff_of(Role.MANAGER)
    d = dialog_for(qtbot, services, runner, cashier, keep.id)
    assert not d.manager.isHidden()
    qtbot.keyClicks(d.find_box, gone.number)
    qtbot.keyClick(d.find_box, Qt.Key.Key_Return)
    assert d.chosen() == gone.id
    qtbot.keyClicks(d.pin, "0000")
    qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    assert d.result() != d.DialogCode.Accepted and d.status.text()
    assert services.lookup.search(admin, gone.number)[0].member_id == gone.id
    qtbot.keyClicks(d.manager, manager.code)
    qtbot.keyClicks(d.pin, "2468")
    with qtbot.waitSignal(d.merged, timeout=3000):
        qtbot.keyClick(d.pin, Qt.Key.Key_Return)
    assert services.lookup.search(admin, gone.number)[0].member_id == keep.id
