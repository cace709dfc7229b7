"""Entitlements: what lets a member in or into a class (DOMAIN.md, Entitlements).

Status is computed at the moment of a decision from the entitlement's facts and `now`,
never stored as truth.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import Protocol


class EntitlementKind(StrEnum):
    PERIOD = "period"
    VISIT_PACK = "visit_pack"
    DAY_PASS = "day_pass"
    CLASS_CREDITS = "class_credits"
    STORED_VALUE = "stored_value"


COUNTED_KINDS = frozenset(
    {EntitlementKind.VISIT_PACK, EntitlementKind.DAY_PASS, EntitlementKind.CLASS_CREDITS}
)


class EntitlementStatus(StrEnum):
    UPCOMING = "upcoming"
    ACTIVE = "active"
    EXPIRING = "expiring"
    GRACE = "grace"
    EXPIRED = "expired"
    USED_UP = "used_up"
    ON_HOLD = "on_hold"
    BLOCKED = "blocked"


@dataclass(frozen=True, slots=True)
class StatusRules:
    expiring_days: int = 7
    expiring_units: int = 2
    grace_days: int = 3


@dataclass(frozen=True, slots=True)
class Hold:
    starts_at: datetime
    ends_at: datetime  # the scheduled end
    ended_at: datetime | None = None  # set when the member came back early

    def covers(self, now: datetime) -> bool:
        end = self.ended_at or self.ends_at
        return self.starts_at <= now < end


@dataclass(frozen=True, slots=True)
class Entitlement:
    id: str
    member_id: str
    kind: EntitlementKind
    valid_from: datetime
    valid_until: datetime | None  # None: open-ended (stored value)
    units_total: int | None = None  # counted kinds only
    units_used: int = 0
    access_start: time | None = None  # local access hours, e.g. 06:00-14:00 off-peak
    access_end: time | None = None
    holds: tuple[Hold, ...] = field(default_factory=tuple)
    blocked: bool = False

    @property
    def units_left(self) -> int | None:
        if self.units_total is None:
            return None
        return max(self.units_total - self.units_used, 0)


class EntitlementFacts(Protocol):
    """A stored entitlement, as the desk's and the server's rows both hold it."""

    @property
    def id(self) -> str: ...
    @property
    def member_id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def valid_from(self) -> datetime: ...
    @property
    def valid_until(self) -> datetime | None: ...
    @property
    def units_total(self) -> int | None: ...
    @property
    def units_used(self) -> int: ...
    @property
    def access_start(self) -> str | None: ...  # "06:00"
    @property
    def access_end(self) -> str | None: ...
    @property
    def blocked(self) -> bool: ...


class HoldFacts(Protocol):
    @property
    def starts_at(self) -> datetime: ...
    @property
    def ends_at(self) -> datetime: ...
    @property
    def ended_at(self) -> datetime | None: ...


def entitlement_of(row: EntitlementFacts, holds: Iterable[HoldFacts]) -> Entitlement:
    """The domain value of a stored entitlement and its (live) holds: one reading for the
    desk and the server, so that both judge the same entitlement alike."""
    return Entitlement(
        id=row.id,
        member_id=row.member_id,
        kind=EntitlementKind(row.kind),
        valid_from=row.valid_from,
        valid_until=row.valid_until,
        units_total=row.units_total,
        units_used=row.units_used,
        access_start=time.fromisoformat(row.access_start) if row.access_start else None,
        access_end=time.fromisoformat(row.access_end) if row.access_end else None,
        holds=tuple(Hold(h.starts_at, h.ends_at, h.ended_at) for h in holds),
        blocked=row.blocked,
    )


def entitlement_status(
    ent: Entitlement, now: datetime, rules: StatusRules = StatusRules()
) -> EntitlementStatus:
    """The status at `now`. Order matters: a block or a hold outranks dates and units."""
    if ent.blocked:
        return EntitlementStatus.BLOCKED
    if any(h.covers(now) for h in ent.holds):
        return EntitlementStatus.ON_HOLD
    if now < ent.valid_from:
        return EntitlementStatus.UPCOMING
    if ent.valid_until is not None and now >= ent.valid_until:
        if now < ent.valid_until + timedelta(days=rules.grace_days):
            return EntitlementStatus.GRACE
        return EntitlementStatus.EXPIRED
    left = ent.units_left
    if left is not None and left <= 0:
        return EntitlementStatus.USED_UP
    if ent.valid_until is not None and ent.valid_until - now <= timedelta(days=rules.expiring_days):
        return EntitlementStatus.EXPIRING
    if (
        left is not None
        and ent.kind is not EntitlementKind.DAY_PASS
        and left <= rules.expiring_units
    ):
        return EntitlementStatus.EXPIRING
    return EntitlementStatus.ACTIVE
