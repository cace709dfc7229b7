"""Daily summary queries (DOMAIN.md, Daily summary): computed from the local database only,
returned as frozen values. No Qt here; the services check `report.view` and call these."""

from desktop_app.reports.model import (
    AbsentLine,
    ClassLine,
    ExpiringLine,
    Figures,
    Freshness,
    Period,
    StaffLine,
    Summary,
    TrendPoint,
    Watchlists,
)
from desktop_app.reports.summary import summarise, trend
from desktop_app.reports.watchlists import watchlists

__all__ = [
    "AbsentLine", "ClassLine", "ExpiringLine", "Figures", "Freshness", "Period", "StaffLine",
    "Summary", "TrendPoint", "Watchlists", "summarise", "trend", "watchlists",
]  # fmt: skip
