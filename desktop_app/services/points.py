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
from desktop_app.store.points_ledger import lots_of, members_with_lapsed_lots, post


@dataclass(frozen=True, slots=True)
class PointsView:
    member_id: str
    balance: int
    lots: tuple[Lot, ...]


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

    def expire(self, today: date) -> int:
        """Post `expire` entries for every lot that lapsed before `today`; returns the points
        taken. Safe to run again: each lot's expiry is posted once."""
        with self._db.read() as session:
            candidates = members_with_lapsed_lots(session, today)
        total = 0
        for member_id in candidates:  # one short transaction per member
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

    def birthday_bonus(self, member_id: str, today: date) -> int:
        """Award the tier's birthday bonus once a year on the birthday; returns the points."""
        with self._unit() as uow:
            member = uow.session.get(Member, member_id)
            if member is None:
                raise NotFound("no such member", member_id=member_id)
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
            source = f"birthday:{member_id}:{today.year}"
            op = uow.op(
                "points.birthday.v1", {"member_id": member_id, "year": today.year, "points": points}
            )
            written = post(
                uow.session,
                member,
                [
                    Posting(
                        source,
                        EntryKind.EARN,
                        points,
                        lot_expiry(today, self.config.points.expiry_months),
                    )
                ],
                at=uow.now,
                op_id=op.op_id,
            )
            if not written:
                raise ValidationError("birthday", "already_awarded")
            return points
