"""GET /sync/v1/bootstrap: keyset pages of the current rows a device may see, for a new
desk's first load (bounded memory on both ends, resumable from any `after`)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response
from sqlalchemy import ColumnElement, Integer, Text, cast, func, or_, select
from sqlalchemy.orm import Session

from central_server.deps import CurrentDevice, DatabaseDep, SettingsDep
from central_server.models import CardRow, MemberRow, SettingRow, StaffRow
from central_server.ops.gym import bootstrap_entities as gym_bootstrap_entities
from central_server.ops.members import card_data, member_data
from central_server.ops.sales import bootstrap_entities as sales_bootstrap_entities
from central_server.ops.staff import staff_data
from desktop_app.domain.clock import utc_text
from desktop_app.sync.protocol import (
    API_PREFIX,
    BOOTSTRAP_ENTITIES,
    MEMBER_PAGE_FIELDS,
    MEMBER_PAGE_FLAGS,
    MEMBER_PAGE_TIMES,
    BootstrapPage,
    RowsPage,
)

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
        **gym_bootstrap_entities(),
        **sales_bootstrap_entities(),
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
) -> Response:
    if entity not in BOOTSTRAP_ENTITIES:
        raise HTTPException(400, f"entity is one of {', '.join(BOOTSTRAP_ENTITIES)}")
    model, key, to_data, visible = _entities()[entity]
    limit = min(limit, settings.bootstrap_page_max)
    if entity == "member":
        with db.read() as session:
            body = _member_page(session, after, limit)
        return Response(body, media_type="application/json")
    with db.read() as session:
        page = _page(session, entity, model, key, to_data, visible(device.store_id), after, limit)
    return Response(page.model_dump_json(), media_type="application/json")


def _member_page(session: Session, after: str, limit: int) -> bytes:
    """The million-row case: arrays under `columns` in the desk's stored forms (protocol.
    BootstrapPage), the fields of ops.members.member_data: no ORM objects, no per-row
    validation, no keys repeated a million times. PostgreSQL writes each row's JSON array
    itself, so the server only joins text; the SQLite server encodes the column tuples."""
    table = MemberRow.__table__
    page = select(table.c.id).where(table.c.id > after).order_by(table.c.id).limit(limit + 1)
    if session.get_bind().dialect.name == "postgresql":
        # The page's rows first, then their arrays: the JSON is built for those rows only.
        rows_of_page = page.add_columns(*(table.c[n] for n in MEMBER_PAGE_FIELDS)).subquery()
        values = [_pg_stored(rows_of_page.c[n], n) for n in MEMBER_PAGE_FIELDS]
        rows = session.execute(
            select(rows_of_page.c.id, cast(func.json_build_array(*values), Text))
            .order_by(rows_of_page.c.id)
        ).all()  # fmt: skip
        encoded = [row_json for _, row_json in rows[:limit]]
    else:
        rows = session.execute(page.add_columns(*(table.c[n] for n in MEMBER_PAGE_FIELDS))).all()
        encoded = [_json([_stored(v) for v in row[1:]]) for row in rows[:limit]]
    more = len(rows) > limit
    total = None if after else session.scalar(select(func.count()).select_from(table))
    last = rows[min(len(rows), limit) - 1][0] if rows else after or None
    return (
        f'{{"entity":"member","columns":{_json(MEMBER_PAGE_FIELDS)},"rows":[{",".join(encoded)}],'
        f'"after":{_json(last)},"more":{_json(more)},"total":{_json(total)}}}'
    ).encode()


def _pg_stored(column: Any, name: str) -> Any:
    if name in MEMBER_PAGE_TIMES:  # utc_text's form, written by PostgreSQL
        return func.to_char(func.timezone("UTC", column), 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    if name in MEMBER_PAGE_FLAGS:
        return cast(column, Integer)
    return column


def _stored(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, bool):
        return int(value)
    return value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
