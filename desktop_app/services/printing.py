"""Printing use cases: queue a receipt, reprint it as a copy, cancel, open the cash drawer;
and the narrow interface the print worker uses to take and finish jobs.

Every state change is one transaction. A job is marked printed in the same transaction that
ends its attempt, so a job is printed once per successful attempt; the one edge (a crash
between the last byte and that commit) is written down in docs/decisions/print-queue.md.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop_app.devices.printing.payload import (
    DRAWER_KICK,
    KINDS,
    TEMPLATES,
    TEST_PAGE,
    receipt_payload,
    sample_page_payload,
)
from desktop_app.devices.receipts.templates import StoreText
from desktop_app.domain.clock import Clock
from desktop_app.domain.errors import Conflict, NotFound, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.domain.print_jobs import CANCELLABLE, Backoff, JobState
from desktop_app.domain.settings import StoreSettings
from desktop_app.services.base import Service
from desktop_app.store.db import Database
from desktop_app.store.print_models import PrintJob
from desktop_app.store.print_queue import (
    add_job,
    count_by_state,
    head_of_queue,
    job_by_id,
    jobs_in_state,
    recent_jobs,
)

log = logging.getLogger(__name__)

INTERRUPTED = "interrupted: the desk stopped while this job was printing; printing it again"


@dataclass(frozen=True, slots=True)
class PrintJobView:
    id: str
    seq: int
    kind: str
    title: str  # receipt / shift / card number, for the queue list
    state: JobState
    copy: bool
    reprint_of: str | None
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    updated_at: datetime
    printed_at: datetime | None


@dataclass(frozen=True, slots=True)
class ClaimedJob:
    """A job handed to the worker for one attempt (number ``attempt``)."""

    id: str
    kind: str
    payload: Any
    copy: bool
    attempt: int


@dataclass(frozen=True, slots=True)
class NotDue:
    """The head of the queue waits for its retry time."""

    at: datetime


def store_header(settings: StoreSettings) -> StoreText:
    """The header every receipt carries: the store's name, then its address when it has one."""
    return StoreText(tuple(line for line in (settings.store_name, settings.store_address)
                           if line))


def _title(job: PrintJob) -> str:
    data = job.payload.get("data", {}) if isinstance(job.payload, dict) else {}
    for key in ("receipt_no", "refund_no", "shift_no", "card_code"):
        if isinstance(data, dict) and data.get(key):
            return str(data[key])
    return ""


def view_of(job: PrintJob) -> PrintJobView:
    return PrintJobView(job.id, job.seq, job.kind, _title(job), JobState(job.state), job.copy,
                        job.reprint_of, job.attempts, job.last_error, job.next_attempt_at,
                        job.created_at, job.updated_at, job.printed_at)


Listener = Callable[[], None]


