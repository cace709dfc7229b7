"""The points jobs of each business day (PointsService.daily_run: the expiry run, then the
birthday bonus), checked at start-up and every minute: they run when the business day has
rolled over. The service remembers the last day it ran, so a check on a day already run is
one read."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from desktop_app.qt.background_job import BackgroundJob

if TYPE_CHECKING:
    from desktop_app.services.points import DailyRun
    from desktop_app.services.registry import Services

log = logging.getLogger(__name__)


class PointsDailyRun(BackgroundJob):
    name = "the points daily run"
    day_run = Signal(object)
    """The jobs ran for a new business day (the DailyRun: day, points expired, birthdays)."""

    @staticmethod
    def work(services: Services) -> DailyRun:
        return services.sales.points.daily_run()

    def finished(self, result: DailyRun) -> None:
        if result.ran:
            log.info("points daily run for %s: %d points expired, %d birthday bonus(es)",
                     result.day, result.expired, result.birthdays)
            self.day_run.emit(result)
