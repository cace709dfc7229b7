"""The store's checkout rules in one value: points policy, promotions, top-up bonuses.
Services receive it through their constructor (desktop_app.services.registry)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.points import PointsPolicy, Promotion
from desktop_app.domain.stored_value import BonusRule


@dataclass(frozen=True, slots=True)
class CheckoutConfig:
    points: PointsPolicy = field(default_factory=PointsPolicy)
    promotions: tuple[Promotion, ...] = ()
    top_up_bonuses: tuple[BonusRule, ...] = (BonusRule(100_000, 10_000),)  # ¥1000 -> +¥100
