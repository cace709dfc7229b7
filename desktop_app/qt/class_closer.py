"""Closes class sessions in the background, at start-up and every minute: the class service
turns the bookings of every ended session that nobody checked in for into no-shows with a
strike, once per session (ClassService.close_due)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from desktop_app.qt.background_job import BackgroundJob

if TYPE_CHECKING:
    from desktop_app.services.registry import Services

log = logging.getLogger(__name__)


class ClassCloser(BackgroundJob):
    name = "closing ended class sessions"
    sessions_closed = Signal(list)
    """A run struck these booking ids (emitted only when it closed something)."""

    @staticmethod
    def work(services: Services) -> list[str]:
        return services.classes.close_due()

    def finished(self, struck: list[str]) -> None:
        if struck:
            log.info("closed class sessions: %d no-show(s) struck", len(struck))
            self.sessions_closed.emit(struck)
            window = self._session.main_window
            if window is not None and window.classes.context is not None:
                window.classes.reload()
