"""The door sounds: a WAV file for every sound the default policies name, valid and short,
and the Front desk plays the deny file for a denied member (through QSoundEffect when Qt
Multimedia loads; a stand-in effect here, because this machine has no audio library)."""

from __future__ import annotations

import wave
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.domain.checkin import DEFAULT_RULES, Verdict
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.front_desk import FrontDeskPage
from desktop_app.qt.widgets.verdict_panel import SOUNDS, DoorSound
from desktop_app.services.members import MemberDraft

KEYS = {rule.sound for rule in DEFAULT_RULES.values() if rule.sound} | {
    v.label for v in Verdict}


@pytest.mark.parametrize("key", sorted(KEYS))
def test_every_default_sound_has_a_short_valid_wav(key: str) -> None:
    with wave.open(str(SOUNDS / f"{key}.wav")) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        seconds = w.getnframes() / w.getframerate()
    assert 0.1 < seconds < 1.0  # heard at once, over before the next scan


def test_the_sounds_differ() -> None:
    data = {k: (SOUNDS / f"{k}.wav").read_bytes() for k in ("allow", "warn", "deny")}
    assert len(set(data.values())) == 3


class FakeEffect:
    played: list[str] = []

    def __init__(self, parent: object) -> None:
        self.source = ""

    def setSource(self, url) -> None:  # type: ignore[no-untyped-def] # noqa: N802
        self.source = url.toLocalFile()

    def play(self) -> None:
        FakeEffect.played.append(self.source)


@pytest.fixture
def page(qtbot: QtBot, services, admin, runner) -> Iterator[FrontDeskPage]:  # type: ignore[no-untyped-def]
    p = FrontDeskPage()
    qtbot.addWidget(p)
    p.sound._effect_type = FakeEffect
    FakeEffect.played = []
    p.attach(DeskContext(services, runner, lambda: admin))
    yield p


def test_a_denied_member_plays_the_deny_file(page: FrontDeskPage, services, admin) -> None:  # type: ignore[no-untyped-def]
    m = services.members.create(admin, MemberDraft(name="No Pass"))
    page.handle_scan(m.card_code)
    assert FakeEffect.played == [str(SOUNDS / "deny.wav")]
    assert page.sound.last_played == str(SOUNDS / "deny.wav")


def test_a_sound_without_a_file_falls_back_to_the_verdicts(qtbot: QtBot) -> None:
    sound = DoorSound()
    sound._effect_type = FakeEffect
    FakeEffect.played = []
    sound.play("custom-chime", "warn")
    assert FakeEffect.played == [str(SOUNDS / "warn.wav")]


def test_without_qt_multimedia_the_desk_beeps(qtbot: QtBot) -> None:
    sound = DoorSound()
    sound._effect_type = None
    sound.play("deny")
    assert sound.last_played == "beep"
