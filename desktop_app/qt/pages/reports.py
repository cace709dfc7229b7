"""The Reports page (F5)."""

from __future__ import annotations

from desktop_app.qt.pages.base import ComingPage


class ReportsPage(ComingPage):
    """Reports: a placeholder until its feature lands; it says so in plain words."""

    def title(self) -> str:
        return self.tr("Reports")

    def coming_note(self) -> str:
        return self.tr("The daily summary arrives with the reports feature.")
