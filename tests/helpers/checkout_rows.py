"""Rows for the per-permission service tests of checkout: each helper sets up what a
permitted actor needs (a sale, an open shift, a stored value account) and, for an actor who
will be refused, sets up nothing, so the refusal is seen to write nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop_app.domain.permissions import Permission
from desktop_app.domain.sales import SaleLine, Tender, TenderKind
from desktop_app.services.checkout import Cart

TODAY = date(2026, 3, 2)
CASH = TenderKind.CASH


def _admin(s: Any) -> Any:
    return s.auth.sign_in("admin", "1111")


def a_cart(m: str) -> Cart:
    return Cart((SaleLine("Towel", 1, 3000),), member_id=m,
                tenders=(Tender(TenderKind.CASH, 3000),))


def sale_to_refund(s: Any, actor: Any, m: str) -> str:
    if not actor.can(Permission.SALE_REFUND):
        return "no-such-sale"
    return str(s.sales.checkout.finalize_sale(_admin(s), a_cart(m)).sale_id)


def card_to_cancel(s: Any, actor: Any, m: str) -> str:
    if actor.can(Permission.STOREDVALUE_REFUND):
        s.sales.stored_value.topup(_admin(s), m, 10_000, TenderKind.CASH)
    return m


def shift_to_close(s: Any, actor: Any) -> dict[TenderKind, int]:
    if actor.can(Permission.SHIFT_CLOSE):
        s.sales.shifts.open(_admin(s), 10_000)
    return {TenderKind.CASH: 10_000}
