"""Ids that never repeat: UUIDv7 made on the desk (time-ordered, so indexes stay compact)."""

from __future__ import annotations

import uuid_utils


def new_id() -> str:
    """A fresh UUIDv7 as its canonical 36-character string."""
    return str(uuid_utils.uuid7())
