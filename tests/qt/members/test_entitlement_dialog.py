"""The entitlements dialog on the real services (inline runner): a visit pack sold from the
keyboard is listed with its units, a hold shows the shifted expiry before it is confirmed and
can be ended, a refund after the cooling-off days shows the reason in words, a renewal adds
a second entitlement, a family pack is shared with a member found by name, and a cashier
without the permission is asked for a manager's approval."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.domain.permissions import Role
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.entitlement_dialog import EntitlementDialog, to_minor
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import OutboxOp


def open_for(qtbot, services, runner, actor, member_id, viewer=None):
    profile = services.profiles.profile(viewer or actor, member_id)
    d = EntitlementDialog(DeskContext(services, runner, lambda: actor), profile)
    qtbot.addWidget(d)
    d.show()
    return d


def sell_pack(qtbot, d, name="10 visits", price="300.50", units=10) -> None:
    d.kind.setCurrentIndex(d.kind.findData("visit_pack"))
    d.units.setValue(units)
    d.days.setValue(90)
    qtbot.keyClicks(d.name, name)
    qtbot.keyClicks(d.price, price)
    qtbot.keyClick(d.price, Qt.Key.Key_Return)


def cell(d, row, col) -> str:
    return d.table.item(row, col).text()


def test_a_visit_pack_sold_from_the_keyboard_is_listed_with_its_units(
        qtbot, services, admin, runner) -> None:
    m = services.members.create(admin, MemberDraft(name="<b>Zoe</b>"))
    d = open_for(qtbot, services, runner, admin, m.id)
    assert d.who.textFormat() == Qt.TextFormat.PlainText and "<b>Zoe</b>" in d.who.text()
    assert d.table.rowCount() == 0
    sell_pack(qtbot, d)
    assert "Sold" in d.status.text(), d.status.text()
    assert d.table.rowCount() == 1
    assert cell(d, 0, 1) == "10 visits" and cell(d, 0, 3) == "10/10"
    [view] = services.entitlements.of_member(m.id)
    assert view.kind == "visit_pack" and view.units_left == 10
    with services.db.read() as s:
        from sqlalchemy import text

        price = s.execute(text("SELECT price_minor FROM entitlements")).scalar_one()
    assert price == 30050  # yuan on screen, fen in the database


def test_a_hold_shows_the_shifted_expiry_and_can_be_ended(qtbot, services, admin, runner,
                                                          clock) -> None:
    m = services.members.create(admin, MemberDraft(name="Hold Me"))
    d = open_for(qtbot, services, runner, admin, m.id)
    sell_pack(qtbot, d)
    until = services.entitlements.of_member(m.id)[0].valid_until
    d.table.selectRow(0)
    d.hold_end.setDate(d.hold_start.date().addDays(14))
    shifted = (until + timedelta(days=14)).date().isoformat()
    assert shifted in d.hold_preview.text()  # shown before confirming
    assert not d.end_hold_button.isEnabled()
    qtbot.keyClicks(d.hold_reason, "travel")
    qtbot.keyClick(d.hold_reason, Qt.Key.Key_Return)
    assert shifted in d.status.text(), d.status.text()
    assert cell(d, 0, 6) == "Yes" and d.end_hold_button.isEnabled()
    clock.advance(timedelta(days=3))
    d.end_hold_button.click()
    assert "Hold ended" in d.status.text(), d.status.text()
    assert cell(d, 0, 6) == ""
    # The hold began at midnight, so three days and an hour later four started days were
    # held: the expiry moves by those four, not the fourteen booked.
    moved = until + timedelta(days=4)
    assert services.entitlements.of_member(m.id)[0].valid_until == moved
    assert cell(d, 0, 5) == moved.date().isoformat()


def test_a_too_short_hold_is_refused_in_words(qtbot, services, admin, runner) -> None:
    m = services.members.create(admin, MemberDraft(name="Short"))
    d = open_for(qtbot, services, runner, admin, m.id)
    sell_pack(qtbot, d)
    d.table.selectRow(0)
    d.hold_end.setDate(d.hold_start.date().addDays(2))
    qtbot.keyClicks(d.hold_reason, "cold")
    d.hold_button.click()
    assert "shorter than 7 days" in d.status.text(), d.status.text()
    assert services.entitlements.holds(services.entitlements.of_member(m.id)[0].id) == []


def test_a_refund_after_the_cooling_off_days_shows_the_reason(qtbot, services, admin, runner,
                                                              clock) -> None:
    m = services.members.create(admin, MemberDraft(name="Late"))
    d = open_for(qtbot, services, runner, admin, m.id)
    sell_pack(qtbot, d)
    clock.advance(timedelta(days=8))
    d.table.selectRow(0)
    d.refund_button.click()
    assert "cooling-off period is over" in d.status.text(), d.status.text()
    assert len(services.entitlements.of_member(m.id)) == 1  # still there


def test_a_refund_within_the_window_retires_it(qtbot, services, admin, runner) -> None:
    m = services.members.create(admin, MemberDraft(name="Early"))
    d = open_for(qtbot, services, runner, admin, m.id)
    sell_pack(qtbot, d)
    d.table.selectRow(0)
    d.refund_button.click()
    assert "Refunded" in d.status.text() and "300.50" in d.status.text(), d.status.text()
    assert services.entitlements.of_member(m.id) == [] and d.table.rowCount() == 0


def test_renewing_adds_the_next_one(qtbot, services, admin, runner) -> None:
    m = services.members.create(admin, MemberDraft(name="Again"))
    d = open_for(qtbot, services, runner, admin, m.id)
    sell_pack(qtbot, d)
    d.table.selectRow(0)
    qtbot.keyClicks(d.renew_price, "280")
    qtbot.keyClick(d.renew_price, Qt.Key.Key_Return)
    assert "Renewed" in d.status.text(), d.status.text()
    assert d.table.rowCount() == 2


def test_a_family_pack_is_shared_with_a_member_found_by_name(qtbot, services, admin,
                                                             runner) -> None:
    owner = services.members.create(admin, MemberDraft(name="Parent"))
    kid = services.members.create(admin, MemberDraft(name="Kiddo"))
    d = open_for(qtbot, services, runner, admin, owner.id)
    qtbot.keyClicks(d.share_find, "Kiddo")
    qtbot.keyClick(d.share_find, Qt.Key.Key_Return)
    assert d.share_list.count() == 1 and d.sharers[0][0] == kid.id
    sell_pack(qtbot, d, name="Family 20", units=20)
    [view] = services.entitlements.of_member(owner.id)
    assert view.shared_with == (kid.id,)
    assert any(v.id == view.id for v in services.entitlements.of_member(kid.id))


def test_a_cashier_without_the_permission_needs_a_manager(qtbot, services, admin, runner,
                                                          staff_of) -> None:
    cashier, manager = staff_of(Role.CASHIER), staff_of(Role.MANAGER)
    m = services.members.create(admin, MemberDraft(name="Cash"))
    d = open_for(qtbot, services, runner, cashier, m.id, viewer=admin)
    asked: list[str] = []
    d.ask_approval = lambda reason: asked.append(reason)  # declined
    sell_pack(qtbot, d)
    assert asked and "manager" in d.status.text(), d.status.text()
    assert services.entitlements.of_member(m.id) == []
    d.ask_approval = lambda reason: ("nobody", "0000")
    d.sell_button.click()
    assert services.entitlements.of_member(m.id) == []
    assert "Sold" not in d.status.text() and d.status.text()
    d.ask_approval = lambda reason: (manager.code, "2468")
    d.sell_button.click()
    assert "Sold" in d.status.text(), d.status.text()
    assert len(services.entitlements.of_member(m.id)) == 1
    # The sale is the cashier's, approved by the manager: the op names both.
    with services.db.read() as s:
        op = s.scalar(select(OutboxOp).where(OutboxOp.name == "entitlement.sell.v1"))
    assert (op.actor_id, op.approver_id) == (cashier.staff_id, manager.staff_id)


def test_prices_are_read_as_yuan() -> None:
    assert to_minor("99") == 9900 and to_minor("¥1,299.5") == 129950
    assert to_minor("1.005") is None and to_minor("-1") is None and to_minor("x") is None


def test_escape_closes(qtbot, services, admin, runner) -> None:
    m = services.members.create(admin, MemberDraft(name="Esc"))
    d = open_for(qtbot, services, runner, admin, m.id)
    qtbot.keyClick(d.name, Qt.Key.Key_Escape)
    assert not d.isVisible() and services.entitlements.of_member(m.id) == []


def test_the_members_page_button_opens_it_for_the_member_shown(qtbot, services, admin,
                                                               runner) -> None:
    from desktop_app.qt.pages.members import MembersPage

    m = services.members.create(admin, MemberDraft(name="Shown"))
    page = MembersPage()
    qtbot.addWidget(page)
    page.attach(DeskContext(services, runner, lambda: admin))
    page.show()
    assert not page.entitlements_button.isEnabled()
    with qtbot.waitSignal(page.member_opened, timeout=2000):
        page.open_member(m.id)
    assert page.entitlements_button.isEnabled()
    page.entitlements_button.click()
    [d] = page.findChildren(EntitlementDialog)
    assert d.isVisible() and "Shown" in d.who.text()
    sell_pack(qtbot, d)
    assert d.table.rowCount() == 1
    d.reject()
