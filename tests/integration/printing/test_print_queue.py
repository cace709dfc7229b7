"""The print queue's rules on a real database, with a fixed clock and an in-memory printer."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop_app.devices.receipts.transports import (
    MemoryTransport,
    PrinterOffline,
    PrinterUnavailable,
)
from desktop_app.domain.device_settings import PrinterSettings
from desktop_app.domain.errors import Conflict
from desktop_app.domain.print_jobs import JobState
from desktop_app.services.print_worker import PrintWorker
from desktop_app.services.printing import INTERRUPTED, ClaimedJob, NotDue
from desktop_app.store.models import AuditEntry
from desktop_app.store.print_models import PrintJob
from tests.helpers.escpos_decode import decode
from tests.integration.printing.conftest import SALE, STORE

SETTINGS = PrinterSettings(transport="file", file_path="/dev/null")


@pytest.fixture
def memory() -> MemoryTransport:
    return MemoryTransport()


@pytest.fixture
def worker(services, memory) -> PrintWorker:
    return PrintWorker(services.printing, lambda: SETTINGS, lambda s: memory)


def texts(memory: MemoryTransport) -> list[str]:
    return ["\n".join(decode(b"".join(job)).text) for job in memory.jobs]


def test_a_failed_attempt_waits_its_backoff_then_prints(services, clock, memory, worker) -> None:
    job = services.printing.print_receipt(None, "sale", SALE, STORE, "en")
    memory.fail_with.append(PrinterOffline("unplugged"))
    worker.run_once()
    failed = services.printing.job(job.id)
    assert failed.state is JobState.FAILED and failed.last_error == "unplugged"
    assert failed.next_attempt_at == clock.now() + timedelta(seconds=2)
    assert worker.run_once() > 0 and memory.jobs == []  # not due yet: nothing sent
    memory.fail_with.append(PrinterOffline("still unplugged"))
    clock.advance(seconds=2)
    worker.run_once()
    assert services.printing.job(job.id).next_attempt_at == clock.now() + timedelta(seconds=4)
    clock.advance(seconds=4)
    worker.run_once()
    done = services.printing.job(job.id)
    assert done.state is JobState.PRINTED and done.attempts == 3 and len(memory.jobs) == 1


def test_reprint_is_a_copy_of_the_same_receipt_and_audited(services, admin, memory,
                                                           worker) -> None:
    original = services.printing.print_receipt(None, "sale", SALE, STORE, "zh_CN")
    worker.run_once()
    copy = services.printing.reprint(admin, original.id)
    worker.run_once()
    first, second = texts(memory)
    assert "副本" not in first and second.count("*** 副本 ***") == 2  # header and footer
    assert [ln for ln in second.split("\n") if "副本" not in ln] == first.split("\n")
    assert copy.copy and copy.reprint_of == original.id and copy.title == SALE.receipt_no
    with services.db.read() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert audit.action == "print.reprint" and audit.actor_id == admin.staff_id


def test_cancel_takes_a_waiting_job_off_and_a_printed_one_cannot_be(services, admin, memory,
                                                                   worker) -> None:
    done = services.printing.print_receipt(None, "sale", SALE, STORE, "en")
    worker.run_once()
    waiting = services.printing.print_receipt(None, "refund", _refund(), STORE, "en")
    assert services.printing.cancel(admin, waiting.id).state is JobState.CANCELLED
    worker.run_once()
    assert len(memory.jobs) == 1
    with pytest.raises(Conflict):
        services.printing.cancel(admin, done.id)


def test_a_job_cut_off_by_a_stop_is_printed_again_with_a_note(services, memory,
                                                              worker) -> None:
    job = services.printing.print_receipt(None, "sale", SALE, STORE, "en")
    first = services.printing.claim_next()
    assert isinstance(first, ClaimedJob)  # ... and the process dies here
    assert services.printing.recover_interrupted() == 1
    resumed = services.printing.job(job.id)
    assert resumed.state is JobState.QUEUED and resumed.last_error == INTERRUPTED
    worker.run_once()
    # The attempt that was cut off can no longer end the job.
    assert not services.printing.attempt_succeeded(job.id, first.attempt)
    done = services.printing.job(job.id)
    assert done.state is JobState.PRINTED and done.attempts == 2 and len(memory.jobs) == 1


def test_an_unrenderable_job_is_parked_and_does_not_block_the_queue(services, memory,
                                                                    worker) -> None:
    bad = services.printing.print_receipt(None, "sale", SALE, STORE, "en")
    with services.db.write_session() as s, s.begin():
        s.scalar(select(PrintJob).where(PrintJob.id == bad.id)).payload = {"data": {}}
    good = services.printing.print_receipt(None, "sale", SALE, STORE, "en")
    worker.run_once()
    worker.run_once()
    parked = services.printing.job(bad.id)
    assert parked.state is JobState.FAILED and parked.next_attempt_at is None
    assert "cannot render" in (parked.last_error or "")
    assert services.printing.job(good.id).state is JobState.PRINTED


def test_no_printer_set_up_keeps_the_job_failed_until_retry(services, clock) -> None:
    def not_set_up(_settings: PrinterSettings) -> MemoryTransport:
        raise PrinterUnavailable("no receipt printer is set up on this desk")

    worker = PrintWorker(services.printing, lambda: PrinterSettings(), not_set_up)
    job = services.printing.print_receipt(None, "sale", SALE, STORE, "en")
    worker.run_once()
    failed = services.printing.job(job.id)
    assert failed.state is JobState.FAILED and "set up" in (failed.last_error or "")
    assert failed.next_attempt_at == clock.now() + timedelta(seconds=120)
    assert services.printing.retry_now() == 1
    assert not isinstance(services.printing.claim_next(), NotDue)


def test_opening_the_drawer_is_audited_and_kicks_through_the_printer(services, staff_of,
                                                                     memory, worker) -> None:
    from desktop_app.domain.permissions import Role

    cashier = staff_of(Role.CASHIER)
    services.printing.open_drawer(cashier)
    worker.run_once()
    assert decode(b"".join(memory.jobs[0])).kinds("drawer")
    with services.db.read() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
    assert audit.action == "drawer.open" and audit.actor_id == cashier.staff_id


def _refund():
    from tests.helpers.receipt_samples import REFUND

    return REFUND
