import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

# tests/ is not a package and pytest runs in importlib mode: make `tests.helpers` importable.
ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.devices.receipts.templates import ItemLine, Sale  # noqa: E402
from tests.helpers.receipt_samples import SALE, STORE  # noqa: E402
from tests.integration.printing.loopback_printer import LoopbackPrinter  # noqa: E402


def big_sale(receipt_no: str, n_lines: int = 600) -> Sale:
    """A Chinese sale whose receipt (~35 KB) is larger than the fake printer's buffers, so a
    stall or a reset mid-job is seen by the sender."""
    lines = tuple(ItemLine(f"商品{i:03d} 进口有机燕麦片", 1, 1250, 1250) for i in range(n_lines))
    total = 1250 * n_lines
    return replace(SALE, receipt_no=receipt_no, lines=lines, subtotal=total, total=total,
                   discounts=(), change=0, issued_at=datetime(2024, 5, 1, 14, 3))


@pytest.fixture
def printer() -> Iterator[LoopbackPrinter]:
    p = LoopbackPrinter()
    yield p
    p.close()


__all__ = ["SALE", "STORE", "big_sale"]
