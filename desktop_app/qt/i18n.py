"""Which language the desk speaks, and loading its translations.

Order of choice: ``--lang`` on the command line, then the language picked in Settings
(desk.ini), then the system locale. Switching installs new translators, which sends every
widget a LanguageChange event; forms and views retranslate themselves on it.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QGuiApplication

from desktop_app.qt.config import SUPPORTED_LANGUAGES

log = logging.getLogger(__name__)

#: Display names, each in its own language (never translated).
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}


def system_language(locale: QLocale | None = None) -> str:
    """The supported language closest to the system locale (Chinese -> zh_CN, else en)."""
    loc = locale or QLocale.system()
    return "zh_CN" if loc.language() == QLocale.Language.Chinese else "en"


def choose_language(cli_lang: str | None, saved: str | None,
                    locale: QLocale | None = None) -> str:
    for lang in (cli_lang, saved):
        if lang:
            if lang not in SUPPORTED_LANGUAGES:
                raise ValueError(f"unsupported language {lang!r}; use one of "
                                 f"{', '.join(SUPPORTED_LANGUAGES)}")
            return lang
    return system_language(locale)


def ui_font(lang: str, point_size: int = 13) -> QFont:
    """Noto Sans CJK for Chinese (Latin glyphs included); a plain sans otherwise."""
    font = QFont()
    if lang.startswith("zh"):
        font.setFamilies(["Noto Sans CJK SC", "Noto Sans", "DejaVu Sans"])
    else:
        font.setFamilies(["Noto Sans", "DejaVu Sans", "Noto Sans CJK SC"])
    font.setPointSize(point_size)
    return font


class Translations:
    """Owns the installed translators of one application and swaps them on request."""

    def __init__(self, app: QCoreApplication, directory: Path) -> None:
        self._app = app
        self._dir = directory
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, lang: str) -> bool:
        """Install ``lang``; returns False if the desk's own .qm file is missing (then the
        source English shows). Sends LanguageChange to every widget."""
        for tr in self._installed:
            self._app.removeTranslator(tr)
        self._installed.clear()
        self.language = lang
        QLocale.setDefault(QLocale("zh_CN" if lang == "zh_CN" else "en_US"))
        ok = True
        own = QTranslator(self._app)
        if own.load(f"frontdesk_{lang}", str(self._dir)):
            self._app.installTranslator(own)
            self._installed.append(own)
        elif lang != "en":
            log.warning("no translation file frontdesk_%s.qm in %s (run `make translations`)",
                        lang, self._dir)
            ok = False
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        base = QTranslator(self._app)
        if lang != "en" and base.load(f"qtbase_{lang}", qt_dir):
            self._app.installTranslator(base)
            self._installed.append(base)
        if isinstance(self._app, QGuiApplication):
            QGuiApplication.setFont(ui_font(lang))
        # Deliver the LanguageChange events now, so every open screen is retranslated on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return ok
