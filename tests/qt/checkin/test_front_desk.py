"""The Front desk page on the real services: a code read from a video file (the camera's
path: FileSource -> ScanLoop -> decode) checks the member in and shows the verdict; a denied
member shows the reason, and the deny sound is requested."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.devices.scanning.file_source import FileSource, write_video
from desktop_app.devices.scanning.loop import ScanLoop, ScanSettings
from desktop_app.devices.scanning.roi import FULL_FRAME
from desktop_app.devices.scanning.synthetic import clean_frame
from desktop_app.devices.scanning.types import Symbology
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


def scan_from_file(page: FrontDeskPage, code: str, tmp_path: Path) -> list[str]:
    """Play a video holding `code` through the real decode loop into the page."""
    video = write_video([clean_frame(code, Symbology.QR)] * 3, tmp_path / f"{code}.avi")
    seen: list[str] = []
    source = FileSource(video)
    loop = ScanLoop(source, lambda r, f: (seen.append(r.text), page.handle_scan(r.text)),
                    ScanSettings(guide=FULL_FRAME))
    source.open()
    try:
        while (frame := source.read(timeout=0.5)) is not None:
            loop.process(frame)
    finally:
        source.close()
    return seen


def test_a_scanned_member_with_a_pass_is_allowed(page: FrontDeskPage, services, admin,
                                                 tmp_path: Path) -> None:
    m = services.members.create(admin, MemberDraft(name="Li Lei"))
    services.entitlements.sell(admin, m.id, EntitlementDraft(
        EntitlementKind.VISIT_PACK, "10 visits", 50_000, days=90, units=10))
    assert scan_from_file(page, m.card_code, tmp_path) == [m.card_code]
    assert page.panel.verdict.text() == "Allowed"
    assert "Li Lei" in page.panel.member.text()
    assert "9 unit(s) left" in page.panel.entitlement.text()
    assert page.sound.last_key == "allow"
    assert page.today.rowCount() == 1


def test_a_denied_member_shows_the_reason_and_requests_the_deny_sound(
        page: FrontDeskPage, services, admin, qtbot: QtBot, tmp_path: Path) -> None:
    m = services.members.create(admin, MemberDraft(name="Wang Fang"))
    with qtbot.waitSignal(page.sound.sound_requested) as sound:
        scan_from_file(page, m.card_code, tmp_path)
    assert sound.args == ["deny"]
    assert page.panel.verdict.text() == "Denied"
    assert "No valid membership or pass" in page.panel.alerts.text()


def test_an_unknown_code_is_denied_as_unknown(page: FrontDeskPage) -> None:
    page.handle_scan("NOT-A-MEMBER-CODE")
    assert page.panel.verdict.text() == "Denied"
    assert "Unknown code" in page.panel.alerts.text()


def test_ctrl_d_voids_the_selected_check_in(page: FrontDeskPage, services, admin,
                                            qtbot: QtBot) -> None:
    m = services.members.create(admin, MemberDraft(name="Void Me"))
    services.entitlements.sell(admin, m.id, EntitlementDraft(
        EntitlementKind.VISIT_PACK, "10 visits", 50_000, days=90, units=10))
    page.handle_scan(m.card_code)
    page.today.setCurrentCell(0, 0)
    page.void_selected()
    assert "voided" in page.today.item(0, 2).text()
    assert services.entitlements.of_member(m.id)[0].units_left == 10


def test_the_verdict_shows_the_members_photo(page: FrontDeskPage, services, admin) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(300, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    pictured = services.members.create(admin, MemberDraft(name="With Photo"))
    services.members.set_photo(admin, pictured.id, bytes(data.data()))
    plain = services.members.create(admin, MemberDraft(name="No Photo"))

    page.handle_scan(pictured.card_code)
    shown = page.panel.photo.pixmap()
    assert not shown.isNull() and shown.height() == page.panel.photo.height()
    assert shown.toImage().pixelColor(shown.width() // 2, shown.height() // 2).green() > 150

    page.handle_scan(plain.card_code)
    assert page.panel.photo.pixmap().isNull()
    assert page.panel.photo.text() == "No photo"
