"""Typed domain errors. Each carries a stable code; the views turn codes into translated text."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the business said no. `code` is stable and machine-readable."""

    code: str = "domain_error"

    def __init__(self, message: str = "", **details: Any) -> None:
        super().__init__(message or self.code)
        self.details = details


class ValidationError(DomainError):
    code = "invalid_input"

    def __init__(self, field: str, reason: str, message: str = "") -> None:
        super().__init__(message or f"{field}: {reason}", field=field, reason=reason)
        self.field = field
        self.reason = reason


class NotFound(DomainError):
    code = "not_found"


class PermissionDenied(DomainError):
    code = "permission_denied"

    def __init__(self, permission: str, actor: str) -> None:
        super().__init__(f"{actor} lacks {permission}", permission=permission, actor=actor)
        self.permission = permission


class AuthenticationFailed(DomainError):
    code = "bad_credentials"


class StaffLocked(DomainError):
    code = "staff_locked"


class Conflict(DomainError):
    code = "conflict"
