from __future__ import annotations

import logging
from pathlib import Path

from desktop_app.logs import configure_logging, log_context


def test_log_lines_carry_op_and_member_context(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    try:
        log = logging.getLogger("frontdesk.test")
        with log_context(op_id="op-1", member_id="m-9"):
            log.warning("checked in")
        log.warning("outside")
        for handler in logging.getLogger().handlers:
            handler.flush()
        lines = path.read_text(encoding="utf-8").splitlines()
        assert any("[op=op-1 member=m-9] checked in" in ln for ln in lines)
        assert any("[op=- member=-] outside" in ln for ln in lines)
        assert configure_logging(tmp_path / "logs") == path  # no second handler
        handlers = [h for h in logging.getLogger().handlers
                    if getattr(h, "baseFilename", None) == str(path)]
        assert len(handlers) == 1
    finally:
        for h in list(logging.getLogger().handlers):
            if getattr(h, "baseFilename", None) == str(path):
                logging.getLogger().removeHandler(h)
                h.close()
