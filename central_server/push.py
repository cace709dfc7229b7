"""Applying a pushed batch (SYNC.md, POST /push): one transaction for the batch, the device
row locked, already-applied op ids answered from their stored result, each new op under a
savepoint, a business rejection recorded as that op's result while the position advances."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from central_server.db import current_txid, lock_device
from central_server.models import AppliedOp, Device, StaffRow
from central_server.ops.registry import OpContext, OpSpec, Outcome, spec_for
from central_server.settings import CLOCK_SKEW_LIMIT_S
from desktop_app.domain.errors import DomainError, PermissionDenied
from desktop_app.domain.hlc import HLC
from desktop_app.domain.permissions import Actor, Role, authorise
from desktop_app.sync.protocol import OpResult, PushRequest, PushResponse, args_hash

log = logging.getLogger("central_server.push")


class SeqProblem(Exception):
    def __init__(self, error: str, expected_seq: int) -> None:
        super().__init__(error)
        self.error = error
        self.expected_seq = expected_seq


class ArgsMismatch(Exception):
    def __init__(self, op_id: str) -> None:
        super().__init__(op_id)
        self.op_id = op_id


class Rejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PushOptions:
    op_delay_ms: int = 0


def clamp_hlc(text: str, now: datetime) -> str:
    """A clock running more than 5 minutes ahead would win every later edit: cap it."""
    try:
        stamp = HLC.parse(text)
    except ValueError:
        raise Rejected("bad_hlc") from None
    limit_ms = int((now + timedelta(seconds=CLOCK_SKEW_LIMIT_S)).timestamp() * 1000)
    if stamp.wall_ms > limit_ms:
        stamp = HLC(limit_ms, stamp.counter, stamp.node)
    return str(stamp)


def _actor(session: Session, staff_id: str | None, store_id: str) -> Actor | None:
    if not staff_id:
        return None
    row = session.get(StaffRow, staff_id)
    if row is None or not row.active or row.store_id not in (None, store_id):
        return None
    return Actor(staff_id=row.id, code=row.code, name=row.name, role=Role(row.role))


def _authorise(ctx: OpContext, spec: OpSpec) -> None:
    if spec.self_authorised is not None and spec.self_authorised(ctx):
        return
    actor = _actor(ctx.session, ctx.op.actor, ctx.store_id)
    if actor is None:
        raise Rejected("unknown_actor")
    approver = _actor(ctx.session, ctx.op.approver, ctx.store_id)
    try:
        authorise(actor, spec.permission, approver)
    except PermissionDenied:
        raise Rejected("permission_denied") from None


def _stored(row: AppliedOp) -> OpResult:
    return OpResult(
        op_id=row.op_id,
        seq=row.seq,
        status="duplicate",
        original=row.status,  # type: ignore[arg-type]
        reason=row.reason,
        effects=row.effects or {},
    )


def _apply_one(ctx: OpContext, options: PushOptions) -> tuple[str, str | None, dict[str, object]]:
    spec = spec_for(ctx.op.name)
    if spec is None:
        return "rejected", "unknown_op", {}
    try:
        ctx.hlc = clamp_hlc(ctx.op.hlc, ctx.now)
        _authorise(ctx, spec)
        with ctx.session.begin_nested():
            if options.op_delay_ms:
                time.sleep(options.op_delay_ms / 1000)
            outcome: Outcome = spec.handler(ctx, dict(ctx.op.args))
    except Rejected as exc:
        return "rejected", exc.reason, {}
    except DomainError as exc:
        return "rejected", exc.code, {"message": str(exc)}
    except (KeyError, TypeError, ValueError) as exc:
        # Malformed arguments are the desk's bug, not a transport fault: retrying cannot
        # help, so the op is rejected and the queue moves on.
        return "rejected", "bad_args", {"message": repr(exc)}
    return outcome.status, None, outcome.effects


def apply_batch(
    session: Session, device: Device, request: PushRequest, now: datetime, options: PushOptions
) -> PushResponse:
    lock_device(session, device.id)
    session.refresh(device)
    first_op = not session.scalar(select(exists().where(AppliedOp.device_id == device.id)))
    results: list[OpResult] = []
    known = {
        row.op_id: row
        for row in session.scalars(
            select(AppliedOp).where(AppliedOp.op_id.in_([op.op_id for op in request.ops]))
        )
    }
    for op in request.ops:
        digest = args_hash(op.name, op.args)
        seen = known.get(op.op_id)
        if seen is not None:
            if seen.args_hash != digest or seen.device_id != device.id:
                raise ArgsMismatch(op.op_id)
            results.append(_stored(seen))
            continue
        expected = device.last_seq + 1
        if op.seq != expected:
            raise SeqProblem("seq_gap" if op.seq > expected else "seq_reused", expected)
        ctx = OpContext(session, device, op, now, op.hlc, first_op)
        status, reason, effects = _apply_one(ctx, options)
        row = AppliedOp(
            op_id=op.op_id, device_id=device.id, seq=op.seq, name=op.name, args_hash=digest,
            status=status, reason=reason, effects=effects, txid=current_txid(session),
            applied_at=now,
        )  # fmt: skip
        session.add(row)
        known[op.op_id] = row
        device.last_seq = op.seq
        first_op = False
        log.info(
            "op %s", status,
            extra={"op_id": op.op_id, "op": op.name, "device_id": device.id, "reason": reason},
        )  # fmt: skip
        results.append(
            OpResult(op_id=op.op_id, seq=op.seq, status=status, reason=reason, effects=effects)  # type: ignore[arg-type]
        )
    device.last_seen_at = now
    session.flush()
    return PushResponse(results=results, last_seq=device.last_seq)
