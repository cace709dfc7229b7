"""The check-in hot path on the raw driver connection of the writing transaction.

A desk scans a card every few seconds at peak, on a million members and millions of past
check-ins: the ORM's per-query overhead (identity map, flush bookkeeping) was most of the
cost, so the facts are read with a handful of indexed SQL statements and the check-in row is
written with one INSERT. Same transaction, same BEGIN IMMEDIATE lock as the unit of work.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.domain.checkin import BookedSession, Candidate, MemberFacts, PastCheckin
from desktop_app.domain.clock import utc_text
from desktop_app.domain.entitlements import Entitlement, EntitlementKind, Hold
from desktop_app.domain.settings import StoreSettings
from desktop_app.store.member_codes import dynamic_qr_member_number, is_dynamic_qr
from desktop_app.store.state import AUDIT_HEAD, DEVICE_ID, HLC

ENT_COLS = ("id, member_id, kind, name, valid_from, valid_until, units_total, units_used, "
            "access_start, access_end, scope, blocked, price_minor")


def _dt(value: str | None) -> datetime | None:
    # Stored as utc_text (UTCDateTime): fromisoformat reads it to the same aware UTC datetime,
    # several times faster than strptime.
    return datetime.fromisoformat(value) if value else None


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


_RAW = "door.raw"


def raw(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction (BEGIN already issued),
    remembered for the rest of that transaction (a check-in asks for it several times)."""
    tx = session.get_transaction()
    cached = session.info.get(_RAW)
    if tx is not None and cached is not None and cached[0] is tx:
        return cached[1]  # type: ignore[no-any-return]
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
    session.info[_RAW] = (session.get_transaction(), conn)
    return conn


@dataclass
class DoorFacts:
    code_status: str  # found / revoked / unknown
    member: MemberFacts | None = None
    number: str | None = None
    name: str | None = None
    photo_path: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    history: list[PastCheckin] = field(default_factory=list)
    bookings: list[BookedSession] = field(default_factory=list)
    settings: StoreSettings = field(default_factory=StoreSettings)
    policies: dict[str, Any] = field(default_factory=dict)
    # The desk's own state, for the op and (on an override) the audit entry.
    device_id: str | None = None
    hlc: str | None = None
    audit_head: str | None = None
    audit_seq: int = 0


# One statement: the settings, the desk's id, HLC and audit head, the audit chain's number.
_DESK = ("SELECT 0, key, value FROM settings "
         "UNION ALL SELECT 1, key, value FROM sync_state WHERE key IN (?, ?, ?) "
         "UNION ALL SELECT 2, '', max(seq) FROM audit_log")
_MEMBER_COLS = "m.id, m.number, m.name, m.status, m.photo_path, m.note_flagged, m.birthday"
_BY_CARD = (f"SELECT c.status, {_MEMBER_COLS} FROM cards c "
            "LEFT JOIN members m ON m.id = c.member_id WHERE c.code = ?")
_BY_NUMBER = f"SELECT 'active', {_MEMBER_COLS} FROM members m WHERE m.number = ?"
_BY_ID = f"SELECT 'active', {_MEMBER_COLS} FROM members m WHERE m.id = ?"
# One statement: the member's own entitlements and the family pools naming them, each with
# its holds and its sharers (JSON arrays).
_ENTITLEMENTS = (
    "SELECT u.*, "
    "(SELECT json_group_array(json_array(h.starts_at, h.ends_at, h.ended_at)) "
    " FROM entitlement_holds h WHERE h.entitlement_id = u.id AND h.deleted_at IS NULL), "
    "(SELECT json_group_array(s.member_id) FROM entitlement_sharers s "
    " WHERE s.entitlement_id = u.id) "
    f"FROM (SELECT {ENT_COLS} FROM entitlements WHERE member_id = ? AND deleted_at IS NULL "
    f"UNION SELECT {', '.join('e.' + c.strip() for c in ENT_COLS.split(','))} "
    "FROM entitlement_sharers s JOIN entitlements e ON e.id = s.entitlement_id "
    "WHERE s.member_id = ? AND e.deleted_at IS NULL) u")
# One statement: the member's recent check-ins (kind 0) and confirmed bookings of classes
# starting around now (kind 1).
_HISTORY = (
    "SELECT 0, c.at, c.member_id, c.entitlement_id, c.granted, c.units, v.checkin_id "
    "FROM checkins c LEFT JOIN checkin_voids v ON v.checkin_id = c.id "
    "WHERE c.member_id = ? AND c.at >= ? "
    "UNION ALL SELECT 1, s.starts_at, b.id, NULL, NULL, NULL, NULL FROM bookings b "
    "JOIN class_sessions s ON s.id = b.session_id "
    "WHERE b.member_id = ? AND b.status = 'confirmed' AND s.starts_at >= ? "
    "AND s.starts_at <= ?")


def _desk(conn: sqlite3.Connection, policies_key: str, facts: DoorFacts) -> None:
    settings, policies = StoreSettings(), {}
    names = set(StoreSettings.field_names())
    state: dict[str, str] = {}
    for kind, key, value in conn.execute(_DESK, (DEVICE_ID, HLC, AUDIT_HEAD)):
        if kind == 0 and key in names:
            settings = settings.with_value(key, json.loads(value))
        elif kind == 0 and key == policies_key:
            policies = json.loads(value)
        elif kind == 1:
            state[key] = value
        elif kind == 2:
            facts.audit_seq = value or 0
    facts.settings, facts.policies = settings, policies
    facts.device_id, facts.hlc = state.get(DEVICE_ID), state.get(HLC)
    facts.audit_head = state.get(AUDIT_HEAD)


