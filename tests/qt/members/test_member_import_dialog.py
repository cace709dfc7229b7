"""The import and export dialogs on the real services (inline runner): a GB18030 file read
with its columns guessed, a dry run listing each bad row with its line and reason and
writing nothing, the import with its progress bar, a cancel that leaves nothing, the column
mapping changed by staff, and the export refused without member.export."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop_app.domain.permissions import Role
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.member_import_dialog import MemberExportDialog, MemberImportDialog
from desktop_app.store.models import Member

CSV = ("会员号,姓名,手机,邮箱\n"
       "A1,张三,13800138000,zs@example.com\n"
       "A2,,13800138001,\n"
       "A3,李四,not-a-phone,\n"
       "A4,王五,13800138004,\n")


def members(services) -> int:
    with services.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Member)))


def open_dialog(qtbot: QtBot, services, runner, actor, path: Path) -> MemberImportDialog:
    dialog = MemberImportDialog(DeskContext(services, runner, lambda: actor))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClick(dialog.path, Qt.Key.Key_Return)  # editingFinished: the columns are read
    return dialog


@pytest.fixture
def gb_file(tmp_path: Path) -> Path:
    path = tmp_path / "members.csv"
    path.write_bytes(CSV.encode("gb18030"))
    return path


def test_dry_run_lists_each_bad_row_and_writes_nothing(qtbot, services, admin, runner,
                                                       gb_file) -> None:
    dialog = open_dialog(qtbot, services, runner, admin, gb_file)
    assert "GB18030" in dialog.summary.text()
    assert dialog.mapping["name"].currentText() == "姓名"
    assert dialog.mapping["phone"].currentText() == "手机"
    assert dialog.mapping["tags"].currentData() is None
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    lines = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert lines == ["Line 3: Name: the value is missing",
                     "Line 4: Phone: not a phone number"]
    assert dialog.report is not None and dialog.report.dry_run and dialog.report.created == 2
    assert "Dry run" in dialog.summary.text()
    assert members(services) == 0


def test_import_fills_the_progress_bar_and_emits_the_report(qtbot, services, admin, runner,
                                                            gb_file) -> None:
    dialog = open_dialog(qtbot, services, runner, admin, gb_file)
    seen: list[tuple[int, int]] = []
    dialog._progress.moved.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(dialog.imported, timeout=5000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args[0].created == 2 and len(done.args[0].problems) == 2
    assert members(services) == 2
    assert seen and all(t == 4 for _, t in seen)  # out of the 4 data rows
    assert dialog.bar.value() == dialog.bar.maximum()
    assert not dialog.busy and dialog.import_button.isEnabled()
    assert services.lookup.search(admin, "zs")[0].name == "张三"


def test_cancel_leaves_nothing(qtbot, services, admin, runner, gb_file) -> None:
    dialog = open_dialog(qtbot, services, runner, admin, gb_file)
    # The inline runner runs the import inside the click: cancel at its first progress.
    dialog._progress.moved.connect(lambda d, t: dialog.cancel())
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "nothing was changed" in dialog.summary.text()
    assert members(services) == 0 and dialog.report is None


def test_a_changed_mapping_is_used(qtbot, services, admin, runner, tmp_path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("who,tel\nAnna Berg,13800138000\n", encoding="utf-8")
    dialog = open_dialog(qtbot, services, runner, admin, path)
    assert dialog.mapping["name"].currentData() is None  # "who" is not a known header
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "name" in dialog.summary.text()
    dialog.mapping["name"].setCurrentIndex(dialog.mapping["name"].findText("who"))
    dialog.mapping["phone"].setCurrentIndex(dialog.mapping["phone"].findText("tel"))
    with qtbot.waitSignal(dialog.imported, timeout=5000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    hit = services.lookup.search(admin, "8000")[0]
    assert (hit.name, hit.phone) == ("Anna Berg", "13800138000")


def test_an_unreadable_encoding_says_so(qtbot, services, admin, runner, gb_file) -> None:
    dialog = open_dialog(qtbot, services, runner, admin, gb_file)
    dialog.encoding.setCurrentIndex(1)  # UTF-8 for a GB18030 file
    assert "cannot be read" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_export_writes_the_file_from_the_keyboard(qtbot, services, admin, runner,
                                                  gb_file, tmp_path) -> None:
    services.transfer.import_members(admin, gb_file)
    dialog = MemberExportDialog(DeskContext(services, runner, lambda: admin))
    qtbot.addWidget(dialog)
    out = tmp_path / "out.csv"
    qtbot.keyClicks(dialog.path, str(out))
    with qtbot.waitSignal(dialog.exported, timeout=5000) as done:
        qtbot.keyClick(dialog.path, Qt.Key.Key_Return)
    assert done.args == [2]
    assert "张三" in out.read_text(encoding="utf-8-sig")


def test_export_needs_the_permission(qtbot, services, runner, staff_of, tmp_path) -> None:
    cashier = staff_of(Role.CASHIER)
    dialog = MemberExportDialog(DeskContext(services, runner, lambda: cashier))
    qtbot.addWidget(dialog)
    assert not dialog.export_button.isEnabled()
    assert "permission" in dialog.status.text()
    dialog.path.setText(str(tmp_path / "x.csv"))
    dialog.export()
    assert not (tmp_path / "x.csv").exists()
