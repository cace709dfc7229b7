"""A finished sale's receipt goes to the print queue with the store's header, in the desk's
language, and prints from there (the GUI never waits for it)."""

from __future__ import annotations

from desktop_app.devices.receipts.transports import MemoryTransport
from desktop_app.domain.device_settings import PrinterSettings
from desktop_app.domain.sales import SaleLine, Tender, TenderKind
from desktop_app.qt.receipt_printing import queue_receipt
from desktop_app.services.checkout import Cart
from desktop_app.services.print_worker import PrintWorker
from tests.helpers.escpos_decode import decode

CSV = "barcode,name,price,category,points_multiplier\n690000000001,Water 矿泉水,3.50,drinks,\n"


def test_a_finished_sale_prints_with_the_store_header_in_chinese(services, admin) -> None:
    services.settings.change(admin, "store_name", "前台健身 Demo")
    services.sales.catalogue.import_csv(admin, CSV.encode())
    p = services.sales.catalogue.by_barcode("690000000001")
    water = SaleLine(p.name, 2, p.price, product_id=p.id, barcode=p.barcode,
                     category=p.category, points_multiplier_pct=p.points_multiplier_pct)
    sale = services.sales.checkout.finalize_sale(
        admin, Cart((water,), tenders=(Tender(TenderKind.CASH, 1000),)))
    job = queue_receipt(services, admin, "sale", sale.receipt, "zh_CN")
    printer = MemoryTransport()
    worker = PrintWorker(services.printing, lambda: PrinterSettings(transport="file",
                                                                    file_path="/dev/null"),
                         lambda _settings: printer)
    worker.run_once()
    assert services.printing.job(job.id).state.value == "printed"
    text = "\n".join(decode(b"".join(printer.jobs[0])).text)
    assert "前台健身 Demo" in text and "矿泉水" in text and "￥7.00" in text
