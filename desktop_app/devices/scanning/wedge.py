"""Keyboard-wedge scanners, told apart from people by timing alone (pure logic, no Qt).

A wedge scanner types a code as keystrokes a few milliseconds apart, then Enter (or Tab).
People type 100+ ms apart. So each printable character is *held* while it could still be the
start of a scan; the burst becomes a scan when a terminator arrives in time and enough
characters came fast enough. Otherwise the held characters are *released*: handed back in
order so the caller can deliver them as ordinary typing (at worst `max_gap_s` late).

The machine never reads a clock itself unless none is given with an event: tests inject
time, and synthesised Qt events carry no timestamps (HARDWARE.md).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

ENTER = "\r"
TAB = "\t"


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    max_gap_s: float = 0.040
    min_length: int = 4
    prefix: str = ""
    suffix: str = ""
    terminators: frozenset[str] = field(default_factory=lambda: frozenset({ENTER, "\n", TAB}))

    def __post_init__(self) -> None:
        # Below 30 ms some scanners (and USB hubs) are too slow; above 50 ms fast typists'
        # rollover starts to look like a burst.
        if not 0.030 <= self.max_gap_s <= 0.050:
            raise ValueError("max_gap_s must be between 0.030 and 0.050 seconds")
        if self.min_length < 1:
            raise ValueError("min_length must be at least 1")
        if not self.terminators:
            raise ValueError("at least one terminator is needed")


class Action(Enum):
    PASS = "pass"  # deliver this key now (after any released characters)
    HOLD = "hold"  # swallow this key for now: it may be part of a scan
    SCAN = "scan"  # swallow this key: it ended a scan


@dataclass(frozen=True, slots=True)
class Step:
    """What to do with one key. `released` are earlier held characters to deliver first."""

    action: Action
    released: str = ""
    scan: str | None = None


class WedgeMachine:
    def __init__(
        self, config: WedgeConfig | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.config = config or WedgeConfig()
        self._clock = clock
        self._held: list[str] = []
        self._last_at = 0.0

    @property
    def holding(self) -> bool:
        return bool(self._held)

    @property
    def held(self) -> str:
        return "".join(self._held)

    def key(self, char: str, at: float | None = None) -> Step:
        """A key that produces text: one printable character, Enter ("\\r") or Tab ("\\t")."""
        now = self._clock() if at is None else at
        cfg = self.config
        in_time = bool(self._held) and now - self._last_at <= cfg.max_gap_s
        if char in cfg.terminators:
            if in_time:
                code = self._code()
                if code is not None:
                    self._held.clear()
                    return Step(Action.SCAN, scan=code)
            return Step(Action.PASS, released=self._release())
        # Control characters never come from typing, but a scanner may use them as prefix.
        framing = cfg.prefix + cfg.suffix
        if len(char) != 1 or not (char.isprintable() or char in framing):
            return self.other_key(now)
        released = "" if in_time else self._release()
        self._held.append(char)
        self._last_at = now
        return Step(Action.HOLD, released=released)

    def other_key(self, at: float | None = None) -> Step:
        """A key with no text (arrows, Backspace, shortcuts): no scanner sends those, so any
        burst in progress was typing. Deliver the key after the held characters."""
        return Step(Action.PASS, released=self._release())

    def poll(self, at: float | None = None) -> str:
        """Characters to release because the burst went quiet for longer than a scan allows."""
        now = self._clock() if at is None else at
        if self._held and now - self._last_at > self.config.max_gap_s:
            return self._release()
        return ""

    def _code(self) -> str | None:
        text, cfg = "".join(self._held), self.config
        if cfg.prefix:
            if not text.startswith(cfg.prefix):
                return None
            text = text[len(cfg.prefix) :]
        if cfg.suffix:
            if not text.endswith(cfg.suffix):
                return None
            text = text[: -len(cfg.suffix)]
        return text if len(text) >= cfg.min_length else None

    def _release(self) -> str:
        out = "".join(self._held)
        self._held.clear()
        return out
