"""Dynamic member QR codes, verified offline against the member's secret (desktop_app.domain
.scan_payloads): the part of resolving a scanned code that the door (store.door) and the
search box (services.lookup) share."""

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
