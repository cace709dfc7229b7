"""Arguments for the reports rows of tests/integration/test_service_permissions.py."""

from __future__ import annotations

from datetime import date

from desktop_app.reports import Period

DAY = Period.day(date(2026, 3, 2))
