"""A member's profile and the changes around it: cards (issue, reissue), tags, merge.
(Name, contact, photo path and consent flags are edited through MemberService.edit.)

Each change writes its rows, one outbox op and an audit entry in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select, text

from desktop_app.domain.codes import new_card_code
from desktop_app.domain.entitlements import (
    Entitlement,
    EntitlementKind,
    Hold,
    entitlement_status,
)
from desktop_app.domain.errors import Conflict, NotFound, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.services.base import Service
from desktop_app.store.member_bulk import add_tags, tag_ids
from desktop_app.store.members import save_member
from desktop_app.store.merge import move_member_rows
from desktop_app.store.models import (
    Card,
    EntitlementHold,
    EntitlementRow,
    Member,
    MemberTag,
    Tag,
    Tier,
)
from desktop_app.store.uow import UnitOfWork

if TYPE_CHECKING:  # card sheets load Pillow, segno and python-barcode: only when drawn
    from desktop_app.devices.card_sheet import CardFace

MAX_TAGS = 30


@dataclass(frozen=True, slots=True)
class CardIssued:
    member_id: str
    code: str
    revoked: str | None  # the code the new card replaced


@dataclass(frozen=True, slots=True)
class EntitlementLine:
    id: str
    name: str
    kind: str
    status: str
    valid_until: datetime | None
    units_left: int | None


@dataclass(frozen=True, slots=True)
class MemberProfile:
    id: str
    number: str
    name: str
    phone: str | None
    email: str | None
    status: str
    tier: str | None
    tags: tuple[str, ...]
    card_code: str | None
    points_balance: int
    points_provisional: bool  # the desk's own figure until the server's arrives (SYNC.md)
    entitlements: tuple[EntitlementLine, ...]
    alerts: tuple[str, ...]  # reason codes: note_flagged, photo_missing, archived_member, ...
    photo_path: str | None
    notes: str
    consent_sms: bool
    consent_email: bool
    merged_into: str | None  # the survivor's number, for a merged member


@dataclass(frozen=True, slots=True)
class MergeResult:
    survivor_id: str
    merged_id: str
    moved: dict[str, int]


def _member(uow: UnitOfWork, member_id: str) -> Member:
    member = uow.session.get(Member, member_id)
    if member is None:
        raise NotFound("no such member", member_id=member_id)
    return member


class ProfileService(Service):
    def issue_card(self, actor: Actor, member_id: str, reason: str = "") -> CardIssued:
        """A new card for the member; the active one (lost, worn) is revoked and from then
        on scans as "revoked"."""
        with self._authorised(actor, Permission.MEMBER_EDIT) as uow:
            member = _member(uow, member_id)
            if member.merged_into_id is not None:
                raise Conflict("member was merged", member_id=member_id)
            old = uow.session.scalars(select(Card).where(
                Card.member_id == member_id, Card.status == "active")).all()
            for card in old:
                card.status, card.revoked_at = "revoked", uow.now
                uow.stamp_changed(card)
            card = Card(member_id=member_id, code=new_card_code(), status="active",
                        issued_at=uow.now)
            uow.stamp_new(card, new_id())
            uow.session.add(card)
            uow.session.flush()
            revoked = old[0].code if old else None
            op = uow.op("card.issue.v1", {"member_id": member_id, "card_id": card.id,
                                          "code": card.code,
                                          "revokes": [c.id for c in old]})
            uow.audit("card.issue", entity="member", entity_id=member_id, op=op,
                      details={"revoked": revoked, "reason": reason[:200]})
            return CardIssued(member_id, card.code, revoked)

    def set_tags(self, actor: Actor, member_id: str, tags: Sequence[str]) -> tuple[str, ...]:
        wanted = tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))
        if len(wanted) > MAX_TAGS or any(len(t) > 100 for t in wanted):
            raise ValidationError("tags", "too_many_or_too_long")
        with self._authorised(actor, Permission.MEMBER_EDIT) as uow:
            _member(uow, member_id)
            current = dict(uow.session.execute(
                select(Tag.name, Tag.id).join(MemberTag, MemberTag.tag_id == Tag.id)
                .where(MemberTag.member_id == member_id)).all())
            if set(current) == set(wanted):
                return wanted
            for name in set(current) - set(wanted):
                row = uow.session.get(MemberTag, (member_id, current[name]))
                if row is not None:
                    uow.session.delete(row)
            ids = tag_ids(uow.session, wanted, uow.now)
            add_tags(uow.session, ((member_id, ids[t]) for t in wanted if t not in current))
            op = uow.op("member.tags.v1", {"id": member_id, "tags": list(wanted)})
            uow.audit("member.tags", entity="member", entity_id=member_id, op=op,
                      details={"tags": list(wanted)})
            return wanted

    def merge(self, actor: Actor, survivor_id: str, merged_id: str,
              approver: Actor | None = None) -> MergeResult:
        """Merge `merged_id` into `survivor_id` (needs member.merge, or a manager's
        approval). Its rows move by each table's policy (desktop_app.store.merge), it keeps
        a pointer to the survivor, and its number and cards keep resolving to it."""
        if survivor_id == merged_id:
            raise ValidationError("merged_id", "same_member")
        with self._authorised(actor, Permission.MEMBER_MERGE, approver) as uow:
            survivor, merged = _member(uow, survivor_id), _member(uow, merged_id)
            if survivor.merged_into_id is not None:
                raise Conflict("the survivor was itself merged", member_id=survivor_id)
            if merged.merged_into_id is not None:
                raise Conflict("already merged", member_id=merged_id)
            moved = move_member_rows(uow.session, merged_id, survivor_id)
            if merged.points_balance:
                # The cached balance follows the ledger rows the points feature moved.
                survivor.points_balance += merged.points_balance
                merged.points_balance = 0
                uow.stamp_changed(survivor)
                save_member(uow.session, survivor)
            merged.merged_into_id = survivor_id
            merged.status = "merged"
            uow.stamp_changed(merged)
            save_member(uow.session, merged)
            op = uow.op("member.merge.v1", {"survivor_id": survivor_id, "merged_id": merged_id})
            uow.audit("member.merge", entity="member", entity_id=survivor_id, op=op,
                      details={"merged_id": merged_id, "merged_number": merged.number,
                               "moved": moved})
            return MergeResult(survivor_id, merged_id, moved)

    def card_faces(self, actor: Actor, member_ids: Sequence[str],
                   store_name: str = "") -> list[CardFace]:
        """What the card sheet prints for these members (their active cards), in order."""
        if not isinstance(actor, Actor):
            raise TypeError("card_faces needs a signed-in actor")
        with self._db.read() as s:
            rows = s.execute(select(Member.id, Member.name, Member.number, Card.code)
                             .join(Card, Card.member_id == Member.id)
                             .where(Member.id.in_(list(member_ids)), Card.status == "active"))
            from desktop_app.devices.card_sheet import CardFace

            by_id = {r[0]: CardFace(r[1], r[2], r[3], store_name) for r in rows}
        return [by_id[m] for m in member_ids if m in by_id]

    def profile(self, actor: Actor, member_id: str) -> MemberProfile:
        """Everything the profile panel shows (read-only; any signed-in staff)."""
        if not isinstance(actor, Actor):
            raise TypeError("profile needs a signed-in actor")
        now = self._clock.now()
        with self._db.read() as s:
            m = s.get(Member, member_id)
            if m is None:
                raise NotFound("no such member", member_id=member_id)
            tier = s.get(Tier, m.tier_id) if m.tier_id else None
            tags = tuple(sorted(s.scalars(select(Tag.name).join(
                MemberTag, MemberTag.tag_id == Tag.id).where(MemberTag.member_id == m.id))))
            card = s.scalar(select(Card.code).where(Card.member_id == m.id,
                                                    Card.status == "active"))
            # Provisional while any op about this member waits to be pushed: the server's
            # figure (SYNC.md, points) has not come back yet.
            pending = s.execute(text(
                "SELECT 1 FROM outbox WHERE state = 'pending' AND instr(args, :id) > 0 LIMIT 1"),
                {"id": m.id}).first()
            lines = []
            for row in s.scalars(select(EntitlementRow).where(
                    EntitlementRow.member_id == m.id, EntitlementRow.deleted_at.is_(None))):
                holds = tuple(Hold(h.starts_at, h.ends_at, h.ended_at) for h in s.scalars(
                    select(EntitlementHold).where(EntitlementHold.entitlement_id == row.id)))
                ent = Entitlement(id=row.id, member_id=row.member_id,
                                  kind=EntitlementKind(row.kind), valid_from=row.valid_from,
                                  valid_until=row.valid_until, units_total=row.units_total,
                                  units_used=row.units_used, blocked=row.blocked, holds=holds)
                lines.append(EntitlementLine(row.id, row.name, row.kind,
                                             str(entitlement_status(ent, now)),
                                             row.valid_until, ent.units_left))
            survivor = s.get(Member, m.merged_into_id) if m.merged_into_id else None
        alerts = [a for a, on in (
            ("note_flagged", m.note_flagged), ("photo_missing", not m.photo_path),
            ("archived_member", m.status == "archived"), ("merged", survivor is not None),
            ("no_card", card is None),
            ("no_entitlement", not any(e.status in ("active", "expiring", "grace")
                                       for e in lines)),
        ) if on]
        return MemberProfile(
            id=m.id, number=m.number, name=m.name, phone=m.phone, email=m.email,
            status=m.status, tier=tier.name if tier else None, tags=tags, card_code=card,
            points_balance=m.points_balance, points_provisional=pending is not None,
            entitlements=tuple(lines), alerts=tuple(alerts), photo_path=m.photo_path,
            notes=m.notes, consent_sms=m.consent_sms, consent_email=m.consent_email,
            merged_into=survivor.number if survivor else None)
