"""POST /sync/v1/push: a batch of ops from one device."""

from __future__ import annotations

import logging
from datetime import datetime

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from central_server.db import ServerDatabase
from central_server.deps import CurrentDevice, DatabaseDep, NowDep, SettingsDep
from central_server.models import Device
from central_server.push import ArgsMismatch, PushOptions, SeqProblem, apply_batch
from desktop_app.sync.protocol import (
    API_PREFIX,
    MAX_PUSH_BYTES,
    OpConflict,
    PushRequest,
    PushResponse,
    SeqGap,
)

router = APIRouter(prefix=API_PREFIX, tags=["sync"])
log = logging.getLogger("central_server.push")


@router.post(
    "/push",
    response_model=PushResponse,
    responses={409: {"model": SeqGap}, 422: {"model": OpConflict}, 413: {}},
)
async def push(
    request: Request, device: CurrentDevice, db: DatabaseDep, settings: SettingsDep, now: NowDep
) -> JSONResponse:
    body = await request.body()
    if len(body) > MAX_PUSH_BYTES:
        raise HTTPException(413, f"a push carries at most {MAX_PUSH_BYTES} bytes")
    try:
        batch = PushRequest.model_validate_json(body)
    except ValidationError as exc:
        raise HTTPException(
            422, exc.errors(include_url=False, include_context=False, include_input=False)
        ) from exc
    if batch.device_id != device.id:
        raise HTTPException(403, "device id does not match the token")
    answer = await run_in_threadpool(_apply, db, device, batch, now, settings.op_delay_ms)
    if isinstance(answer, SeqGap):
        return JSONResponse(answer.model_dump(), status_code=409)
    if isinstance(answer, OpConflict):
        return JSONResponse(answer.model_dump(), status_code=422)
    request.app.state.notifier.bump()
    return JSONResponse(answer.model_dump())


def _transaction(
    db: ServerDatabase, device: Device, batch: PushRequest, now: datetime, options: PushOptions
) -> PushResponse:
    with db.write() as session:
        row = session.get(Device, device.id)
        assert row is not None
        row.schema_version = batch.schema_version
        return apply_batch(session, row, batch, now, options)


def _apply(
    db: ServerDatabase, device: Device, batch: PushRequest, now: datetime, delay_ms: int
) -> PushResponse | SeqGap | OpConflict:
    try:
        try:
            return _transaction(db, device, batch, now, PushOptions(delay_ms))
        except IntegrityError as exc:
            # The fast path (no savepoint for check-first handlers) hit a constraint: run
            # the batch again with a savepoint per op, so only the guilty op is rejected.
            log.warning(
                "push batch re-run op by op",
                extra={"device_id": device.id, "error": str(exc.orig)},
            )
            return _transaction(db, device, batch, now, PushOptions(delay_ms, True))
    except SeqProblem as exc:
        return SeqGap(error=exc.error, expected_seq=exc.expected_seq)  # type: ignore[arg-type]
    except ArgsMismatch as exc:
        return OpConflict(op_id=exc.op_id)
