"""The desk's sync engine (no Qt): push the outbox in order, pull and apply the server's
changes, bootstrap a new desk, enrol. It runs on a background worker; the GUI reads
`status` (plain, immutable data) and subscribes with `on_status(callback)`.

Only transport failures and server errors are retried, with exponential backoff and jitter;
a business rejection is an op's result and never blocks the queue (SYNC.md principle 5).
"""

from __future__ import annotations

import contextlib
import logging
import queue
import random
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

from desktop_app.domain.clock import Clock
from desktop_app.store.db import Database
from desktop_app.store.sync_store import Enrolment, OpIssue, SyncStore
from desktop_app.sync.protocol import (
    BOOTSTRAP_ENTITIES,
    SCHEMA_VERSION,
    BootstrapPage,
    EnrollRequest,
    PushRequest,
)
from desktop_app.sync.transport import (
    CursorGone,
    GapDetected,
    HttpTransport,
    OpConflictError,
    SchemaTooOld,
    SyncError,
    Transient,
    Transport,
    Unauthorised,
)

log = logging.getLogger(__name__)

TransportFactory = Callable[[str, str | None], Transport]
NOT_ENROLLED_CHECK_S = 2.0  # one indexed read: how soon a new enrolment starts syncing
INDEXING = "search_index"  # the last step of a bootstrap, once every page is in


