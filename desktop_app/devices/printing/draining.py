"""A 9100 transport that waits until the printer has TAKEN the job before saying "sent".

``NetworkTransport.send`` returns once the bytes are in this machine's socket buffer. On
Linux that buffer grows to megabytes, so a printer that stalls or resets mid-job after a
small receipt was handed over is never noticed: the queue would mark an unprinted receipt
printed. Here, after the last chunk and the half-close, we watch the kernel's count of bytes
not yet acknowledged by the printer (SIOCOUTQ) until it reaches zero; it must keep falling,
or the printer is stalled (``write_timeout``). A reset while waiting is a close mid-job.
Where SIOCOUTQ does not exist (macOS, Windows) this falls back to the plain behaviour.
"""

from __future__ import annotations

import fcntl
import select
import socket
import struct
import sys
import time
from collections.abc import Sequence

from desktop_app.devices.receipts.transports import (
    NetworkTransport,
    PrinterOffline,
    PrinterTimeout,
)

SIOCOUTQ = 0x5411  # linux/sockios.h (same value as TIOCOUTQ)
DRAIN_POLL_S = 0.02


def _unacked(sock: socket.socket) -> int:
    raw = fcntl.ioctl(sock.fileno(), SIOCOUTQ, struct.pack("i", 0))
    return int(struct.unpack("i", raw)[0])


class DrainingNetworkTransport(NetworkTransport):
    def send(self, chunks: Sequence[bytes]) -> None:
        if not sys.platform.startswith("linux"):
            super().send(chunks)
            return
        sock = self._connect()
        sent = 0
        where = f"{self.host}:{self.port}"
        ok = False
        try:
            sock.settimeout(self.write_timeout)
            for chunk in chunks:
                sock.sendall(chunk)
                sent += 1
            sock.shutdown(socket.SHUT_WR)
            self._drain(sock, where, sent)
            ok = True
        except TimeoutError as e:
            raise PrinterTimeout(f"{where} stopped taking data for {self.write_timeout}s",
                                 sent) from e
        except OSError as e:
            raise PrinterOffline(f"{where} closed the connection mid-job: {e}", sent) from e
        finally:
            if not ok:
                # Abort: drop what the kernel still holds, or a stalled printer that wakes
                # up later would print this attempt AND the retry.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()

    def _drain(self, sock: socket.socket, where: str, sent: int) -> None:
        left = _unacked(sock)
        progress_at = time.monotonic()
        while left > 0:
            readable, _, _ = select.select([sock], [], [], DRAIN_POLL_S)
            # Status bytes are ignored; EOF with data still unacknowledged, or a reset
            # (raised as OSError), means the printer dropped the job.
            if readable and not sock.recv(4096) and _unacked(sock) > 0:
                raise PrinterOffline(f"{where} closed the connection mid-job", sent)
            now_left = _unacked(sock)
            if now_left < left:
                progress_at = time.monotonic()
            left = now_left
            if left > 0 and time.monotonic() - progress_at > self.write_timeout:
                raise PrinterTimeout(
                    f"{where} stopped taking data for {self.write_timeout}s "
                    f"({left} bytes not taken)", sent)
