"""A fake network receipt printer on 127.0.0.1 for tests: a TCP server on its own thread that
keeps every job it received in full, and can misbehave on the next connections: refuse
(nobody listening), close mid-job (reset after some bytes), or stall (stop reading)."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import deque
from dataclasses import dataclass, field

CUT = (b"\x1dV\x00", b"\x1dV\x01", b"\x1dV")  # GS V: a receipt is complete once it is cut


@dataclass
class Connection:
    behaviour: str
    data: bytearray = field(default_factory=bytearray)
    complete: bool = False  # the client half-closed after sending: it believed it succeeded


class LoopbackPrinter:
    """``behaviours``: what to do with the next connections, in order ("ok" afterwards):
    "ok", "close_mid" (read ``close_after`` bytes, then reset), "stall" (read
    ``close_after`` bytes, then stop reading until ``release()``)."""

    def __init__(self, close_after: int = 2048) -> None:
        self.close_after = close_after
        self.behaviours: deque[str] = deque()
        self.connections: list[Connection] = []
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._stop = threading.Event()
        self._listener: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        # Reserve a port now so "refusing" can be simulated by not listening on it yet.
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()

    # -- control --------------------------------------------------------------------------
    def listen(self) -> LoopbackPrinter:
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # A small receive buffer so a printer that stops reading blocks the sender soon.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.bind(("127.0.0.1", self.port))
        s.listen(8)
        s.settimeout(0.1)
        self._listener = s
        t = threading.Thread(target=self._accept_loop, daemon=True)
        t.start()
        self._threads.append(t)
        return self

    def release(self) -> None:
        self._released.set()

    def close(self) -> None:
        self._stop.set()
        self._released.set()
        for t in self._threads:
            t.join(2)
        if self._listener is not None:
            self._listener.close()

    # -- what it saw ----------------------------------------------------------------------
    def receipts(self) -> list[bytes]:
        """Jobs received in full and cut: what a customer would hold."""
        with self._lock:
            return [bytes(c.data) for c in self.connections
                    if c.complete and any(cut in c.data for cut in CUT)]

    def attempts(self) -> int:
        with self._lock:
            return len(self.connections)

    def wait_receipts(self, n: int, timeout: float = 20.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.receipts()
            if len(got) >= n:
                return got
            time.sleep(0.02)
        return self.receipts()

    # -- server ---------------------------------------------------------------------------
    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            behaviour = self.behaviours.popleft() if self.behaviours else "ok"
            record = Connection(behaviour)
            with self._lock:
                self.connections.append(record)
            t = threading.Thread(target=self._serve, args=(conn, record), daemon=True)
            t.start()
            self._threads.append(t)

    def _serve(self, conn: socket.socket, record: Connection) -> None:
        conn.settimeout(0.2)
        try:
            while not self._stop.is_set():
                if record.behaviour != "ok" and len(record.data) >= self.close_after:
                    if record.behaviour == "close_mid":
                        # SO_LINGER 0: close with a reset, like a printer that reboots.
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        struct.pack("ii", 1, 0))
                        return
                    self._released.wait()  # stall: take nothing more
                    record.behaviour = "ok"
                    continue
                try:
                    room = (self.close_after - len(record.data)
                            if record.behaviour != "ok" else 65536)
                    chunk = conn.recv(max(1, min(room, 65536)))
                except TimeoutError:
                    continue
                if not chunk:
                    record.complete = True
                    return
                with self._lock:
                    record.data += chunk
        except OSError:
            return
        finally:
            conn.close()
