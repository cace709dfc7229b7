"""Entitlement use cases: sell, hold (freeze) and end a hold early, renew, refund in the
cooling-off period, list a member's entitlements with their status now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from desktop_app.domain.entitlements import (
    COUNTED_KINDS,
    EntitlementKind,
    EntitlementStatus,
    StatusRules,
    entitlement_status,
)
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.holds import (
    as_of,
    end_hold_early,
    refundable,
    renewal_window,
    validate_hold,
)
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.services.base import Service
from desktop_app.store.checkins import candidates_of, to_domain
from desktop_app.store.entitlements import entitlement_names, holds_of, member_entitlements
from desktop_app.store.models import EntitlementHold, EntitlementRow, EntitlementSharer, Member
from desktop_app.store.sales import store_settings
from desktop_app.store.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class EntitlementDraft:
    kind: EntitlementKind
    name: str
    price_minor: int
    days: int | None = None  # validity from the start
    units: int | None = None  # counted kinds
    starts_at: datetime | None = None  # None: now
    access_start: time | None = None
    access_end: time | None = None
    store_ids: tuple[str, ...] = ()
    class_type_ids: tuple[str, ...] = ()
    sharer_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntitlementView:
    id: str
    member_id: str
    kind: str
    name: str
    status: EntitlementStatus
    valid_from: datetime
    valid_until: datetime | None  # after holds
    units_total: int | None
    units_left: int | None
    shared_with: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HoldView:
    id: str
    entitlement_id: str
    starts_at: datetime
    ends_at: datetime
    ended_at: datetime | None
    reason: str


def _load(uow: UnitOfWork, entitlement_id: str) -> EntitlementRow:
    row = uow.session.get(EntitlementRow, entitlement_id)
    if row is None or row.deleted_at is not None:
        raise NotFound("no such entitlement", entitlement_id=entitlement_id)
    return row


class EntitlementService(Service):
    def sell(self, actor: Actor, member_id: str, draft: EntitlementDraft,
             approver: Actor | None = None) -> str:
        if draft.price_minor < 0:
            raise ValidationError("price_minor", "negative")
        if draft.kind in COUNTED_KINDS and not draft.units:
            raise ValidationError("units", "required")
        if draft.kind is not EntitlementKind.STORED_VALUE and not draft.days:
            raise ValidationError("days", "required")
        with self._authorised(actor, Permission.ENTITLEMENT_SELL, approver) as uow:
            if uow.session.get(Member, member_id) is None:
                raise NotFound("no such member", member_id=member_id)
            start = draft.starts_at or uow.now
            until = start + timedelta(days=draft.days) if draft.days else None
            return self._insert(uow, member_id, draft, start, until, None)

    def _insert(self, uow: UnitOfWork, member_id: str, draft: EntitlementDraft,
                start: datetime, until: datetime | None, renewed_from: str | None) -> str:
        scope = {k: list(v) for k, v in (("stores", draft.store_ids),
                                         ("class_types", draft.class_type_ids)) if v}
        row = EntitlementRow(
            member_id=member_id, kind=draft.kind.value, name=draft.name, valid_from=start,
            valid_until=until, units_total=draft.units, units_used=0,
            access_start=draft.access_start.strftime("%H:%M") if draft.access_start else None,
            access_end=draft.access_end.strftime("%H:%M") if draft.access_end else None,
            scope=scope or None, blocked=False, price_minor=draft.price_minor,
            renewed_from_id=renewed_from)
        uow.stamp_new(row, new_id())
        uow.session.add(row)
        for sharer in draft.sharer_ids:
            uow.session.add(EntitlementSharer(entitlement_id=row.id, member_id=sharer))
        uow.session.flush()
        uow.op("entitlement.sell.v1", {
            "id": row.id, "member_id": member_id, "kind": row.kind, "name": row.name,
            "price_minor": row.price_minor, "valid_from": start.isoformat(),
            "valid_until": until.isoformat() if until else None, "units": draft.units,
            "access": [row.access_start, row.access_end], "scope": scope or None,
            "sharers": list(draft.sharer_ids), "renewed_from": renewed_from})
        return row.id

    def renew(self, actor: Actor, entitlement_id: str, price_minor: int,
              approver: Actor | None = None) -> str:
        """A new entitlement like the old one, starting the day after the old one ends."""
        with self._authorised(actor, Permission.ENTITLEMENT_SELL, approver) as uow:
            old = _load(uow, entitlement_id)
            settings = store_settings(uow.session)
            dom = to_domain(old, holds_of(uow.session, old.id))
            length = (old.valid_until - old.valid_from) if old.valid_until else timedelta(days=30)
            win = renewal_window(dom, uow.now, ZoneInfo(settings.timezone), length)
            scope = old.scope or {}
            draft = EntitlementDraft(
                EntitlementKind(old.kind), old.name, price_minor, units=old.units_total,
                access_start=time.fromisoformat(old.access_start) if old.access_start else None,
                access_end=time.fromisoformat(old.access_end) if old.access_end else None,
                store_ids=tuple(scope.get("stores", ())),
                class_type_ids=tuple(scope.get("class_types", ())))
            return self._insert(uow, old.member_id, draft, win.valid_from, win.valid_until,
                                old.id)

    def hold(self, actor: Actor, entitlement_id: str, starts_at: datetime,
             ends_at: datetime | None, reason: str, approver: Actor | None = None) -> str:
        with self._authorised(actor, Permission.ENTITLEMENT_SELL, approver) as uow:
            row = _load(uow, entitlement_id)
            hold = validate_hold(to_domain(row, holds_of(uow.session, row.id)), starts_at,
                                 ends_at, reason)
            h = EntitlementHold(entitlement_id=row.id, starts_at=hold.starts_at,
                                ends_at=hold.ends_at, ended_at=None, reason=reason.strip())
            uow.stamp_new(h, new_id())
            uow.session.add(h)
            op = uow.op("entitlement.hold.v1", {
                "id": h.id, "entitlement_id": row.id, "starts_at": starts_at.isoformat(),
                "ends_at": hold.ends_at.isoformat(), "reason": h.reason})
            uow.audit("entitlement.hold", entity="entitlement", entity_id=row.id,
                      details={"hold_id": h.id, "reason": h.reason}, op=op)
            return h.id

    def end_hold(self, actor: Actor, hold_id: str, approver: Actor | None = None) -> None:
        """The member came back early: the expiry moves only by the days actually held."""
        with self._authorised(actor, Permission.ENTITLEMENT_SELL, approver) as uow:
            h = uow.session.get(EntitlementHold, hold_id)
            if h is None:
                raise NotFound("no such hold", hold_id=hold_id)
            ended = end_hold_early(to_domain(_load(uow, h.entitlement_id), [h]).holds[0],
                                   uow.now)
            h.ended_at = ended.ended_at
            uow.stamp_changed(h)
            op = uow.op("entitlement.hold_end.v1", {"id": h.id, "ended_at": uow.now.isoformat()})
            uow.audit("entitlement.hold_end", entity="entitlement", entity_id=h.entitlement_id,
                      details={"hold_id": h.id}, op=op)

    def refund(self, actor: Actor, entitlement_id: str, approver: Actor | None = None) -> int:
        """A full refund of an unused purchase within the cooling-off days. Returns the
        amount; the entitlement is retired (a tombstone)."""
        with self._authorised(actor, Permission.SALE_REFUND, approver) as uow:
            row = _load(uow, entitlement_id)
            refundable(row.created_at, row.activated_at, row.units_used, uow.now)
            row.deleted_at = uow.now
            uow.stamp_changed(row)
            op = uow.op("entitlement.refund.v1", {"id": row.id, "amount_minor": row.price_minor})
            uow.audit("entitlement.refund", entity="entitlement", entity_id=row.id,
                      details={"amount_minor": row.price_minor}, op=op)
            return row.price_minor

    def of_member(self, member_id: str) -> list[EntitlementView]:
        now = self._clock.now()
        with self._db.read() as session:
            settings = store_settings(session)
            rules = StatusRules(settings.expiring_days, settings.expiring_units,
                                settings.grace_days)
            own = {r.id for r in member_entitlements(session, member_id)}
            cands = candidates_of(session, member_id)
            names = entitlement_names(session, (c.ent.id for c in cands))
            out = []
            for c in cands:
                ent = as_of(c.ent, now)
                out.append(EntitlementView(
                    ent.id, ent.member_id, ent.kind.value, names.get(ent.id, ""),
                    entitlement_status(ent, now, rules),
                    ent.valid_from, ent.valid_until, ent.units_total, ent.units_left,
                    tuple(sorted(c.sharer_ids)) if ent.id in own else ()))
            return out

    def holds(self, entitlement_id: str) -> list[HoldView]:
        """An entitlement's holds, oldest first (the desk ends a running one by its id)."""
        with self._db.read() as session:
            rows = sorted(holds_of(session, entitlement_id), key=lambda h: h.starts_at)
            return [HoldView(h.id, h.entitlement_id, h.starts_at, h.ends_at, h.ended_at,
                             h.reason) for h in rows]
