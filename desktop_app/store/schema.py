"""Every model module, imported once, so `Base.metadata` describes the whole schema (used by
Alembic's autogenerate and by the test that migrations and models agree). A feature that adds
tables in its own module adds one import line here."""

from __future__ import annotations

from desktop_app.store import (
    checkin_models,  # noqa: F401  check-ins, classes, bookings
    checkout_models,  # noqa: F401  products, sales, points, shifts
    models,
    print_models,  # noqa: F401  print queue
    report_indexes,  # noqa: F401  daily summary indexes
    report_rollups,  # noqa: F401  daily summary rollups (kept by triggers)
    search_models,  # noqa: F401  member search index
)
from desktop_app.store.models import Base

metadata = Base.metadata

__all__ = ["metadata", "models"]
