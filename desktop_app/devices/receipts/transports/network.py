"""Raw TCP (port 9100, "JetDirect") transport.

Not python-escpos's ``Network``: it turns every connect failure into one
DeviceNotFoundError (a queue must tell "refused" from "timed out") and uses a single
timeout for connecting and writing. The socket code is the same few lines.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence

from .. import commands
from .base import (
    PrinterOffline,
    PrinterRefused,
    PrinterState,
    PrinterStatus,
    PrinterTimeout,
    parse_status,
)


class NetworkTransport:
    def __init__(
        self,
        host: str,
        port: int = 9100,
        connect_timeout: float = 3.0,
        write_timeout: float = 10.0,
        status_timeout: float = 1.0,
    ) -> None:
        self.host = host
        self.port = port
        self.connect_timeout = connect_timeout
        # Applies to each chunk, not the whole job: a long receipt on a slow printer is
        # fine, a printer that takes nothing for this long is stalled.
        self.write_timeout = write_timeout
        self.status_timeout = status_timeout

    def _connect(self) -> socket.socket:
        where = f"{self.host}:{self.port}"
        try:
            return socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except ConnectionRefusedError as e:
            raise PrinterRefused(f"{where} refused the connection") from e
        except TimeoutError as e:
            raise PrinterTimeout(f"{where}: no answer within {self.connect_timeout}s") from e
        except OSError as e:
            raise PrinterOffline(f"{where} unreachable: {e}") from e

    def send(self, chunks: Sequence[bytes]) -> None:
        sock = self._connect()
        sent = 0
        where = f"{self.host}:{self.port}"
        try:
            sock.settimeout(self.write_timeout)
            for chunk in chunks:
                sock.sendall(chunk)
                sent += 1
            # Half-close so the printer sees end-of-job. If it drops the connection after
            # our last bytes were buffered we cannot know: the queue's reprint covers it.
            sock.shutdown(socket.SHUT_WR)
        except TimeoutError as e:
            raise PrinterTimeout(
                f"{where} stopped taking data for {self.write_timeout}s", sent
            ) from e
        except OSError as e:  # reset, broken pipe: the printer closed on us
            raise PrinterOffline(f"{where} closed the connection mid-job: {e}", sent) from e
        finally:
            sock.close()

    def status(self) -> PrinterStatus:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.connect_timeout)
        except OSError as e:
            return PrinterStatus(PrinterState.OFFLINE, str(e))
        try:
            sock.settimeout(self.status_timeout)
            answers: list[bytes] = []
            for query in (commands.STATUS_OFFLINE_CAUSE, commands.STATUS_PAPER):
                sock.sendall(query)
                answers.append(sock.recv(1))
            return parse_status(answers[0], answers[1])
        except OSError:  # includes timeout: silence is UNKNOWN, never "no paper"
            return PrinterStatus.unknown()
        finally:
            sock.close()

    def close(self) -> None:
        """Nothing held open between jobs: one connection per job frees the port for
        other desks sharing the printer."""
