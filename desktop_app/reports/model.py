"""What the daily summary returns: plain frozen values, safe to hand to a GUI thread, a CSV
writer or a receipt template. Money is in minor units (fen), points in points."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta

# Figures that are sums over the rows of a business day: a range's figure is the sum of its
# days' figures, so comparisons and the trend come from one pass over per-day buckets.
ADDITIVE = (
    "sales", "gross", "discounts", "sales_total", "refunds", "refund_amount",
    "points_earned", "points_redeemed", "points_expired", "points_adjusted",
    "sv_topped_up", "sv_topup_paid", "sv_spent", "new_members", "checkins", "denied",
    "sessions", "seats", "booked", "attended", "no_shows",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Period:
    """Business days `first` .. `last`, both included."""

    first: date
    last: date

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def shifted(self, days: int) -> Period:
        return Period(self.first - timedelta(days=days), self.last - timedelta(days=days))

    def previous(self) -> Period:
        """The same number of days just before: the previous day for a single day."""
        return self.shifted(self.days)

    def last_week(self) -> Period:
        """The same weekdays one week earlier."""
        return self.shifted(7)

    def each_day(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.days)]


@dataclass(frozen=True, slots=True)
class Figures:
    """The headline figures of a period. `tenders` is net revenue per tender kind (sales less
    refunds), sorted by kind. `unique_members` is not additive over days: it is counted for
    the whole period."""

    sales: int = 0  # finalised sales
    gross: int = 0  # before discounts
    discounts: int = 0  # manual + member discounts
    sales_total: int = 0  # what the sales came to (after discounts)
    refunds: int = 0
    refund_amount: int = 0
    points_earned: int = 0  # earn + reverse (a refund takes earned points back)
    points_redeemed: int = 0  # spent, less spent points a refund gave back
    points_expired: int = 0
    points_adjusted: int = 0  # signed
    sv_topped_up: int = 0  # value credited (principal + bonus)
    sv_topup_paid: int = 0  # money taken for it
    sv_spent: int = 0  # value spent, less what refunds gave back
    new_members: int = 0
    checkins: int = 0  # granted and not voided
    denied: int = 0
    unique_members: int = 0
    sessions: int = 0  # class sessions held (not cancelled)
    seats: int = 0  # their capacity
    booked: int = 0  # confirmed, attended or no-show bookings
    attended: int = 0
    no_shows: int = 0
    tenders: tuple[tuple[str, int], ...] = ()

    @property
    def revenue(self) -> int:
        """Revenue net of refunds."""
        return self.sales_total - self.refund_amount

    @property
    def average_ticket(self) -> int:
        """Sales total over the number of sales, rounded half up to the minor unit."""
        return (2 * self.sales_total + self.sales) // (2 * self.sales) if self.sales else 0

    @property
    def fill_rate_pct(self) -> float:
        return round(100.0 * self.booked / self.seats, 1) if self.seats else 0.0

    def tender(self, kind: str) -> int:
        return dict(self.tenders).get(kind, 0)

    def plus(self, other: Figures) -> Figures:
        sums = {name: getattr(self, name) + getattr(other, name) for name in ADDITIVE}
        merged = dict(self.tenders)
        for kind, amount in other.tenders:
            merged[kind] = merged.get(kind, 0) + amount
        return replace(self, **sums, tenders=tuple(sorted(merged.items())))


FIGURE_NAMES = tuple(f.name for f in fields(Figures) if f.name != "tenders")


@dataclass(frozen=True, slots=True)
class ClassLine:
    session_id: str
    class_name: str
    starts_at: datetime
    capacity: int
    booked: int
    attended: int
    no_shows: int
    cancelled: bool

    @property
    def fill_rate_pct(self) -> float:
        return round(100.0 * self.booked / self.capacity, 1) if self.capacity else 0.0


@dataclass(frozen=True, slots=True)
class StaffLine:
    """Sensitive actions of one staff member in the period (from the audit log)."""

    staff_name: str
    overrides: int = 0  # check-in overrides, discounts over the limit
    voids: int = 0  # check-in voids
    refunds: int = 0  # sale refunds, stored value card refunds
    adjustments: int = 0  # manual points adjustments


@dataclass(frozen=True, slots=True)
class Freshness:
    """The banner: synced up to when, and how many local changes still wait to be pushed."""

    enrolled: bool
    last_sync: datetime | None
    pending_changes: int


@dataclass(frozen=True, slots=True)
class TrendPoint:
    day: date
    revenue: int
    sales: int
    checkins: int


@dataclass(frozen=True, slots=True)
class Summary:
    period: Period
    store_id: str | None
    timezone: str
    current: Figures
    previous: Figures  # the previous day (or period of the same length)
    last_week: Figures  # the same weekday(s) one week earlier
    checkins_by_hour: tuple[int, ...]  # 24 local hours, over the whole period
    classes: tuple[ClassLine, ...]
    staff: tuple[StaffLine, ...]
    freshness: Freshness
    money_here: bool = True  # False: sales were taken on another store's desk, not kept here
    trend: tuple[TrendPoint, ...] = ()  # the 14 business days ending with the period
    computed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ExpiringLine:
    entitlement_id: str
    member_id: str
    member_number: str
    member_name: str
    entitlement_name: str
    valid_until: datetime


@dataclass(frozen=True, slots=True)
class AbsentLine:
    member_id: str
    member_number: str
    member_name: str
    phone: str | None
    last_seen: datetime
    consent_sms: bool
    consent_email: bool


@dataclass(frozen=True, slots=True)
class Watchlists:
    """As of the end of the period: entitlements about to end, members who stopped coming.
    Counts are complete; the lines are the first `limit` of each."""

    expiring_7: int
    expiring_30: int
    expiring: tuple[ExpiringLine, ...]  # within 30 days, soonest first
    absent_14: int  # last seen 14-29 days before the end of the period
    absent_30: int  # last seen 30-59 days before
    absent: tuple[AbsentLine, ...] = field(default=())  # most recently lapsed first
