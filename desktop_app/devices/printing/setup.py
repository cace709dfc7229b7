"""From this desk's printer settings to a printer profile and a transport."""

from __future__ import annotations

from desktop_app.devices.printing.draining import DrainingNetworkTransport
from desktop_app.devices.receipts.layout import PAPER_58, PAPER_80
from desktop_app.devices.receipts.profiles import PrinterProfile, gb18030, raster, single_byte
from desktop_app.devices.receipts.transports import (
    PrinterTransport,
    PrinterUnavailable,
    cups_transport,
    file_transport,
    serial_transport,
    usb_transport,
    win32raw_transport,
)
from desktop_app.domain.device_settings import PrinterSettings
from desktop_app.domain.errors import ValidationError


def profile_for(s: PrinterSettings) -> PrinterProfile:
    paper = PAPER_58 if s.paper_width_mm == 58 else PAPER_80
    if s.profile == "single_byte":
        return single_byte(paper, s.code_page, chunk_size=s.chunk_size)
    if s.profile == "raster":
        return raster(paper, chunk_size=s.chunk_size)
    return gb18030(paper, chunk_size=s.chunk_size)


def transport_for(s: PrinterSettings) -> PrinterTransport:
    """Raises PrinterUnavailable (not retryable) when the settings name no usable printer."""
    if not s.is_configured():
        raise PrinterUnavailable("no receipt printer is set up on this desk")
    if s.transport == "network":
        return DrainingNetworkTransport(s.host, s.port, connect_timeout=s.connect_timeout_s,
                                write_timeout=s.write_timeout_s,
                                status_timeout=s.status_timeout_s)
    if s.transport == "usb":
        try:
            vendor, product = s.usb_ids()
        except ValidationError as exc:
            raise PrinterUnavailable(f"USB printer id {s.usb_device!r}: {exc}") from exc
        return usb_transport(vendor, product, timeout_ms=s.usb_timeout_ms)
    if s.transport == "serial":
        return serial_transport(s.serial_device, s.serial_baudrate, s.write_timeout_s)
    if s.transport == "cups":
        return cups_transport(s.printer_name)
    if s.transport == "win32raw":
        return win32raw_transport(s.printer_name)
    return file_transport(s.file_path)


def describe(s: PrinterSettings) -> str:
    """One line for the test page and the settings panel."""
    where = {"network": f"{s.host}:{s.port}", "usb": s.usb_device, "serial": s.serial_device,
             "cups": s.printer_name, "win32raw": s.printer_name, "file": s.file_path,
             "none": "-"}[s.transport]
    return f"{s.transport} {where} · {s.profile} · {s.paper_width_mm}mm"
