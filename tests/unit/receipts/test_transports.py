from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.devices.receipts.transports import (
    EscposDeviceTransport,
    MemoryTransport,
    PrinterOffline,
    PrinterState,
    PrinterTimeout,
    PrinterUnavailable,
    file_transport,
    parse_status,
    usb_transport,
)


def test_status_bytes() -> None:
    ok = bytes([0x12])
    assert parse_status(ok, ok).state is PrinterState.READY
    assert parse_status(ok, bytes([0x12 | 0x60])).state is PrinterState.PAPER_OUT
    assert parse_status(ok, bytes([0x12 | 0x0C])).state is PrinterState.PAPER_NEAR_END
    assert parse_status(bytes([0x12 | 0x04]), ok).state is PrinterState.COVER_OPEN
    assert parse_status(bytes([0x12 | 0x40]), ok).state is PrinterState.ERROR


def test_silence_is_unknown_never_no_paper() -> None:
    assert parse_status(b"", b"").state is PrinterState.UNKNOWN
    assert parse_status(b"\x12", b"").state is PrinterState.UNKNOWN
    assert parse_status(b"\xff", b"\x12").state is PrinterState.UNKNOWN  # not a status byte


class FakeDevice:
    def __init__(
        self,
        fail_after: int | None = None,
        exc: BaseException | None = None,
        answers: list[bytes] | None = None,
    ) -> None:
        self.written: list[bytes] = []
        self.fail_after, self.exc = fail_after, exc
        self.answers = answers or []
        self.closed = False

    def open(self) -> None:
        pass

    def _raw(self, data: bytes) -> None:
        if self.fail_after is not None and len(self.written) >= self.fail_after:
            assert self.exc is not None
            raise self.exc
        self.written.append(data)

    def query_status(self, mode: bytes) -> bytes:
        return self.answers.pop(0) if self.answers else b""

    def close(self) -> None:
        self.closed = True


class USBTimeoutError(Exception):  # named like pyusb's
    pass


def test_device_transport_writes_chunks_and_closes() -> None:
    dev = FakeDevice()
    EscposDeviceTransport(lambda: dev, "fake").send([b"a", b"b"])
    assert dev.written == [b"a", b"b"] and dev.closed


def test_device_errors_are_typed_with_progress() -> None:
    dev = FakeDevice(fail_after=1, exc=USBTimeoutError("timeout"))
    with pytest.raises(PrinterTimeout) as e:
        EscposDeviceTransport(lambda: dev, "fake").send([b"a", b"b"])
    assert e.value.chunks_sent == 1 and dev.closed
    dev = FakeDevice(fail_after=0, exc=OSError("unplugged"))
    with pytest.raises(PrinterOffline):
        EscposDeviceTransport(lambda: dev, "fake").send([b"a"])


def test_missing_driver_is_unavailable_not_retryable() -> None:
    def boom() -> Any:
        raise RuntimeError("Printing with USB connection requires a usb library to be installed.")

    with pytest.raises(PrinterUnavailable) as e:
        EscposDeviceTransport(boom, "usb").send([b"a"])
    assert not e.value.retryable


def test_usb_transport_without_pyusb_fails_typed() -> None:
    pytest.importorskip("escpos")
    try:
        import usb  # noqa: F401
    except ImportError:
        with pytest.raises((PrinterUnavailable, PrinterOffline)):
            usb_transport(0x0416, 0x5011).send([b"x"])
    else:
        pytest.skip("pyusb installed; needs a device")


def test_device_status_unknown_when_silent_and_read_when_answering() -> None:
    silent = EscposDeviceTransport(lambda: FakeDevice(), "fake", readable=True)
    assert silent.status().state is PrinterState.UNKNOWN
    talking = EscposDeviceTransport(
        lambda: FakeDevice(answers=[b"\x12", b"\x72"]), "fake", readable=True
    )
    assert talking.status().state is PrinterState.PAPER_OUT
    assert EscposDeviceTransport(FakeDevice, "file").status().state is PrinterState.UNKNOWN


def test_file_transport_writes_exact_bytes(tmp_path: Path) -> None:
    target = tmp_path / "lp0"
    file_transport(str(target)).send([b"\x1b@", b"hello\n"])
    assert target.read_bytes() == b"\x1b@hello\n"
    with pytest.raises(PrinterOffline):
        file_transport(str(tmp_path / "missing" / "lp0")).send([b"x"])


def test_memory_transport_scripted_failures() -> None:
    t = MemoryTransport(fail_with=[PrinterOffline("down")])
    with pytest.raises(PrinterOffline):
        t.send([b"a"])
    t.send([b"a", b"b"])
    assert t.data == b"ab"
