"""The change log desks pull from: recording changes, reading pages after a cursor, pruning.

A cursor is "<txid>.<seq>", the position of the last change a desk has applied. Pages only
include transactions below the visible horizon, so a transaction that commits late can never
be skipped (on PostgreSQL a later txid may commit before an earlier one)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, or_, select, tuple_
from sqlalchemy.orm import Session

from central_server.db import current_txid, visible_horizon
from central_server.meta import LOG_FLOOR, get_meta, set_meta
from central_server.models import AppliedOp, ChangeRow
from desktop_app.sync.protocol import Change, PullPage


class CursorTooOld(Exception):
    """The changes after this cursor include pruned tombstones: bootstrap again (410)."""


class BadCursor(ValueError):
    pass


@dataclass(frozen=True, slots=True, order=True)
class Position:
    txid: int
    seq: int

    def __str__(self) -> str:
        return f"{self.txid}.{self.seq}"

    @classmethod
    def parse(cls, text: str | None) -> Position:
        if not text:
            return cls(0, 0)
        try:
            txid, seq = text.split(".", 1)
            return cls(int(txid), int(seq))
        except ValueError as exc:
            raise BadCursor(text) from exc


def change_values(
    *,
    entity: str,
    entity_id: str,
    op: str,
    version: int,
    data: dict[str, Any],
    store_id: str | None,
    at: datetime,
) -> dict[str, Any]:
    return {
        "store_id": store_id, "entity": entity, "entity_id": entity_id, "op": op,
        "version": version, "data": data, "at": at,
    }  # fmt: skip


def write_changes(session: Session, rows: list[dict[str, Any]]) -> None:
    """One multi-row INSERT; rows get ascending seqs in list order (a single VALUES list is
    inserted in order), so a create stays before the patch that follows it."""
    if rows:
        txid = current_txid(session)
        session.execute(insert(ChangeRow), [{**r, "txid": txid} for r in rows])


def record_change(
    session: Session,
    *,
    entity: str,
    entity_id: str,
    op: str,
    version: int,
    data: dict[str, Any],
    store_id: str | None,
    at: datetime,
) -> None:
    session.add(
        ChangeRow(
            txid=current_txid(session),
            store_id=store_id,
            entity=entity,
            entity_id=entity_id,
            op=op,
            version=version,
            data=data,
            at=at,
        )
    )


def _visible_to(store_id: str) -> Any:
    return or_(ChangeRow.store_id.is_(None), ChangeRow.store_id == store_id)


def head(session: Session) -> Position:
    """Where a new desk starts pulling after its bootstrap: everything before is final."""
    horizon = visible_horizon(session)
    last = session.execute(
        select(ChangeRow.txid, ChangeRow.seq)
        .where(ChangeRow.txid < horizon)
        .order_by(ChangeRow.txid.desc(), ChangeRow.seq.desc())
        .limit(1)
    ).first()
    return Position(int(last[0]), int(last[1])) if last else Position(0, 0)


def acked_seq(session: Session, device_id: str, below_txid: int | None = None) -> int:
    """The device's last op whose transaction is below `below_txid` (default: the horizon),
    i.e. whose effects any read from now on includes."""
    bound = visible_horizon(session) if below_txid is None else below_txid
    found = session.scalar(
        select(func.max(AppliedOp.seq)).where(
            AppliedOp.device_id == device_id, AppliedOp.txid < bound
        )
    )
    return int(found or 0)


def read_page(
    session: Session, *, device_id: str, store_id: str, cursor: Position, limit: int
) -> PullPage:
    floor = Position.parse(get_meta(session, LOG_FLOOR))
    if cursor < floor:
        raise CursorTooOld(str(cursor))
    horizon = visible_horizon(session)
    rows = list(
        session.scalars(
            select(ChangeRow)
            .where(
                tuple_(ChangeRow.txid, ChangeRow.seq) > tuple_(cursor.txid, cursor.seq),
                ChangeRow.txid < horizon,
                _visible_to(store_id),
            )
            .order_by(ChangeRow.txid, ChangeRow.seq)
            .limit(limit + 1)
        )
    )
    more = len(rows) > limit
    rows = rows[:limit]
    end = Position(rows[-1].txid, rows[-1].seq) if rows else cursor
    # The device's ops whose transactions this page has wholly covered.
    acked = acked_seq(session, device_id, end.txid if more else horizon)
    return PullPage(
        changes=[
            Change(entity=r.entity, id=r.entity_id, op=r.op, version=r.version, data=r.data)  # type: ignore[arg-type]
            for r in rows
        ],
        next=str(end),
        more=more,
        acked_seq=acked,
    )


def prune(session: Session, *, now: datetime, tombstone_days: int) -> int:
    """Drop change rows older than the retention that a newer row of the same entity
    supersedes, and old tombstones; raise the floor past any dropped tombstone."""
    cutoff = now - timedelta(days=tombstone_days)
    old = list(session.scalars(select(ChangeRow).where(ChangeRow.at < cutoff)))
    dropped = 0
    floor = Position.parse(get_meta(session, LOG_FLOOR))
    for row in old:
        latest = session.scalar(
            select(func.max(ChangeRow.seq)).where(
                ChangeRow.entity == row.entity, ChangeRow.entity_id == row.entity_id
            )
        )
        if row.op == "delete" or latest != row.seq:
            if row.op == "delete" and latest == row.seq:
                floor = max(floor, Position(row.txid, row.seq))
            session.execute(delete(ChangeRow).where(ChangeRow.seq == row.seq))
            dropped += 1
    set_meta(session, LOG_FLOOR, str(floor))
    return dropped
