"""The transport Protocol, typed errors and printer status."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Protocol


class PrinterError(Exception):
    """A print job failed. ``chunks_sent`` tells a queue how far the job got (the printer
    may have printed those), ``retryable`` whether trying again later can help."""

    retryable = True

    def __init__(self, message: str, chunks_sent: int = 0) -> None:
        super().__init__(message)
        self.chunks_sent = chunks_sent


class PrinterOffline(PrinterError):
    """Unreachable, unplugged, or the connection dropped mid-job."""


class PrinterTimeout(PrinterError):
    """Connected but the printer stopped taking data (paper out, jammed, busy)."""


class PrinterRefused(PrinterError):
    """The printer actively refused the connection (port closed, another client)."""


class PrinterUnavailable(PrinterError):
    """Misconfigured or a driver library is missing: retrying will not help."""

    retryable = False


class PrinterState(Enum):
    READY = "ready"
    PAPER_NEAR_END = "paper_near_end"
    PAPER_OUT = "paper_out"
    COVER_OPEN = "cover_open"
    ERROR = "error"
    OFFLINE = "offline"  # could not reach it at all
    UNKNOWN = "unknown"  # reachable, or maybe not, but it did not answer


@dataclass(frozen=True)
class PrinterStatus:
    state: PrinterState
    detail: str = ""

    @classmethod
    def unknown(cls, detail: str = "printer did not answer") -> PrinterStatus:
        return cls(PrinterState.UNKNOWN, detail)


def _valid(b: int) -> bool:
    # Every DLE EOT answer has bit 1 set and bits 0, 4 and 7 clear (0xx1xx10 pattern).
    return (b & 0b1001_0011) == 0b0001_0010


def parse_status(offline_cause: bytes, paper: bytes) -> PrinterStatus:
    """Turn the answers to DLE EOT 2 (offline cause) and DLE EOT 4 (paper sensor) into a
    status. Missing or malformed answers mean UNKNOWN: silence is not "no paper"
    (python-escpos's ``paper_status`` reports 0 = no paper in that case)."""
    if len(offline_cause) < 1 or len(paper) < 1:
        return PrinterStatus.unknown()
    oc, pp = offline_cause[0], paper[0]
    if not (_valid(oc) and _valid(pp)):
        return PrinterStatus.unknown(f"unexpected status bytes {oc:#04x} {pp:#04x}")
    if pp & 0x60:
        return PrinterStatus(PrinterState.PAPER_OUT)
    if oc & 0x04:
        return PrinterStatus(PrinterState.COVER_OPEN)
    if oc & 0x40:
        return PrinterStatus(PrinterState.ERROR, "error condition reported")
    if oc & 0x20:  # stopped because paper ran out (paper sensor may lag)
        return PrinterStatus(PrinterState.PAPER_OUT)
    if pp & 0x0C:
        return PrinterStatus(PrinterState.PAPER_NEAR_END)
    return PrinterStatus(PrinterState.READY)


class PrinterTransport(Protocol):
    def send(self, chunks: Sequence[bytes]) -> None:
        """Deliver a job; raise a PrinterError subclass on failure."""
        ...

    def status(self) -> PrinterStatus:
        """Ask the printer; never raises for a missing printer (OFFLINE/UNKNOWN)."""
        ...

    def close(self) -> None:
        """Release the device; idempotent."""
        ...
