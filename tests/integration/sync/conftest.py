"""The real server on loopback, once on SQLite and once on PostgreSQL, and real desks."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.helpers.sync_harness import (  # noqa: E402
    Desk,
    ServerProcess,
    drop_pg_database,
    make_pg_database,
)


def _server_url(kind: str, folder: Path) -> str:
    if kind == "sqlite":
        return f"sqlite+pysqlite:///{folder / 'server.sqlite3'}"
    url = make_pg_database()
    if url is None:
        pytest.skip("no PostgreSQL on 127.0.0.1:5432")
    return url


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:  # noqa: E501
    folder = tmp_path_factory.mktemp(f"server-{request.param}")
    url = _server_url(request.param, folder)
    proc = ServerProcess(url, folder)
    proc.start()
    yield proc
    proc.close()
    if request.param == "postgres":
        drop_pg_database(url)


@pytest.fixture
def make_desk(tmp_path: Path) -> Iterator[Callable[..., Desk]]:
    made: list[Desk] = []

    def make(name: str, **kwargs: object) -> Desk:
        desk = Desk(tmp_path / f"{name}.sqlite3", **kwargs)  # type: ignore[arg-type]
        made.append(desk)
        return desk

    yield make
    for desk in made:
        with contextlib.suppress(Exception):  # a test may have closed it already
            desk.close()
