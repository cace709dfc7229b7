"""The REAL desk on a real X server (Xvfb), with screenshots of its screens.

Set FRONTDESK_UPDATE_SCREENSHOTS=1 to refresh docs/screenshots/ from this run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("_desk_screens.py")


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None or shutil.which("import") is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb and ImageMagick `import` are required on CI")
        pytest.skip("Xvfb or ImageMagick `import` is not installed: "
                    "apt-get install xvfb imagemagick to run the real-window test")
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen([xvfb, "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
                             "-nolisten", "tcp"], pass_fds=(write_fd,),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # Xvfb picks a free display and reports it
    if not number:
        proc.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_real_desk_runs_under_x_and_is_photographed(
        x_display: str, lang: str, tmp_path: Path) -> None:
    env = dict(os.environ, DISPLAY=x_display, QT_QPA_PLATFORM="xcb",
               FRONTDESK_DATA_DIR=str(tmp_path / "data"),
               PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "shots"
    out.mkdir()
    done = subprocess.run([sys.executable, str(SCRIPT), str(out), lang], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    names = [f"{n}_{lang}.png" for n in ("sign_in", "main_window", "screen", "settings",
                                         "lock")]
    for name in names:
        assert (out / name).stat().st_size > 5_000, name
    if os.environ.get("FRONTDESK_UPDATE_SCREENSHOTS"):
        docs = REPO / "docs" / "screenshots"
        docs.mkdir(parents=True, exist_ok=True)
        for name in names:
            if not name.startswith("screen_"):
                shutil.copy(out / name, docs / name)