class PrintingService(Service):
    def __init__(self, db: Database, clock: Clock, backoff: Backoff | None = None) -> None:
        super().__init__(db, clock)
        self.backoff = backoff or Backoff()
        self._listeners: list[Listener] = []
        self._listeners_lock = threading.Lock()

    # -- listeners: the worker (to wake up) and the screen (to refresh) -------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener()`` after every committed queue change (on the changing thread).
        Returns the function that unsubscribes."""
        with self._listeners_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _changed(self) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener()
            except Exception:  # a broken listener must not undo a committed change
                log.exception("print queue listener failed")

    # -- use cases ------------------------------------------------------------------------
    def print_receipt(self, actor: Actor | None, kind: str, data: Any, store: StoreText,
                      lang: str) -> PrintJobView:
        """Queue a receipt built from a template's input (a Sale, a Refund, ...). The caller
        already holds the right to the action the receipt records (a sale, a refund)."""
        return self._enqueue(actor, kind, receipt_payload(kind, data, store, lang))

    def print_test_page(self, actor: Actor | None, store: StoreText, lang: str,
                        setup: str) -> PrintJobView:
        return self._enqueue(actor, TEST_PAGE, sample_page_payload(store, lang, setup))

    def open_drawer(self, actor: Actor, approver: Actor | None = None) -> PrintJobView:
        """Kick the cash drawer (through the printer, in queue order). Audited."""
        with self._authorised(actor, Permission.DRAWER_OPEN, approver) as uow:
            job = add_job(uow.session, job_id=new_id(), kind=DRAWER_KICK, payload={},
                          copy=False, at=uow.now, created_by=actor.staff_id)
            uow.audit("drawer.open", entity="print_job", entity_id=job.id)
            result = view_of(job)
        self._changed()
        return result

    def reprint(self, actor: Actor, job_id: str, approver: Actor | None = None) -> PrintJobView:
        """Print an earlier receipt again, marked as a COPY. Audited: duplicate receipts are
        how refund fraud starts."""
        with self._authorised(actor, Permission.SALE_CREATE, approver) as uow:
            original = job_by_id(uow.session, job_id)
            if original is None:
                raise NotFound("no such print job", job_id=job_id)
            if original.kind == DRAWER_KICK:
                raise ValidationError("job_id", "not_a_receipt", "a drawer kick has no copy")
            job = add_job(uow.session, job_id=new_id(), kind=original.kind,
                          payload=original.payload, copy=True, at=uow.now,
                          created_by=actor.staff_id, reprint_of=original.id)
            uow.audit("print.reprint", entity="print_job", entity_id=job.id,
                      details={"original": original.id, "kind": original.kind,
                               "title": _title(original)})
            result = view_of(job)
        self._changed()
        return result

    def cancel(self, actor: Actor, job_id: str) -> PrintJobView:
        """Take a waiting or failing job off the queue. A job being printed cannot be
        cancelled: its bytes are already on their way."""
        with self._authorised(actor, Permission.SALE_CREATE) as uow:
            job = self._job(uow.session, job_id)
            if JobState(job.state) not in CANCELLABLE:
                raise Conflict(f"a {job.state} job cannot be cancelled", state=job.state)
            job.state = JobState.CANCELLED.value
            job.next_attempt_at = None
            job.updated_at = uow.now
            uow.audit("print.cancel", entity="print_job", entity_id=job.id,
                      details={"kind": job.kind, "title": _title(job)})
            result = view_of(job)
        self._changed()
        return result

    def retry_now(self) -> int:
        """Make every failed job due now (a printer was fixed or set up). Returns how many."""
        with self._unit() as uow:
            failed = jobs_in_state(uow.session, JobState.FAILED)
            for job in failed:
                job.next_attempt_at = uow.now
                job.updated_at = uow.now
            count = len(failed)
        if count:
            self._changed()
        return count

    # -- reads ----------------------------------------------------------------------------
    def jobs(self, limit: int = 50) -> list[PrintJobView]:
        """The newest jobs first (history and queue in one list)."""
        with self._db.read() as session:
            return [view_of(j) for j in recent_jobs(session, limit)]

    def job(self, job_id: str) -> PrintJobView:
        with self._db.read() as session:
            return view_of(self._job(session, job_id))

    def counts(self) -> dict[JobState, int]:
        with self._db.read() as session:
            found = count_by_state(session)
        return {state: found.get(state.value, 0) for state in JobState}

    # -- the worker's side ----------------------------------------------------------------
    def recover_interrupted(self) -> int:
        """At worker start: a job left `printing` was cut off by a crash or a kill. Put it
        back at its place in the queue (its seq is unchanged) with a note staff can see."""
        with self._unit() as uow:
            stuck = jobs_in_state(uow.session, JobState.PRINTING)
            for job in stuck:
                job.state = JobState.QUEUED.value
                job.last_error = INTERRUPTED
                job.next_attempt_at = uow.now
                job.updated_at = uow.now
            count = len(stuck)
        if count:
            log.warning("print queue: %d job(s) interrupted by a stop; printing them again", count)
            self._changed()
        return count

    def claim_next(self) -> ClaimedJob | NotDue | None:
        """Take the head of the queue for one attempt (state printing, attempts + 1), or say
        when it is due, or None when there is nothing to print."""
        with self._unit() as uow:
            job = head_of_queue(uow.session)
            if job is None:
                return None
            if job.next_attempt_at is not None and job.next_attempt_at > uow.now:
                return NotDue(job.next_attempt_at)
            job.state = JobState.PRINTING.value
            job.attempts += 1
            job.updated_at = uow.now
            claimed = ClaimedJob(job.id, job.kind, job.payload, job.copy, job.attempts)
        self._changed()
        return claimed

    def attempt_succeeded(self, job_id: str, attempt: int) -> bool:
        """Every byte was accepted: mark printed in the transaction that ends the attempt."""
        with self._unit() as uow:
            job = job_by_id(uow.session, job_id)
            if not _owns(job, attempt):
                log.error("print job %s attempt %d finished but no longer owns the job",
                          job_id, attempt)
                return False
            assert job is not None
            job.state = JobState.PRINTED.value
            job.last_error = None
            job.next_attempt_at = None
            job.printed_at = uow.now
            job.updated_at = uow.now
        self._changed()
        return True

    def attempt_failed(self, job_id: str, attempt: int, error: str,
                       retry_in_s: float | None) -> bool:
        """The attempt failed: state failed (staff see it), retried after ``retry_in_s``
        seconds, or parked (None) when retrying cannot help."""
        with self._unit() as uow:
            job = job_by_id(uow.session, job_id)
            if not _owns(job, attempt):
                return False
            assert job is not None
            job.state = JobState.FAILED.value
            job.last_error = error[:2000]
            job.next_attempt_at = (uow.now + timedelta(seconds=retry_in_s)
                                   if retry_in_s is not None else None)
            job.updated_at = uow.now
        self._changed()
        return True

    def now(self) -> datetime:
        return self._clock.now()

    # -- helpers --------------------------------------------------------------------------
    def _enqueue(self, actor: Actor | None, kind: str, payload: Any) -> PrintJobView:
        if kind not in KINDS:
            raise ValidationError("kind", "unknown_job_kind")
        with self._unit() as uow:
            job = add_job(uow.session, job_id=new_id(), kind=kind, payload=payload, copy=False,
                          at=uow.now, created_by=actor.staff_id if actor else None)
            result = view_of(job)
        self._changed()
        return result

    @staticmethod
    def _job(session: Any, job_id: str) -> PrintJob:
        job = job_by_id(session, job_id)
        if job is None:
            raise NotFound("no such print job", job_id=job_id)
        return job


def _owns(job: PrintJob | None, attempt: int) -> bool:
    """Only the attempt that claimed a job may end it (a recovered job has a new attempt)."""
    return job is not None and job.state == JobState.PRINTING.value and job.attempts == attempt


__all__ = ["TEMPLATES", "ClaimedJob", "NotDue", "PrintJobView", "PrintingService"]
