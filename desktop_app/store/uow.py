"""The unit of work: one SQLite transaction in which a service writes its rows, its outbox op
and, where sensitive, its audit entry. All of it commits, or none of it does."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.domain.clock import Clock
from desktop_app.domain.permissions import Authority
from desktop_app.store.audit import append_audit
from desktop_app.store.db import Database
from desktop_app.store.models import AuditEntry, OutboxOp, Synced
from desktop_app.store.outbox import enqueue_op


class UnitOfWork:
    """`with UnitOfWork(db, clock, authority) as uow:` then use `uow.session`, `uow.op(...)`,
    `uow.audit(...)`. Commits when the block ends normally, rolls back on any exception.
    `uow.now` is one instant for everything written in the transaction."""

    def __init__(self, db: Database, clock: Clock, authority: Authority | None) -> None:
        self._db = db
        self._clock = clock
        self.authority = authority
        self.session: Session
        self.now: datetime

    def __enter__(self) -> UnitOfWork:
        self.session = self._db.write_session()
        self.session.connection()  # BEGIN IMMEDIATE now: take the write lock before reading
        self.now = self._clock.now()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.session.commit()
            else:
                self.session.rollback()
        finally:
            self.session.close()

    def op(self, name: str, args: Mapping[str, Any]) -> OutboxOp:
        """Record the op that tells the server what happened (SYNC.md: commands, not rows)."""
        return enqueue_op(self.session, name=name, args=args, at=self.now, authority=self.authority)

    def audit(
        self,
        action: str,
        *,
        entity: str | None = None,
        entity_id: str | None = None,
        details: Mapping[str, Any] | None = None,
        op: OutboxOp | None = None,
    ) -> AuditEntry:
        return append_audit(
            self.session,
            at=self.now,
            authority=self.authority,
            action=action,
            entity=entity,
            entity_id=entity_id,
            details=details,
            op_id=op.op_id if op else None,
        )

    def stamp_new(self, row: Synced, row_id: str) -> None:
        row.id = row_id
        row.created_at = self.now
        row.updated_at = self.now
        row.version = 1

    def stamp_changed(self, row: Synced) -> None:
        row.updated_at = self.now
        row.version = (row.version or 0) + 1
