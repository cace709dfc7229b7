"""The Checkout page (F2)."""

from __future__ import annotations

from desktop_app.qt.pages.base import ComingPage


class CheckoutPage(ComingPage):
    """Checkout: a placeholder until its feature lands; it says so in plain words."""

    def title(self) -> str:
        return self.tr("Checkout")

    def coming_note(self) -> str:
        return self.tr("Sales, tenders and receipts arrive with the checkout feature.")
