"""Typed dependencies: the database, a read or write session, the calling device."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from central_server.accounts import device_for_token
from central_server.db import ServerDatabase
from central_server.models import Device
from central_server.settings import Settings

_bearer = HTTPBearer(auto_error=False)


def get_db(request: Request) -> ServerDatabase:
    db: ServerDatabase = request.app.state.db
    return db


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def utc_now() -> datetime:
    return datetime.now(UTC)


DatabaseDep = Annotated[ServerDatabase, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
NowDep = Annotated[datetime, Depends(utc_now)]


def read_session(db: DatabaseDep) -> Iterator[Session]:
    with db.read() as session:
        yield session


SessionDep = Annotated[Session, Depends(read_session)]


def current_device(
    db: DatabaseDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Device:
    """401 for a missing, unknown or revoked token. The device row is detached: routes that
    write open their own transaction."""
    unauthorised = HTTPException(
        status.HTTP_401_UNAUTHORIZED, "invalid device token", {"WWW-Authenticate": "Bearer"}
    )
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorised
    with db.read() as session:
        device = device_for_token(session, credentials.credentials)
    if device is None:
        raise unauthorised
    return device


CurrentDevice = Annotated[Device, Depends(current_device)]
