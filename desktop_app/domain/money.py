"""Money: integer minor units (fen, cents) and a currency. Never a float."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.domain.errors import ValidationError

_SYMBOLS = "¥￥$€£"
_AMOUNT = re.compile(r"^(-)?(\d{1,12})(?:\.(\d{1,2}))?$")


@dataclass(frozen=True, slots=True, order=True)
class Money:
    minor: int
    currency: str = "CNY"

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    def __str__(self) -> str:
        return format_minor(self.minor, self.currency)


def parse_amount(text: str) -> int:
    """ "12.5", "¥12.50", " 1,200 " -> minor units. Raises ValidationError on anything else."""
    cleaned = text.strip().replace(",", "").replace(" ", "")
    for s in _SYMBOLS:
        cleaned = cleaned.replace(s, "")
    if cleaned.upper().startswith("CNY"):
        cleaned = cleaned[3:]
    m = _AMOUNT.match(cleaned)
    if not m:
        raise ValidationError("amount", "not_a_number", f"not an amount: {text!r}")
    sign, whole, frac = m.groups()
    minor = int(whole) * 100 + int((frac or "0").ljust(2, "0"))
    return -minor if sign else minor


_SYMBOL_OF = {"CNY": "¥", "USD": "$", "EUR": "€", "GBP": "£"}


def format_minor(minor: int, currency: str = "CNY") -> str:
    """1250 -> "¥12.50" (locale-aware display is the view's job; this is the plain form)."""
    sign = "-" if minor < 0 else ""
    whole, frac = divmod(abs(minor), 100)
    return f"{sign}{_SYMBOL_OF.get(currency, currency + ' ')}{whole:,}.{frac:02d}"
