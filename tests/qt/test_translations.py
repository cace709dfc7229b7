"""English and Simplified Chinese: the translations load, switch live, and are complete."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from desktop_app.qt.config import DeskConfig
from desktop_app.qt.i18n import Translations, choose_language
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.session import DeskSession

REPO = Path(__file__).resolve().parents[2]
TS_DIR = REPO / "resources" / "translations"


def nav_texts(window: MainWindow) -> list[str]:
    nav = window.ui.navList
    return [nav.item(i).text() for i in range(nav.count())]


def test_the_chinese_translation_loads_and_the_desk_speaks_it(
        translations: Translations, qtbot: QtBot) -> None:
    assert (TS_DIR / "frontdesk_zh_CN.qm").is_file(), "run `make translations`"
    assert translations.apply("zh_CN")
    window = MainWindow(None, "zh_CN")
    qtbot.addWidget(window)
    assert nav_texts(window) == ["F1   前台", "F2   收银", "F3   会员", "F4   课程", "F5   报表",
                                 "F6   设置"]
    assert window.sync_label.text() == "同步：未设置"
    assert window.ui.actionSignOut.text() == "退出登录"
    assert "扫" in window.front_desk.search.placeholderText()


def test_sign_in_screen_in_chinese(started: DeskSession, translations: Translations) -> None:
    translations.apply("zh_CN")  # live: the open screen retranslates itself
    ui = started.sign_in_view.ui
    assert ui.codeLabel.text() == "员工编号"
    assert ui.pinLabel.text() == "密码"
    assert ui.signInButton.text() == "登录"


def test_the_settings_switch_changes_language_live_and_remembers_it(
        started: DeskSession, qtbot: QtBot, data_paths: object) -> None:
    ui = started.sign_in_view.ui
    qtbot.keyClicks(ui.codeEdit, "100")
    qtbot.keyClicks(ui.pinEdit, "1234")
    ui.signInButton.click()
    window = started.main_window
    assert window is not None
    combo = window.settings.ui.languageCombo
    combo.setCurrentIndex(combo.findData("zh_CN"))
    combo.activated.emit(combo.currentIndex())
    assert nav_texts(window)[0] == "F1   前台"
    assert window.settings.ui.languageLabel.text() == "语言"
    assert window.settings.store_groups["staff"].title() == "员工与安全"
    assert DeskConfig(data_paths.config).language() == "zh_CN"  # type: ignore[attr-defined]
    combo.activated.emit(combo.findData("en"))
    assert nav_texts(window)[0] == "F1   Front desk"
    assert window.settings.store_groups["staff"].title() == "Staff and security"


def test_language_choice_order() -> None:
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert choose_language(None, None, chinese) == "zh_CN"
    assert choose_language(None, None, english) == "en"
    assert choose_language(None, "zh_CN", english) == "zh_CN"
    assert choose_language("en", "zh_CN", chinese) == "en"
    with pytest.raises(ValueError):
        choose_language("fr", None, english)


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path: Path) -> None:
    """Re-extract the strings into a copy of the .ts: nothing may come out unfinished."""
    copy = tmp_path / "frontdesk_zh_CN.ts"
    shutil.copy(TS_DIR / "frontdesk_zh_CN.ts", copy)
    sources = sorted(str(p) for p in (REPO / "desktop_app" / "qt").rglob("*.py")
                     if "forms" not in p.parts)
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", *sources,
                    *map(str, sorted((REPO / "ui").glob("*.ui"))), "-ts", str(copy)],
                   check=True, cwd=REPO)
    text = copy.read_text(encoding="utf-8")
    untranslated = re.findall(
        r"<source>(.*?)</source>\s*(?:<comment>.*?</comment>\s*)?"
        r"<translation type=\"unfinished\">", text, re.S)
    assert not untranslated, ("strings without a Chinese translation (run "
                              f"resources/translations/lupdate.sh and translate): {untranslated}")
    assert text.count("<message") >= 60
