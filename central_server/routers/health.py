"""Liveness (/healthz: the process answers) and readiness (/readyz: the database answers)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from sqlalchemy import text

from central_server.deps import DatabaseDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
def readyz(db: DatabaseDep) -> dict[str, str]:
    try:
        with db.read() as session:
            session.execute(text("SELECT 1"))
    except Exception as exc:  # any database failure means not ready
        raise HTTPException(503, f"database unavailable: {type(exc).__name__}") from exc
    return {"status": "ready"}
