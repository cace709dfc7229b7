"""The Front desk page (F1)."""

from __future__ import annotations

from desktop_app.qt.pages.base import ComingPage


class FrontDeskPage(ComingPage):
    """Front desk: a placeholder until its feature lands; it says so in plain words."""

    def title(self) -> str:
        return self.tr("Front desk")

    def coming_note(self) -> str:
        return self.tr(
            "Check-in arrives with the check-in feature. Members will be scanned or looked up here."
        )
