"""The fixed dataset of the reports tests (timeline and hand figures:
tests/helpers/report_dataset.py)."""

from __future__ import annotations

import pytest

from tests.helpers.report_dataset import Dataset, build_dataset


@pytest.fixture
def dataset(services, admin, staff_of, clock) -> Dataset:
    return build_dataset(services, admin, staff_of, clock)
