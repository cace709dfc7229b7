"""Print queue rules that need no printer and no database: job states and the retry delay."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class JobState(StrEnum):
    QUEUED = "queued"  # waiting its turn (new, or resumed after the desk stopped mid-job)
    PRINTING = "printing"  # an attempt is under way
    PRINTED = "printed"  # the attempt that sent every byte committed this state
    FAILED = "failed"  # the last attempt failed; retried at next_attempt_at, if any
    CANCELLED = "cancelled"  # staff took it off the queue; never printed again


CANCELLABLE = frozenset({JobState.QUEUED, JobState.FAILED})
FINISHED = frozenset({JobState.PRINTED, JobState.CANCELLED})


@dataclass(frozen=True, slots=True)
class Backoff:
    """Exponential retry delay: base, base*factor, ... capped at ``max_s``. Deterministic on
    purpose: a desk has one printer and one worker, so there is no herd to spread out."""

    base_s: float = 2.0
    factor: float = 2.0
    max_s: float = 120.0

    def __post_init__(self) -> None:
        if self.base_s <= 0 or self.factor < 1 or self.max_s < self.base_s:
            raise ValueError("backoff needs base > 0, factor >= 1 and max >= base")

    def delay_s(self, attempts: int) -> float:
        """Seconds to wait after the ``attempts``-th failed attempt (1 for the first)."""
        exponent = min(max(attempts, 1) - 1, 60)  # no float overflow after months of failing
        return float(min(self.max_s, self.base_s * self.factor**exponent))
