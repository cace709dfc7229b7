"""GET /sync/v1/bootstrap: keyset pages of the current rows a device may see, for a new
desk's first load (bounded memory on both ends, resumable from any `after`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from central_server.deps import CurrentDevice, DatabaseDep, SettingsDep
from central_server.models import CardRow, MemberRow, SettingRow, StaffRow
from central_server.ops.members import card_data, member_data
from central_server.ops.staff import staff_data
from desktop_app.sync.protocol import API_PREFIX, BOOTSTRAP_ENTITIES, BootstrapPage, RowsPage

router = APIRouter(prefix=API_PREFIX, tags=["sync"])

Entity = tuple[Any, Any, Callable[[Any], dict[str, Any]], Callable[[str], ColumnElement[bool]]]


def _entities() -> dict[str, Entity]:
    def setting_data(row: SettingRow) -> dict[str, Any]:
        return {"key": row.key, "value": row.value}

    return {
        "member": (MemberRow, MemberRow.id, member_data, lambda s: MemberRow.id.is_not(None)),
        "card": (CardRow, CardRow.id, card_data, lambda s: CardRow.id.is_not(None)),
        "staff": (
            StaffRow, StaffRow.id, staff_data,
            lambda s: or_(StaffRow.store_id.is_(None), StaffRow.store_id == s),
        ),
        "setting": (SettingRow, SettingRow.key, setting_data, lambda s: SettingRow.store_id == s),
    }  # fmt: skip


@router.get("/rows", response_model=RowsPage)
def rows_by_id(
    device: CurrentDevice,
    db: DatabaseDep,
    entity: str,
    id: Annotated[list[str], Query(max_length=100)],
) -> RowsPage:
    """Current rows by id, as the device may see them (missing ids are left out)."""
    if entity not in BOOTSTRAP_ENTITIES:
        raise HTTPException(400, f"entity is one of {', '.join(BOOTSTRAP_ENTITIES)}")
    model, key, to_data, visible = _entities()[entity]
    with db.read() as session:
        found = session.scalars(select(model).where(visible(device.store_id), key.in_(id)))
        return RowsPage(entity=entity, rows=[to_data(r) for r in found])


@router.get("/bootstrap", response_model=BootstrapPage)
def bootstrap(
    device: CurrentDevice,
    db: DatabaseDep,
    settings: SettingsDep,
    entity: str = "member",
    after: str = "",
    limit: Annotated[int, Query(ge=1, le=10_000)] = 5000,
) -> BootstrapPage:
    if entity not in BOOTSTRAP_ENTITIES:
        raise HTTPException(400, f"entity is one of {', '.join(BOOTSTRAP_ENTITIES)}")
    model, key, to_data, visible = _entities()[entity]
    with db.read() as session:
        return _page(
            session, entity, model, key, to_data, visible(device.store_id), after,
            min(limit, settings.bootstrap_page_max),
        )  # fmt: skip


def _page(
    session: Session,
    entity: str,
    model: Any,
    key: Any,
    to_data: Callable[[Any], dict[str, Any]],
    visible: ColumnElement[bool],
    after: str,
    limit: int,
) -> BootstrapPage:
    rows = list(
        session.scalars(select(model).where(visible, key > after).order_by(key).limit(limit + 1))
    )
    more = len(rows) > limit
    rows = rows[:limit]
    # Counting is a full scan: only the first page pays for it (the progress bar's total).
    total = (
        None if after else session.scalar(select(func.count()).select_from(model).where(visible))
    )
    last = getattr(rows[-1], key.key) if rows else after or None
    return BootstrapPage(
        entity=entity,
        rows=[to_data(r) for r in rows],
        after=last,
        more=more,
        total=total,
    )
