from __future__ import annotations

import threading
import time

import pytest

from desktop_app.devices.scanning import serial_source
from desktop_app.devices.scanning.serial_source import (
    LineFramer,
    SerialScannerSource,
    SerialUnavailableError,
)


def test_framer_splits_lines_strips_framing_and_drops_overlong() -> None:
    f = LineFramer(prefix="]C1", suffix="!")
    assert f.feed(b"]C1ABC") == []
    assert f.feed(b"123!\r\n]C1X!\n") == ["ABC123", "X"]
    assert f.feed(b"9" * 300 + b"\r") == []
    assert f.feed(b"OK\r") == ["OK"]


@pytest.mark.skipif(serial_source.SERIAL_AVAILABLE, reason="pyserial is installed here")
def test_without_pyserial_opening_a_port_says_what_is_missing() -> None:
    src = SerialScannerSource("/dev/ttyUSB0", lambda code: None)
    with pytest.raises(SerialUnavailableError, match="pip install pyserial"):
        src.open()


class FakePort:
    def __init__(self, chunks: list[bytes]) -> None:
        self._chunks = chunks

    def read(self, size: int = 1) -> bytes:
        if self._chunks:
            return self._chunks.pop(0)
        time.sleep(0.01)
        return b""

    def close(self) -> None:
        pass


def test_serial_source_reads_codes_on_its_thread() -> None:
    got: list[str] = []
    done = threading.Event()

    def on_code(code: str) -> None:
        got.append(code)
        if len(got) == 2:
            done.set()

    src = SerialScannerSource(
        "fake", on_code, port_factory=lambda: FakePort([b"0000", b"00018\r", b"SKU-1\r\n"])
    )
    src.open()
    try:
        assert done.wait(2.0)
    finally:
        src.close()
    assert got == ["000000018", "SKU-1"]
