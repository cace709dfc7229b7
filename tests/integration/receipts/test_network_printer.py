"""A real TCP server on 127.0.0.1 stands in for a port-9100 printer."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from desktop_app.devices.receipts import PAPER_58, gb18030, render
from desktop_app.devices.receipts.transports import (
    NetworkTransport,
    PrinterOffline,
    PrinterRefused,
    PrinterState,
    PrinterTimeout,
)
from tests.helpers.receipt_samples import long_chinese_sale

Handler = Callable[[socket.socket], None]


class Server:
    def __init__(self, handler: Handler) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.handler = handler
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            self.handler(conn)

    def close(self) -> None:
        self.sock.close()
        self.thread.join(5)


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], Server]]:
    servers: list[Server] = []

    def start(handler: Handler) -> Server:
        s = Server(handler)
        servers.append(s)
        return s

    yield start
    for s in servers:
        s.close()


def test_receives_exact_job_bytes(serve) -> None:  # type: ignore[no-untyped-def]
    got = bytearray()

    def read_all(conn: socket.socket) -> None:
        while chunk := conn.recv(65536):
            got.extend(chunk)

    srv = serve(read_all)
    chunks = render(long_chinese_sale(60), gb18030(PAPER_58, chunk_size=1024))
    assert len(chunks) > 1
    NetworkTransport("127.0.0.1", srv.port, connect_timeout=2, write_timeout=2).send(chunks)
    srv.thread.join(5)
    assert bytes(got) == b"".join(chunks)


def test_refused_connection_is_typed() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens here now
    t0 = time.monotonic()
    with pytest.raises(PrinterRefused):
        NetworkTransport("127.0.0.1", port, connect_timeout=2).send([b"x"])
    assert time.monotonic() - t0 < 2


def test_server_closing_mid_job(serve) -> None:  # type: ignore[no-untyped-def]
    def read_a_little_then_reset(conn: socket.socket) -> None:
        conn.recv(1000)
        # SO_LINGER 0: close with a reset, as a printer that drops the job does
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    srv = serve(read_a_little_then_reset)
    chunks = [b"x" * 4096] * 4000  # 16 MB: far more than the socket buffers hold
    t0 = time.monotonic()
    with pytest.raises(PrinterOffline) as e:
        NetworkTransport("127.0.0.1", srv.port, write_timeout=3).send(chunks)
    assert time.monotonic() - t0 < 5
    assert e.value.chunks_sent < len(chunks)


def test_stalled_printer_times_out(serve) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()

    def accept_but_never_read(conn: socket.socket) -> None:
        release.wait(10)

    srv = serve(accept_but_never_read)
    chunks = [b"x" * 4096] * 8000  # 32 MB
    t0 = time.monotonic()
    try:
        with pytest.raises(PrinterTimeout) as e:
            NetworkTransport("127.0.0.1", srv.port, write_timeout=0.5).send(chunks)
        elapsed = time.monotonic() - t0
    finally:
        release.set()
    assert elapsed < 3
    assert e.value.retryable


def test_status_answered(serve) -> None:  # type: ignore[no-untyped-def]
    def answer(conn: socket.socket) -> None:
        for reply in (b"\x12", b"\x72"):  # online; paper end sensor
            conn.recv(3)
            conn.sendall(reply)

    srv = serve(answer)
    assert NetworkTransport("127.0.0.1", srv.port).status().state is PrinterState.PAPER_OUT


def test_status_silence_is_unknown(serve) -> None:  # type: ignore[no-untyped-def]
    done = threading.Event()
    srv = serve(lambda conn: done.wait(5))
    t0 = time.monotonic()
    st = NetworkTransport("127.0.0.1", srv.port, status_timeout=0.3).status()
    done.set()
    assert st.state is PrinterState.UNKNOWN
    assert time.monotonic() - t0 < 2


def test_status_offline_when_nothing_listens() -> None:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    assert NetworkTransport("127.0.0.1", port).status().state is PrinterState.OFFLINE
