"""Ignore the same code seen again within a window (a card held in front of the camera is
read ten times a second; the desk must act once)."""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_WINDOW_S = 3.0


class DedupeFilter:
    """`accept(text)` is True the first time a code is seen and again only after it has been
    out of sight for `window_s` seconds. Every sighting restarts its window, so a card left on
    the reader is not re-read every three seconds."""

    def __init__(
        self, window_s: float = DEFAULT_WINDOW_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if window_s < 0:
            raise ValueError("window must not be negative")
        self._window = window_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, text: str, at: float | None = None) -> bool:
        now = self._clock() if at is None else at
        last = self._last_seen.get(text)
        self._last_seen[text] = now
        self._forget_older_than(now - self._window)
        return last is None or now - last >= self._window

    def _forget_older_than(self, cutoff: float) -> None:
        # Keeps memory bounded on a desk that runs for weeks.
        if len(self._last_seen) > 64:
            self._last_seen = {k: t for k, t in self._last_seen.items() if t > cutoff}

    def reset(self) -> None:
        self._last_seen.clear()
