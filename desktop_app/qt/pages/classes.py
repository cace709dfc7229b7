"""The Classes page (F4)."""

from __future__ import annotations

from desktop_app.qt.pages.base import ComingPage


class ClassesPage(ComingPage):
    """Classes: a placeholder until its feature lands; it says so in plain words."""

    def title(self) -> str:
        return self.tr("Classes")

    def coming_note(self) -> str:
        return self.tr("Class schedules and bookings arrive with the classes feature.")
