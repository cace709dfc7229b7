"""Applying a pushed batch (SYNC.md, POST /push): one transaction for the batch, the device
row locked, already-applied op ids answered from their stored result, each new op under a
savepoint, a business rejection recorded as that op's result while the position advances."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import exists, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central_server.changes import write_changes
from central_server.db import current_txid, lock_device
from central_server.models import AppliedOp, Device
from central_server.ops.registry import (
    OpContext,
    OpSpec,
    Outcome,
    prefetch_batch,
    spec_for,
    staff_actor,
)
from central_server.settings import CLOCK_SKEW_LIMIT_S
from desktop_app.domain.errors import DomainError, PermissionDenied
from desktop_app.domain.hlc import HLC
from desktop_app.domain.permissions import authorise
from desktop_app.sync.protocol import HeldOp, OpResult, PushRequest, PushResponse, args_hash

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
    # False: a savepoint only around ops whose handler may write before it rejects;
    # True: around every op (the re-run after a database error).
    savepoint_every_op: bool = False


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


def _authorise(ctx: OpContext, spec: OpSpec) -> None:
    if spec.self_authorised is not None and spec.self_authorised(ctx):
        return
    actor = staff_actor(ctx, ctx.op.actor)
    if actor is None:
        raise Rejected("unknown_actor")
    approver = staff_actor(ctx, ctx.op.approver)
    try:
        authorise(actor, spec.permission, approver)
    except PermissionDenied:
        raise Rejected("permission_denied") from None


@dataclass(frozen=True, slots=True)
class _Seen:
    """An op applied earlier in this same batch (a repeat of it is a duplicate)."""

    op_id: str
    device_id: str
    seq: int
    args_hash: str
    status: str
    reason: str | None
    effects: dict[str, object]


def _stored(row: AppliedOp | _Seen) -> OpResult:
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
        if options.op_delay_ms:
            time.sleep(options.op_delay_ms / 1000)
        if spec.checks_first and not options.savepoint_every_op:
            outcome: Outcome = spec.handler(ctx, dict(ctx.op.args))
        else:
            try:
                with ctx.session.begin_nested():  # released = flushed: constraints checked
                    outcome = spec.handler(ctx, dict(ctx.op.args))
            except IntegrityError:
                # Only the op's savepoint is undone: it cannot be applied as sent.
                raise Rejected("conflict") from None
        if ctx.op.name.startswith("staff."):
            ctx.cache.pop("actors", None)
    except Rejected as exc:
        ctx.changes.clear()
        return "rejected", exc.reason, {}
    except DomainError as exc:
        ctx.changes.clear()
        return "rejected", exc.code, {"message": str(exc)}
    except (KeyError, TypeError, ValueError) as exc:
        # Malformed arguments are the desk's bug, not a transport fault: retrying cannot
        # help, so the op is rejected and the queue moves on.
        ctx.changes.clear()
        return "rejected", "bad_args", {"message": repr(exc)}
    return outcome.status, None, outcome.effects


def apply_batch(
    session: Session, device: Device, request: PushRequest, now: datetime, options: PushOptions
) -> PushResponse:
    lock_device(session, device.id)
    session.refresh(device)
    first_op = not session.scalar(select(exists().where(AppliedOp.device_id == device.id)))
    results: list[OpResult] = []
    held: HeldOp | None = None
    cache: dict[str, object] = {}
    changes: list[dict[str, object]] = []
    applied: list[dict[str, object]] = []
    txid = current_txid(session)
    known: dict[str, AppliedOp | _Seen] = {
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
        if spec_for(op.name) is None:
            held = HeldOp(seq=op.seq, name=op.name)
            log.warning("op held: no handler", extra={"op": op.name, "device_id": device.id})
            break
        if not cache.get("prefetched"):
            prefetch_batch(session, list(request.ops), cache)
            cache["prefetched"] = True
        ctx = OpContext(session, device, op, now, op.hlc, first_op, cache)
        status, reason, effects = _apply_one(ctx, options)
        changes.extend(ctx.changes)
        row = dict(
            op_id=op.op_id, device_id=device.id, seq=op.seq, name=op.name, args_hash=digest,
            status=status, reason=reason, effects=effects, txid=txid, applied_at=now,
        )  # fmt: skip
        applied.append(row)
        known[op.op_id] = _Seen(op.op_id, device.id, op.seq, digest, status, reason, effects)
        device.last_seq = op.seq
        first_op = False
        log.debug(  # one line per op would cost more than the op itself at volume
            "op %s", status,
            extra={"op_id": op.op_id, "op": op.name, "device_id": device.id, "reason": reason},
        )  # fmt: skip
        results.append(
            OpResult(op_id=op.op_id, seq=op.seq, status=status, reason=reason, effects=effects)  # type: ignore[arg-type]
        )
    device.last_seen_at = now
    log.info(
        "push batch",
        extra={"device_id": device.id, "ops": len(results), "new": len(applied),
               "last_seq": device.last_seq},
    )  # fmt: skip
    session.flush()
    write_changes(session, changes)
    if applied:
        session.execute(insert(AppliedOp), applied)
    return PushResponse(results=results, last_seq=device.last_seq, held=held)
