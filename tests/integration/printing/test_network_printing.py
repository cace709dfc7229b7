"""The print worker against a network printer on loopback: a job printed; a printer that
refuses, closes mid-job or stalls: the job shows as failed, is retried, and prints once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from desktop_app.domain.clock import SystemClock
from desktop_app.domain.device_settings import PrinterSettings
from desktop_app.domain.print_jobs import Backoff, JobState
from desktop_app.services.print_worker import Activity, PrintWorker
from desktop_app.services.printing import PrintJobView
from desktop_app.services.registry import Services
from tests.helpers.escpos_decode import decode
from tests.helpers.waiting import wait_for
from tests.integration.printing.conftest import SALE, STORE, big_sale
from tests.integration.printing.loopback_printer import LoopbackPrinter


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Services]:
    svc = Services.open(tmp_path / "desk.sqlite3", SystemClock(),
                        pin_hasher=PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    # Long enough for the failed state to be seen, short enough for a quick test.
    svc.printing.backoff = Backoff(base_s=0.3, factor=2, max_s=1.0)
    yield svc
    svc.close()


def network(printer: LoopbackPrinter) -> PrinterSettings:
    return PrinterSettings(transport="network", host="127.0.0.1", port=printer.port,
                           connect_timeout_s=0.5, write_timeout_s=0.5)


@pytest.fixture
def worker(live: Services, printer: LoopbackPrinter) -> Iterator[PrintWorker]:
    w = PrintWorker(live.printing, lambda: network(printer), idle_poll_s=0.2)
    yield w
    w.stop()


def test_a_receipt_is_printed_on_a_network_printer(live, printer, worker) -> None:
    printer.listen()
    job = live.printing.print_receipt(None, "sale", SALE, STORE, "zh_CN")
    worker.start()
    assert wait_for(lambda: live.printing.job(job.id).state is JobState.PRINTED)
    (receipt,) = printer.wait_receipts(1)
    text = "\n".join(decode(receipt).text)
    assert SALE.receipt_no in text and "王小明" in text and "￥1,287.00" in text
    assert "副本" not in text  # an original, not a copy
    done = live.printing.job(job.id)
    assert done.attempts == 1 and done.printed_at is not None and done.last_error is None


@pytest.mark.parametrize("fault", ["refuse", "close_mid", "stall"])
def test_a_failing_printer_shows_failed_then_the_job_prints_once(live, printer, worker,
                                                                 fault) -> None:
    if fault != "refuse":
        printer.behaviours.append(fault)
        printer.listen()
    job = live.printing.print_receipt(None, "sale", big_sale("S-FAULT-1"), STORE, "zh_CN")
    # Look at the job from the worker thread as it reports the failure, before it can retry:
    # polling for the failed state from here would miss a retry that is quick to succeed.
    seen_failed: list[tuple[PrintJobView, list[bytes]]] = []
    worker.on_state(lambda s: s.activity is Activity.RETRYING and not seen_failed
                    and seen_failed.append((live.printing.job(job.id), printer.receipts())))
    worker.start()
    assert wait_for(lambda: bool(seen_failed))
    failed, printed_by_then = seen_failed[0]
    assert failed.state is JobState.FAILED
    assert failed.last_error and failed.next_attempt_at is not None  # staff see why, and when
    assert printed_by_then == []
    if fault == "refuse":
        printer.listen()  # the printer comes back
    printer.release()
    assert wait_for(lambda: live.printing.job(job.id).state is JobState.PRINTED)
    receipts = printer.wait_receipts(1)
    time.sleep(0.3)  # nothing more may arrive
    assert len(printer.receipts()) == 1
    assert "S-FAULT-1" in "\n".join(decode(receipts[0]).text)
    done = live.printing.job(job.id)
    assert done.attempts >= 2 and done.last_error is None


def test_jobs_print_in_the_order_they_were_made_after_an_outage(live, printer, worker) -> None:
    numbers = [f"S-ORDER-{i}" for i in range(4)]
    for n in numbers:
        live.printing.print_receipt(None, "sale", replace(SALE, receipt_no=n), STORE, "en")
    worker.start()
    assert wait_for(lambda: live.printing.counts()[JobState.FAILED] == 1)
    printer.listen()
    receipts = printer.wait_receipts(4)
    printed = [next(n for n in numbers if n in "\n".join(decode(r).text)) for r in receipts]
    assert printed == numbers
    assert wait_for(lambda: live.printing.counts()[JobState.PRINTED] == 4)


def test_the_gui_side_never_waits_on_a_stalled_printer(live, printer, worker) -> None:
    printer.behaviours.append("stall")
    printer.listen()
    live.printing.print_receipt(None, "sale", big_sale("S-STALL"), STORE, "en")
    worker.start()
    assert wait_for(lambda: live.printing.counts()[JobState.PRINTING] == 1)
    started = time.monotonic()
    second = live.printing.print_receipt(None, "sale", SALE, STORE, "en")  # what a click does
    live.printing.jobs()
    assert time.monotonic() - started < 0.25
    assert second.state is JobState.QUEUED
    printer.release()
    assert wait_for(lambda: live.printing.counts()[JobState.PRINTED] == 2)
