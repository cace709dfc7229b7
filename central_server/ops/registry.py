"""The op handler registry: one entry per versioned op name (SYNC.md, schema changes: old
handlers stay while any desk may still send them). A family of ops lives in one module of
`central_server.ops` and registers its handlers with `@handles(...)`; `load_all()` imports
every family module listed in FAMILIES.

A handler re-runs the op's rule on the server's own data. It returns an Outcome (applied, or
compensated with what was done differently) or raises a DomainError, which the push records
as a rejection with the error's code. Authorisation happens before the handler runs.

Speed without giving up atomicity: a handler registered with `checks_first=True` promises to
raise only before its first write; the push then skips its savepoint (two round trips per
op). Any database error re-runs the whole batch with a savepoint around every op. A family
may also register a `prefetch` that loads, in one query per batch, the rows its handlers will
look up, kept in `ctx.cache` (strong references, so the identity map keeps them)."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from central_server.changes import change_values
from central_server.models import Device, StaffRow
from desktop_app.domain.permissions import Actor, Permission, Role
from desktop_app.sync.protocol import WireOp

FAMILIES = ("members", "staff", "settings", "gym", "sales")


@dataclass(frozen=True, slots=True)
class Outcome:
    status: Literal["applied", "compensated"] = "applied"
    effects: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class OpContext:
    session: Session
    device: Device
    op: WireOp
    now: datetime
    hlc: str  # the op's HLC after clamping clocks that run ahead
    first_op_of_device: bool
    cache: dict[str, Any] = field(default_factory=dict)  # shared by the batch's ops
    changes: list[dict[str, Any]] = field(default_factory=list)  # this op's change rows

    @property
    def store_id(self) -> str:
        return self.device.store_id

    def changed(
        self,
        entity: str,
        entity_id: str,
        version: int,
        data: dict[str, Any],
        *,
        chain_wide: bool,
        op: str = "upsert",
    ) -> None:
        """Record a change for desks to pull. Buffered: written with the batch's other
        changes in one statement, and only if this op is not rejected."""
        self.changes.append(
            change_values(
                entity=entity,
                entity_id=entity_id,
                op=op,
                version=version,
                data=data,
                store_id=None if chain_wide else self.store_id,
                at=self.now,
            )
        )


def staff_actor(ctx: OpContext, staff_id: str | None) -> Actor | None:
    """The active staff member of that id who may act in this device's store, or None.
    Cached per batch; a staff op in the batch clears the cache (roles may change)."""
    if not staff_id:
        return None
    actors: dict[str, Actor | None] = ctx.cache.setdefault("actors", {})
    if staff_id in actors:
        return actors[staff_id]
    row = ctx.session.get(StaffRow, staff_id)
    found = None
    if row is not None and row.active and row.store_id in (None, ctx.store_id):
        found = Actor(staff_id=row.id, code=row.code, name=row.name, role=Role(row.role))
    actors[staff_id] = found
    return found


Handler = Callable[[OpContext, dict[str, Any]], Outcome]
# Returns True when an op may run without a known actor holding the permission.
SelfAuthorised = Callable[[OpContext], bool]
Prefetch = Callable[[Session, list[WireOp], dict[str, Any]], None]


@dataclass(frozen=True, slots=True)
class OpSpec:
    name: str
    permission: Permission
    handler: Handler
    self_authorised: SelfAuthorised | None = None
    checks_first: bool = False


_REGISTRY: dict[str, OpSpec] = {}
_PREFETCH: dict[str, Prefetch] = {}


def handles(
    name: str,
    permission: Permission,
    *,
    self_authorised: SelfAuthorised | None = None,
    checks_first: bool = False,
) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        if name in _REGISTRY and _REGISTRY[name].handler is not fn:
            raise RuntimeError(f"two handlers for {name}")
        _REGISTRY[name] = OpSpec(name, permission, fn, self_authorised, checks_first)
        return fn

    return register


def prefetches(*names: str) -> Callable[[Prefetch], Prefetch]:
    """`fn(session, ops, cache)` runs once per batch with the batch's ops of these names."""

    def register(fn: Prefetch) -> Prefetch:
        for name in names:
            _PREFETCH[name] = fn
        return fn

    return register


def prefetch_batch(session: Session, ops: list[WireOp], cache: dict[str, Any]) -> None:
    groups: dict[Prefetch, list[WireOp]] = {}
    for op in ops:
        fn = _PREFETCH.get(op.name)
        if fn is not None:
            groups.setdefault(fn, []).append(op)
    for fn, group in groups.items():
        fn(session, group, cache)


def spec_for(name: str) -> OpSpec | None:
    return _REGISTRY.get(name)


def known_ops() -> list[str]:
    return sorted(_REGISTRY)


def load_all() -> None:
    for family in FAMILIES:
        importlib.import_module(f"central_server.ops.{family}")
