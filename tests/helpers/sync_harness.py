"""The real central server in a subprocess on loopback, and real desks (Services over their
own SQLite files) with a sync engine each. Used by tests/integration/sync, tests/e2e and
bench/sync.py."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from argon2 import PasswordHasher
from sqlalchemy import select

from central_server.accounts import create_admin, create_store, new_enrolment_code, revoke
from central_server.accounts import store_by_code as _store_by_code
from central_server.db import ServerDatabase
from central_server.migrate import upgrade
from central_server.models import AppliedOp, MemberRow, StoreRow
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.permissions import Actor
from desktop_app.services.registry import Services
from desktop_app.store.models import Member, OutboxOp
from desktop_app.sync.engine import SyncEngine
from desktop_app.sync.transport import HttpTransport, Transport

FAST_PINS = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
MEMBER_COMPARED = ("id", "number", "name", "phone", "email", "notes", "status", "gender")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_pg_database() -> str | None:
    """A fresh PostgreSQL database, or None when there is no server (and it is not required)."""
    import psycopg

    base = os.environ.get("FRONTDESK_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"fd_sync_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        if os.environ.get("FRONTDESK_REQUIRE_POSTGRES") == "1":
            raise
        return None
    return base.rsplit("/", 1)[0] + "/" + name


def drop_pg_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    try:
        with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.Error:
        pass


@dataclass
class ServerProcess:
    """`frontdesk-server serve` as a child process on a free loopback port."""

    db_url: str
    workdir: Path
    env_extra: dict[str, str] = field(default_factory=dict)
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.db = ServerDatabase(_sa_url(self.db_url))
        upgrade(self.db)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, keep_port: bool = False, **env: str) -> None:
        if not (keep_port and self.port):
            self.port = free_port()
        log = open(self.workdir / f"server-{self.port}.log", "wb")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "central_server.cli", "serve", "--port", str(self.port)],
            env={
                **os.environ,
                "FRONTDESK_SERVER_DB_URL": self.db_url,
                "FRONTDESK_EVENTS_WAIT_S": "2",
                **self.env_extra,
                **env,
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {(self.workdir / log.name).read_text()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError("server did not become ready")

    def stop(self, kill: bool = False) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.proc = None

    def restart(self, kill: bool = False, **env: str) -> None:
        """Stop and start again on the same port (desks keep the URL they enrolled with)."""
        self.stop(kill=kill)
        self.start(keep_port=True, **env)

    # -- admin, straight on the server's database ----------------------------------------
    def store(self, code: str | None = None) -> str:
        code = code or "S" + uuid.uuid4().hex[:8]
        with self.db.write() as session:
            if session.scalar(select(StoreRow.id).where(StoreRow.code == code)) is None:
                create_store(session, code, code, datetime.now(UTC))
        return code

    def enrol_code(self, store_code: str) -> str:
        with self.db.write() as session:
            return new_enrolment_code(
                session, _store_by_code(session, store_code), datetime.now(UTC)
            )

    def chain_admin(self) -> str:
        with self.db.write() as session:
            return create_admin(session, "chainadmin", "Chain Admin", datetime.now(UTC)).id

    def revoke(self, device_id: str) -> None:
        with self.db.write() as session:
            revoke(session, device_id)

    def members(self) -> dict[str, dict[str, Any]]:
        with self.db.read() as session:
            return {
                r.id: {k: getattr(r, k) for k in MEMBER_COMPARED}
                for r in session.scalars(select(MemberRow))
            }

    def applied(self) -> dict[str, AppliedOp]:
        with self.db.read() as session:
            return {r.op_id: r for r in session.scalars(select(AppliedOp))}

    def close(self) -> None:
        self.stop()
        self.db.close()


def _sa_url(url: str) -> str:
    from central_server.settings import normalise_url

    return normalise_url(url)


class Desk:
    """One desk: its own SQLite file, services, a signed-in admin, a sync engine."""

    def __init__(
        self,
        path: Path,
        clock: FixedClock | None = None,
        transport_factory: Callable[[str, str | None], Transport] | None = None,
        admin_code: str = "admin",
        bootstrap_page: int = 10_000,
    ) -> None:
        self.path = path
        self.clock = clock or FixedClock(datetime.now(UTC))
        self.services = Services.open(path, self.clock, pin_hasher=FAST_PINS)
        if self.services.auth.needs_first_admin():
            self.admin: Actor = self.services.auth.create_first_admin(admin_code, "Admin", "1111")
        else:
            self.admin = self.services.auth.sign_in(admin_code, "1111")
        self._factory = transport_factory or (lambda url, token: HttpTransport(url, token))
        self._bootstrap_page = bootstrap_page
        self.engine = self._new_engine()

    def enrol(self, server: ServerProcess, store_code: str) -> None:
        self.engine.enrol(server.url, server.enrol_code(store_code), self.path.stem)

    def sync(self) -> Any:
        return self.engine.sync_once()

    def members(self) -> dict[str, dict[str, Any]]:
        with self.services.db.read() as session:
            return {
                r.id: {k: getattr(r, k) for k in MEMBER_COMPARED}
                for r in session.scalars(select(Member))
            }

    def outbox(self) -> list[OutboxOp]:
        with self.services.db.read() as session:
            return list(session.scalars(select(OutboxOp).order_by(OutboxOp.seq)))

    def _new_engine(self) -> SyncEngine:
        return SyncEngine(self.services.db, self.clock, transport_factory=self._factory,
                          page_size=200, bootstrap_page=self._bootstrap_page)  # fmt: skip

    def reopen(self) -> None:
        """Close everything and open the file again, as after a restart of the desk."""
        self.close()
        self.services = Services.open(self.path, self.clock, pin_hasher=FAST_PINS)
        self.engine = self._new_engine()

    def close(self) -> None:
        self.engine.close()
        self.services.close()
