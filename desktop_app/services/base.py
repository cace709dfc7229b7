"""What every service shares: its database, its clock, and a unit of work per use case."""

from __future__ import annotations

from desktop_app.domain.clock import Clock
from desktop_app.domain.permissions import Actor, Authority, Permission, authorise
from desktop_app.store.db import Database
from desktop_app.store.uow import UnitOfWork


class Service:
    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def _authorised(
        self, actor: Actor, permission: Permission, approver: Actor | None = None
    ) -> UnitOfWork:
        """Check the permission first (before any I/O), then open the unit of work."""
        return UnitOfWork(self._db, self._clock, authorise(actor, permission, approver))

    def _unit(self, authority: Authority | None = None) -> UnitOfWork:
        return UnitOfWork(self._db, self._clock, authority)
