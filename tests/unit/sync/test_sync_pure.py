"""Pure pieces of sync: wire validation, the op hash, cursors, HLC clamping, backoff."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from central_server.changes import BadCursor, Position
from central_server.push import Rejected, clamp_hlc
from desktop_app.domain.hlc import HLC
from desktop_app.sync.engine import Backoff
from desktop_app.sync.protocol import MAX_PUSH_OPS, OpResult, PushRequest, args_hash

NOW = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)


def _op(seq: int) -> dict[str, object]:
    return {"seq": seq, "op_id": f"op{seq}", "name": "member.patch.v1", "hlc": "h", "args": {}}


def test_a_push_holds_at_most_500_ops_and_no_unknown_fields() -> None:
    PushRequest.model_validate({"device_id": "d", "schema": 1, "ops": [_op(1)]})
    with pytest.raises(ValidationError):
        PushRequest.model_validate(
            {"device_id": "d", "schema": 1, "ops": [_op(i + 1) for i in range(MAX_PUSH_OPS + 1)]}
        )
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"device_id": "d", "schema": 1, "ops": [], "extra": 1})
    with pytest.raises(ValidationError):
        PushRequest.model_validate({"device_id": "d", "schema": 1, "ops": [_op(0)]})


def test_the_op_hash_sees_any_change_of_arguments_but_not_key_order() -> None:
    a = args_hash("member.patch.v1", {"id": "m", "fields": {"name": "A", "notes": ""}})
    assert a == args_hash("member.patch.v1", {"fields": {"notes": "", "name": "A"}, "id": "m"})
    assert a != args_hash("member.patch.v1", {"id": "m", "fields": {"name": "B", "notes": ""}})
    assert a != args_hash("member.archive.v1", {"id": "m", "fields": {"name": "A", "notes": ""}})


def test_a_duplicate_reports_the_first_outcome() -> None:
    dup = OpResult(op_id="o", seq=1, status="duplicate", original="rejected", reason="x")
    assert dup.outcome == "rejected"
    assert OpResult(op_id="o", seq=1, status="applied").outcome == "applied"


def test_cursors_order_by_transaction_then_sequence() -> None:
    assert Position.parse("") == Position(0, 0)
    assert Position.parse("7.3") < Position.parse("8.1") < Position.parse("8.2")
    assert str(Position.parse("12.40")) == "12.40"
    with pytest.raises(BadCursor):
        Position.parse("nonsense")


def test_clocks_more_than_five_minutes_ahead_are_clamped() -> None:
    ahead = HLC(int((NOW + timedelta(days=1)).timestamp() * 1000), 3, "desk")
    clamped = HLC.parse(clamp_hlc(str(ahead), NOW))
    assert clamped.wall_ms == int((NOW + timedelta(minutes=5)).timestamp() * 1000)
    assert (clamped.counter, clamped.node) == (3, "desk")
    fine = HLC(int((NOW + timedelta(minutes=4)).timestamp() * 1000), 0, "desk")
    assert clamp_hlc(str(fine), NOW) == str(fine)
    with pytest.raises(Rejected):
        clamp_hlc("garbage", NOW)


def test_backoff_grows_exponentially_with_jitter_up_to_the_cap_and_resets() -> None:
    backoff = Backoff(base_s=1.0, cap_s=60.0, rng=random.Random(4))
    delays = [backoff.next_delay() for _ in range(12)]
    for n, delay in enumerate(delays):
        assert 0 <= delay <= min(60.0, 2.0**n)
    assert len(set(delays)) == len(delays)  # jittered, not a fixed schedule
    assert max(delays[8:]) > 8  # it did grow
    backoff.reset()
    assert backoff.next_delay() <= 1.0
