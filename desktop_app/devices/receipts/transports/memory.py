"""In-memory transport: a fake for tests and for a queue's dry runs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .base import PrinterError, PrinterState, PrinterStatus


@dataclass
class MemoryTransport:
    """Records jobs. ``fail_with`` errors are raised by the next sends, in order."""

    jobs: list[list[bytes]] = field(default_factory=list)
    fail_with: list[PrinterError] = field(default_factory=list)
    current_status: PrinterStatus = field(default_factory=lambda: PrinterStatus(PrinterState.READY))
    closed: bool = False

    def send(self, chunks: Sequence[bytes]) -> None:
        if self.fail_with:
            raise self.fail_with.pop(0)
        self.jobs.append(list(chunks))

    def status(self) -> PrinterStatus:
        return self.current_status

    def close(self) -> None:
        self.closed = True

    @property
    def data(self) -> bytes:
        return b"".join(b"".join(job) for job in self.jobs)
