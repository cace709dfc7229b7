"""`make dist` builds a one-folder bundle that starts offscreen and reaches the sign-in screen
on a demo database (issue 10). Slow: PyInstaller takes a few minutes; CI always rebuilds."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "build" / "dist" / "frontdesk"
EXE = BUNDLE / ("frontdesk.exe" if os.name == "nt" else "frontdesk")
TARBALL_LIMIT_MB = 250


def _size_mb(path: Path) -> float:
    files = (f for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return sum(f.stat().st_size for f in files) / 1e6


@pytest.fixture(scope="module")
def bundle() -> Path:
    if os.environ.get("CI") or not EXE.exists() or os.environ.get("FRONTDESK_REBUILD_BUNDLE"):
        build = subprocess.run(["make", "dist"], cwd=ROOT, capture_output=True, text=True,
                               timeout=1500)
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    assert EXE.exists()
    return EXE


@pytest.mark.slow
def test_the_bundle_reaches_the_sign_in_screen_on_a_demo_database(bundle: Path,
                                                                   tmp_path: Path) -> None:
    demo = tmp_path / "demo.sqlite3"
    made = subprocess.run([sys.executable, "-m", "desktop_app.cli", "demo-data", "--members",
                           "300", "--out", str(demo)], capture_output=True, text=True,
                          timeout=300)
    assert made.returncode == 0, made.stderr
    ready = tmp_path / "ready"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_READY_FILE": str(ready),
           "FRONTDESK_DATA_DIR": str(tmp_path / "data")}
    started = time.monotonic()
    desk = subprocess.Popen([str(bundle), "--db", str(demo)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        while not ready.exists() and desk.poll() is None and time.monotonic() - started < 90:
            time.sleep(0.1)
        if not ready.exists():
            desk.kill()
            output = desk.stdout.read() if desk.stdout else ""
            logs = tmp_path / "data" / "logs" / "frontdesk.log"
            log_tail = logs.read_text(encoding="utf-8")[-3000:] if logs.exists() else ""
            pytest.fail(f"no sign-in screen; exit {desk.poll()}: {output[-2000:]}\n{log_tail}")
        print(f"bundle start to sign-in: {time.monotonic() - started:.2f} s")
        assert desk.poll() is None, "the desk exited after reaching sign-in"
    finally:
        desk.terminate()
        desk.wait(timeout=30)
    check = subprocess.run([str(bundle), "check-db", "--db", str(demo)], capture_output=True,
                           text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "check-db: ok" in check.stdout


@pytest.mark.slow
def test_the_download_stays_under_the_size_target(bundle: Path) -> None:
    tarballs = sorted((ROOT / "build").glob("frontdesk-*-linux-*.tar.gz"),
                      key=lambda p: p.stat().st_mtime)
    assert tarballs, "make dist writes the tarball"
    tar_mb = tarballs[-1].stat().st_size / 1e6
    print(f"bundle on disk {_size_mb(BUNDLE):.0f} MB, tarball {tar_mb:.0f} MB")
    assert tar_mb < TARBALL_LIMIT_MB
