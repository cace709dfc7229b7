"""A queue with pending jobs survives SIGKILL: after a restart every job prints, each once,
including the one that was being printed when the process died."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from desktop_app.domain.clock import SystemClock
from desktop_app.domain.device_settings import PrinterSettings
from desktop_app.domain.print_jobs import JobState
from desktop_app.services.print_worker import PrintWorker
from desktop_app.services.registry import Services
from tests.helpers.escpos_decode import decode
from tests.integration.printing.loopback_printer import LoopbackPrinter

CHILD = Path(__file__).with_name("sigkill_child.py")
COUNT = 5


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")
def test_pending_jobs_survive_sigkill_and_print_once_each(tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    stalled = LoopbackPrinter(close_after=64)
    stalled.behaviours.extend(["stall"] * 10)
    stalled.listen()
    counting = LoopbackPrinter().listen()
    try:
        child = subprocess.Popen([sys.executable, str(CHILD), str(db), str(stalled.port),
                                  str(COUNT)], stdout=subprocess.PIPE, text=True,
                                 cwd=CHILD.parents[3])
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "PRINTING"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(10)
        assert child.returncode == -signal.SIGKILL

        services = Services.open(db, SystemClock(), pin_hasher=PasswordHasher(
            time_cost=1, memory_cost=1024, parallelism=1))
        try:
            states = [j.state for j in services.printing.jobs()]
            assert sorted(states) == sorted([JobState.PRINTING] + [JobState.QUEUED] * 4)
            settings = PrinterSettings(transport="network", host="127.0.0.1",
                                       port=counting.port, write_timeout_s=2.0)
            worker = PrintWorker(services.printing, lambda: settings, idle_poll_s=0.2)
            worker.start()
            try:
                receipts = counting.wait_receipts(COUNT, timeout=30)
                deadline = time.monotonic() + 10
                while (services.printing.counts()[JobState.PRINTED] < COUNT
                       and time.monotonic() < deadline):
                    time.sleep(0.02)
                time.sleep(0.3)  # a duplicate would arrive now
            finally:
                worker.stop()
            receipts = counting.receipts()
            numbers = sorted(next(t for t in decode(r).text if "S-KILL-" in t).split()[-1]
                             for r in receipts)
            assert numbers == [f"S-KILL-{i}" for i in range(COUNT)]  # each once, none lost
            jobs = services.printing.jobs()
            assert all(j.state is JobState.PRINTED for j in jobs)
            resumed = [j for j in jobs if j.attempts == 2]
            assert len(resumed) == 1 and resumed[0].title == "S-KILL-0"
            assert not any("副本" in "\n".join(decode(r).text) for r in receipts)
        finally:
            services.close()
    finally:
        stalled.close()
        counting.close()
