"""The PySide6 reference-count defect and its work-around (desktop_app/qt/compat.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop_app.qt.compat import needs_singleton_guard

SCRIPT = """
import sys
from desktop_app.qt.compat import guard_singletons
if sys.argv[1] == "guarded":
    guard_singletons()
from PySide6.QtCore import QObject
o = QObject()
before = sys.getrefcount(None)
for _ in range(200):
    o.setObjectName("x")
print(before - sys.getrefcount(None))
for _ in range(50_000):
    o.setObjectName("x")
"""


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True,
                          timeout=60)


@pytest.mark.skipif(not needs_singleton_guard(), reason="None is immortal on Python >= 3.12")
def test_the_guard_keeps_a_busy_desk_alive() -> None:
    guarded = _run("guarded")
    assert guarded.returncode == 0, guarded.stderr


@pytest.mark.skipif(not needs_singleton_guard(), reason="None is immortal on Python >= 3.12")
def test_report_whether_the_bindings_still_need_the_guard() -> None:
    bare = _run("bare")
    leaked = bare.stdout.strip().splitlines()[0] if bare.stdout.strip() else "?"
    if bare.returncode == 0 and leaked == "0":
        pytest.fail("PySide6 no longer drops references to None: remove desktop_app/qt/compat.py")
    assert bare.returncode != 0 or leaked != "0"
