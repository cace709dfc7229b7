"""POST /sync/v1/enroll: a one-time code for a device id and token."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from central_server.accounts import BadEnrolmentCode, enrol
from central_server.deps import DatabaseDep, NowDep
from desktop_app.sync.protocol import API_PREFIX, EnrollRequest, EnrollResponse

router = APIRouter(prefix=API_PREFIX, tags=["devices"])


@router.post("/enroll", response_model=EnrollResponse)
def enroll(request: EnrollRequest, db: DatabaseDep, now: NowDep) -> EnrollResponse:
    try:
        with db.write() as session:
            return enrol(session, request, now)
    except BadEnrolmentCode as exc:
        raise HTTPException(403, exc.code) from exc
