"""The "something changed" poke behind GET /events: a generation number bumped after each
committed push, which long-polls wait on."""

from __future__ import annotations

import threading


class ChangeNotifier:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._generation = 0

    @property
    def generation(self) -> int:
        return self._generation

    def bump(self) -> None:
        with self._cond:
            self._generation += 1
            self._cond.notify_all()

    def wait_past(self, generation: int, timeout_s: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._generation > generation, timeout_s)
