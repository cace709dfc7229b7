"""The daily summary prints on the receipt printer through the print queue."""

from __future__ import annotations

from desktop_app.devices.receipts.templates import StoreText
from desktop_app.devices.receipts.templates.daily_summary import KIND
from desktop_app.devices.receipts.transports import MemoryTransport
from desktop_app.domain.device_settings import PrinterSettings
from desktop_app.reports import Period
from desktop_app.services.members import MemberDraft
from desktop_app.services.print_worker import PrintWorker
from desktop_app.services.reports import receipt_data
from tests.helpers.escpos_decode import decode


def test_the_summary_is_queued_and_printed_in_chinese(services, admin, clock) -> None:
    services.members.create(admin, MemberDraft(name="新会员"))
    day = services.reports.today()
    summary = services.reports.summary(admin, Period.day(day))
    job = services.printing.print_receipt(admin, KIND, receipt_data(summary, clock.now()),
                                          StoreText(("前台健身",)), "zh_CN")
    printer = MemoryTransport()
    PrintWorker(services.printing, lambda: PrinterSettings(transport="file",
                                                           file_path="/dev/null"),
                lambda _s: printer).run_once()
    assert services.printing.job(job.id).state.value == "printed"
    text = "\n".join(decode(b"".join(printer.jobs[0])).text)
    assert "前台健身" in text and day.isoformat() in text
