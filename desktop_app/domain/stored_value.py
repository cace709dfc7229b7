"""Stored value ("储值", DOMAIN.md): a prepaid balance kept as principal (money paid in) and
bonus (given by the store). A spend draws from both in proportion; cancelling the card gives
back the remaining principal only."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.domain.errors import DomainError, ValidationError


class InsufficientStoredValue(DomainError):
    code = "insufficient_stored_value"


@dataclass(frozen=True, slots=True)
class Balance:
    principal: int = 0
    bonus: int = 0

    @property
    def total(self) -> int:
        return self.principal + self.bonus


@dataclass(frozen=True, slots=True)
class BonusRule:
    """Pay at least `min_paid`, get `bonus` on top (pay ¥1000, get ¥100)."""

    min_paid: int
    bonus: int


def bonus_for(paid: int, rules: Sequence[BonusRule]) -> int:
    """The best single rule the payment reaches; rules do not stack or repeat (paying ¥2000
    under "¥1000 gets ¥100" gets ¥100 unless a ¥2000 rule exists)."""
    if paid <= 0:
        raise ValidationError("amount", "not_positive")
    return max((r.bonus for r in rules if paid >= r.min_paid), default=0)


def top_up(balance: Balance, paid: int, rules: Sequence[BonusRule]) -> tuple[Balance, int]:
    bonus = bonus_for(paid, rules)
    return Balance(balance.principal + paid, balance.bonus + bonus), bonus


@dataclass(frozen=True, slots=True)
class Draw:
    principal: int
    bonus: int

    @property
    def total(self) -> int:
        return self.principal + self.bonus


def draw(balance: Balance, amount: int) -> Draw:
    """Split a spend between principal and bonus in proportion to the balances (rounded to
    the nearest fen, the principal taking an exact half)."""
    if amount <= 0:
        raise ValidationError("amount", "not_positive")
    if amount > balance.total:
        raise InsufficientStoredValue("not enough stored value", short=amount - balance.total)
    principal = (2 * amount * balance.principal + balance.total) // (2 * balance.total)
    principal = min(principal, balance.principal)
    bonus = amount - principal
    if bonus > balance.bonus:  # rounding pushed past the bonus left: take it from principal
        principal, bonus = amount - balance.bonus, balance.bonus
    return Draw(principal, bonus)


def spend(balance: Balance, amount: int) -> tuple[Balance, Draw]:
    d = draw(balance, amount)
    return Balance(balance.principal - d.principal, balance.bonus - d.bonus), d


def give_back(balance: Balance, returned: Draw) -> Balance:
    """A refund of a stored-value payment returns principal and bonus as they were drawn."""
    return Balance(balance.principal + returned.principal, balance.bonus + returned.bonus)


def cancel(balance: Balance) -> tuple[int, int]:
    """(principal refunded in money, bonus forfeited)."""
    return balance.principal, balance.bonus
