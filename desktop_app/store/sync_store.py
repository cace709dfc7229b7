"""The desk's side of sync in the database: enrolment facts, reading the outbox in order,
recording the server's answers, and applying pulled pages (rows + new cursor + re-applied
pending ops in ONE transaction). The engine (desktop_app.sync.engine) calls these; it never
sees a session."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, text, update
from sqlalchemy.orm import Session

from desktop_app.store import sync_apply, sync_apply_gym, sync_apply_sales  # noqa: F401
from desktop_app.store.db import Database
from desktop_app.store.member_bootstrap import load_member_page
from desktop_app.store.models import Member, OutboxOp, SyncState
from desktop_app.store.search_bulk import SearchInput, TermBuilder
from desktop_app.store.state import get_state, get_states, set_state
from desktop_app.sync.protocol import (
    MAX_PUSH_BYTES,
    MAX_PUSH_OPS,
    BootstrapPage,
    OpResult,
    PullPage,
    RowsPage,
    WireOp,
    canonical_json,
)

SERVER_URL = "sync.server_url"
DEVICE = "sync.device_id"
TOKEN = "sync.token"
STORE = "sync.store_id"
EPOCH = "sync.server_epoch"
CURSOR = "sync.cursor"
ACKED_SEQ = "sync.acked_seq"
LAST_SUCCESS = "sync.last_success"
BOOT_CURSOR = "sync.bootstrap.cursor"  # set while a bootstrap is under way
BOOT_AFTER = "sync.bootstrap.after."  # + entity: resume point
BOOT_INDEXES = "sync.bootstrap.indexes"  # member indexes set aside for a first load
KEEP_ACKED = timedelta(days=30)  # SYNC.md: re-sent after a server restore
# A first load of fewer members builds its search index here at the end (20,000 demo members:
# 0.5 s); a worker process would cost more to start than it saves.
TERM_WORKER_FROM = 20_000


@dataclass(frozen=True, slots=True)
class Enrolment:
    server_url: str
    device_id: str
    token: str
    store_id: str
    epoch: str


@dataclass(frozen=True, slots=True)
class OpIssue:
    """A rejected or compensated op, for staff to see."""

    seq: int
    op_id: str
    name: str
    state: str
    reason: str | None
    effects: dict[str, Any]
    acked_at: datetime | None


class SyncStore:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._terms: TermBuilder | None = None  # the search-term worker of a first load

    # -- facts --------------------------------------------------------------------------
    def get(self, key: str) -> str | None:
        with self._db.read() as session:
            return get_state(session, key)

    def put(self, **values: str | None) -> None:
        with self._write() as session:
            for key, value in values.items():
                name = _KEYS[key]
                if value is None:
                    session.execute(delete(SyncState).where(SyncState.key == name))
                else:
                    set_state(session, name, value)

    def enrolment(self) -> Enrolment | None:
        with self._db.read() as session:  # asked before every round: one query
            found = get_states(session, (SERVER_URL, DEVICE, TOKEN, STORE, EPOCH))
        if not (found.get(SERVER_URL) and found.get(DEVICE) and found.get(TOKEN)):
            return None
        return Enrolment(
            found[SERVER_URL],
            found[DEVICE],
            found[TOKEN],
            found.get(STORE, ""),
            found.get(EPOCH, ""),
        )

    # -- outbox -------------------------------------------------------------------------
    def first_unsent_seq(self) -> int:
        """Where a newly enrolled device starts: its oldest pending op, else the next seq."""
        with self._db.read() as session:
            pending = session.scalar(
                select(func.min(OutboxOp.seq)).where(OutboxOp.state == "pending")
            )
            if pending is not None:
                return int(pending)
            used = session.execute(
                text("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")
            ).scalar()
            return int(used or 0) + 1

    def pending_count(self) -> int:
        with self._db.read() as session:
            return int(session.scalar(select(func.count()).where(OutboxOp.state == "pending")) or 0)

    def next_batch(
        self, max_ops: int = MAX_PUSH_OPS, max_bytes: int = MAX_PUSH_BYTES
    ) -> list[WireOp]:  # noqa: E501
        """The oldest pending ops in seq order, within the server's size limits."""
        with self._db.read() as session:
            rows = session.scalars(
                select(OutboxOp)
                .where(OutboxOp.state == "pending")
                .order_by(OutboxOp.seq)
                .limit(max_ops)
            )
            batch: list[WireOp] = []
            size = 200
            for row in rows:
                op = WireOp(
                    seq=row.seq, op_id=row.op_id, name=row.name, hlc=row.hlc,
                    actor=row.actor_id, approver=row.approver_id, args=row.args,
                )  # fmt: skip
                size += len(canonical_json(op.model_dump())) + 2
                if batch and size > max_bytes:
                    break
                batch.append(op)
            return batch

    def record_results(self, results: Sequence[OpResult], now: datetime) -> set[tuple[str, str]]:
        """Store each op's outcome; returns the rows to re-read from the server (those of
        rejected or compensated ops, whose optimistic local change may be wrong)."""
        refresh: set[tuple[str, str]] = set()
        by_id = {r.op_id: r for r in results}
        with self._write() as session:
            rows = session.execute(
                select(OutboxOp.op_id, OutboxOp.name, OutboxOp.args).where(
                    OutboxOp.op_id.in_(list(by_id)), OutboxOp.state == "pending"
                )
            ).all()
            updates = []
            for op_id, name, args in rows:
                result = by_id[op_id]
                updates.append(
                    {
                        "b_op_id": op_id,
                        "state": result.outcome,
                        "result": {"reason": result.reason, "effects": result.effects},
                        "acked_at": now,
                    }
                )
                apply_effects = sync_apply.EFFECTS.get(name)
                if apply_effects and result.effects:
                    apply_effects(session, args, result.effects)
                touches = sync_apply.TOUCHES.get(name)
                if touches and result.outcome in ("rejected", "compensated"):
                    refresh.update(touches(args))
            if updates:
                outbox = cast(Table, OutboxOp.__table__)
                session.connection().execute(
                    update(outbox)
                    .where(outbox.c.op_id == bindparam("b_op_id"))
                    .values(state=bindparam("state"), result=bindparam("result"),
                            acked_at=bindparam("acked_at")),
                    updates,
                )  # fmt: skip
        return refresh

    def resend_from(self, seq: int) -> int:
        """After a server restore the server expects an older seq than our oldest pending
        op: the acknowledged ops it lost go back in the queue (kept 30 days for this)."""
        with self._write() as session:
            rows = list(
                session.scalars(
                    select(OutboxOp).where(OutboxOp.seq >= seq, OutboxOp.state != "pending")
                )
            )
            for row in rows:
                row.state, row.result, row.acked_at = "pending", None, None
            return len(rows)

    def prune_acked(self, now: datetime) -> int:
        with self._write() as session:
            done = session.execute(
                delete(OutboxOp).where(
                    OutboxOp.state != "pending", OutboxOp.acked_at < now - KEEP_ACKED
                )
            )
            return int(getattr(done, "rowcount", 0) or 0)

    def issues(self, limit: int = 200) -> list[OpIssue]:
        with self._db.read() as session:
            rows = session.scalars(
                select(OutboxOp)
                .where(OutboxOp.state.in_(("rejected", "compensated")))
                .order_by(OutboxOp.seq.desc())
                .limit(limit)
            )
            return [
                OpIssue(
                    r.seq,
                    r.op_id,
                    r.name,
                    r.state,
                    (r.result or {}).get("reason"),
                    (r.result or {}).get("effects") or {},
                    r.acked_at,
                )  # fmt: skip
                for r in rows
            ]

    # -- pulling ------------------------------------------------------------------------
    def apply_page(self, page: PullPage, now: datetime) -> None:
        """Rows, the new cursor and the re-applied pending ops: all or nothing."""
        with self._write() as session:
            # One query loads the page's members into the session (kept referenced here),
            # so applying each change finds its row without a query of its own.
            ids = [c.id for c in page.changes if c.entity == "member"]
            loaded = list(session.scalars(select(Member).where(Member.id.in_(ids)))) if ids else []
            sync_apply.preload_numbers(
                session,
                (str(c.data.get("number")) for c in page.changes
                 if c.entity == "member" and c.data.get("number")),
            )  # fmt: skip
            for change in page.changes:
                apply = sync_apply.ENTITIES.get(change.entity)
                if apply is not None:  # an entity this desk version does not keep
                    apply(session, change.id, change.op, change.data, now)
            del loaded
            set_state(session, CURSOR, page.next)
            acked = max(page.acked_seq, int(get_state(session, ACKED_SEQ) or 0))
            set_state(session, ACKED_SEQ, str(acked))
            if page.changes:
                _replay_unreflected(session, acked)

    def apply_rows(self, page: RowsPage, now: datetime) -> None:
        """The server's current rows, then the ops it does not reflect yet, on top."""
        apply = sync_apply.ENTITIES.get(page.entity)
        if apply is None:
            return
        with self._write() as session:
            for row in page.rows:
                apply(session, str(row.get("key") or row["id"]), "upsert", row, now)
            _replay_unreflected(session, int(get_state(session, ACKED_SEQ) or 0))

    # -- bootstrap ----------------------------------------------------------------------
    def apply_bootstrap_page(self, page: BootstrapPage, now: datetime) -> None:
        members: list[SearchInput] = []
        with self._write() as session:
            if page.entity == "member":
                first_load = _set_member_indexes_aside(session)
                if first_load and self._terms is None and (page.total or 0) >= TERM_WORKER_FROM:
                    self._terms = TermBuilder(self._db.path)
                members = load_member_page(session, page, now)
            else:
                apply = sync_apply.ENTITIES[page.entity]
                key = "key" if page.entity == "setting" else "id"
                for row in page.records():
                    if page.entity == "card" and session.get(Member, row["member_id"]) is None:
                        # The member was made after its bootstrap pages went by; the pull,
                        # whose cursor was taken before bootstrap began, brings both.
                        continue
                    apply(session, str(row[key]), "upsert", row, now)
            if page.after is not None:
                set_state(session, BOOT_AFTER + page.entity, page.after)
        if members and self._terms is not None:  # committed: its terms too
            self._terms.add(members)

    def finish_bootstrap(self, cursor: str, acked_seq: int) -> None:
        """The pull cursor taken before the first page, the member indexes set aside, and the
        member search index: copied from the term worker when it saw the whole load, else
        built here in bulk (the bulk member load does not index row by row). The member
        indexes are built while the worker sorts the terms (each on its own core)."""
        from desktop_app.domain.member_query import TERMS_VERSION
        from desktop_app.store.search import VERSION_KEY, build_search_index

        if self._terms is not None:
            self._terms.end_of_load()
        with self._write() as session:  # once: "[]" marks them built if the desk stops later
            raw = session.connection().connection.driver_connection
            for sql in json.loads(get_state(session, BOOT_INDEXES) or "[]"):
                raw.execute(sql)  # type: ignore[union-attr]
            set_state(session, BOOT_INDEXES, "[]")
        terms_copied = False
        if self._terms is not None:
            raw_conn = self._db.engine.raw_connection()
            try:
                terms_copied = self._terms.finish(raw_conn.driver_connection)  # type: ignore[arg-type]
            finally:
                raw_conn.close()
                self._terms = None
        with self._write() as session:
            raw = session.connection().connection.driver_connection
            if terms_copied:
                set_state(session, VERSION_KEY, TERMS_VERSION)
            else:
                build_search_index(raw)  # type: ignore[arg-type]
            set_state(session, CURSOR, cursor)
            set_state(session, ACKED_SEQ, str(acked_seq))
            session.execute(delete(SyncState).where(SyncState.key.like("sync.bootstrap.%")))
            _replay_unreflected(session, int(get_state(session, ACKED_SEQ) or 0))

    @contextmanager
    def _write(self) -> Iterator[Session]:
        session = self._db.write_session()
        try:
            session.connection()  # BEGIN IMMEDIATE
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()


