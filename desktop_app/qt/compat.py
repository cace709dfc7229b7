"""Work-arounds for defects in the Qt bindings, each with the test that proves it is needed.

PySide6/shiboken6 6.12.0 (abi3 wheels) on CPython 3.11: many binding calls (every ``void``
method, ``Signal.emit``...) drop one reference to ``None``, ``True`` or ``False``, as if those
objects were immortal (they are from Python 3.12 on, PEP 683). After a few thousand calls the
count reaches zero and the interpreter aborts with "none_dealloc: deallocating None" or
"bool_dealloc": a desk would die within minutes of use. The work-around gives these singletons
an immortal-sized reference count, which is what Python 3.12 does for them anyway.
Remove it once the desk runs on Python >= 3.12 or on a PySide6 release without the defect
(tests/qt/test_compat.py shows whether the defect is still there).
"""

from __future__ import annotations

import ctypes
import sys

_IMMORTAL_BOOST = 1 << 40
_done = False


def needs_singleton_guard() -> bool:
    return sys.version_info < (3, 12)


def guard_singletons() -> bool:
    """Make None, True and False effectively immortal on CPython < 3.12 (idempotent).

    Returns True when the guard was applied by this call.
    """
    global _done  # a process-wide fact about the interpreter, not application state
    if _done or not needs_singleton_guard() or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every object in a release build of CPython.
        ctypes.c_ssize_t.from_address(id(obj)).value += _IMMORTAL_BOOST
    _done = True
    return True
