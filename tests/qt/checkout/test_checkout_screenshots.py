"""Screenshots of the Checkout page mid-sale (member attached, three products, points
redeemed, part paid in cash), in English and Chinese, from the real services. They land in
tmp_path; with FRONTDESK_UPDATE_SCREENSHOTS=1 they also refresh docs/screenshots/."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop_app.domain.sales import TenderKind
from desktop_app.qt.i18n import ui_font
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.checkout import CheckoutPage
from desktop_app.services.members import MemberDraft

REPO = Path(__file__).resolve().parents[3]
TRANSLATIONS = REPO / "resources" / "translations"
CSV = ("barcode,name,price,category,points_multiplier\n"
       "690000000001,农夫山泉 矿泉水 550ml,3.50,drinks,\n"
       "690000000002,蛋白棒 Protein bar,12,snacks,2\n"
       "690000000003,运动毛巾 Sports towel,30,goods,\n").encode()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_checkout_mid_sale_screenshot(qapp: QApplication, qtbot, services, admin, runner,
                                      lang: str, tmp_path: Path) -> None:
    translator = QTranslator()
    if lang != "en":
        assert translator.load(str(TRANSLATIONS / f"frontdesk_{lang}.qm")), "make translations"
        QCoreApplication.installTranslator(translator)
    old_font = qapp.font()
    qapp.setFont(ui_font(lang))
    try:
        services.sales.catalogue.import_csv(admin, CSV)
        member = services.members.create(admin, MemberDraft(name="张三" if lang != "en"
                                                             else "Zhang San"))
        services.sales.points.adjust(admin, member.id, 1500, "welcome", date(2026, 3, 2))
        page = CheckoutPage()
        qtbot.addWidget(page)
        page.resize(1000, 640)
        page.attach(DeskContext(services, runner, lambda: admin))
        page.show()
        for code in (member.card_code, "690000000001", "690000000002", "690000000002",
                     "690000000003"):
            page.handle_scan(code)
        page.redeem_points()
        page.entry.setText("20")
        page.add_tender(TenderKind.CASH)
        assert page.quote is not None and page.quote.left_to_pay > 0
        QApplication.processEvents()
        shot = tmp_path / f"checkout_mid_sale_{lang}.png"
        assert page.grab().save(str(shot))
    finally:
        QCoreApplication.removeTranslator(translator)
        qapp.setFont(old_font)
    assert shot.stat().st_size > 10_000
    if os.environ.get("FRONTDESK_UPDATE_SCREENSHOTS") == "1":
        target = REPO / "docs" / "screenshots" / shot.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, target)
