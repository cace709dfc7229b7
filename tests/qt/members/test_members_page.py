"""The Members page on the real services with the inline runner: search as you type, the
keyboard path, lazy fetching, stale answers dropped, the dialogs, and hostile names shown
as plain text without breaking the layout."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.member_dialog import MemberDialog
from desktop_app.qt.pages.members import MembersPage
from desktop_app.services.lookup import MemberHit
from desktop_app.services.members import MemberDraft
from desktop_app.services.profiles import MemberProfile

HOSTILE = [
    "<b>Bold</b><img src=x onerror=alert(1)>",
    "Emoji 🏋️‍♀️👨‍👩‍👧 王家",
    "مريم الحسن עברית",
    "X" * 10_000,
]


@pytest.fixture
def page(qtbot: QtBot, services, admin, runner) -> Iterator[MembersPage]:  # type: ignore[no-untyped-def]
    p = MembersPage()
    qtbot.addWidget(p)
    p.attach(DeskContext(services, runner, lambda: admin))
    p.resize(1000, 900)  # the page needs about 850 pixels of height; in the desk it scrolls
    p.show()
    yield p


def type_query(qtbot: QtBot, page: MembersPage, text: str) -> None:
    page.search.clear()
    if text.isascii():
        qtbot.keyClicks(page.search, text)
    else:  # QTest cannot type CJK: what an input method delivers is an edit of the text
        page.search.setText(text)
        page.search.textEdited.emit(text)
    qtbot.waitUntil(lambda: not page._timer.isActive(), timeout=2000)


def test_typing_pinyin_then_arrows_and_enter_open_the_profile(page, qtbot, services,
                                                              admin) -> None:
    zs = services.members.create(admin, MemberDraft(name="张三", phone="13800138000"))
    services.members.create(admin, MemberDraft(name="李四"))
    type_query(qtbot, page, "zs")
    assert page.model.rowCount() == 1 and page.model.hit(0).member_id == zs.id
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus() or page.table.currentIndex().row() == 0
    with qtbot.waitSignal(page.member_opened, timeout=2000) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [zs.id]
    assert page.profile.name.text() == "张三"
    assert page.profile.values["number"].text() == zs.number
    assert "provisional" in page.profile.values["points"].text()


def test_enter_in_the_box_and_a_scan_open_the_member(page, qtbot, services, admin) -> None:
    m = services.members.create(admin, MemberDraft(name="Olivia Martinez", phone="13912345678"))
    with qtbot.waitSignal(page.member_opened, timeout=2000):
        page.handle_scan(m.card_code)
    page.clear()
    qtbot.keyClicks(page.search, "5678")
    with qtbot.waitSignal(page.member_opened, timeout=2000) as opened:
        qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened.args == [m.id]


def test_results_are_fetched_lazily(page, qtbot, services, admin) -> None:
    for i in range(120):
        services.members.create(admin, MemberDraft(name=f"张{i:03d}"))
    type_query(qtbot, page, "张")
    assert page.model.rowCount() == 50 and page.model.canFetchMore()
    page.model.fetchMore()
    qtbot.waitUntil(lambda: page.model.rowCount() == 100, timeout=2000)
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 120, timeout=2000)
    assert not page.model.canFetchMore()
    assert len({page.model.hit(r).member_id for r in range(120)}) == 120


def test_an_answer_for_an_older_query_is_never_shown(page) -> None:
    old = page.model.start("zs")
    page.model.start("li")
    stale = MemberHit("id", "000000018", "张三", None, None, "active", None, 0, None, 2, "name")
    page.model.deliver(old, [stale], 50)
    assert page.model.rowCount() == 0


def _profile(name: str) -> MemberProfile:
    return MemberProfile(
        id="m1", number="000000018", name=name, phone=None, email=None, status="active",
        tier=None, tags=(name[:50],), card_code=None, points_balance=5,
        points_provisional=False, entitlements=(), alerts=("photo_missing",),
        photo_path=None, notes=name, consent_sms=False, consent_email=False, merged_into=None)


@pytest.mark.parametrize("name", HOSTILE, ids=["html", "emoji", "rtl", "10k"])
def test_hostile_names_are_plain_text_and_keep_the_layout(page, qtbot, name: str) -> None:
    width, height = page.width(), page.height()
    row_height = page.table.verticalHeader().defaultSectionSize()
    hit = MemberHit("m1", "000000018", name, None, None, "active", None, 0, None, 2, "name")
    generation = page.model.start("x")
    page.model.deliver(generation, [hit], 50)
    page.profile.show_profile(_profile(name))
    qtbot.wait(10)
    shown = page.model.data(page.model.index(0, 1))
    assert shown == " ".join(name.split())[:120]  # the text itself, not rendered markup
    assert page.profile.name.text().startswith(name[:100])
    for label in page.profile.findChildren(QLabel):
        assert label.textFormat() in (Qt.TextFormat.PlainText, Qt.TextFormat.AutoText)
        if label.text() and "<" in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText
    assert (page.width(), page.height()) == (width, height)
    assert page.profile.width() < page.width()
    assert page.table.verticalHeader().sectionSize(0) == row_height
    assert page.profile.minimumSizeHint().width() < 600


def test_create_dialog_validates_and_warns_of_a_duplicate(qtbot, services, admin,
                                                          runner) -> None:
    existing = services.members.create(admin, MemberDraft(name="张三", phone="13800138000"))
    ctx = DeskContext(services, runner, lambda: admin)
    dialog = MemberDialog(ctx, lambda: admin, None)
    qtbot.addWidget(dialog)
    dialog.phone.setText("12345")
    dialog.name.setText("张三丰")
    dialog.save()
    assert "phone" in dialog.error.text().lower()
    dialog.phone.setText("138 0013 8000")
    saved: list[str] = []
    dialog.member_saved.connect(saved.append)
    dialog.save()
    box = dialog.duplicate_box
    assert box.isVisible()
    open_button = next(b for b in box.buttons()
                       if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    open_button.click()
    assert saved == [existing.id]
