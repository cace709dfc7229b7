"""Many members at once (CSV import, export): the bulk twin of `save_member`. New member
rows, their cards, their tags and their search terms are written together with
executemany, in the caller's transaction; existing members are updated through
`save_member` itself, so the index never lags behind a row."""

from __future__ import annotations

import secrets
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from desktop_app.domain.codes import is_member_number
from desktop_app.domain.ids import new_id
from desktop_app.domain.member_query import name_terms
from desktop_app.store.members import MEMBER_SERIAL
from desktop_app.store.models import Card, Counter, Member, MemberTag, Tag
from desktop_app.store.search import last4_terms
from desktop_app.store.types import UTCDateTime

CHUNK = 500  # keys per IN (...) query, under SQLite's bound-parameter limit
_MEMBER_COLS = (
    "id", "created_at", "updated_at", "version", "deleted_at", "number", "name", "phone",
    "phone_last4", "email", "birthday", "gender", "photo_path", "tier_id", "notes",
    "note_flagged", "consent_sms", "consent_sms_at", "consent_email", "consent_email_at",
    "home_store_id", "status", "merged_into_id", "points_balance", "qr_secret",
)


@dataclass(frozen=True, slots=True)
class NewMember:
    id: str
    number: str
    name: str
    phone: str | None
    email: str | None
    birthday: date | None
    gender: str | None
    notes: str
    consent_sms: bool
    consent_email: bool
    card_id: str
    card_code: str
    tags: tuple[str, ...]


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


@dataclass(frozen=True, slots=True)
class Existing:
    """A stored member's importable fields, as plain values (cheap to load by the
    hundred thousand; the ORM row is loaded only for members that change)."""

    id: str
    number: str
    merged_into_id: str | None
    name: str
    phone: str | None
    email: str | None
    birthday: date | None
    gender: str | None
    notes: str
    consent_sms: bool
    consent_email: bool


_EXISTING = (Member.id, Member.number, Member.merged_into_id, Member.name, Member.phone,
             Member.email, Member.birthday, Member.gender, Member.notes, Member.consent_sms,
             Member.consent_email)


def members_by_number(session: Session, numbers: Sequence[str]) -> dict[str, Existing]:
    out: dict[str, Existing] = {}
    for part in _chunks(numbers):
        for row in session.execute(select(*_EXISTING).where(Member.number.in_(part))):
            out[row.number] = Existing(*row)
    return out


def members_by_phone(session: Session, phones: Sequence[str]) -> dict[str, Existing]:
    """Active members by phone; the oldest one when two share a phone."""
    out: dict[str, Existing] = {}
    for part in _chunks(phones):
        query = (select(*_EXISTING).where(Member.phone.in_(part), Member.status == "active")
                 .order_by(Member.created_at.desc()))
        for row in session.execute(query):
            out[row.phone or ""] = Existing(*row)
    return out


def card_codes_in_use(session: Session, codes: Sequence[str]) -> set[str]:
    used: set[str] = set()
    for part in _chunks(codes):
        used.update(session.scalars(select(Card.code).where(Card.code.in_(part))))
    return used


