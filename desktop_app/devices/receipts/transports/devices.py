"""USB, serial, CUPS, file and Windows raw transports: thin wrappers over python-escpos's
printer classes, adding timeouts, typed errors and an honest status."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import Any

from .. import commands
from .base import (
    PrinterError,
    PrinterOffline,
    PrinterState,
    PrinterStatus,
    PrinterTimeout,
    PrinterUnavailable,
    parse_status,
)

DeviceFactory = Callable[[], Any]  # returns an escpos.escpos.Escpos (untyped library)


def _map_error(e: BaseException, what: str, sent: int) -> PrinterError:
    """python-escpos and its drivers (pyusb, pyserial, pycups) raise their own classes;
    match by name so this module does not import optional drivers."""
    name = type(e).__name__
    if isinstance(e, PrinterError):
        return e
    if isinstance(e, RuntimeError) and "install" in str(e).lower():
        return PrinterUnavailable(f"{what}: driver library missing: {e}", sent)
    if isinstance(e, TimeoutError) or "Timeout" in name:
        return PrinterTimeout(f"{what}: timed out: {e}", sent)
    return PrinterOffline(f"{what}: {name}: {e}", sent)


def _require(cls: Any, library: str) -> None:
    """Fail before constructing: python-escpos objects whose driver is missing raise
    again from ``__del__``."""
    if not cls.is_usable():
        raise PrinterUnavailable(f"{cls.__name__} printing needs {library} installed")


class EscposDeviceTransport:
    """Opens the python-escpos device per job, writes chunk by chunk, closes.

    ``readable`` says whether the link has a back channel for DLE EOT (USB, serial);
    file, CUPS and Windows spooler queues do not, so their status is UNKNOWN.
    """

    def __init__(self, factory: DeviceFactory, what: str, readable: bool = False) -> None:
        self._factory = factory
        self.what = what
        self.readable = readable

    def _open(self) -> Any:
        try:
            dev = self._factory()
            dev.open()
            return dev
        except Exception as e:  # any driver failure becomes a typed error
            raise _map_error(e, self.what, 0) from e

    def send(self, chunks: Sequence[bytes]) -> None:
        dev = self._open()
        sent = 0
        try:
            for chunk in chunks:
                dev._raw(chunk)
                sent += 1
            dev.close()  # CUPS and Windows spoolers submit the job on close
        except Exception as e:
            # Already failing: report the first error, not a follow-on from close().
            with contextlib.suppress(Exception):
                dev.close()
            raise _map_error(e, self.what, sent) from e

    def status(self) -> PrinterStatus:
        if not self.readable:
            return PrinterStatus.unknown("this connection cannot read printer status")
        try:
            dev = self._open()
        except PrinterOffline as e:
            return PrinterStatus(PrinterState.OFFLINE, str(e))
        except PrinterError as e:
            return PrinterStatus.unknown(str(e))
        try:
            oc = dev.query_status(commands.STATUS_OFFLINE_CAUSE)
            pp = dev.query_status(commands.STATUS_PAPER)
            return parse_status(bytes(oc or b""), bytes(pp or b""))
        except Exception:  # no answer is UNKNOWN
            return PrinterStatus.unknown()
        finally:
            with contextlib.suppress(Exception):
                dev.close()

    def close(self) -> None:
        """Devices are closed after each job."""


def usb_transport(
    vendor_id: int,
    product_id: int,
    timeout_ms: int = 5000,
    in_ep: int = 0x82,
    out_ep: int = 0x01,
) -> EscposDeviceTransport:
    def make() -> Any:
        from escpos.printer import Usb

        _require(Usb, "pyusb")
        # python-escpos's Usb waits forever on a stuck printer without a timeout.
        return Usb(vendor_id, product_id, timeout=timeout_ms, in_ep=in_ep, out_ep=out_ep)

    return EscposDeviceTransport(make, f"USB {vendor_id:04x}:{product_id:04x}", readable=True)


def serial_transport(
    devfile: str, baudrate: int = 9600, timeout_s: float = 3.0
) -> EscposDeviceTransport:
    def make() -> Any:
        from escpos.printer import Serial

        _require(Serial, "pyserial")
        return Serial(devfile=devfile, baudrate=baudrate, timeout=timeout_s)

    return EscposDeviceTransport(make, f"serial {devfile}", readable=True)


def file_transport(path: str) -> EscposDeviceTransport:
    def make() -> Any:
        from escpos.printer import File

        return File(path)

    return EscposDeviceTransport(make, f"file {path}")


def cups_transport(printer_name: str) -> EscposDeviceTransport:
    def make() -> Any:
        from escpos.printer import CupsPrinter

        _require(CupsPrinter, "pycups")
        return CupsPrinter(printer_name)

    return EscposDeviceTransport(make, f"CUPS {printer_name}")


def win32raw_transport(printer_name: str) -> EscposDeviceTransport:
    def make() -> Any:
        from escpos.printer import Win32Raw

        _require(Win32Raw, "pywin32")
        return Win32Raw(printer_name)

    return EscposDeviceTransport(make, f"Windows printer {printer_name}")
