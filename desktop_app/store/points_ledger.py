"""The points ledger: append-only, each member's entries hash-chained
(desktop_app.domain.chain), the member's cached balance moved in the same transaction, and
`(source, kind)` unique so a replayed posting never counts twice."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from desktop_app.domain.chain import GENESIS, ChainFault, link_hash, verify_chain
from desktop_app.domain.ids import new_id
from desktop_app.domain.points import Entry, EntryKind, LotState, Posting, replay, unposted
from desktop_app.store.checkout_models import PointsEntry, PointsHead
from desktop_app.store.models import Member, Tier
from desktop_app.store.types import ISODate, UTCDateTime


def _hashed_fields(e: PointsEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "member_id": e.member_id,
        "member_seq": e.member_seq,
        "at": UTCDateTime().process_bind_param(e.at, None),  # type: ignore[arg-type]
        "delta": e.delta,
        "kind": e.kind,
        "source": e.source,
        "expires_on": ISODate().process_bind_param(e.expires_on, None),  # type: ignore[arg-type]
        "lot_ref": e.lot_ref,
        "op_id": e.op_id,
        "reason": e.reason,
    }


def posted_keys(session: Session, postings: Sequence[Posting]) -> set[tuple[str, str]]:
    if not postings:
        return set()
    pairs = [(p.source, p.kind.value) for p in postings]
    rows = session.execute(
        select(PointsEntry.source, PointsEntry.kind).where(
            tuple_(PointsEntry.source, PointsEntry.kind).in_(pairs)
        )
    )
    return {(s, k) for s, k in rows}


def post(
    session: Session,
    member: Member,
    postings: Sequence[Posting],
    *,
    at: datetime,
    op_id: str | None,
    reason: str | None = None,
    new_source: bool = False,
) -> list[PointsEntry]:
    """Append the postings not yet in the ledger; returns the entries written. The caller's
    transaction holds the write lock (every unit of work does), so the head cannot move.
    `new_source`: the caller has just created the source (a sale id never seen before), so
    the look-up for earlier postings is skipped; the unique (source, kind) still guards."""
    fresh = list(postings) if new_source else unposted(postings, posted_keys(session, postings))
    if not fresh:
        return []
    head = session.get(PointsHead, member.id)
    if head is None:
        head = PointsHead(member_id=member.id, head=GENESIS, count=0)
        session.add(head)
    written = chain_entries(
        member.id, head.head, head.count, fresh, at=at, op_id=op_id, reason=reason
    )
    for entry in written:
        member.points_balance = (member.points_balance or 0) + entry.delta
        session.add(entry)
    if written:
        head.head, head.count = written[-1].hash, written[-1].member_seq
    return written


def chain_entries(
    member_id: str,
    head: str,
    count: int,
    postings: Sequence[Posting],
    *,
    at: datetime,
    op_id: str | None,
    reason: str | None = None,
) -> list[PointsEntry]:
    """The entries for `postings`, chained after a member's head `head` (its `count`-th entry):
    built, hashed and not added to any session (the caller writes them)."""
    written = []
    for p in postings:
        entry = PointsEntry(
            id=new_id(),
            member_id=member_id,
            member_seq=count + 1,
            at=at,
            delta=p.delta,
            kind=p.kind.value,
            source=p.source,
            expires_on=p.expires_on,
            lot_ref=p.lot_ref,
            op_id=op_id,
            reason=reason,
            prev_hash=head,
        )
        entry.hash = link_hash(head, _hashed_fields(entry))
        head, count = entry.hash, entry.member_seq
        written.append(entry)
    return written


def member_entries(session: Session, member_id: str) -> list[PointsEntry]:
    return list(
        session.scalars(
            select(PointsEntry)
            .where(PointsEntry.member_id == member_id)
            .order_by(PointsEntry.member_seq)
        )
    )


def as_domain(entries: Iterable[PointsEntry]) -> list[Entry]:
    return [Entry(e.id, e.delta, EntryKind(e.kind), e.expires_on, e.lot_ref) for e in entries]


def lots_of(session: Session, member_id: str) -> LotState:
    return replay(as_domain(member_entries(session, member_id)))


def entry_for(session: Session, source: str, kind: EntryKind) -> PointsEntry | None:
    return session.scalar(
        select(PointsEntry).where(PointsEntry.source == source, PointsEntry.kind == kind.value)
    )


def members_with_lapsed_lots(
    session: Session, today: date, since: date | None = None
) -> list[str]:
    """Members holding a positive entry whose expiry is before `today` (candidates for the
    expiry run; the replay decides what is really left). `since`: only lots lapsed since an
    earlier run on that day (expiring on or after it), not every lot that ever lapsed."""
    query = select(PointsEntry.member_id).where(
        PointsEntry.expires_on < today, PointsEntry.delta > 0
    )
    if since is not None:
        query = query.where(PointsEntry.expires_on >= since)
    return list(session.scalars(query.distinct()))


def members_with_birthday_bonus(session: Session, today: date) -> list[str]:
    """Active members born on `today`'s month and day (29 February ones on the 28th in other
    years) whose tier gives a birthday bonus: the birthday run's candidates."""
    days = [today.strftime("%m-%d")]
    if (today.month, today.day) == (2, 28) and not calendar.isleap(today.year):
        days.append("02-29")
    bonus_tiers = select(Tier.id).where(Tier.birthday_bonus_points > 0)
    return list(
        session.scalars(
            select(Member.id).where(
                Member.status == "active",
                Member.tier_id.in_(bonus_tiers),
                func.strftime("%m-%d", Member.birthday).in_(days),
            )
        )
    )


def _chains(session: Session) -> Iterator[tuple[str, list[PointsEntry]]]:
    current: str | None = None
    batch: list[PointsEntry] = []
    rows = session.scalars(
        select(PointsEntry).order_by(PointsEntry.member_id, PointsEntry.member_seq)
    ).yield_per(2000)
    for e in rows:
        if e.member_id != current and current is not None:
            yield current, batch
            batch = []
        current = e.member_id
        batch.append(e)
    if current is not None:
        yield current, batch


def verify_points(session: Session) -> list[str]:
    """Each member's chain, its head, and the cached balance against the sum of entries."""
    problems: list[str] = []
    heads = {h.member_id: h for h in session.scalars(select(PointsHead))}
    seen: set[str] = set()
    for member_id, entries in _chains(session):
        seen.add(member_id)
        head = heads.get(member_id)
        faults: list[ChainFault] = verify_chain(
            (
                (
                    f"points_ledger seq={e.seq} id={e.id} member={member_id}",
                    e.prev_hash,
                    e.hash,
                    _hashed_fields(e),
                )
                for e in entries
            ),
            head=head.head if head else GENESIS,
        )
        problems.extend(f"points chain: {f}" for f in faults)
    for member_id in heads.keys() - seen:
        problems.append(f"points chain: member={member_id}: all entries were removed")
    sums = dict(
        session.execute(
            select(PointsEntry.member_id, func.sum(PointsEntry.delta)).group_by(
                PointsEntry.member_id
            )
        ).all()
    )
    cached = session.execute(
        select(Member.id, Member.points_balance).where(
            (Member.points_balance != 0) | Member.id.in_(select(PointsHead.member_id))
        )
    )
    for member_id, balance in cached:
        if (balance or 0) != (sums.get(member_id) or 0):
            problems.append(
                f"points balance: member={member_id}: cached {balance} but the ledger sums to "
                f"{sums.get(member_id) or 0}"
            )
    return problems