def tags_of(session: Session, member_ids: Sequence[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for part in _chunks(member_ids):
        rows = session.execute(select(MemberTag.member_id, Tag.name)
                               .join(Tag, Tag.id == MemberTag.tag_id)
                               .where(MemberTag.member_id.in_(part)))
        for member_id, name in rows:
            out.setdefault(member_id, set()).add(name)
    return out


def tag_ids(session: Session, names: Iterable[str], now: datetime) -> dict[str, str]:
    """Tag name -> id, creating the tags that do not exist yet."""
    wanted = sorted(set(names))
    found: dict[str, str] = {
        name: tag_id
        for name, tag_id in session.execute(select(Tag.name, Tag.id).where(Tag.name.in_(wanted)))
    }
    for name in wanted:
        if name not in found:
            tag = Tag(id=new_id(), name=name, created_at=now, updated_at=now, version=1)
            session.add(tag)
            found[name] = tag.id
    session.flush()
    return found


def add_tags(session: Session, pairs: Iterable[tuple[str, str]]) -> None:
    """(member id, tag id) pairs; pairs that exist already are left as they are."""
    rows = [{"member_id": m, "tag_id": t} for m, t in pairs]
    if rows:
        session.execute(insert(MemberTag).prefix_with("OR IGNORE"), rows)


def insert_members(session: Session, members: Sequence[NewMember], now: datetime) -> None:
    """New members with their active card, tags and search terms."""
    if not members:
        return
    # Straight to the driver: at a hundred thousand rows SQLAlchemy's per-row work would
    # be most of the import. Values are stored exactly as the column types store them.
    at = UTCDateTime().process_bind_param(now, session.get_bind().dialect)
    raw: sqlite3.Connection = session.connection().connection.driver_connection  # type: ignore[assignment]
    raw.executemany(
        f"INSERT INTO members ({', '.join(_MEMBER_COLS)}) "
        f"VALUES ({', '.join('?' * len(_MEMBER_COLS))})",
        [(m.id, at, at, 1, None, m.number, m.name, m.phone, m.phone[-4:] if m.phone else None,
          m.email, m.birthday.isoformat() if m.birthday else None, m.gender, None, None,
          m.notes, 0, int(m.consent_sms), at if m.consent_sms else None,
          int(m.consent_email), at if m.consent_email else None, None, "active", None, 0,
          secrets.token_hex(20))
         for m in members],
    )
    raw.executemany(
        "INSERT INTO cards (id, created_at, updated_at, version, deleted_at, member_id, code, "
        "status, issued_at, revoked_at) VALUES (?, ?, ?, 1, NULL, ?, ?, 'active', ?, NULL)",
        [(m.card_id, at, at, m.id, m.card_code, at) for m in members],
    )
    raw.executemany(
        "INSERT OR IGNORE INTO member_search_terms (kind, term, member_number) VALUES (?, ?, ?)",
        [(k, t, m.number) for m in members
         for k, t in (*name_terms(m.name), *last4_terms(m.phone, False))],
    )
    tagged = [m for m in members if m.tags]
    if tagged:
        ids = tag_ids(session, (t for m in tagged for t in m.tags), now)
        add_tags(session, ((m.id, ids[t]) for m in tagged for t in m.tags))


def advance_member_counter(session: Session, numbers: Iterable[str]) -> None:
    """Imported numbers in the desk's own format take their serials: the counter moves past
    the highest, so the desk never issues one of them again."""
    top = max((int(n[:-1]) for n in numbers if is_member_number(n)), default=0)
    if top == 0:
        return
    counter = session.get(Counter, MEMBER_SERIAL)
    if counter is None:
        session.add(Counter(name=MEMBER_SERIAL, value=top))
    elif counter.value < top:
        counter.value = top


def export_rows(session: Session, batch: int = 2_000) -> Iterator[dict[str, Any]]:
    """Every member that is not merged away, in number order, a batch at a time (keyset
    paging: memory stays flat over a million members)."""
    after = ""
    while True:
        members = list(session.scalars(
            select(Member).where(Member.number > after, Member.merged_into_id.is_(None))
            .order_by(Member.number).limit(batch)))
        if not members:
            return
        ids = [m.id for m in members]
        tags = tags_of(session, ids)
        cards: dict[str, str] = {
            member_id: code
            for member_id, code in session.execute(
                select(Card.member_id, Card.code).where(Card.member_id.in_(ids),
                                                        Card.status == "active"))
        }
        for m in members:
            yield {
                "number": m.number, "name": m.name, "phone": m.phone, "email": m.email,
                "birthday": m.birthday, "gender": m.gender, "notes": m.notes,
                "card_code": cards.get(m.id), "tags": sorted(tags.get(m.id, ())),
                "consent_sms": m.consent_sms, "consent_email": m.consent_email,
                "status": m.status,
            }
        after = members[-1].number
        session.expunge_all()


def member_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Member)) or 0)

