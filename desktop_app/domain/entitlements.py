"""Entitlements: what lets a member in or into a class (DOMAIN.md, Entitlements).

Status is computed at the moment of a decision from the entitlement's facts and `now`,
never stored as truth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum


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
