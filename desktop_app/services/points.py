"""Points use cases beyond a sale: manual adjustment (`points.adjust`, with a reason,
audited), the expiry run, the tier birthday bonus, and reading a member's lots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.domain.points import EntryKind, Lot, Posting, expiry_postings, lot_expiry
from desktop_app.domain.tiers import TierRule, birthday_bonus
from desktop_app.services.base import Service
from desktop_app.services.checkout_config import CheckoutConfig
from desktop_app.store.db import Database
from desktop_app.store.models import Member, Tier
from desktop_app.store.points_ledger import (
    lots_of,
    members_with_birthday_bonus,
    members_with_lapsed_lots,
    post,
    posted_keys,
)
from desktop_app.store.sales import store_day, store_settings
from desktop_app.store.state import get_state, set_state
from desktop_app.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class PointsView:
    member_id: str
    balance: int
    lots: tuple[Lot, ...]


BIRTHDAY_BATCH = 200  # members per transaction in the birthday run
DAILY_RUN = "points.daily_run"  # sync_state: the business day the daily run last finished


@dataclass(frozen=True, slots=True)
class DailyRun:
    day: date
    ran: bool  # False: this business day had been run already, nothing was done
    expired: int = 0  # points taken by the expiry run
    birthdays: int = 0  # members given their birthday bonus
    birthday_points: int = 0


class PointsService(Service):
    def __init__(self, db: Database, clock: Clock, config: CheckoutConfig | None = None) -> None:
        super().__init__(db, clock)
        self.config = config or CheckoutConfig()

    def view(self, member_id: str) -> PointsView:
        with self._db.read() as session:
            member = session.get(Member, member_id)
            if member is None:
                raise NotFound("no such member", member_id=member_id)
            return PointsView(member_id, member.points_balance, lots_of(session, member_id).lots)

    def adjust(
        self,
        actor: Actor,
        member_id: str,
        delta: int,
        reason: str,
        today: date,
        approver: Actor | None = None,
    ) -> int:
        """Add or take points by hand; returns the new balance. Added points form a lot with
        the usual expiry; taken points come from the soonest-expiring lots."""
        if delta == 0:
            raise ValidationError("delta", "zero")
        if not reason.strip():
            raise ValidationError("reason", "required")
        with self._authorised(actor, Permission.POINTS_ADJUST, approver) as uow:
            member = uow.session.get(Member, member_id)
            if member is None:
                raise NotFound("no such member", member_id=member_id)
            adjustment_id = new_id()
            expires = lot_expiry(today, self.config.points.expiry_months) if delta > 0 else None
            op = uow.op(
                "points.adjust.v1",
                {
                    "id": adjustment_id,
                    "member_id": member_id,
                    "delta": delta,
                    "reason": reason.strip(),
                },
            )
            post(
                uow.session,
                member,
                [Posting(f"adjustment:{adjustment_id}", EntryKind.ADJUST, delta, expires)],
                at=uow.now,
                op_id=op.op_id,
                reason=reason.strip(),
            )
            uow.audit(
                "points.adjust",
                entity="member",
                entity_id=member_id,
                details={"delta": delta, "reason": reason.strip()},
                op=op,
            )
            return member.points_balance

    def expire(self, today: date, since: date | None = None) -> int:
        """Post `expire` entries for every lot that lapsed before `today`; returns the points
        taken. Safe to run again: each lot's expiry is posted once. `since`: the day of an
        earlier run, so only lots lapsed after it are looked at."""
        with self._db.read() as session:
            candidates = members_with_lapsed_lots(session, today, since)
        total = 0
        for member_id in candidates:  # one short transaction per member
            with self._db.read() as session:  # nothing due (spent, or done): no write lock
                if not expiry_postings(lots_of(session, member_id), today):
                    continue
            with self._unit() as uow:
                member = uow.session.get(Member, member_id)
                if member is None:
                    continue
                postings = expiry_postings(lots_of(uow.session, member_id), today)
                if not postings:
                    continue
                op = uow.op(
                    "points.expire.v1",
                    {
                        "member_id": member_id,
                        "on": today.isoformat(),
                        "lots": [p.lot_ref for p in postings],
                    },
                )
                written = post(uow.session, member, postings, at=uow.now, op_id=op.op_id)
                total -= sum(e.delta for e in written)
        return total

    def business_day(self) -> date:
        """Today in the store's time zone, with its day cut-off."""
        with self._db.read() as session:
            return store_day(store_settings(session), self._clock.now())

    def daily_run(self) -> DailyRun:
        """The once-a-business-day jobs: the expiry run, then the birthday bonus for every
        member whose birthday it is. A day already run is skipped after one read; running
        a day again anyway (two threads, a restored database) posts nothing twice, as each
        lot's expiry and each member's birthday bonus for a year is posted once."""
        with self._db.read() as session:
            today = store_day(store_settings(session), self._clock.now())
            last = get_state(session, DAILY_RUN)
        if last is not None and last >= today.isoformat():
            return DailyRun(today, False)
        expired = self.expire(today, date.fromisoformat(last) if last else None)
        awarded, points = self.birthday_run(today)
        with self._unit() as uow:
            set_state(uow.session, DAILY_RUN, today.isoformat())
        return DailyRun(today, True, expired, awarded, points)

    def birthday_bonus(self, member_id: str, today: date) -> int:
        """Award the tier's birthday bonus once a year on the birthday; returns the points."""
        with self._unit() as uow:
            member = uow.session.get(Member, member_id)
            if member is None:
                raise NotFound("no such member", member_id=member_id)
            points = self._birthday(uow, member, today)
            if points is None:
                raise ValidationError("birthday", "already_awarded")
            return points

    def birthday_run(self, today: date, batch: int = BIRTHDAY_BATCH) -> tuple[int, int]:
        """The birthday bonus for every member whose birthday it is, `batch` members to a
        transaction (each with its own op); returns (members awarded, points). A member
        already awarded this year is passed over."""
        with self._db.read() as session:
            candidates = members_with_birthday_bonus(session, today)
        awarded = points = 0
        for start in range(0, len(candidates), batch):
            with self._unit() as uow:
                for member_id in candidates[start : start + batch]:
                    member = uow.session.get(Member, member_id)
                    given = self._birthday(uow, member, today) if member is not None else None
                    if given:
                        awarded, points = awarded + 1, points + given
        return awarded, points

    def _birthday(self, uow: UnitOfWork, member: Member, today: date) -> int | None:
        """Post the member's birthday bonus for `today`'s year: the points (0: none due
        today), or None when it was posted already."""
        tier = uow.session.get(Tier, member.tier_id) if member.tier_id else None
        rule = (
            TierRule(
                tier.code,
                tier.rank,
                tier.threshold_minor,
                birthday_bonus=tier.birthday_bonus_points,
            )
            if tier
            else None
        )
        points = birthday_bonus(rule, member.birthday, today)
        if not points:
            return 0
        posting = Posting(
            f"birthday:{member.id}:{today.year}",
            EntryKind.EARN,
            points,
            lot_expiry(today, self.config.points.expiry_months),
        )
        if posted_keys(uow.session, [posting]):
            return None
        op = uow.op(
            "points.birthday.v1", {"member_id": member.id, "year": today.year, "points": points}
        )
        post(uow.session, member, [posting], at=uow.now, op_id=op.op_id, new_source=True)
        return points
