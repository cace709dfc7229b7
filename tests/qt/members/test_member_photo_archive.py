"""The Members page on the real services (inline runner): a photo set from a file is shrunk,
stored and shown scaled in the profile; a non-image is refused with a message; a camera
frame (a fake frame source) becomes the photo, and no camera gives a clear message; Archive
asks first (No keeps the member), then shows the member archived in the profile and the
results."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.devices.scanning.types import Frame
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.members import MembersPage
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import Member


@pytest.fixture
def page(qtbot: QtBot, services, admin, runner) -> Iterator[MembersPage]:  # type: ignore[no-untyped-def]
    p = MembersPage()
    qtbot.addWidget(p)
    p.attach(DeskContext(services, runner, lambda: admin))
    p.resize(1100, 700)
    p.show()
    yield p


def open_by_keyboard(qtbot: QtBot, page: MembersPage, query: str) -> None:
    page.search.clear()
    qtbot.keyClicks(page.search, query)
    qtbot.waitUntil(lambda: not page._timer.isActive() and page.model.rowCount() > 0,
                    timeout=2000)
    with qtbot.waitSignal(page.member_opened, timeout=2000):
        qtbot.keyClick(page.search, Qt.Key.Key_Return)


def stored_photo(services, member_id: str) -> str | None:
    with services.db.read() as s:
        return s.get(Member, member_id).photo_path


def test_a_photo_from_a_file_is_stored_and_shown_scaled(page, qtbot, services, admin,
                                                        tmp_path) -> None:
    m = services.members.create(admin, MemberDraft(name="<b>Photo</b> Person"))
    open_by_keyboard(qtbot, page, "Photo")
    assert page.profile.photo.pixmap().isNull() and page.profile.photo.text() == "No photo"
    assert not page.profile.photo_clear_button.isEnabled()
    picture = tmp_path / "wide.png"
    Image.new("RGB", (1200, 600), (0, 120, 255)).save(picture)
    page.ask_photo_file = lambda: str(picture)  # the file dialog's answer
    qtbot.mouseClick(page.profile.photo_file_button, Qt.MouseButton.LeftButton)
    path = stored_photo(services, m.id)
    assert path is not None and page.status.text() == "Photo saved."
    with Image.open(services.db.path.parent / path) as img:
        assert img.size == (480, 240)
    shown = page.profile.photo.pixmap()
    assert not shown.isNull()
    assert shown.width() == page.profile.photo.width()  # fills the slot's width...
    assert abs(shown.height() - shown.width() / 2) <= 1  # ...keeping the 2:1 aspect
    assert page.profile.photo_clear_button.isEnabled()
    qtbot.mouseClick(page.profile.photo_clear_button, Qt.MouseButton.LeftButton)
    assert stored_photo(services, m.id) is None
    assert page.profile.photo.pixmap().isNull() and page.status.text() == "Photo removed."


def test_a_file_that_is_not_a_picture_is_refused_with_a_message(page, qtbot, services, admin,
                                                                tmp_path) -> None:
    m = services.members.create(admin, MemberDraft(name="Refused"))
    open_by_keyboard(qtbot, page, "Refused")
    fake = tmp_path / "notes.jpg"
    fake.write_text("this is not a photo")
    page.set_photo_from_file(fake)
    assert "not a picture" in page.status.text()
    assert stored_photo(services, m.id) is None
    assert not (services.db.path.parent / "photos").exists() or not any(
        (services.db.path.parent / "photos").iterdir())


class FakeCamera:
    """A frame source delivering one BGR picture per read, as the scanning sources do."""

    def __init__(self, fail: bool = False) -> None:
        self.fail, self.index, self.closed = fail, 0, False

    def open(self) -> None:
        if self.fail:
            raise OSError("cannot open camera 0")

    def read(self, timeout: float) -> Frame | None:
        image = np.zeros((480, 640, 3), np.uint8)
        image[:, :, 1] = 200  # green (BGR)
        self.index += 1
        return Frame(image, float(self.index), self.index)

    @property
    def exhausted(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True


def test_a_camera_frame_becomes_the_photo(page, qtbot, services, admin) -> None:
    m = services.members.create(admin, MemberDraft(name="Camera"))
    open_by_keyboard(qtbot, page, "Camera")
    camera = FakeCamera()
    page.camera_source_factory = lambda: camera
    qtbot.mouseClick(page.profile.photo_camera_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: stored_photo(services, m.id) is not None, timeout=3000)
    assert camera.closed and camera.index > 1  # warm-up frames were skipped, then closed
    with Image.open(services.db.path.parent / stored_photo(services, m.id)) as img:
        assert img.size == (480, 360)
        r, g, b = img.getpixel((5, 5))
        assert g > 150 and r < 60 and b < 60  # BGR came through as RGB
    assert not page.profile.photo.pixmap().isNull()


def test_no_camera_gives_a_clear_message(page, qtbot, services, admin) -> None:
    m = services.members.create(admin, MemberDraft(name="Camera"))
    open_by_keyboard(qtbot, page, "Camera")
    page.camera_source_factory = lambda: FakeCamera(fail=True)
    qtbot.mouseClick(page.profile.photo_camera_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "No camera" in page.status.text(), timeout=3000)
    assert stored_photo(services, m.id) is None
    assert page.profile.photo_camera_button.isEnabled()


def answer(qtbot: QtBot, page: MembersPage, button: QMessageBox.StandardButton) -> None:
    qtbot.waitUntil(lambda: page.archive_box is not None and page.archive_box.isVisible(),
                    timeout=2000)
    box = page.archive_box
    assert box is not None
    target = box.button(button)
    target.setFocus()
    qtbot.keyClick(target, Qt.Key.Key_Space)


def test_archive_asks_first_then_shows_the_member_archived(page, qtbot, services,
                                                          admin) -> None:
    name = "<i>Leaving</i> Member"
    m = services.members.create(admin, MemberDraft(name=name))
    open_by_keyboard(qtbot, page, "Leaving")
    assert page.archive_button.isEnabled()
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    box = page.archive_box
    assert box is not None and box.textFormat() == Qt.TextFormat.PlainText
    assert name in box.text() and m.number in box.text()
    answer(qtbot, page, QMessageBox.StandardButton.No)
    assert not box.isVisible()
    with services.db.read() as s:
        assert s.get(Member, m.id).status == "active"
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    answer(qtbot, page, QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: page.profile.values["status"].text() == "archived", timeout=2000)
    with services.db.read() as s:
        assert s.get(Member, m.id).status == "archived"
    assert not page.archive_button.isEnabled()
    assert page.model.hit(0).status == "archived"


def test_the_camera_is_the_one_in_this_desk_s_device_settings(page, tmp_path) -> None:
    """Not the default data folder's: a desk started with --data-dir reads its own."""
    from dataclasses import replace

    from desktop_app.devices.device_config import DeviceConfigStore
    from desktop_app.domain.device_settings import DeviceSettings

    store = DeviceConfigStore(tmp_path / "config")
    settings = DeviceSettings()
    store.save(replace(settings, camera=replace(settings.camera, camera_index=3,
                                                resolution_width=1280, resolution_height=720)))
    page.use_device_settings(store)
    assert page.camera_source_factory is not None
    camera = page.camera_source_factory()
    assert camera.device == 3 and camera.resolution == (1280, 720)
