"""The print worker: one plain Python thread that drains the print queue.

It takes the head of the queue, renders it for the printer set up NOW (settings are read per
job), sends it, and ends the attempt in one transaction: printed, or failed with the next
attempt time (exponential backoff for retryable errors; parked when retrying cannot help).
The GUI never waits on it: it only enqueues and reads the queue; this thread does the
waiting. A failing printer holds up the jobs behind the head, so receipts keep their order.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from desktop_app.devices.printing.payload import (
    DRAWER_KICK,
    PayloadError,
    document_for,
    drawer_kick_bytes,
)
from desktop_app.devices.printing.setup import profile_for, transport_for
from desktop_app.devices.receipts.render import ReceiptRenderError, render
from desktop_app.devices.receipts.transports import PrinterError, PrinterTransport
from desktop_app.domain.device_settings import PrinterSettings
from desktop_app.services.printing import ClaimedJob, NotDue, PrintingService

log = logging.getLogger(__name__)

TransportFactory = Callable[[PrinterSettings], PrinterTransport]
SettingsSource = Callable[[], PrinterSettings]


class Activity(StrEnum):
    IDLE = "idle"
    PRINTING = "printing"
    RETRYING = "retrying"  # the last attempt failed and will be tried again
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class WorkerState:
    activity: Activity
    detail: str = ""


ActivityListener = Callable[[WorkerState], None]


class PrintWorker:
    def __init__(self, service: PrintingService, settings: SettingsSource,
                 transport_factory: TransportFactory = transport_for,
                 idle_poll_s: float = 5.0, font_path: str | None = None) -> None:
        self._service = service
        self._settings = settings
        self._transport_factory = transport_factory
        self._idle_poll_s = idle_poll_s
        self._font_path = font_path
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._listeners: list[ActivityListener] = []
        self.state = WorkerState(Activity.STOPPED)

    # -- control --------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._unsubscribe = self._service.subscribe(self._wake.set)
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 15.0) -> None:
        """Ask the thread to finish after the current attempt; wait for it. A job cut off
        here is resumed at the next start (recover_interrupted)."""
        self._stop.set()
        self._wake.set()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._set_state(WorkerState(Activity.STOPPED))

    def wake(self) -> None:
        self._wake.set()

    def on_state(self, listener: ActivityListener) -> None:
        """``listener(state)`` on the worker thread whenever the activity changes."""
        self._listeners.append(listener)

    # -- the loop ---------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._service.recover_interrupted()
        except Exception:
            log.exception("print worker could not recover interrupted jobs")
        self._set_state(WorkerState(Activity.IDLE))
        while not self._stop.is_set():
            self._wake.clear()
            try:
                wait_s = self.run_once()
            except Exception:  # the database was busy or closed: never let the thread die
                log.exception("print worker step failed")
                wait_s = self._idle_poll_s
            if wait_s > 0 and not self._stop.is_set():
                self._wake.wait(wait_s)

    def run_once(self) -> float:
        """One step: print the head job if due. Returns how long to sleep (0: go again)."""
        claimed = self._service.claim_next()
        if claimed is None:
            if self.state.activity is Activity.PRINTING:
                self._set_state(WorkerState(Activity.IDLE))
            return self._idle_poll_s
        if isinstance(claimed, NotDue):
            seconds = (claimed.at - self._service.now()).total_seconds()
            return min(max(seconds, 0.01), self._idle_poll_s)
        self._attempt(claimed)
        return 0.0

    def _attempt(self, job: ClaimedJob) -> None:
        self._set_state(WorkerState(Activity.PRINTING, job.kind))
        settings = self._settings()
        try:
            if job.kind == DRAWER_KICK:
                chunks = drawer_kick_bytes(settings.drawer_pin)
            else:
                doc = document_for(job.kind, job.payload, job.copy)
                chunks = render(doc, profile_for(settings), self._font_path)
        except (PayloadError, ReceiptRenderError, ValueError) as exc:
            # This receipt can never print: park it (no next attempt) and show why.
            log.error("print job %s cannot be rendered: %s", job.id, exc)
            self._service.attempt_failed(job.id, job.attempt, f"cannot render: {exc}", None)
            return
        transport: PrinterTransport | None = None
        try:
            transport = self._transport_factory(settings)
            transport.send(chunks)
        except PrinterError as exc:
            retry_in = self._service.backoff.delay_s(job.attempt)
            if not exc.retryable:
                # Misconfigured or a driver missing: try again only rarely (or when staff
                # press retry after fixing the settings).
                retry_in = self._service.backoff.max_s
            log.warning("print job %s attempt %d failed (%s, %d chunks sent); retry in %.1fs",
                        job.id, job.attempt, exc, exc.chunks_sent, retry_in)
            self._service.attempt_failed(job.id, job.attempt, str(exc), retry_in)
            self._set_state(WorkerState(Activity.RETRYING, str(exc)))
            return
        finally:
            if transport is not None:
                transport.close()
        self._service.attempt_succeeded(job.id, job.attempt)
        self._set_state(WorkerState(Activity.IDLE))

    def _set_state(self, state: WorkerState) -> None:
        if state == self.state:
            return
        self.state = state
        for listener in list(self._listeners):
            try:
                listener(state)
            except Exception:
                log.exception("print worker state listener failed")
