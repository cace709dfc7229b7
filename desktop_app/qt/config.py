"""Per-machine desk preferences: window geometry and the chosen language.

Kept in an ini file in the config folder (DataPaths.config), apart from the store settings
that live in the database and sync: a window's size belongs to this screen, not to the store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SUPPORTED_LANGUAGES = ("en", "zh_CN")


class DeskConfig:
    """Typed access to ``desk.ini``; every value has a default."""

    FILE_NAME = "desk.ini"

    def __init__(self, config_dir: Path) -> None:
        config_dir.mkdir(parents=True, exist_ok=True)
        self.path = config_dir / self.FILE_NAME
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def language(self) -> str | None:
        """The language chosen in Settings, or None to follow the system locale."""
        value = self._settings.value("ui/language", "")
        text = str(value) if value else ""
        return text if text in SUPPORTED_LANGUAGES else None

    def set_language(self, lang: str | None) -> None:
        if lang is not None and lang not in SUPPORTED_LANGUAGES:
            raise ValueError(f"unsupported language: {lang}")
        self._settings.setValue("ui/language", lang or "")
        self._settings.sync()

    def geometry(self, window: str) -> QByteArray | None:
        value = self._settings.value(f"geometry/{window}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_geometry(self, window: str, geometry: QByteArray) -> None:
        self._settings.setValue(f"geometry/{window}", geometry)
        self._settings.sync()
