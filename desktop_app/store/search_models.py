"""The member search index: one row per (kind, term, member number), kept in the primary
key's order so a prefix search is one range scan that stops after `limit` rows.

Keyed by member number rather than id: it never changes and is a quarter of the size,
which matters at a million members times several terms each. Not synced: every desk
builds its own index from its member rows (desktop_app.store.search).
"""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.store.models import Base


class MemberSearchTerm(Base):
    __tablename__ = "member_search_terms"
    __table_args__ = {"sqlite_with_rowid": False}
    kind: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(96), primary_key=True)
    member_number: Mapped[str] = mapped_column(String(16), primary_key=True)


__all__ = ["MemberSearchTerm"]
