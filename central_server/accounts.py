"""Stores, the first admin, enrolment codes and device tokens.

Tokens and codes are 256-bit / 64-bit random secrets; the server keeps only their SHA-256
(a fast hash is enough for random secrets of that size, unlike PINs). Revoking a device is
its `revoked` flag."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from central_server.meta import EPOCH, get_meta, set_meta
from central_server.models import Device, EnrolmentCode, StaffRow, StoreRow
from desktop_app.domain.contact import clean_name
from desktop_app.domain.errors import Conflict, DomainError, NotFound
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Role
from desktop_app.sync.protocol import EnrollRequest, EnrollResponse

CODE_TTL = timedelta(days=7)


class BadEnrolmentCode(DomainError):
    code = "bad_enrolment_code"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def server_epoch(session: Session) -> str:
    """Made once per database: a restored server keeps its epoch, a new one has another."""
    epoch = get_meta(session, EPOCH)
    if epoch is None:
        epoch = new_id()
        set_meta(session, EPOCH, epoch)
    return epoch


def create_store(session: Session, code: str, name: str, now: datetime) -> StoreRow:
    if session.scalar(select(StoreRow.id).where(StoreRow.code == code)):
        raise Conflict("store code in use", code=code)
    store = StoreRow(id=new_id(), code=code, name=clean_name(name), created_at=now)
    session.add(store)
    session.flush()
    return store


def store_by_code(session: Session, code: str) -> StoreRow:
    store = session.scalar(select(StoreRow).where(StoreRow.code == code))
    if store is None:
        raise NotFound("no such store", code=code)
    return store


def create_admin(session: Session, code: str, name: str, now: datetime) -> StaffRow:
    """A chain-wide admin (no store): may authorise any op in any store."""
    staff = StaffRow(
        id=new_id(), store_id=None, code=code, name=clean_name(name), role=Role.ADMIN.value,
        active=True, version=1, updated_at=now,
    )  # fmt: skip
    session.add(staff)
    session.flush()
    return staff


def new_enrolment_code(session: Session, store: StoreRow, now: datetime) -> str:
    code = "-".join(secrets.token_hex(2).upper() for _ in range(4))
    session.add(
        EnrolmentCode(
            code_hash=digest(code), store_id=store.id, created_at=now, expires_at=now + CODE_TTL
        )
    )
    return code


def enrol(session: Session, request: EnrollRequest, now: datetime) -> EnrollResponse:
    code = session.get(EnrolmentCode, digest(request.code.strip().upper()))
    if code is None or code.used_at is not None or code.expires_at < now:
        raise BadEnrolmentCode("unknown, used or expired enrolment code")
    token = secrets.token_urlsafe(32)
    device = Device(
        id=new_id(), store_id=code.store_id, name=request.device_name, token_hash=digest(token),
        revoked=False, last_seq=request.first_seq - 1, schema_version=request.schema_version,
        created_at=now,
    )  # fmt: skip
    session.add(device)
    code.used_at, code.device_id = now, device.id
    store = session.get(StoreRow, code.store_id)
    assert store is not None
    session.flush()
    return EnrollResponse(
        device_id=device.id,
        token=token,
        store_id=store.id,
        store_code=store.code,
        server_epoch=server_epoch(session),
    )


def device_for_token(session: Session, token: str) -> Device | None:
    device = session.scalar(select(Device).where(Device.token_hash == digest(token)))
    if device is None or device.revoked:
        return None
    return device


def revoke(session: Session, device_id: str) -> None:
    device = session.get(Device, device_id)
    if device is None:
        raise NotFound("no such device", device_id=device_id)
    device.revoked = True
