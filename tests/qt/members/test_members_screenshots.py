"""Screenshots of the Members page (a search and an open profile) in English and Chinese,
from the real services. They land in tmp_path; FRONTDESK_UPDATE_SCREENSHOTS=1 also
refreshes docs/screenshots/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.qt.i18n import ui_font
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.members import MembersPage
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft

REPO = Path(__file__).resolve().parents[3]
TRANSLATIONS = REPO / "resources" / "translations"


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_members_page_screenshots(qapp: QApplication, qtbot, services, admin, runner,
                                  lang: str, tmp_path: Path) -> None:
    translators = []
    if lang != "en":
        for name in (f"frontdesk_{lang}.qm",):
            t = QTranslator()
            if t.load(str(TRANSLATIONS / name)):
                QCoreApplication.installTranslator(t)
                translators.append(t)
        assert translators, "run `make translations`"
    old_font = qapp.font()
    qapp.setFont(ui_font(lang))
    try:
        page = MembersPage()
        qtbot.addWidget(page)
        page.resize(1180, 720)
        page.attach(DeskContext(services, runner, lambda: admin))
        page.show()
        names = ["张三", "张三丰", "张珊珊", "章子", "Zhang Sanmu", "曾小珊"]
        made = [services.members.create(admin, MemberDraft(
            name=n, phone=f"1380013{8000 + i:04d}"), allow_duplicate=True)
            for i, n in enumerate(names)]
        services.entitlements.sell(admin, made[0].id, EntitlementDraft(
            EntitlementKind.VISIT_PACK, "10次卡" if lang != "en" else "10-visit pack",
            50_000, days=90, units=10))
        services.members.edit(admin, made[0].id, {"note_flagged": True, "notes": "膝伤"})
        services.profiles.set_tags(admin, made[0].id, ["VIP", "晨练"])
        page.search.setText("zs")
        page._run_search()
        with qtbot.waitSignal(page.member_opened, timeout=3000):
            page._open_row(0)
        qtbot.wait(50)
        path = tmp_path / f"members_{lang}.png"
        assert page.grab().save(str(path))
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        qapp.setFont(old_font)
    assert path.stat().st_size > 10_000
    if os.environ.get("FRONTDESK_UPDATE_SCREENSHOTS") == "1":
        target = REPO / "docs" / "screenshots" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
