"""A scanner on a serial port (RS-232 or USB CDC), read with pyserial when it is installed.

pyserial is not among the project's dependencies: most desks use keyboard-wedge scanners.
Without it `SERIAL_AVAILABLE` is False and opening a port raises SerialUnavailableError with
a message saying what to install; camera and keyboard-wedge scanning keep working.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger(__name__)

try:
    import serial as _serial  # pyserial
except ImportError:
    _serial = None

SERIAL_AVAILABLE = _serial is not None
UNAVAILABLE_MESSAGE = (
    "Serial scanners need pyserial, which is not installed (pip install pyserial). "
    "Camera and keyboard-wedge scanners work without it."
)
MAX_CODE_LENGTH = 256


class SerialUnavailableError(RuntimeError):
    pass


class SerialPort(Protocol):
    def read(self, size: int = 1) -> bytes: ...

    def close(self) -> None: ...


class LineFramer:
    """Bytes in, codes out: a code ends at CR or LF; a configured prefix/suffix is stripped.
    An over-long line is dropped whole (line noise, or a scanner set to the wrong mode)."""

    def __init__(self, prefix: str = "", suffix: str = "", encoding: str = "utf-8") -> None:
        self._prefix, self._suffix, self._encoding = prefix, suffix, encoding
        self._buffer = bytearray()
        self._overflow = False

    def feed(self, data: bytes) -> list[str]:
        codes: list[str] = []
        for byte in data:
            if byte in b"\r\n":
                if self._buffer and not self._overflow:
                    codes.append(self._finish(self._buffer.decode(self._encoding, "replace")))
                self._buffer.clear()
                self._overflow = False
            elif len(self._buffer) >= MAX_CODE_LENGTH:
                self._overflow = True
            else:
                self._buffer.append(byte)
        return [c for c in codes if c]

    def _finish(self, text: str) -> str:
        if self._prefix and text.startswith(self._prefix):
            text = text[len(self._prefix) :]
        if self._suffix and text.endswith(self._suffix):
            text = text[: -len(self._suffix)]
        return text


class SerialScannerSource:
    """Reads a port on a worker thread and calls `on_code(text)` there for each code."""

    def __init__(
        self,
        port: str,
        on_code: Callable[[str], None],
        *,
        baudrate: int = 9600,
        prefix: str = "",
        suffix: str = "",
        port_factory: Callable[[], SerialPort] | None = None,
    ) -> None:
        self.port = port
        self._on_code = on_code
        self._baudrate = baudrate
        self._framer = LineFramer(prefix, suffix)
        self._factory = port_factory
        self._port: SerialPort | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def open(self) -> None:
        self._port = self._factory() if self._factory is not None else self._open_pyserial()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="serial-scanner", daemon=True)
        self._thread.start()

    def _open_pyserial(self) -> SerialPort:
        if _serial is None:
            raise SerialUnavailableError(UNAVAILABLE_MESSAGE)
        # A read timeout lets the thread notice a stop request.
        port: Any = _serial.Serial(self.port, self._baudrate, timeout=0.1)
        return port

    def _run(self) -> None:
        assert self._port is not None
        while not self._stop.is_set():
            try:
                data = self._port.read(64)
            except Exception:
                log.exception("serial scanner %s failed; stopping", self.port)
                return
            for code in self._framer.feed(data):
                self._on_code(code)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=1.0)
            self._thread = None
        if self._port is not None:
            self._port.close()
            self._port = None
