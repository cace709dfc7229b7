"""The whole flow as an operator runs it: `frontdesk-server init`, `enrol-code`, `serve`
(all through the command), two desks enrolled with the printed codes, each syncing in its
background loop; a member made on one desk shows up on the other by itself."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from desktop_app.services.members import MemberDraft
from tests.helpers.sync_harness import Desk, free_port
from tests.helpers.waiting import wait_for


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "central_server.cli", *args],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.slow
def test_operator_flow_with_background_sync(tmp_path: Path) -> None:
    env = {**os.environ, "FRONTDESK_DATA_DIR": str(tmp_path / "server-data"),
           "FRONTDESK_EVENTS_WAIT_S": "2"}  # fmt: skip
    env.pop("FRONTDESK_SERVER_DB_URL", None)  # the default: an SQLite file in the data folder
    assert "store S1" in _cli(env, "init", "--store", "S1")
    _cli(env, "add-store", "--store", "S2")
    code_a = _cli(env, "enrol-code", "--store", "S1")
    code_b = _cli(env, "enrol-code", "--store", "S2")
    assert code_a != code_b and len(code_a) == 19
    assert (tmp_path / "server-data" / "server.sqlite3").exists()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "central_server.cli", "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    stops: list[threading.Event] = []
    desks: list[Desk] = []
    try:
        for _ in range(100):
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        assert httpx.get(url + "/docs", timeout=5).status_code == 200
        assert "/sync/v1/push" in httpx.get(url + "/openapi.json", timeout=5).text
        a, b = Desk(tmp_path / "a.sqlite3"), Desk(tmp_path / "b.sqlite3")
        desks += [a, b]
        a.engine.enrol(url, code_a, "desk A")
        b.engine.enrol(url, code_b, "desk B")
        for desk in desks:
            stop = threading.Event()
            stops.append(stop)
            threading.Thread(target=desk.engine.run, args=(stop, 1.0), daemon=True).start()
        made = a.services.members.create(a.admin, MemberDraft(name="Flow 流程"))
        wait_for(lambda: made.id in b.members(), timeout=30, interval=0.2)
        assert b.members()[made.id]["name"] == "Flow 流程"
        # A's round may still be pulling after its push landed.
        wait_for(lambda: not a.engine.status.pending, timeout=30, interval=0.1)
        assert a.engine.status.online and a.engine.status.pending == 0
    finally:
        for stop in stops:
            stop.set()
        time.sleep(1.5)
        for desk in desks:
            desk.close()
        server.terminate()
        server.wait(timeout=15)
