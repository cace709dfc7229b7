"""Entitlement rows: a member's own, their holds, their names."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.store.models import EntitlementHold, EntitlementRow


def member_entitlements(session: Session, member_id: str) -> list[EntitlementRow]:
    return list(session.scalars(select(EntitlementRow).where(
        EntitlementRow.member_id == member_id, EntitlementRow.deleted_at.is_(None))))


def holds_of(session: Session, entitlement_id: str) -> list[EntitlementHold]:
    return list(session.scalars(select(EntitlementHold).where(
        EntitlementHold.entitlement_id == entitlement_id)))


def entitlement_names(session: Session, ids: Iterable[str]) -> dict[str, str]:
    wanted = list(ids)
    if not wanted:
        return {}
    rows = session.execute(select(EntitlementRow.id, EntitlementRow.name).where(
        EntitlementRow.id.in_(wanted)))
    return {i: n for i, n in rows}
