"""Printer transports: move byte chunks to a printer and ask it how it is."""

from .base import (
    PrinterError,
    PrinterOffline,
    PrinterRefused,
    PrinterState,
    PrinterStatus,
    PrinterTimeout,
    PrinterTransport,
    PrinterUnavailable,
    parse_status,
)
from .devices import (
    EscposDeviceTransport,
    cups_transport,
    file_transport,
    serial_transport,
    usb_transport,
    win32raw_transport,
)
from .memory import MemoryTransport
from .network import NetworkTransport

__all__ = [
    "EscposDeviceTransport",
    "MemoryTransport",
    "NetworkTransport",
    "PrinterError",
    "PrinterOffline",
    "PrinterRefused",
    "PrinterState",
    "PrinterStatus",
    "PrinterTimeout",
    "PrinterTransport",
    "PrinterUnavailable",
    "cups_transport",
    "file_transport",
    "parse_status",
    "serial_transport",
    "usb_transport",
    "win32raw_transport",
]
