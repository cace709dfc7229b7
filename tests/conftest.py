"""Fixtures shared by every test layer. Tests never touch a real user's folders: the data
folder (database, backups, logs, config) is always a temporary one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_app.domain.clock import FixedClock
from desktop_app.domain.permissions import Actor, Role

# 09:00 in Shanghai on a Monday.
T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "frontdesk-data"
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return data


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def services(tmp_path: Path, clock: FixedClock) -> Iterator[object]:
    from argon2 import PasswordHasher

    from desktop_app.services.registry import Services

    # Real argon2id, with cheap parameters: tests hash dozens of PINs.
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    svc = Services.open(tmp_path / "desk.sqlite3", clock, pin_hasher=fast)
    yield svc
    svc.close()


@pytest.fixture
def admin(services: object) -> Actor:
    return services.auth.create_first_admin("admin", "Ada Admin", "1111")  # type: ignore[attr-defined]


@pytest.fixture
def staff_of(services: object, admin: Actor) -> object:
    """staff_of(Role.CASHIER) -> a signed-in Actor of that role (PIN 2468)."""
    made: dict[Role, Actor] = {}

    def make(role: Role) -> Actor:
        if role not in made:
            made[role] = services.staff.create(  # type: ignore[attr-defined]
                admin, f"s{role.value.replace('_', '')}", f"Staff {role.value}", role, "2468")
        return made[role]

    return make


@pytest.fixture
def postgres_url() -> str:
    """A fresh database on the local PostgreSQL server. Skips with a reason when there is
    none, except in CI (FRONTDESK_REQUIRE_POSTGRES=1), where a missing server fails."""
    import uuid

    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        pytest.fail(f"psycopg missing: {exc}")
    base = os.environ.get("FRONTDESK_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    name = f"fd_test_{uuid.uuid4().hex[:12]}"
    try:
        with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as exc:
        if os.environ.get("FRONTDESK_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"PostgreSQL is required here but unreachable: {exc}")
        pytest.skip(f"no PostgreSQL on 127.0.0.1:5432 ({exc})")
    return base.rsplit("/", 1)[0] + "/" + name
