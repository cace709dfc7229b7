"""Screenshots of the Front desk (allowed, warned, denied) and a class roster, in English and
Chinese, rendered offscreen from the real services. They land in tmp_path; with
FRONTDESK_UPDATE_SCREENSHOTS=1 they also refresh docs/screenshots/."""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.domain.entitlements import EntitlementKind
from desktop_app.qt.i18n import ui_font
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.classes import ClassesPage
from desktop_app.qt.pages.front_desk import FrontDeskPage
from desktop_app.services.entitlements import EntitlementDraft
from desktop_app.services.members import MemberDraft

REPO = Path(__file__).resolve().parents[3]
TRANSLATIONS = REPO / "resources" / "translations"


def pack(units: int = 10, used_days: int = 90) -> EntitlementDraft:
    return EntitlementDraft(EntitlementKind.VISIT_PACK, "10次卡 Visit pack", 50_000,
                            days=used_days, units=units)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_front_desk_and_roster_screenshots(qapp: QApplication, qtbot, services, admin,
                                           runner, clock, lang: str, tmp_path: Path) -> None:
    translators = []
    if lang != "en":
        for name in (f"frontdesk_{lang}.qm",):
            t = QTranslator()
            assert t.load(str(TRANSLATIONS / name)), name
            QCoreApplication.installTranslator(t)
            translators.append(t)
    old_font = qapp.font()
    qapp.setFont(ui_font(lang))
    try:
        shots = _take(qtbot, services, admin, runner, clock, tmp_path, lang)
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        qapp.setFont(old_font)
    for path in shots:
        assert path.stat().st_size > 10_000  # a real picture, not an empty grab
        if os.environ.get("FRONTDESK_UPDATE_SCREENSHOTS") == "1":
            target = REPO / "docs" / "screenshots" / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _take(qtbot, services, admin, runner, clock, out: Path, lang: str) -> list[Path]:  # type: ignore[no-untyped-def]
    ctx = DeskContext(services, runner, lambda: admin)
    page = FrontDeskPage()
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.attach(ctx)
    page.show()
    zh = lang != "en"
    ok = services.members.create(admin, MemberDraft(name="王芳" if zh else "Wang Fang"))
    services.entitlements.sell(admin, ok.id, pack())
    warn = services.members.create(admin, MemberDraft(name="李雷" if zh else "Li Lei"))
    services.entitlements.sell(admin, warn.id, pack(units=10))
    deny = services.members.create(admin, MemberDraft(name="张伟" if zh else "Zhang Wei"))
    shots = []
    page.handle_scan(ok.card_code)
    shots.append(_grab(page, out / f"front_desk_allowed_{lang}.png"))
    page.handle_scan(warn.card_code)
    clock.advance(minutes=20)
    page.handle_scan(warn.card_code)  # a re-entry: warned, nothing used
    shots.append(_grab(page, out / f"front_desk_warned_{lang}.png"))
    page.handle_scan(deny.card_code)
    shots.append(_grab(page, out / f"front_desk_denied_{lang}.png"))
    two = services.members.create(admin, MemberDraft(name="周杰" if zh else "Zhou Jie"))
    services.entitlements.sell(admin, two.id, pack(units=10, used_days=60))
    services.entitlements.sell(admin, two.id, EntitlementDraft(
        EntitlementKind.PERIOD, "月卡 Monthly" if zh else "Monthly", 30_000, days=30))
    page.handle_scan(two.card_code)  # two qualify: shown, switchable, not yet recorded
    assert page.pending is not None
    shots.append(_grab(page, out / f"front_desk_choice_{lang}.png"))
    page.confirm_pending()

    ct = services.classes.create_class_type(admin, "瑜伽 Yoga" if zh else "Yoga", 3, 60)
    local = (clock.now() + timedelta(days=1)).astimezone(ZoneInfo("Asia/Shanghai"))
    services.classes.add_schedule(admin, ct, local.weekday(), local.time().replace(
        minute=0, second=0, microsecond=0), date(2026, 1, 1), "Coach Liu", "Studio A")
    (sid,) = services.classes.generate_sessions(admin, local.date(), 1)
    names = ["陈静", "刘洋", "赵敏", "孙悦"] if zh else ["Chen Jing", "Liu Yang", "Zhao Min",
                                                       "Sun Yue"]
    credits = EntitlementDraft(EntitlementKind.CLASS_CREDITS, "Classes", 80_000, days=90,
                               units=10)
    for n in names:
        m = services.members.create(admin, MemberDraft(name=n))
        services.entitlements.sell(admin, m.id, credits)
        services.classes.book(admin, sid, m.id)
    first = services.classes.roster(sid)[0]
    services.classes.mark_attended(admin, first.booking_id)
    classes = ClassesPage()
    qtbot.addWidget(classes)
    classes.resize(1100, 620)
    classes.attach(ctx)
    classes.show()
    classes.reload(clock.now())
    shots.append(_grab(classes, out / f"class_roster_{lang}.png"))
    return shots


def _grab(widget, path: Path) -> Path:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    return path
