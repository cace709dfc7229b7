"""The signed-in desk: pages on F1-F6 and the side list, status bar, idle lock, sign-out."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.paths import DataPaths
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.pages.checkout import CheckoutPage
from desktop_app.qt.pages.classes import ClassesPage
from desktop_app.qt.pages.front_desk import FrontDeskPage
from desktop_app.qt.pages.members import MembersPage
from desktop_app.qt.pages.reports import ReportsPage
from desktop_app.qt.pages.settings import SettingsPage
from desktop_app.qt.session import DeskSession


def signed_in(session: DeskSession, qtbot: QtBot) -> MainWindow:
    ui = session.sign_in_view.ui
    qtbot.keyClicks(ui.codeEdit, "100")
    qtbot.keyClicks(ui.pinEdit, "1234")
    qtbot.keyClick(ui.pinEdit, Qt.Key.Key_Return)
    window = session.main_window
    assert window is not None
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    return window


def test_function_keys_switch_pages(started: DeskSession, qtbot: QtBot) -> None:
    window = signed_in(started, qtbot)
    expected = [FrontDeskPage, CheckoutPage, MembersPage, ClassesPage, ReportsPage,
                SettingsPage]
    assert isinstance(window.current_page(), FrontDeskPage)
    for key, page_type in reversed(list(zip(
            [Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5,
             Qt.Key.Key_F6], expected, strict=True))):
        qtbot.keyClick(window.focusWidget() or window, key)
        assert isinstance(window.current_page(), page_type), key
        assert window.ui.navList.currentRow() == expected.index(page_type)


def test_the_side_list_switches_pages_and_names_the_keys(started: DeskSession,
                                                         qtbot: QtBot) -> None:
    window = signed_in(started, qtbot)
    nav = window.ui.navList
    texts = [nav.item(i).text() for i in range(nav.count())]
    assert texts == ["F1   Front desk", "F2   Checkout", "F3   Members", "F4   Classes",
                     "F5   Reports", "F6   Settings"]
    nav.setCurrentRow(3)
    assert isinstance(window.current_page(), ClassesPage)


def test_the_desk_opens_on_the_front_desk_ready_to_scan(started: DeskSession,
                                                        qtbot: QtBot) -> None:
    window = signed_in(started, qtbot)
    assert window.current_page() is window.front_desk
    assert window.front_desk.search.placeholderText().startswith("Scan a card")


def test_idle_lock_fires_after_the_idle_time_and_the_pin_unlocks(started: DeskSession,
                                                                 qtbot: QtBot) -> None:
    window = signed_in(started, qtbot)
    assert started.idle.timeout_ms() == 5 * 60_000  # from the store settings
    started.idle.set_timeout_ms(150)
    with qtbot.waitSignal(started.locked, timeout=3000):
        pass
    assert window.is_locked()
    assert window.lock_screen.ui.staffNameLabel.text() == "Li Na"
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F2)  # no page switching
    assert window.is_locked()

    lock = window.lock_screen.ui
    qtbot.keyClicks(lock.pinEdit, "1111")
    qtbot.keyClick(lock.pinEdit, Qt.Key.Key_Return)
    assert window.is_locked()
    assert lock.messageLabel.text() == "Wrong staff code or PIN."

    with qtbot.waitSignal(started.unlocked, timeout=1000):
        qtbot.keyClicks(lock.pinEdit, "1234")
        qtbot.keyClick(lock.pinEdit, Qt.Key.Key_Return)
    assert not window.is_locked()
    assert started.idle.is_running()


def test_input_resets_the_idle_timer(started: DeskSession, qtbot: QtBot) -> None:
    window = signed_in(started, qtbot)
    started.idle.set_timeout_ms(400)
    for _ in range(6):  # 6 x 150 ms of typing: longer than the idle time, but never idle
        qtbot.wait(150)
        qtbot.keyClick(window.front_desk, Qt.Key.Key_A)
    assert not window.is_locked()
    qtbot.waitUntil(window.is_locked, timeout=3000)


def test_lock_button_and_sign_out(started: DeskSession, qtbot: QtBot) -> None:
    window = signed_in(started, qtbot)
    window.ui.actionLock.trigger()
    assert window.is_locked()
    with qtbot.waitSignal(started.signed_out, timeout=1000):
        qtbot.mouseClick(window.lock_screen.ui.signOutButton, Qt.MouseButton.LeftButton)
    assert not window.isVisible()
    assert started.sign_in_view.isVisible()
    assert started.actor is None
    assert not started.idle.is_running()


def test_window_geometry_is_kept_in_the_config_folder(started: DeskSession, qtbot: QtBot,
                                                      data_paths: DataPaths) -> None:
    window = signed_in(started, qtbot)
    window.resize(900, 650)
    window.ui.actionSignOut.trigger()
    ini = data_paths.config / "desk.ini"
    assert ini.is_file()
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("geometry/main_window")


def test_the_signed_in_desk_fits_a_1366_by_768_screen(started: DeskSession,
                                                     qtbot: QtBot) -> None:
    """A common counter screen, with the desk's own style sheet (its large type): every page
    (members with a profile open, the front desk's key hints) and a busy status bar fit; a
    page taller or wider than the window scrolls instead."""
    from desktop_app.qt.app import style_sheet_path
    from desktop_app.qt.widgets.sync_status import SyncStatusWidget
    from desktop_app.services.profiles import MemberProfile
    from desktop_app.store.sync_store import OpIssue
    from desktop_app.sync.engine import SyncStatus

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setStyleSheet(style_sheet_path().read_text(encoding="utf-8"))
    try:
        window = signed_in(started, qtbot)
        window.members.profile.show_profile(MemberProfile(
            id="m1", number="000000018", name="欧阳娜娜 Nana Ouyang-Smith", phone="13812345678",
            email="nana.ouyang@example.com", status="active", tier="Gold", tags=("yoga", "vip"),
            card_code="C0000018", points_balance=12345, points_provisional=True,
            entitlements=(), alerts=("photo_missing",), photo_path=None,
            notes="Prefers the 7:00 class", consent_sms=True, consent_email=False,
            merged_into=None))  # fmt: skip
        sync = SyncStatusWidget(window)
        window.statusBar().insertWidget(0, sync)
        issue = OpIssue(1, "op", "member.patch.v1", "rejected", "member_archived", {}, None)
        sync.show_status(SyncStatus(enrolled=True, online=True, pending=12345,
                                    issues=(issue,) * 3))  # fmt: skip
        for page in range(len(window.pages)):
            window.show_page(page)
            qtbot.wait(20)
            hint = window.minimumSizeHint()
            assert hint.width() <= 1366 and hint.height() <= 768 - 40, (page, hint.toTuple())
    finally:
        app.setStyleSheet("")
