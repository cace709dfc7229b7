"""Job payloads re-render the same receipt; the retry delay grows and is capped."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.devices.printing.payload import (  # noqa: E402
    PayloadError,
    document_for,
    receipt_payload,
)
from desktop_app.devices.receipts.templates import (  # noqa: E402
    member_card,
    refund_receipt,
    sale_receipt,
    shift_report,
    topup_receipt,
)
from desktop_app.domain.print_jobs import Backoff  # noqa: E402
from tests.helpers import receipt_samples as samples  # noqa: E402

CASES = [("sale", samples.SALE, sale_receipt), ("refund", samples.REFUND, refund_receipt),
         ("topup", samples.TOPUP, topup_receipt), ("shift_report", samples.Z_REPORT, shift_report),
         ("member_card", samples.CARD, member_card)]


@pytest.mark.parametrize("kind,data,build", CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("copy", [False, True])
def test_a_stored_payload_rebuilds_the_same_receipt(kind, data, build, copy) -> None:
    stored = json.loads(json.dumps(receipt_payload(kind, data, samples.STORE, "zh_CN")))
    assert document_for(kind, stored, copy) == build(data, samples.STORE, "zh_CN", copy)


def test_a_wrong_payload_is_refused() -> None:
    with pytest.raises(PayloadError):
        receipt_payload("sale", samples.REFUND, samples.STORE, "en")
    with pytest.raises(PayloadError):
        document_for("sale", {"store": {"header": []}, "data": {"nope": 1}}, False)


def test_backoff_doubles_then_caps() -> None:
    b = Backoff(base_s=2, factor=2, max_s=30)
    assert [b.delay_s(n) for n in range(1, 7)] == [2, 4, 8, 16, 30, 30]
    assert b.delay_s(10_000) == 30
