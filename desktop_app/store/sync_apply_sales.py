"""How the desk applies pulled products, sales, the points ledger, stored value and shifts,
and the server's effects of those ops (registered with desktop_app.store.sync_apply).

Points (docs/decisions/sync-points.md): an entry pulled from the server joins this desk's own
hash-chained ledger as a new link (the chain proves this desk's copy was not changed after
it was written; it never claimed the entry was made here), unless this desk already holds
the same (source, kind) — its own sale coming back, or a lot's expiry it posted itself. The
member's cached balance moves with it in the same transaction, so the balance stays the sum
of the local ledger. A lot a negative entry names travels as the lot's (source, kind) and is
found again in the local ledger, whose ids are local."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.points import EntryKind, Posting
from desktop_app.store.checkout_models import (
    PointsEntry,
    PointsHead,
    Product,
    StoredValueAccount,
    StoredValueMove,
)
from desktop_app.store.models import Member, OutboxOp
from desktop_app.store.points_ledger import entry_for, post
from desktop_app.store.sync_apply import (
    apply_member,
    register_effects,
    register_entity,
    register_touches,
)

log = logging.getLogger(__name__)


def apply_points_entry(
    session: Session, entry_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    member = session.get(Member, data["member_id"])
    if member is None:
        log.warning("points entry %s for unknown member %s: skipped", entry_id, data["member_id"])
        return
    kind = EntryKind(data["kind"])
    lot = None
    if data.get("lot_source") and data.get("lot_kind"):
        lot = entry_for(session, str(data["lot_source"]), EntryKind(data["lot_kind"]))
    source = str(data["source"])
    if kind == EntryKind.EXPIRE and lot is not None:
        source = f"expiry:{lot.id}"  # the name this desk's own expiry run gives that lot
    if entry_for(session, source, kind) is not None:
        return  # this desk wrote it (its own op coming back), or it was pulled before
    if session.get(PointsHead, member.id) is None:
        # The member's first entry here: a balance it had came from the server's member row
        # (bootstrap), which these entries make up; from now on it is the ledger's sum.
        member.points_balance = 0
    post(
        session,
        member,
        [
            Posting(
                source,
                kind,
                int(data["delta"]),
                date.fromisoformat(data["expires_on"]) if data.get("expires_on") else None,
                lot.id if lot is not None else None,
            )
        ],
        at=datetime.fromisoformat(data["at"]) if data.get("at") else now,
        op_id=None,
        reason=data.get("reason"),
    )
    session.flush()


def ledger_sum(session: Session, member_id: str) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(PointsEntry.delta), 0)).where(
                PointsEntry.member_id == member_id
            )
        )
        or 0
    )


def undo_rejected_points(session: Session, member_id: str, now: datetime) -> None:
    """Entries this desk wrote for ops the server rejected (a points.adjust in the name of
    someone without the permission) never happened: each is taken back by one entry of its
    own, `rejected:<entry id>` (once: (source, kind) is unique)."""
    rejected = select(OutboxOp.op_id).where(OutboxOp.state == "rejected")
    entries = list(
        session.scalars(
            select(PointsEntry).where(
                PointsEntry.member_id == member_id, PointsEntry.op_id.in_(rejected)
            )
        )
    )
    member = session.get(Member, member_id)
    if not entries or member is None:
        return
    post(
        session,
        member,
        [
            Posting(
                f"rejected:{e.id}",
                EntryKind.ADJUST,
                -e.delta,
                lot_ref=e.id if e.delta > 0 else None,
            )
            for e in entries
        ],  # fmt: skip
        at=now,
        op_id=None,
        reason="op rejected by the server",
    )


def apply_member_keeping_ledger_balance(
    session: Session, member_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    """A pulled member carries the server's balance as of that change, which may be older
    than this desk's ledger (its own sale, acknowledged since) or miss its ops not pushed
    yet. Where this desk keeps a ledger for the member, the balance stays the ledger's sum;
    only a member with no local ledger (loaded by bootstrap) takes the server's figure."""
    apply_member(session, member_id, op, data, now)
    if "points_balance" not in data or session.get(PointsHead, member_id) is None:
        return
    undo_rejected_points(session, member_id, now)
    row = session.get(Member, member_id)
    if row is not None:
        row.points_balance = ledger_sum(session, member_id)
        session.flush()


