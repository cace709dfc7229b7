"""Hash chains: each entry carries the hash of the one before it, so a changed, inserted or
deleted entry breaks the chain where it happened. Used by the audit log and the points ledger."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def link_hash(prev_hash: str, fields: Mapping[str, Any]) -> str:
    """The hash of one entry: its predecessor's hash and its own fields, canonically encoded."""
    return hashlib.sha256((prev_hash + canonical_json(dict(fields))).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainFault:
    position: Any  # the entry's key (sequence number or id) as the store names it
    problem: str

    def __str__(self) -> str:
        return f"entry {self.position}: {self.problem}"


def verify_chain(
    entries: Iterable[tuple[Any, str, str, Mapping[str, Any]]],
    head: str | None = None,
) -> list[ChainFault]:
    """Check (key, prev_hash, hash, fields) entries in chain order.

    `head`, when given, is the hash the last entry must have (kept apart from the entries so
    that deleting the newest entries is detected too).
    """
    faults: list[ChainFault] = []
    expected_prev = GENESIS
    last_key: Any = None
    for key, prev_hash, stored_hash, fields in entries:
        if prev_hash != expected_prev:
            faults.append(
                ChainFault(
                    key,
                    "does not follow the entry before it "
                    "(an entry was removed or inserted before it)",
                )
            )
        if link_hash(prev_hash, fields) != stored_hash:
            faults.append(ChainFault(key, "content does not match its hash (edited)"))
        expected_prev = stored_hash
        last_key = key
    if head is not None and head != expected_prev:
        faults.append(ChainFault(last_key, "the chain ends early: newer entries were removed"))
    return faults
