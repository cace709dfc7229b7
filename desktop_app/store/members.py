"""Member rows: numbering, contact look-ups, and the one place member rows are written, so
anything kept beside them (the search index) stays current in the same transaction."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.domain.codes import member_number_from_serial
from desktop_app.store.models import Card, Counter, Member
from desktop_app.store.search import reindex_member

MEMBER_SERIAL = "member_number"


def next_member_number(session: Session) -> str:
    counter = session.get(Counter, MEMBER_SERIAL)
    if counter is None:
        counter = Counter(name=MEMBER_SERIAL, value=0)
        session.add(counter)
    counter.value += 1
    return member_number_from_serial(counter.value)


def members_with_contact(
    session: Session, phone: str | None, email: str | None, exclude_id: str | None = None
) -> list[Member]:
    clauses = []
    if phone:
        clauses.append(Member.phone == phone)
    if email:
        clauses.append(Member.email == email)
    if not clauses:
        return []
    query = select(Member).where(or_(*clauses), Member.status == "active")
    if exclude_id:
        query = query.where(Member.id != exclude_id)
    return list(session.scalars(query.limit(10)))


def save_member(session: Session, member: Member) -> None:
    """Add or update a member row: derived columns and the search index stay current here."""
    member.phone_last4 = member.phone[-4:] if member.phone else None
    reindex_member(session, member)
    session.add(member)
    session.flush()


def active_card(session: Session, member_id: str) -> Card | None:
    return session.scalar(select(Card).where(Card.member_id == member_id, Card.status == "active"))