def _correct(session: Session, member_id: str | None, source: str, delta: int, op_id: str) -> None:
    """The server's figure differs from the desk's provisional one: an adjust entry brings
    the local ledger to the server's figure (once: its (source, kind) is unique)."""
    if not member_id or not delta:
        return
    member = session.get(Member, member_id)
    if member is None:
        return
    post(
        session,
        member,
        [Posting(source, EntryKind.ADJUST, delta)],
        at=member.updated_at or datetime.now().astimezone(),
        op_id=op_id,
        reason="server figure",
    )


def sale_finalize_effects(session: Session, args: dict[str, Any], effects: dict[str, Any]) -> None:
    if "points_earned" not in effects:
        return
    delta = int(effects["points_earned"]) - int(args.get("points_earned_provisional") or 0)
    _correct(session, args.get("member_id"), f"server:sale:{args['id']}", delta, "")


def sale_refund_effects(session: Session, args: dict[str, Any], effects: dict[str, Any]) -> None:
    reversed_ = effects.get("points_reversed")
    returned = effects.get("points_returned")
    if reversed_ is None and returned is None:
        return
    delta = 0
    if reversed_ is not None:
        delta -= int(reversed_) - int(args.get("points_reversed_provisional") or 0)
    if returned is not None:
        delta += int(returned) - int(args.get("points_returned_provisional") or 0)
    member_id = session.scalar(
        select(PointsEntry.member_id).where(PointsEntry.source == f"refund:{args['id']}")
    )
    _correct(session, member_id, f"server:refund:{args['id']}", delta, "")


def apply_stored_value_account(
    session: Session, account_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    """The server's balances of a member's account (one per member: matched by member)."""
    if session.get(Member, data["member_id"]) is None:
        return
    row = session.scalar(
        select(StoredValueAccount).where(StoredValueAccount.member_id == data["member_id"])
    )
    if row is None:
        row = StoredValueAccount(
            id=account_id, member_id=data["member_id"], created_at=now, updated_at=now,
            version=0,
        )  # fmt: skip
        session.add(row)
    # The server's balances, with this desk's moves not acknowledged yet on top.
    pending = select(OutboxOp.op_id).where(OutboxOp.state == "pending")
    principal, bonus = session.execute(
        select(
            func.coalesce(func.sum(StoredValueMove.principal), 0),
            func.coalesce(func.sum(StoredValueMove.bonus), 0),
        ).where(StoredValueMove.account_id == row.id, StoredValueMove.op_id.in_(pending))
    ).one()
    row.principal = int(data["principal"]) + int(principal)
    row.bonus = int(data["bonus"]) + int(bonus)
    row.status = data["status"]
    row.updated_at = now
    row.version = (row.version or 0) + 1
    session.flush()


def apply_product(
    session: Session, product_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:
    row = session.get(Product, product_id) or session.scalar(
        select(Product).where(Product.barcode == data["barcode"])
    )
    if row is None:
        row = Product(id=product_id, barcode=data["barcode"], created_at=now, version=0)
        session.add(row)
    row.name, row.price_minor = data["name"], data["price_minor"]
    row.category, row.points_multiplier_pct = (
        data.get("category"),
        data.get("points_multiplier_pct"),
    )
    row.active = bool(data.get("active", True))
    row.updated_at = now
    row.version = (row.version or 0) + 1
    session.flush()


register_entity("points_entry", apply_points_entry)
register_entity("member", apply_member_keeping_ledger_balance)
register_entity("stored_value_account", apply_stored_value_account)
register_entity("product", apply_product)
register_effects("sale.finalize.v1", sale_finalize_effects)
register_effects("sale.refund.v1", sale_refund_effects)
# A rejected or compensated op's member is re-read from the server; applying it undoes the
# points of a rejected op (undo_rejected_points) and keeps the balance the ledger's sum.
for _name in ("sale.finalize.v1", "sale.refund.v1", "points.adjust.v1", "points.birthday.v1"):
    register_touches(
        _name, lambda args: [("member", str(args["member_id"]))] if args.get("member_id") else []
    )
