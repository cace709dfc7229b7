"""Logging: a rotating file in the data folder's logs/, each line carrying the op id and
member id in context, so a support bundle tells what happened to whom. Errors are logged with
their traceback and never swallowed silently."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

_op_id: ContextVar[str] = ContextVar("op_id", default="-")
_member_id: ContextVar[str] = ContextVar("member_id", default="-")

FORMAT = "%(asctime)s %(levelname)s %(name)s [op=%(op_id)s member=%(member_id)s] %(message)s"


class _ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.op_id = _op_id.get()
        record.member_id = _member_id.get()
        return True


@contextmanager
def log_context(*, op_id: str | None = None, member_id: str | None = None) -> Iterator[None]:
    """Lines logged inside the block name this op and member."""
    tokens = []
    if op_id is not None:
        tokens.append((_op_id, _op_id.set(op_id)))
    if member_id is not None:
        tokens.append((_member_id, _member_id.set(member_id)))
    try:
        yield
    finally:
        for var, token in reversed(tokens):
            var.reset(token)


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the app's logs to `log_dir/frontdesk.log` (5 files of 2 MB). Idempotent."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "frontdesk.log"
    root = logging.getLogger()
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(_ContextFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return path
