"""What a scanned member code points to: a card (active or revoked), a member number, or a
dynamic member QR verified offline against the member's secret (desktop_app.domain
.scan_payloads). One resolver for the door and the search box."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from desktop_app.domain.scan_payloads import (
    DYNAMIC_PREFIX,
    PayloadKind,
    verify_dynamic_qr,
)


def is_dynamic_qr(code: str) -> bool:
    return code.startswith(DYNAMIC_PREFIX + ":")


def dynamic_qr_member_number(conn: sqlite3.Connection, code: str, now: datetime) -> str | None:
    """The member number a dynamic QR proves, or None when it is malformed, forged, expired
    (a screenshot stops working after about a minute) or of an archived member."""

    def secret_of(number: str) -> bytes | None:
        row = conn.execute("SELECT qr_secret FROM members WHERE number = ? "
                           "AND status != 'archived'", (number,)).fetchone()
        return bytes.fromhex(row[0]) if row and row[0] else None

    payload = verify_dynamic_qr(code, secret_of, now)
    return payload.member_number if payload.kind is PayloadKind.DYNAMIC_MEMBER else None


def resolve_member_code(conn: sqlite3.Connection, code: str,
                        now: datetime) -> tuple[str | None, str]:
    """(member id, "found" | "revoked" | "unknown") for a card code, member number or
    dynamic QR."""
    if is_dynamic_qr(code):
        number = dynamic_qr_member_number(conn, code, now)
        if number is None:
            return None, "unknown"
        code = number
    row = conn.execute("SELECT member_id, status FROM cards WHERE code = ?", (code,)).fetchone()
    if row is not None:
        return row[0], "found" if row[1] == "active" else "revoked"
    row = conn.execute("SELECT id FROM members WHERE number = ?", (code,)).fetchone()
    return (row[0], "found") if row else (None, "unknown")
