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
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.domain.checkin import BookedSession, Candidate, MemberFacts, PastCheckin
from desktop_app.domain.entitlements import Entitlement, EntitlementKind, Hold
from desktop_app.domain.settings import StoreSettings
from desktop_app.store.member_codes import resolve_member_code

FMT = "%Y-%m-%dT%H:%M:%S.%fZ"
ENT_COLS = ("id, member_id, kind, name, valid_from, valid_until, units_total, units_used, "
            "access_start, access_end, scope, blocked, price_minor")


def ts(value: datetime) -> str:
    return value.astimezone(UTC).strftime(FMT)


def _dt(value: str | None) -> datetime | None:
    return datetime.strptime(value, FMT).replace(tzinfo=UTC) if value else None


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def raw(session: Session) -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction (BEGIN already issued)."""
    conn = session.connection().connection.driver_connection
    assert isinstance(conn, sqlite3.Connection)
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


def _settings(conn: sqlite3.Connection, policies_key: str) -> tuple[StoreSettings, dict[str, Any]]:
    settings, policies = StoreSettings(), {}
    names = set(StoreSettings.field_names())
    for key, value in conn.execute("SELECT key, value FROM settings"):
        if key in names:
            settings = settings.with_value(key, json.loads(value))
        elif key == policies_key:
            policies = json.loads(value)
    return settings, policies


def _entitlement(r: tuple[Any, ...], holds: list[Hold]) -> Entitlement:
    return Entitlement(
        id=r[0], member_id=r[1], kind=EntitlementKind(r[2]), valid_from=_dt(r[4]),  # type: ignore[arg-type]
        valid_until=_dt(r[5]), units_total=r[6], units_used=r[7],
        access_start=time.fromisoformat(r[8]) if r[8] else None,
        access_end=time.fromisoformat(r[9]) if r[9] else None,
        holds=tuple(holds), blocked=bool(r[11]))


def door_facts(session: Session, *, code: str | None, member_id: str | None,
               now: datetime, since: datetime, policies_key: str) -> DoorFacts:
    conn = raw(session)
    settings, policies = _settings(conn, policies_key)
    status = "found"
    if member_id is None:
        assert code is not None
        member_id, status = resolve_member_code(conn, code, now)
    m = None if member_id is None else conn.execute(
        "SELECT id, number, name, status, photo_path, note_flagged, birthday FROM members "
        "WHERE id = ?", (member_id,)).fetchone()
    if m is None:
        return DoorFacts("unknown", settings=settings, policies=policies)
    facts = DoorFacts(status, MemberFacts(m[0], m[3] == "archived", bool(m[4]), bool(m[5]),
                                          date.fromisoformat(m[6]) if m[6] else None),
                      m[1], m[2], m[4], settings=settings, policies=policies)
    rows = conn.execute(
        f"SELECT {ENT_COLS} FROM entitlements WHERE member_id = ? AND deleted_at IS NULL "
        f"UNION SELECT {', '.join('e.' + c.strip() for c in ENT_COLS.split(','))} "
        "FROM entitlement_sharers s JOIN entitlements e ON e.id = s.entitlement_id "
        "WHERE s.member_id = ? AND e.deleted_at IS NULL", (m[0], m[0])).fetchall()
    if rows:
        ids = [r[0] for r in rows]
        marks = ",".join("?" * len(ids))
        holds: dict[str, list[Hold]] = {}
        for ent_id, start, end, ended in conn.execute(
                "SELECT entitlement_id, starts_at, ends_at, ended_at FROM entitlement_holds "
                f"WHERE entitlement_id IN ({marks}) AND deleted_at IS NULL", ids):
            holds.setdefault(ent_id, []).append(
                Hold(_dt(start), _dt(end), _dt(ended)))  # type: ignore[arg-type]
        sharers: dict[str, set[str]] = {}
        for ent_id, sharer in conn.execute(
                "SELECT entitlement_id, member_id FROM entitlement_sharers "
                f"WHERE entitlement_id IN ({marks})", ids):
            sharers.setdefault(ent_id, set()).add(sharer)
        for r in rows:
            scope = json.loads(r[10]) if r[10] else {}
            stores = scope.get("stores")
            facts.candidates.append(Candidate(
                _entitlement(r, holds.get(r[0], [])), r[12], frozenset(stores) if stores
                else None, frozenset(sharers.get(r[0], set()))))
            facts.names[r[0]] = r[3]
    facts.history = [
        PastCheckin(_dt(at), mid, ent, bool(granted), units, voided is not None)  # type: ignore[arg-type]
        for at, mid, ent, granted, units, voided in conn.execute(
            "SELECT c.at, c.member_id, c.entitlement_id, c.granted, c.units, v.checkin_id "
            "FROM checkins c LEFT JOIN checkin_voids v ON v.checkin_id = c.id "
            "WHERE c.member_id = ? AND c.at >= ?", (m[0], ts(since)))]
    window = timedelta(hours=2)  # wider than any attendance window
    facts.bookings = [
        BookedSession(bid, _dt(starts))  # type: ignore[arg-type]
        for bid, starts in conn.execute(
            "SELECT b.id, s.starts_at FROM bookings b "
            "JOIN class_sessions s ON s.id = b.session_id "
            "WHERE b.member_id = ? AND b.status = 'confirmed' AND s.starts_at >= ? "
            "AND s.starts_at <= ?", (m[0], ts(now - window), ts(now + window)))]
    return facts


def insert_checkin(session: Session, row: dict[str, Any]) -> None:
    cols = ",".join(row)
    values = [ts(v) if isinstance(v, datetime) else _json(v) if isinstance(v, (list, dict))
              else v for v in row.values()]
    raw(session).execute(f"INSERT INTO checkins ({cols}) VALUES ({','.join('?' * len(row))})",
                         values)


def spend(session: Session, entitlement_id: str, units: int, now: datetime) -> bool:
    """Spend units and activate (first check-in). False when that would overdraw the pack."""
    cur = raw(session).execute(
        "UPDATE entitlements SET units_used = units_used + ?, "
        "activated_at = coalesce(activated_at, ?), updated_at = ?, version = version + 1 "
        "WHERE id = ? AND (units_total IS NULL OR units_used + ? <= units_total)",
        (units, ts(now), ts(now), entitlement_id, units))
    return cur.rowcount == 1


def attend(session: Session, booking_ids: list[str], now: datetime) -> list[str]:
    done = []
    conn = raw(session)
    for bid in booking_ids:
        cur = conn.execute(
            "UPDATE bookings SET status = 'attended', updated_at = ?, version = version + 1 "
            "WHERE id = ? AND status = 'confirmed'", (ts(now), bid))
        if cur.rowcount:
            done.append(bid)
    return done
