"""Schemathesis against the live server's own OpenAPI: whatever a client sends, the server
answers with a documented status and never a 5xx. (Driven through hypothesis directly: the
schemathesis pytest fixture loader does not work with this pytest version.)"""

from __future__ import annotations

from collections.abc import Callable

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from tests.helpers.sync_harness import Desk, ServerProcess


@pytest.mark.slow
def test_no_server_errors(server: ServerProcess, make_desk: Callable[..., Desk]) -> None:
    desk = make_desk("fuzz")
    desk.enrol(server, server.store())
    enrolment = desk.engine.store.enrolment()
    assert enrolment is not None
    headers = {"Authorization": f"Bearer {enrolment.token}"}
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert any(op.path == "/sync/v1/pull" for op in operations)
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            if case.path.endswith("/events"):
                case.query = {**(case.query or {}), "wait": 0}  # a long-poll is only slow
            response = case.call(headers=headers, timeout=30)
            case.validate_response(response, checks=[not_a_server_error])

        check()