_KEYS = {
    "server_url": SERVER_URL,
    "device_id": DEVICE,
    "token": TOKEN,
    "store_id": STORE,
    "epoch": EPOCH,
    "cursor": CURSOR,
    "acked_seq": ACKED_SEQ,
    "last_success": LAST_SUCCESS,
    "bootstrap_cursor": BOOT_CURSOR,
    "bootstrap_acked": BOOT_CURSOR + ".acked",
}


def _replay_unreflected(session: Session, acked_seq: int) -> None:
    """Ops the pulled state does not reflect yet (pending, or applied after the page's
    acked_seq) are done again on top. Rejected and compensated ops are not: the server's
    state is the truth for them."""
    rows = session.scalars(
        select(OutboxOp)
        .where(
            OutboxOp.seq > acked_seq,
            OutboxOp.state.in_(("pending", "applied")),
            OutboxOp.name.in_(list(sync_apply.REPLAYS)),  # only ops that have a replay
        )
        .order_by(OutboxOp.seq)
    )
    for row in rows:
        replay = sync_apply.REPLAYS.get(row.name)
        if replay is not None:
            replay(session, row.args)


def _set_member_indexes_aside(session: Session) -> bool:
    """On a desk with no members yet, drop the members' secondary indexes for the first load
    and keep their SQL: finish_bootstrap builds each once, sorted, instead of a million
    scattered inserts into each (five times faster at a million). A desk that has members
    (a bootstrap again) keeps its indexes: its unique numbers must be checked row by row.
    True when the indexes were set aside just now (the first page of a first load)."""
    if get_state(session, BOOT_INDEXES) is not None:
        return False
    if session.execute(text("SELECT 1 FROM members LIMIT 1")).first() is not None:
        set_state(session, BOOT_INDEXES, "[]")
        return False
    rows = session.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
             "AND tbl_name = 'members' AND sql IS NOT NULL")
    ).all()  # fmt: skip
    for name, _ in rows:
        session.execute(text(f'DROP INDEX "{name}"'))
    set_state(session, BOOT_INDEXES, json.dumps([sql for _, sql in rows]))
    return True
