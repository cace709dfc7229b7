"""Hybrid logical clock (SYNC.md): orders profile edits by when they were made, not by when
they arrived, and still orders two edits made in the same millisecond."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class HLC:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        # Fixed-width so that string order is time order.
        return f"{self.wall_ms:015d}-{self.counter:06d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> HLC:
        wall, counter, node = text.split("-", 2)
        return cls(int(wall), int(counter), node)

    def tick(self, now_ms: int) -> HLC:
        """The next timestamp for a local event."""
        if now_ms > self.wall_ms:
            return HLC(now_ms, 0, self.node)
        return HLC(self.wall_ms, self.counter + 1, self.node)

    def receive(self, remote: HLC, now_ms: int) -> HLC:
        """The next timestamp after seeing a remote one."""
        wall = max(self.wall_ms, remote.wall_ms, now_ms)
        if wall == self.wall_ms == remote.wall_ms:
            counter = max(self.counter, remote.counter) + 1
        elif wall == self.wall_ms:
            counter = self.counter + 1
        elif wall == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        return HLC(wall, counter, self.node)
