"""Run as a separate process by test_sigkill.py: queue N receipts, start printing them to a
printer that stalls, say PRINTING once a job is mid-print, then wait to be killed."""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from argon2 import PasswordHasher  # noqa: E402

from desktop_app.domain.clock import SystemClock  # noqa: E402
from desktop_app.domain.device_settings import PrinterSettings  # noqa: E402
from desktop_app.domain.print_jobs import JobState  # noqa: E402
from desktop_app.services.print_worker import PrintWorker  # noqa: E402
from desktop_app.services.registry import Services  # noqa: E402
from tests.helpers.receipt_samples import SALE, STORE  # noqa: E402


def main(db: str, stalled_port: int, count: int) -> None:
    services = Services.open(Path(db), SystemClock(),
                             pin_hasher=PasswordHasher(time_cost=1, memory_cost=1024,
                                                       parallelism=1))
    for i in range(count):
        services.printing.print_receipt(None, "sale", replace(SALE, receipt_no=f"S-KILL-{i}"),
                                        STORE, "zh_CN")
    settings = PrinterSettings(transport="network", host="127.0.0.1", port=stalled_port,
                               write_timeout_s=60.0)
    PrintWorker(services.printing, lambda: settings).start()
    while services.printing.counts()[JobState.PRINTING] == 0:
        time.sleep(0.01)
    print("PRINTING", flush=True)
    time.sleep(600)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
