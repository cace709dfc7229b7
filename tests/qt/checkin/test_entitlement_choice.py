"""The Front desk's choice of entitlement (DOMAIN.md, Entitlements: "the screen shows which
one will be used; staff can switch before confirming"): with two usable entitlements the
attempt waits, shows both, nothing is consumed until it is confirmed, and a switch decides
which one pays. Real services, inline task runner."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.front_desk import FrontDeskPage
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft


@pytest.fixture
def page(qtbot: QtBot, services, admin, runner) -> Iterator[FrontDeskPage]:  # type: ignore[no-untyped-def]
    p = FrontDeskPage()
    qtbot.addWidget(p)
    p.attach(DeskContext(services, runner, lambda: admin))
    p.resize(900, 700)
    p.show()
    yield p


def two_packs(services, admin):  # type: ignore[no-untyped-def]
    """A member with a 10-visit pack (expires sooner: used first) and a 20-visit pack."""
    m = services.members.create(admin, MemberDraft(name="Zhang Wei"))
    services.entitlements.sell(admin, m.id, EntitlementDraft(
        EntitlementKind.VISIT_PACK, "Ten visits", 50_000, days=60, units=10))
    services.entitlements.sell(admin, m.id, EntitlementDraft(
        EntitlementKind.VISIT_PACK, "Twenty visits", 90_000, days=180, units=20))
    return m


def units_left(services, member_id: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {e.name: e.units_left for e in services.entitlements.of_member(member_id)}


def test_two_usable_entitlements_wait_and_show_which_will_be_used(
        page: FrontDeskPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.handle_scan(m.card_code)
    assert page.pending is not None
    assert "Will use: Ten visits" in page.panel.entitlement.text()
    choices = page.panel.choices.text()
    assert "Ctrl+1  Ten visits" in choices and "Ctrl+2  Twenty visits" in choices
    assert page.sound.last_key == "allow"  # heard at once, before the confirmation
    # Nothing consumed, nothing recorded yet.
    assert units_left(services, m.id) == {"Ten visits": 10, "Twenty visits": 20}
    assert services.checkin.today() == []


def test_switching_before_confirming_spends_the_chosen_entitlement(
        page: FrontDeskPage, services, admin, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.handle_scan(m.card_code)
    page.choose(2)
    assert "Will use: Twenty visits" in page.panel.entitlement.text()
    assert services.checkin.today() == []
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter with an empty box confirms
    assert page.pending is None
    assert units_left(services, m.id) == {"Ten visits": 10, "Twenty visits": 19}
    lines = services.checkin.today()
    assert len(lines) == 1 and lines[0].units == 1
    assert page.today.rowCount() == 1
    assert "Will use" not in page.panel.entitlement.text()
    assert page.panel.choices.isHidden()


def test_ctrl_e_cycles_through_the_usable_entitlements(
        page: FrontDeskPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.handle_scan(m.card_code)
    page.switch_next()
    assert "Will use: Twenty visits" in page.panel.entitlement.text()
    page.switch_next()
    assert "Will use: Ten visits" in page.panel.entitlement.text()


def test_a_waiting_check_in_confirms_by_itself(
        page: FrontDeskPage, services, admin, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.choice_timer.setInterval(50)
    page.handle_scan(m.card_code)
    qtbot.waitUntil(lambda: page.pending is None, timeout=2000)
    assert units_left(services, m.id) == {"Ten visits": 9, "Twenty visits": 20}
    assert len(services.checkin.today()) == 1


def test_the_next_scan_confirms_the_waiting_one_first(
        page: FrontDeskPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    first = two_packs(services, admin)
    page.handle_scan(first.card_code)
    page.choose(2)
    other = services.members.create(admin, MemberDraft(name="Only One"))
    services.entitlements.sell(admin, other.id, EntitlementDraft(
        EntitlementKind.VISIT_PACK, "Five visits", 30_000, days=90, units=5))
    page.handle_scan(other.card_code)
    assert page.pending is None
    assert units_left(services, first.id) == {"Ten visits": 10, "Twenty visits": 19}
    assert units_left(services, other.id) == {"Five visits": 4}
    assert len(services.checkin.today()) == 2


def test_esc_confirms_rather_than_drops_a_waiting_attempt(
        page: FrontDeskPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.handle_scan(m.card_code)
    page._clear()
    assert page.pending is None
    assert len(services.checkin.today()) == 1


def test_a_re_entry_is_recorded_at_once_with_nothing_to_choose(
        page: FrontDeskPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.handle_scan(m.card_code)
    page.confirm_pending()
    page.handle_scan(m.card_code)  # within the re-entry window: nothing is consumed
    assert page.pending is None
    assert len(services.checkin.today()) == 2
    assert units_left(services, m.id) == {"Ten visits": 9, "Twenty visits": 20}


def test_ctrl_2_on_the_keyboard_switches(page: FrontDeskPage, services, admin,
                                         qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.activateWindow()
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus, timeout=2000)
    page.handle_scan(m.card_code)
    qtbot.keyClick(page.search, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert "Will use: Twenty visits" in page.panel.entitlement.text()


def test_leaving_the_page_confirms_a_waiting_check_in(
        page: FrontDeskPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    m = two_packs(services, admin)
    page.handle_scan(m.card_code)
    page.hide()  # another page (F2...) or the lock screen
    assert page.pending is None
    assert units_left(services, m.id) == {"Ten visits": 9, "Twenty visits": 20}