@dataclass(frozen=True, slots=True)
class Loading:
    """A bootstrap under way: its step (an entity of BOOTSTRAP_ENTITIES, then INDEXING), the
    step's rows so far and its total (None when not known)."""

    step: str
    done: int = 0
    total: int | None = None


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the status bar shows. `problem` is a stable code: offline, unauthorised,
    schema_too_old, server_needs_update, op_conflict, needs_reenrol, failed (an unexpected
    error, in the log; retried), or None."""

    enrolled: bool = False
    online: bool = False
    pending: int = 0
    last_success: datetime | None = None
    problem: str | None = None
    detail: str | None = None
    issues: tuple[OpIssue, ...] = ()
    loading: Loading | None = None  # set while a bootstrap runs

    @property
    def bootstrapping(self) -> bool:
        return self.loading is not None


@dataclass(frozen=True, slots=True)
class SyncReport:
    ok: bool
    pushed: int = 0
    pulled: int = 0
    retry_in_s: float | None = None


@dataclass(slots=True)
class Backoff:
    """Exponential backoff with full jitter: 0..min(cap, base * 2^n) seconds."""

    base_s: float = 1.0
    cap_s: float = 300.0
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def next_delay(self) -> float:
        self.failures += 1
        return self.rng.uniform(0, min(self.cap_s, self.base_s * 2 ** (self.failures - 1)))

    def reset(self) -> None:
        self.failures = 0


def _http(base_url: str, token: str | None) -> Transport:
    return HttpTransport(base_url, token)


class SyncEngine:
    def __init__(
        self,
        db: Database,
        clock: Clock,
        *,
        transport_factory: TransportFactory = _http,
        page_size: int = 500,
        bootstrap_page: int = 10_000,  # the server's largest: half the requests of 5,000
        backoff: Backoff | None = None,
    ) -> None:
        self.store = SyncStore(db)
        self._clock = clock
        self._factory = transport_factory
        self._page_size = page_size
        self._bootstrap_page = bootstrap_page
        self.backoff = backoff or Backoff()
        self._listeners: list[Callable[[SyncStatus], None]] = []
        self._lock = threading.Lock()  # one sync at a time per desk
        self._transport: Transport | None = None
        self._held: str | None = None  # an op the server has no handler for yet
        self._status = SyncStatus()
        self._refresh_status()

    # -- status -------------------------------------------------------------------------
    @property
    def status(self) -> SyncStatus:
        return self._status

    def on_status(self, callback: Callable[[SyncStatus], None]) -> None:
        """`callback(status)` after every change; called on the sync worker's thread (the Qt
        side posts it to the GUI thread)."""
        self._listeners.append(callback)

    def _set(self, **changes: object) -> None:
        self._status = replace(self._status, **changes)  # type: ignore[arg-type]
        for callback in list(self._listeners):
            try:
                callback(self._status)
            except Exception:  # a broken listener must not stop sync
                log.exception("sync status listener failed")

    def _refresh_status(self, **changes: object) -> None:
        last = self.store.get("sync.last_success")
        self._set(
            enrolled=self.store.enrolment() is not None,
            pending=self.store.pending_count(),
            issues=tuple(self.store.issues()),
            last_success=datetime.fromisoformat(last) if last else None,
            **changes,
        )

    # -- enrolment ----------------------------------------------------------------------
    def enrol(self, server_url: str, code: str, device_name: str = "desk") -> Enrolment:
        transport = self._factory(server_url, None)
        try:
            answer = transport.enroll(
                EnrollRequest(
                    code=code,
                    device_name=device_name,
                    schema=SCHEMA_VERSION,
                    first_seq=self.store.first_unsent_seq(),
                )
            )
        finally:
            transport.close()
        self.store.put(
            server_url=server_url,
            device_id=answer.device_id,
            token=answer.token,
            store_id=answer.store_id,
            epoch=answer.server_epoch,
            cursor=None,
            acked_seq="0",
        )
        self._drop_transport()
        self._refresh_status(problem=None, detail=None)
        enrolment = self.store.enrolment()
        assert enrolment is not None
        return enrolment

    def _client(self) -> tuple[Enrolment, Transport]:
        enrolment = self.store.enrolment()
        if enrolment is None:
            raise RuntimeError("this desk is not enrolled with a server")
        if not self._status.enrolled:  # enrolled by another engine (the Settings page's)
            self._set(enrolled=True)
        if self._transport is None:
            self._transport = self._factory(enrolment.server_url, enrolment.token)
        return enrolment, self._transport

    def _drop_transport(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None

    def close(self) -> None:
        self._drop_transport()

    # -- one round ----------------------------------------------------------------------
    def sync_once(self) -> SyncReport:
        """Push everything waiting, then pull until up to date. Never raises for network
        trouble: the report says when to try again."""
        with self._lock:
            try:
                pushed = self.push_all()
                pulled = self.pull_all()
            except Transient as exc:
                self._drop_transport()
                delay = self.backoff.next_delay()
                log.info("sync offline, retry in %.1fs: %s", delay, exc)
                self._refresh_status(online=False, problem="offline", detail=str(exc))
                return SyncReport(False, retry_in_s=delay)
            except Unauthorised as exc:
                self._refresh_status(online=False, problem="unauthorised", detail=str(exc))
                return SyncReport(False, retry_in_s=self.backoff.cap_s)
            except OpConflictError as exc:
                log.error("op conflict: %s", exc)
                self._refresh_status(online=True, problem="op_conflict", detail=str(exc))
                return SyncReport(False, retry_in_s=self.backoff.cap_s)
            except SyncError as exc:
                log.error("sync failed: %s", exc)
                self._refresh_status(problem=type(exc).__name__, detail=str(exc))
                return SyncReport(False, retry_in_s=self.backoff.cap_s)
            self.backoff.reset()
            now = self._clock.now()
            self.store.put(last_success=now.isoformat())
            self.store.prune_acked(now)
            problem: str | None = "schema_too_old" if pulled < 0 else None
            detail: str | None = None
            if self._held is not None:
                problem, detail = "server_needs_update", self._held
            self._refresh_status(online=True, problem=problem, detail=detail)
            return SyncReport(True, pushed=pushed, pulled=max(pulled, 0))

    def push_all(self) -> int:
        enrolment, transport = self._client()
        self._held = None
        pushed = 0
        while True:
            batch = self.store.next_batch()
            if not batch:
                return pushed
            try:
                answer = transport.push(
                    PushRequest(device_id=enrolment.device_id, schema=SCHEMA_VERSION, ops=batch)
                )
            except GapDetected as exc:
                self._handle_gap(exc, batch[0].seq)
                continue
            refresh = self.store.record_results(answer.results, self._clock.now())
            self._refresh_rows(transport, refresh)
            pushed += len(answer.results)
            self._set(pending=self.store.pending_count(), online=True)
            if answer.held is not None:
                # The server cannot run this op yet: keep it (and all after it) for later.
                self._held = f"seq {answer.held.seq}: {answer.held.name}"
                return pushed

    def _refresh_rows(self, transport: Transport, wanted: set[tuple[str, str]]) -> None:
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in sorted(wanted):
            by_entity.setdefault(entity, []).append(entity_id)
        for entity, ids in by_entity.items():
            for start in range(0, len(ids), 100):
                page = transport.rows(entity, ids[start : start + 100])
                self.store.apply_rows(page, self._clock.now())

    def _handle_gap(self, exc: GapDetected, first_pending: int) -> None:
        expected = exc.gap.expected_seq
        if exc.gap.error == "seq_gap" and expected < first_pending:
            # The server lost ops it had acknowledged (restored from a backup): send again.
            if self.store.resend_from(expected) == 0:
                raise SyncError(f"server expects seq {expected}, which this desk no longer has")
            log.warning("server expects seq %s: re-sending acknowledged ops", expected)
            return
        # Our seqs are behind the server's (this desk was restored from a backup): it must
        # enrol again as a new device; its ops are kept.
        self._refresh_status(problem="needs_reenrol", detail=str(exc))
        raise SyncError(str(exc))

    def pull_all(self) -> int:
        """Pages until `more` is false. Returns the changes applied, or -1 when the server
        says this desk is too old to pull (426: push still works)."""
        _, transport = self._client()
        if self.store.get("sync.bootstrap.cursor") is not None:
            self.bootstrap()
        pulled = 0
        while True:
            cursor = self.store.get("sync.cursor")
            if cursor is None:
                return pulled + self.bootstrap()
            try:
                page = transport.pull(cursor, self._page_size)
            except CursorGone:
                log.warning("cursor %s is too old: bootstrapping again", cursor)
                self.store.put(cursor=None)
                continue
            except SchemaTooOld:
                return -1
            self.store.apply_page(page, self._clock.now())
            pulled += len(page.changes)
            if not page.more:
                return pulled

    def bootstrap(self) -> int:
        """Load every row this desk may see, page by page (bounded memory, resumable: the
        pull cursor and each entity's last key are kept as it goes)."""
        _, transport = self._client()
        cursor = self.store.get("sync.bootstrap.cursor")
        acked = int(self.store.get("sync.bootstrap.cursor.acked") or 0)
        if cursor is None:
            start = transport.cursor()  # taken BEFORE the first page: nothing is missed
            cursor, acked = start.cursor, start.acked_seq
            self.store.put(bootstrap_cursor=cursor, bootstrap_acked=str(acked))
        loaded = 0
        try:
            for entity in BOOTSTRAP_ENTITIES:
                self._set(loading=Loading(entity))
                after = self.store.get("sync.bootstrap.after." + entity) or ""
                total: int | None = None
                done = 0
                for page in self._pages(transport, entity, after):
                    total = page.total if page.total is not None else total
                    self.store.apply_bootstrap_page(page, self._clock.now())
                    done += len(page.rows)
                    loaded += len(page.rows)
                    self._set(loading=Loading(entity, done, total))  # the status bar's bar
            self._set(loading=Loading(INDEXING))
            self.store.finish_bootstrap(cursor, acked)
        finally:
            self._set(loading=None)
        return loaded

    def _pages(self, transport: Transport, entity: str, after: str) -> Iterator[BootstrapPage]:
        """The entity's pages in order. The next page is fetched while the current one is
        written (one page ahead at most: memory stays bounded)."""
        ahead: queue.Queue[BootstrapPage | BaseException | None] = queue.Queue(maxsize=1)
        stop = threading.Event()

        def fetch() -> None:
            cursor = after
            try:
                while not stop.is_set():
                    page = transport.bootstrap(entity, cursor, self._bootstrap_page)
                    ahead.put(page)
                    if not page.more or page.after is None:
                        break
                    cursor = page.after
                ahead.put(None)
            except BaseException as exc:  # handed to the consumer, raised there
                ahead.put(exc)

        fetcher = threading.Thread(target=fetch, name=f"bootstrap-{entity}", daemon=True)
        fetcher.start()
        try:
            while True:
                item = ahead.get()
                if item is None:
                    return
                if isinstance(item, BaseException):
                    raise item
                yield item
        finally:
            stop.set()
            while fetcher.is_alive():  # let a blocked put() finish, then the thread ends
                with contextlib.suppress(queue.Empty):
                    ahead.get(timeout=0.1)

    # -- background loop ----------------------------------------------------------------
    def run(self, stop: threading.Event, interval_s: float = 30.0, long_poll: bool = True) -> None:
        """Sync until `stop` is set: after a success wait for the server's poke (long-poll)
        or the interval; after a failure wait the backoff delay."""
        while not stop.is_set():
            try:
                if self.store.enrolment() is None:
                    # Enrolment is made in Settings or the first-run wizard: start within
                    # seconds of it.
                    stop.wait(NOT_ENROLLED_CHECK_S)
                    continue
                report = self.sync_once()
            except Exception as exc:  # a bug or a local database fault must not end syncing
                log.exception("sync round failed; trying again after the backoff")
                self._set(loading=None, problem="failed", detail=str(exc))
                stop.wait(self.backoff.next_delay())
                continue
            if not report.ok:
                stop.wait(report.retry_in_s or interval_s)
                continue
            if long_poll:
                try:
                    _, transport = self._client()
                    answer = transport.events(self.store.get("sync.cursor") or "", interval_s)
                    if not answer.changed:
                        continue
                except SyncError:
                    stop.wait(interval_s)
            else:
                stop.wait(interval_s)

    def request_sync(self) -> SyncReport:
        """ "Sync now" from the GUI (call it on a worker, never the GUI thread)."""
        self.backoff.reset()
        return self.sync_once()
