"""The checkout services, bundled so the registry holds them as one field (`services.sales`)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.clock import Clock
from desktop_app.services.catalogue import CatalogueService
from desktop_app.services.checkout import CheckoutService
from desktop_app.services.checkout_config import CheckoutConfig
from desktop_app.services.points import PointsService
from desktop_app.services.refunds import RefundService
from desktop_app.services.shifts import ShiftService
from desktop_app.services.stored_value import StoredValueService
from desktop_app.store.db import Database


@dataclass(frozen=True, slots=True)
class SalesServices:
    catalogue: CatalogueService
    checkout: CheckoutService
    refunds: RefundService
    points: PointsService
    stored_value: StoredValueService
    shifts: ShiftService

    @classmethod
    def over(
        cls, db: Database, clock: Clock, config: CheckoutConfig | None = None
    ) -> SalesServices:
        config = config or CheckoutConfig()
        return cls(
            catalogue=CatalogueService(db, clock),
            checkout=CheckoutService(db, clock, config),
            refunds=RefundService(db, clock, config),
            points=PointsService(db, clock, config),
            stored_value=StoredValueService(db, clock, config),
            shifts=ShiftService(db, clock),
        )
