"""Member lookup: the one search box at the desk (member number, card code, phone or its
last 4 digits, name in any script, pinyin, email), answered from the search index.

Read-only: any signed-in staff member may search; nothing is written or audited."""

from __future__ import annotations

from desktop_app.domain.clock import Clock
from desktop_app.domain.member_query import classify
from desktop_app.domain.permissions import Actor
from desktop_app.services.base import Service
from desktop_app.store.db import Database
from desktop_app.store.door import raw
from desktop_app.store.member_codes import dynamic_qr_member_number, is_dynamic_qr
from desktop_app.store.search import MemberHit, ensure_search_index, search_database

MAX_LIMIT = 500


class LookupService(Service):
    def __init__(self, db: Database, clock: Clock) -> None:
        super().__init__(db, clock)
        # One query when the index is current; a full rebuild after the migration that
        # created it, or when the rules for terms changed (run Services.open off the GUI).
        ensure_search_index(db)

    def search(self, actor: Actor, query: str, limit: int = 50) -> list[MemberHit]:
        """Members matching `query`, best first: exact code, then phone, then name prefix,
        then the rest. A revoked card still finds its member, with code_status "revoked"."""
        if not isinstance(actor, Actor):
            raise TypeError("search needs a signed-in actor")
        if is_dynamic_qr(query.strip()):  # a member's phone QR: verified, then its number
            with self._db.read() as session:
                number = dynamic_qr_member_number(raw(session), query.strip(),
                                                  self._clock.now())
            if number is None:
                return []
            query = number
        parsed = classify(query)
        return search_database(self._db, parsed, max(0, min(limit, MAX_LIMIT)))


__all__ = ["LookupService", "MemberHit"]
