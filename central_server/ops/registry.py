"""The op handler registry: one entry per versioned op name (SYNC.md, schema changes: old
handlers stay while any desk may still send them). A family of ops lives in one module of
`central_server.ops` and registers its handlers with `@handles(...)`; `load_all()` imports
every family module listed in FAMILIES.

A handler re-runs the op's rule on the server's own data. It returns an Outcome (applied, or
compensated with what was done differently) or raises a DomainError, which the push records
as a rejection with the error's code. Authorisation happens before the handler runs."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from central_server.changes import record_change
from central_server.models import Device
from desktop_app.domain.permissions import Permission
from desktop_app.sync.protocol import WireOp

FAMILIES = ("members", "staff", "settings")


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
        record_change(
            self.session,
            entity=entity,
            entity_id=entity_id,
            op=op,
            version=version,
            data=data,
            store_id=None if chain_wide else self.store_id,
            at=self.now,
        )


Handler = Callable[[OpContext, dict[str, Any]], Outcome]
# Returns True when an op may run without a known actor holding the permission.
SelfAuthorised = Callable[[OpContext], bool]


@dataclass(frozen=True, slots=True)
class OpSpec:
    name: str
    permission: Permission
    handler: Handler
    self_authorised: SelfAuthorised | None = None


_REGISTRY: dict[str, OpSpec] = {}


def handles(
    name: str, permission: Permission, *, self_authorised: SelfAuthorised | None = None
) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        if name in _REGISTRY and _REGISTRY[name].handler is not fn:
            raise RuntimeError(f"two handlers for {name}")
        _REGISTRY[name] = OpSpec(name, permission, fn, self_authorised)
        return fn

    return register


def spec_for(name: str) -> OpSpec | None:
    return _REGISTRY.get(name)


def known_ops() -> list[str]:
    return sorted(_REGISTRY)


def load_all() -> None:
    for family in FAMILIES:
        importlib.import_module(f"central_server.ops.{family}")
