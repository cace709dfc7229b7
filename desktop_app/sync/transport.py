"""The desk's HTTP client for the sync protocol (requests, a timeout on every call). Failures
come back as typed exceptions so the engine can tell "retry later" (Transient) from "the
server said no"."""

from __future__ import annotations

from typing import Any, Protocol

import requests
from requests import exceptions as rex

from desktop_app.sync.protocol import (
    API_PREFIX,
    SCHEMA_VERSION,
    BootstrapPage,
    CursorInfo,
    EnrollRequest,
    EnrollResponse,
    EventsAnswer,
    PullPage,
    PushRequest,
    PushResponse,
    RowsPage,
    SeqGap,
)

TIMEOUT = (5.0, 30.0)  # (connect, read) seconds


class SyncError(Exception):
    """Base of everything the transport raises."""


class Transient(SyncError):
    """No answer, or a 5xx: worth retrying with backoff."""


class Unauthorised(SyncError):
    """401: missing, wrong or revoked device token. Retrying cannot help."""


class Rejected(SyncError):
    """Another 4xx that retrying cannot fix (bad enrolment code, a malformed request)."""

    def __init__(self, status: int, detail: Any) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


class GapDetected(SyncError):
    def __init__(self, gap: SeqGap) -> None:
        super().__init__(f"{gap.error}, server expects seq {gap.expected_seq}")
        self.gap = gap


class OpConflictError(SyncError):
    """422 op_conflict: an op id the server knows came with different arguments."""


class CursorGone(SyncError):
    """410: our cursor is older than the kept tombstones; bootstrap again."""


class SchemaTooOld(SyncError):
    """426: this desk must be updated before it may pull (it may still push)."""


class Transport(Protocol):
    def enroll(self, request: EnrollRequest) -> EnrollResponse: ...
    def push(self, request: PushRequest) -> PushResponse: ...
    def pull(self, cursor: str, limit: int) -> PullPage: ...
    def cursor(self) -> CursorInfo: ...
    def rows(self, entity: str, ids: list[str]) -> RowsPage: ...
    def bootstrap(self, entity: str, after: str, limit: int) -> BootstrapPage: ...
    def events(self, cursor: str, wait_s: float) -> EventsAnswer: ...
    def close(self) -> None: ...


class HttpTransport:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        timeout: tuple[float, float] = TIMEOUT,
    ) -> None:
        self._base = base_url.rstrip("/") + API_PREFIX
        self._timeout = timeout
        self._client = requests.Session()
        self._client.headers["X-Frontdesk-Schema"] = str(SCHEMA_VERSION)
        if token:
            self._client.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self._client.close()

    def _call(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", self._timeout)
        try:
            response = self._client.request(method, self._base + path, **kwargs)
        except (rex.ConnectionError, rex.Timeout, rex.ChunkedEncodingError) as exc:
            # refused, reset, timed out, cut off mid-answer: the network, not the server
            raise Transient(f"{type(exc).__name__}: {exc}") from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise Transient(f"server answered {response.status_code}")
        if response.status_code == 401:
            raise Unauthorised(response.text)
        return response

    @staticmethod
    def _fail(response: requests.Response) -> SyncError:
        try:
            detail = response.json()
        except ValueError:
            detail = response.text
        return Rejected(response.status_code, detail)

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        response = self._call("POST", "/enroll", json=request.model_dump(by_alias=True))
        if response.status_code != 200:
            raise self._fail(response)
        return EnrollResponse.model_validate_json(response.content)

    def push(self, request: PushRequest) -> PushResponse:
        response = self._call(
            "POST",
            "/push",
            data=request.model_dump_json(by_alias=True).encode(),
            headers={"Content-Type": "application/json"},
        )
        if response.status_code == 409:
            raise GapDetected(SeqGap.model_validate_json(response.content))
        if response.status_code == 422 and b"op_conflict" in response.content:
            raise OpConflictError(response.text)
        if response.status_code != 200:
            raise self._fail(response)
        return PushResponse.model_validate_json(response.content)

    def pull(self, cursor: str, limit: int) -> PullPage:
        response = self._call("GET", "/pull", params={"cursor": cursor, "limit": limit})
        if response.status_code == 410:
            raise CursorGone(cursor)
        if response.status_code == 426:
            raise SchemaTooOld(response.text)
        if response.status_code != 200:
            raise self._fail(response)
        return PullPage.model_validate_json(response.content)

    def cursor(self) -> CursorInfo:
        response = self._call("GET", "/cursor")
        if response.status_code != 200:
            raise self._fail(response)
        return CursorInfo.model_validate_json(response.content)

    def rows(self, entity: str, ids: list[str]) -> RowsPage:
        response = self._call("GET", "/rows", params={"entity": entity, "id": ids})
        if response.status_code != 200:
            raise self._fail(response)
        return RowsPage.model_validate_json(response.content)

    def bootstrap(self, entity: str, after: str, limit: int) -> BootstrapPage:
        response = self._call(
            "GET", "/bootstrap", params={"entity": entity, "after": after, "limit": limit}
        )
        if response.status_code != 200:
            raise self._fail(response)
        return BootstrapPage.model_validate_json(response.content)

    def events(self, cursor: str, wait_s: float) -> EventsAnswer:
        response = self._call(
            "GET",
            "/events",
            params={"cursor": cursor, "wait": wait_s},
            timeout=(5.0, wait_s + 10.0),
        )
        if response.status_code != 200:
            raise self._fail(response)
        return EventsAnswer.model_validate_json(response.content)