def _entitlement(r: tuple[Any, ...], holds: list[Hold]) -> Entitlement:
    return Entitlement(
        id=r[0], member_id=r[1], kind=EntitlementKind(r[2]), valid_from=_dt(r[4]),  # type: ignore[arg-type]
        valid_until=_dt(r[5]), units_total=r[6], units_used=r[7],
        access_start=time.fromisoformat(r[8]) if r[8] else None,
        access_end=time.fromisoformat(r[9]) if r[9] else None,
        holds=tuple(holds), blocked=bool(r[11]))


def _scope(r: tuple[Any, ...]) -> dict[str, Any]:
    return json.loads(r[10]) if r[10] else {}


def _candidate(r: tuple[Any, ...]) -> Candidate:
    """A row of `_ENTITLEMENTS` as the decision sees it."""
    holds = [Hold(_dt(start), _dt(end), _dt(ended))  # type: ignore[arg-type]
             for start, end, ended in json.loads(r[13])]
    stores = _scope(r).get("stores")
    return Candidate(_entitlement(r, holds), r[12], frozenset(stores) if stores else None,
                     frozenset(json.loads(r[14])))


def entitlements_of(session: Session, member_id: str) -> list[tuple[Candidate, dict[str, Any]]]:
    """The member's own entitlements and the family pools naming them, with holds, sharers
    and each one's scope, in one statement (as `store.checkins.candidates_of`). The
    session's pending changes are flushed first, so units changed in this transaction count."""
    session.flush()
    return [(_candidate(r), _scope(r))
            for r in raw(session).execute(_ENTITLEMENTS, (member_id, member_id))]


def _member_row(conn: sqlite3.Connection, code: str | None, member_id: str | None,
                now: datetime) -> tuple[str, tuple[Any, ...] | None]:
    """("found" / "revoked" / "unknown", the member's row) for a code or a member id, as
    the desk resolves a scanned code: one statement for a card, two for a typed number."""
    if member_id is not None:
        return "found", conn.execute(_BY_ID, (member_id,)).fetchone()
    assert code is not None
    if is_dynamic_qr(code):
        number = dynamic_qr_member_number(conn, code, now)
        if number is None:
            return "unknown", None
        code = number
    row = conn.execute(_BY_CARD, (code,)).fetchone()
    if row is None:
        row = conn.execute(_BY_NUMBER, (code,)).fetchone()
        return ("found", row) if row is not None else ("unknown", None)
    if row[1] is None:  # a card whose member is gone
        return "unknown", None
    return ("found" if row[0] == "active" else "revoked"), row


def door_facts(session: Session, *, code: str | None, member_id: str | None,
               now: datetime, since: datetime, policies_key: str) -> DoorFacts:
    """Everything a check-in decides on, inside the writing transaction: the desk's state
    and settings, the member, their entitlements (with holds and sharers), their recent
    check-ins and bookings; four statements for a card."""
    conn = raw(session)
    facts = DoorFacts("unknown")
    _desk(conn, policies_key, facts)
    status, row = _member_row(conn, code, member_id, now)
    if row is None:
        return facts
    m = row[1:]
    facts.code_status = status
    facts.member = MemberFacts(m[0], m[3] == "archived", bool(m[4]), bool(m[5]),
                               date.fromisoformat(m[6]) if m[6] else None)
    facts.number, facts.name, facts.photo_path = m[1], m[2], m[4]
    for r in conn.execute(_ENTITLEMENTS, (m[0], m[0])):
        facts.candidates.append(_candidate(r))
        facts.names[r[0]] = r[3]
    window = timedelta(hours=2)  # wider than any attendance window
    for kind, at, mid, ent, granted, units, voided in conn.execute(
            _HISTORY,
            (m[0], utc_text(since), m[0], utc_text(now - window), utc_text(now + window))):
        if kind == 0:
            facts.history.append(PastCheckin(
                _dt(at), mid, ent, bool(granted), units, voided is not None))  # type: ignore[arg-type]
        else:
            facts.bookings.append(BookedSession(mid, _dt(at)))  # type: ignore[arg-type]
    return facts


def insert_checkin(session: Session, row: dict[str, Any]) -> None:
    cols = ",".join(row)
    values = [utc_text(v) if isinstance(v, datetime) else _json(v) if isinstance(v, (list, dict))
              else v for v in row.values()]
    raw(session).execute(f"INSERT INTO checkins ({cols}) VALUES ({','.join('?' * len(row))})",
                         values)


def spend(session: Session, entitlement_id: str, units: int, now: datetime) -> bool:
    """Spend units and activate (first check-in). False when that would overdraw the pack."""
    cur = raw(session).execute(
        "UPDATE entitlements SET units_used = units_used + ?, "
        "activated_at = coalesce(activated_at, ?), updated_at = ?, version = version + 1 "
        "WHERE id = ? AND (units_total IS NULL OR units_used + ? <= units_total)",
        (units, utc_text(now), utc_text(now), entitlement_id, units))
    return cur.rowcount == 1


def attend(session: Session, booking_ids: list[str], now: datetime) -> list[str]:
    """Mark the confirmed ones of `booking_ids` attended, in one statement; those marked, in
    the order given."""
    if not booking_ids:
        return []
    marks = ",".join("?" * len(booking_ids))
    done = {bid for (bid,) in raw(session).execute(
        "UPDATE bookings SET status = 'attended', updated_at = ?, version = version + 1 "
        f"WHERE id IN ({marks}) AND status = 'confirmed' RETURNING id",
        (utc_text(now), *booking_ids)).fetchall()}
    return [bid for bid in booking_ids if bid in done]
