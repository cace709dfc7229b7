"""The Members page (F3)."""

from __future__ import annotations

from desktop_app.qt.pages.base import ComingPage


class MembersPage(ComingPage):
    """Members: a placeholder until its feature lands; it says so in plain words."""

    def title(self) -> str:
        return self.tr("Members")

    def coming_note(self) -> str:
        return self.tr("Member search and profiles arrive with the members feature.")
