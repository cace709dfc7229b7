"""The print queue's table. Local to this desk (a printer is per machine): not synced, so
no Synced mixin and no outbox op for queue bookkeeping."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base
from desktop_app.store.types import JSONText, UTCDateTime


class PrintJob(Base):
    """One receipt (or drawer kick) to print. ``seq`` gives first-in first-out order;
    ``state``: queued -> printing -> printed | failed (retried) | cancelled."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        Index("ix_print_jobs_state_seq", "state", "seq"),
        {"sqlite_autoincrement": True},
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[Any] = mapped_column(JSONText())
    copy: Mapped[bool] = mapped_column(Boolean, default=False)
    reprint_of: Mapped[str | None] = mapped_column(String(36), default=None)
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    created_by: Mapped[str | None] = mapped_column(String(36), default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
