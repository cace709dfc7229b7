"""Wire types of the sync protocol (SYNC.md), shared by the desk and the central server.

Everything that crosses the network is one of these pydantic models, so both ends validate
the same shapes. Positions in the server's change log travel as opaque cursor strings.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

API_PREFIX = "/sync/v1"
# Bumped when the shape of pulled data changes; a desk below MIN_PULL_SCHEMA gets 426 on pull.
SCHEMA_VERSION = 1
MIN_PULL_SCHEMA = 1
MAX_PUSH_OPS = 500
MAX_PUSH_BYTES = 1_000_000

OpStatus = Literal["applied", "duplicate", "rejected", "compensated"]
ChangeOp = Literal["upsert", "delete"]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def args_hash(name: str, args: dict[str, Any]) -> str:
    """What "the same op" means: the same name and the same arguments, byte for byte."""
    return hashlib.sha256(f"{name}\n{canonical_json(args)}".encode()).hexdigest()


class WireOp(_Wire):
    seq: int = Field(ge=1)
    op_id: str = Field(min_length=1, max_length=36)
    name: str = Field(min_length=1, max_length=64)
    hlc: str = Field(max_length=64)
    actor: str | None = None
    approver: str | None = None
    args: dict[str, Any]


class PushRequest(_Wire):
    device_id: str
    schema_version: int = Field(alias="schema")
    ops: list[WireOp] = Field(max_length=MAX_PUSH_OPS)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class OpResult(_Wire):
    """One op's outcome. A `duplicate` carries the stored outcome of the first delivery in
    `original` so the desk learns it even when the first answer was lost."""

    op_id: str
    seq: int
    status: OpStatus
    reason: str | None = None
    effects: dict[str, Any] = Field(default_factory=dict)
    original: OpStatus | None = None

    @property
    def outcome(self) -> OpStatus:
        return self.original if self.status == "duplicate" and self.original else self.status


class HeldOp(_Wire):
    """The server has no handler for this op (it is older than the desk): it and every op
    after it stay on the desk, pending, and are sent again after the server is updated.
    Nothing is rejected, so nothing is lost when the handler arrives."""

    seq: int
    name: str


class PushResponse(_Wire):
    results: list[OpResult]
    last_seq: int
    held: HeldOp | None = None


class SeqGap(_Wire):
    """Body of a 409: the server expects this seq next."""

    error: Literal["seq_gap", "seq_reused"]
    expected_seq: int


class OpConflict(_Wire):
    """Body of a 422: an op id seen before arrived with different arguments."""

    error: Literal["op_conflict"] = "op_conflict"
    op_id: str


class Change(_Wire):
    entity: str
    id: str
    op: ChangeOp
    version: int
    data: dict[str, Any]


class PullPage(_Wire):
    changes: list[Change]
    next: str
    more: bool
    acked_seq: int


class EnrollRequest(_Wire):
    code: str = Field(min_length=4, max_length=64)
    device_name: str = Field(default="desk", max_length=100)
    schema_version: int = Field(default=SCHEMA_VERSION, alias="schema")
    # The seq of the first op this device will push: a desk that already holds ops (made
    # offline before enrolment, or restored from a backup) starts there instead of at 1.
    first_seq: int = Field(default=1, ge=1)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class EnrollResponse(_Wire):
    device_id: str
    token: str
    store_id: str
    store_code: str
    server_epoch: str


class CursorInfo(_Wire):
    cursor: str
    acked_seq: int = 0  # this device's last op that state read from now on reflects


class RowsPage(_Wire):
    """Current rows by id (GET /rows): the server's truth for entities whose op the server
    rejected or applied differently, so the desk can undo its optimistic local change."""

    entity: str
    rows: list[dict[str, Any]]


# The fields of a member bootstrap page, in any order (the page's `columns` give it).
MEMBER_PAGE_FIELDS = (
    "id", "number", "name", "phone", "email", "birthday", "gender", "photo_path", "tier_id",
    "home_store_id", "status", "merged_into_id", "note_flagged", "consent_sms", "consent_email",
    "notes", "points_balance", "created_at", "updated_at",
)  # fmt: skip
MEMBER_PAGE_TIMES = ("created_at", "updated_at")  # as domain.clock.utc_text writes them
MEMBER_PAGE_FLAGS = ("note_flagged", "consent_sms", "consent_email")  # 0 or 1


class BootstrapPage(_Wire):
    entity: str
    # Objects, or (when `columns` is given: the million-row member pages) arrays of values in
    # the order of `columns`, which halves the bytes and the JSON work on both ends. Arrays
    # carry the desk's stored forms, so that a desk binds them as they come: times as UTC
    # "YYYY-MM-DDTHH:MM:SS.ffffffZ" (domain.clock.utc_text), flags as 0 or 1, notes as text
    # (never null).
    rows: list[Any]
    columns: list[str] | None = None
    after: str | None  # pass back as ?after= for the next page
    more: bool
    total: int | None  # rows of this entity the device may see (first page only)

    def records(self) -> list[dict[str, Any]]:
        """The rows as objects, whichever form they came in."""
        if self.columns is None:
            return self.rows
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class EventsAnswer(_Wire):
    changed: bool
    cursor: str


BOOTSTRAP_ENTITIES = (
    "staff", "setting", "member", "card",
    # the gym family (central_server.ops.gym), parents before children
    "entitlement", "entitlement_hold", "class_type", "class_schedule", "class_session",
    "booking", "booking_strike", "member_tags",
    # the sales family (central_server.ops.sales): the points ledger, stored value
    "points_entry", "stored_value_account",
)  # fmt: skip
