"""The big verdict panel of the front desk, and the door sound.

Colour is never the only signal: each verdict also has its own icon glyph and a plain-text
name ("Allowed", "Warning", "Denied"), so colour-blind staff read it as easily.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.domain.checkin import Reason, Verdict
from desktop_app.paths import repo_resources
from desktop_app.services.checkin import CheckinResult

log = logging.getLogger(__name__)
SOUNDS = repo_resources() / "sounds"  # WAVs made by resources/sounds/make_sounds.py
COLOURS = {Verdict.ALLOW: ("#1b7f3b", "#e8f6ec"), Verdict.WARN: ("#9a6700", "#fff5d6"),
           Verdict.DENY: ("#b42318", "#fdecea")}
GLYPHS = {Verdict.ALLOW: "\u2714", Verdict.WARN: "\u26a0", Verdict.DENY: "\u2716"}


class DoorSound(QObject):
    """Plays the sound a decision names (a key such as "allow", "deny", "birthday").
    Uses resources/sounds/<key>.wav through QSoundEffect when Qt Multimedia is usable,
    otherwise the system beep: a desk without audio libraries still makes a noise.
    A key with no file of its own (a sound named in a reason's policy) falls back to the
    verdict's file when the caller gives one."""

    sound_requested = Signal(str)
    """A decision asked for this sound key (emitted whether or not audio is available)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_key: str | None = None
        self.last_played: str | None = None
        """What the last play() did: a WAV file's path, or "beep"."""
        self._effects: dict[str, object] = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
            self._effect_type: type | None = QSoundEffect
        except ImportError as exc:  # e.g. no PulseAudio library on this machine
            log.info("no Qt Multimedia (%s); door sounds use the system beep", exc)
            self._effect_type = None

    def play(self, key: str, fallback: str | None = None) -> None:
        self.last_key = key
        self.sound_requested.emit(key)
        wav = SOUNDS / f"{key}.wav"
        if not wav.exists() and fallback:
            wav = SOUNDS / f"{fallback}.wav"
        if self._effect_type is not None and wav.exists():
            effect = self._effects.get(wav.stem)
            if effect is None:
                effect = self._effect_type(self)
                effect.setSource(QUrl.fromLocalFile(str(wav)))
                self._effects[wav.stem] = effect
            effect.play()  # type: ignore[attr-defined]
            self.last_played = str(wav)
            return
        self.last_played = "beep"
        QApplication.beep()


class VerdictPanel(QFrame):
    """Shows one check-in: verdict, member, photo, entitlement and units left, alerts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verdictPanel")
        self.setMinimumHeight(220)
        grid = QGridLayout(self)
        grid.setContentsMargins(24, 18, 24, 18)
        self.glyph = QLabel(self)
        self.glyph.setObjectName("verdictGlyph")
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdictName")
        self.member = QLabel(self)
        self.member.setObjectName("verdictMember")
        self.member.setTextFormat(Qt.TextFormat.PlainText)
        self.entitlement = QLabel(self)
        self.entitlement.setTextFormat(Qt.TextFormat.PlainText)
        self.choices = QLabel(self)
        self.choices.setObjectName("verdictChoices")
        self.choices.setTextFormat(Qt.TextFormat.PlainText)
        self.choices.setWordWrap(True)
        self.alerts = QLabel(self)
        self.alerts.setObjectName("verdictAlerts")
        self.alerts.setTextFormat(Qt.TextFormat.PlainText)
        self.alerts.setWordWrap(True)
        self.photo = QLabel(self)
        self.photo.setFixedSize(120, 150)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setObjectName("verdictPhoto")
        self._image: QImage | None = None
        text = QVBoxLayout()
        for w in (self.verdict, self.member, self.entitlement, self.choices, self.alerts):
            text.addWidget(w)
        text.addStretch(1)
        grid.addWidget(self.glyph, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(text, 0, 1)
        grid.addWidget(self.photo, 0, 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        self.result: CheckinResult | None = None
        self.clear()

    def clear(self) -> None:
        self.result = None
        self._paint("#5f6b7a", "#f4f6f8")
        self.glyph.setText("\u25cb")
        self.verdict.setText(self.tr("Ready to scan"))
        self.member.setText(self.tr("Scan a card or type a name, phone or number."))
        self.entitlement.clear()
        self.choices.clear()
        self.choices.hide()
        self.alerts.clear()
        self._image = None
        self.photo.clear()

    def show_result(self, result: CheckinResult, reason_text: dict[Reason, str]) -> None:
        self.result = result
        d = result.decision
        fg, bg = COLOURS[d.verdict]
        self._paint(fg, bg)
        self.glyph.setText(GLYPHS[d.verdict])
        names = {Verdict.ALLOW: self.tr("Allowed"), Verdict.WARN: self.tr("Warning"),
                 Verdict.DENY: self.tr("Denied")}
        title = names[d.verdict]
        if d.overridden:
            title = self.tr("Allowed by override")
        self.verdict.setText(title)
        if result.member_name:
            self.member.setText(f"{result.member_name}  ·  {result.member_number}")
        else:
            self.member.setText(self.tr("No member for this code"))
        if result.entitlement_name:
            left = d.units_left
            units = self.tr("%n unit(s) left", "", left) if left is not None else self.tr(
                "unlimited")
            text = f"{result.entitlement_name}  ·  {units}"
            if result.pending:
                text = self.tr("Will use: %1").replace("%1", text)
            self.entitlement.setText(text)
        else:
            self.entitlement.setText(self.tr("No entitlement used"))
        self._choices(result)
        self.alerts.setText("\n".join(f"• {reason_text.get(r, r.value)}" for r in d.reasons))
        self._show_photo()

    def _choices(self, result: CheckinResult) -> None:
        """While a check-in waits for confirmation: every entitlement that qualifies, with
        the key that switches to it; the one that will be used is marked."""
        if not result.pending:
            self.choices.clear()
            self.choices.hide()
            return
        lines = []
        for n, option in enumerate(result.usable_options(), start=1):
            # Units left after this visit, as the "Will use" line above says.
            left = None if option.units_left is None else option.units_left - option.units
            units = self.tr("%n unit(s) left", "", left) if left is not None else self.tr(
                "unlimited")
            mark = "\u25b6" if option.entitlement_id == result.decision.entitlement_id else " "
            lines.append(f"{mark} Ctrl+{n}  {result.name_of(option.entitlement_id)}  ·  {units}")
        lines.append(self.tr("Ctrl+1-9 or Ctrl+E: switch · Enter: confirm now "
                             "(confirms by itself in a few seconds)"))
        self.choices.setText("\n".join(lines))
        self.choices.show()

    def set_photo(self, image: QImage | None) -> None:
        """The member's photo, read off the GUI thread by whoever ran the check-in (None: no
        photo, or it could not be read). Shown with the next ``show_result``."""
        self._image = image if image is not None and not image.isNull() else None

    def _show_photo(self) -> None:
        if self._image is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
        else:
            self.photo.setPixmap(QPixmap.fromImage(self._image).scaled(
                self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))

    def _paint(self, fg: str, bg: str) -> None:
        self.setStyleSheet(
            f"#verdictPanel {{ background: {bg}; border: 3px solid {fg}; border-radius: 10px; }}"
            f"#verdictGlyph {{ color: {fg}; font-size: 72px; min-width: 90px; }}"
            f"#verdictName {{ color: {fg}; font-size: 34px; font-weight: bold; }}"
            f"#verdictMember {{ font-size: 22px; }}"
            f"#verdictAlerts {{ color: {fg}; font-size: 17px; }}"
            f"#verdictChoices {{ font-size: 17px; }}"
            f"#verdictPhoto {{ border: 1px solid #c7ccd1; background: white; color: #5f6b7a; }}")
