"""GET /sync/v1/pull, /cursor and /events: the changes a device may see, in log order."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Query, Request

from central_server.changes import (
    BadCursor,
    CursorTooOld,
    Position,
    acked_seq,
    head,
    read_page,
)
from central_server.deps import CurrentDevice, DatabaseDep, SettingsDep
from desktop_app.sync.protocol import (
    API_PREFIX,
    MIN_PULL_SCHEMA,
    CursorInfo,
    EventsAnswer,
    PullPage,
)

router = APIRouter(prefix=API_PREFIX, tags=["sync"])


def _check_schema(device_schema: int, header: int | None) -> None:
    if (header if header is not None else device_schema) < MIN_PULL_SCHEMA:
        raise HTTPException(426, f"desk schema too old to pull; needs {MIN_PULL_SCHEMA}")


@router.get("/pull", response_model=PullPage, responses={410: {}, 426: {}})
def pull(
    device: CurrentDevice,
    db: DatabaseDep,
    settings: SettingsDep,
    cursor: str = "",
    limit: Annotated[int, Query(ge=1, le=10_000)] = 500,
    x_frontdesk_schema: Annotated[int | None, Header()] = None,
) -> PullPage:
    _check_schema(device.schema_version, x_frontdesk_schema)
    try:
        position = Position.parse(cursor)
    except BadCursor as exc:
        raise HTTPException(400, "bad cursor") from exc
    try:
        with db.read() as session:
            return read_page(
                session,
                device_id=device.id,
                store_id=device.store_id,
                cursor=position,
                limit=min(limit, settings.pull_page_max),
            )
    except CursorTooOld as exc:
        raise HTTPException(410, "cursor older than the kept tombstones: bootstrap") from exc


@router.get("/cursor", response_model=CursorInfo)
def cursor_head(device: CurrentDevice, db: DatabaseDep) -> CursorInfo:
    """Where to pull from after a bootstrap that starts now."""
    with db.read() as session:
        return CursorInfo(cursor=str(head(session)), acked_seq=acked_seq(session, device.id))


@router.get("/events", response_model=EventsAnswer)
def events(
    request: Request,
    device: CurrentDevice,
    db: DatabaseDep,
    settings: SettingsDep,
    cursor: str = "",
    wait: Annotated[float, Query(ge=0, le=60)] = 25.0,
) -> EventsAnswer:
    """Long-poll: answers at once when there are changes past `cursor`, else when something
    is pushed, else after `wait` seconds with changed=false."""
    notifier = request.app.state.notifier
    generation = notifier.generation
    try:
        mine = Position.parse(cursor)
    except BadCursor as exc:
        raise HTTPException(400, "bad cursor") from exc
    with db.read() as session:
        now = head(session)
    if now > mine:
        return EventsAnswer(changed=True, cursor=str(now))
    changed = notifier.wait_past(generation, min(wait, settings.events_wait_s))
    with db.read() as session:
        now = head(session)
    return EventsAnswer(changed=changed and now > mine, cursor=str(now))
