"""PySide6 6.12.0 on Python 3.11 dropped a reference to None on every void call, and the desk
aborted ("none_dealloc") after a few thousand calls; pyproject.toml keeps PySide6 below 6.12.
This test fails if a version with that defect is installed again."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtCore import QObject
o = QObject()
before = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
for _ in range(2000):
    o.setObjectName("x")
    o.blockSignals(False)
    o.signalsBlocked()
after = (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False))
print(*[b - a for a, b in zip(after, before)])
"""


def test_qt_calls_do_not_leak_references_to_singletons() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    lost = [int(n) for n in result.stdout.split()]
    assert all(abs(n) < 50 for n in lost), f"references lost to None/True/False: {lost}"
