"""The per-hour rollups (migration 0800_report_rollups: tables kept by SQLite triggers) give
exactly what the direct queries on the source rows give: on the hand-computed dataset and on
random ones, in whole-hour, half-hour and DST time zones, with refunds, voids, unvoids,
moved (merged) and deleted check-ins written after the fact. And the migration's backfill rebuilds
exactly what the triggers kept."""

from __future__ import annotations

import importlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from desktop_app.domain.business_day import business_day_bounds
from desktop_app.reports import Period, summarise
from desktop_app.reports.model import Summary
from desktop_app.reports.rollups import hour_map
from desktop_app.reports.summary import scope_of
from desktop_app.store.db import Database

migration = importlib.import_module(
    "desktop_app.store.migrations.versions.0800_report_rollups")

D = date(2026, 3, 2)
NOW = datetime(2026, 3, 9, tzinfo=UTC)
ROLLUPS = ("report_money_hours", "report_tender_hours", "report_checkin_hours",
           "report_visits")
ZONES = ("Asia/Shanghai", "Europe/London", "Asia/Kolkata", "America/St_Johns",
         "Australia/Lord_Howe")


def both(conn: Connection, period: Period, store: str | None) -> tuple[Summary, Summary]:
    return (summarise(conn, period, store, NOW, rollups=True),
            summarise(conn, period, store, NOW, rollups=False))


def set_zone(raw: sqlite3.Connection, tz: str, cutoff: str) -> None:
    for key, value in (("timezone", tz), ("day_cutoff", cutoff)):
        raw.execute("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, "
                    "'2026-01-01T00:00:00.000000Z') ON CONFLICT (key) DO UPDATE SET "
                    "value = excluded.value", (key, f'"{value}"'))
    raw.commit()


def set_desk_store(raw: sqlite3.Connection, store: str | None) -> None:
    raw.execute("DELETE FROM sync_state WHERE key = 'sync.store_id'")
    if store:
        raw.execute("INSERT INTO sync_state (key, value) VALUES ('sync.store_id', ?)", (store,))
    raw.commit()


def rollup_rows(raw: sqlite3.Connection) -> dict[str, set[tuple[object, ...]]]:
    """The rollup tables' rows, leaving out all-zero hours (the triggers keep an hour whose
    rows were all taken back; the backfill never writes one)."""
    out = {}
    for table in ROLLUPS:
        rows = raw.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608 - fixed names
        keys = {"report_money_hours": 1, "report_tender_hours": 2, "report_checkin_hours": 2,
                "report_visits": 99}[table]
        out[table] = {r for r in rows if keys == 99 or any(r[keys:])}
    return out


def rebuilt(raw: sqlite3.Connection) -> dict[str, set[tuple[object, ...]]]:
    """Rollups as the migration's backfill computes them from the rows now present."""
    for table in ROLLUPS:
        raw.execute(f"DELETE FROM {table}")  # noqa: S608
    for sql in migration.BACKFILL:
        raw.execute(sql)
    got = rollup_rows(raw)
    raw.rollback()
    return got


# -- the hand-computed dataset ------------------------------------------------------------

def test_rollups_equal_direct_queries_on_the_hand_dataset(dataset, clock, admin) -> None:
    s = dataset.services
    periods = [Period.day(D), Period(date(2026, 3, 1), D), Period(D - timedelta(days=29), D),
               Period.day(date(2026, 2, 23)), Period(date(2026, 2, 20), date(2026, 3, 4))]

    def check() -> None:
        with s.db.read() as session:
            conn = session.connection()
            stores = [None, *[r[0] for r in conn.exec_driver_sql("SELECT id FROM stores")],
                      "another-store"]
            for period in periods:
                for store in stores:
                    fast, direct = both(conn, period, store)
                    assert fast == direct, (period, store)

    check()
    with s.db.read() as session:  # the hand figures hold through the rollups
        r = summarise(session.connection(), Period(date(2026, 3, 1), D), None, NOW)
        assert (r.current.sales, r.current.revenue, r.current.unique_members) == (7, 14800, 3)
    # After the fact: D's sale s2 refunded three days later, D's last check-in voided, a
    # stored value top-up and points on another day.
    manager = dataset.manager
    clock.set(datetime(2026, 3, 5, 2, tzinfo=UTC))
    with s.db.read() as session:
        s2, c5 = session.connection().exec_driver_sql(
            "SELECT (SELECT id FROM sales WHERE total = 7200), (SELECT id FROM checkins "
            "WHERE at = '2026-03-02T19:30:00.000000Z')").one()
    s.sales.refunds.refund(manager, s2, None, reason="after the fact")
    s.checkin.void(manager, c5, "after the fact")
    check()
    with s.db.read() as session:
        r = summarise(session.connection(), Period.day(D), None, NOW)
        assert r.current.checkins == 5 - 1 and r.current.unique_members == 3  # A, B, C
    # C turns out to be A: the merge moves C's check-ins to A (the rollups follow them).
    s.profiles.merge(admin, dataset.members["A"], dataset.members["C"])
    check()
    with s.db.read() as session:
        r = summarise(session.connection(), Period.day(D), None, NOW)
        assert r.current.checkins == 4 and r.current.unique_members == 2  # A, B
        later = summarise(session.connection(), Period.day(date(2026, 3, 5)), None, NOW)
        assert (later.current.refunds, later.current.refund_amount) == (1, 7200)
        assert dict(later.current.tenders) == {"cash": -7200}


# -- random datasets ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def template() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="fd-rollups-"))
    Database(folder / "template.sqlite3").close()
    yield folder / "template.sqlite3"
    shutil.rmtree(folder, ignore_errors=True)


BASE = datetime(2026, 3, 20, tzinfo=UTC)  # the week of 03-29 changes clocks in London
SPAN = 16 * 24 * 60  # minutes of history
KINDS = ("cash", "wechat", "alipay", "card", "points", "stored_value")
STORES = (None, "S1", "S2")
MEMBERS = ("m1", "m2", "m3", "m4", "m5")

minute = st.integers(0, SPAN)
near = st.integers(-90, 90)  # minutes from the period's start: visits just before and in it
op = st.one_of(
    st.tuples(st.just("sale"), minute, st.integers(100, 9000), st.integers(0, 90),
              st.lists(st.tuples(st.sampled_from(KINDS), st.integers(-50, 5000)),
                       min_size=1, max_size=3)),
    st.tuples(st.just("refund"), st.integers(0, 50), st.integers(0, 3000),
              st.integers(0, 5000), st.sampled_from(KINDS)),
    st.tuples(st.just("points"), minute, st.sampled_from(
        ("earn", "reverse", "redeem", "expire", "adjust")), st.integers(-300, 300)),
    st.tuples(st.just("sv"), minute, st.sampled_from(("topup", "spend", "refund", "cancel")),
              st.integers(-5000, 5000), st.integers(-500, 500), st.integers(0, 5000)),
    st.tuples(st.just("checkin"), minute, st.sampled_from(STORES),
              st.sampled_from((*MEMBERS, None)), st.booleans()),
    *[st.tuples(st.just("near"), near, st.sampled_from(STORES), st.sampled_from(MEMBERS[:2]))
      ] * 4,
    st.tuples(st.just("void"), st.integers(0, 50)),
    st.tuples(st.just("unvoid"), st.integers(0, 50)),
    st.tuples(st.just("move"), st.integers(0, 50), st.integers(-600, 600),
              st.sampled_from(MEMBERS), st.sampled_from(STORES)),
    st.tuples(st.just("forget"), st.integers(0, 50)),
)  # sales, refunds, their tenders and the points ledger are immutable (triggers refuse)


def stamp(minutes: int) -> str:
    return (BASE + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def apply(raw: sqlite3.Connection, ops: list[tuple[object, ...]], anchor: int = 0  # noqa: C901, PLR0912
          ) -> None:
    """Write `ops` in order; "near" check-ins are `anchor` + n minutes after BASE."""
    sales: list[str] = []
    checkins: list[str] = []
    ops = [("checkin", anchor + int(o[1]), o[2], o[3], True) if o[0] == "near" else o  # type: ignore[call-overload]
           for o in ops]
    for n, o in enumerate(ops):
        match o:
            case ("sale", int(m), int(gross), int(pct), list(tenders)):
                sid, at, disc = f"s{n}", stamp(m), gross * pct // 100
                raw.execute(
                    "INSERT INTO sales (id, created_at, updated_at, version, number, cashier_id,"
                    " cashier_name, finalized_at, gross, manual_discount, member_discount, "
                    "total, change, points_earned, points_spent, op_id) VALUES "
                    "(?, ?, ?, 1, ?, 'c', 'C', ?, ?, ?, ?, ?, 0, 0, 0, ?)",
                    (sid, at, at, sid, at, gross, disc // 2, disc - disc // 2, gross - disc,
                     f"op{n}"))
                for i, (kind, net) in enumerate(tenders):
                    raw.execute("INSERT INTO sale_tenders (sale_id, idx, kind, amount, net, "
                                "points, reference, sv_principal, sv_bonus) VALUES "
                                "(?, ?, ?, ?, ?, 0, '', 0, 0)", (sid, i, kind, net, net))
                sales.append(sid)
            case ("refund", int(i), int(after), int(amount), str(kind)) if sales:
                sid = sales[i % len(sales)]
                (at,) = raw.execute("SELECT finalized_at FROM sales WHERE id = ?",
                                    (sid,)).fetchone()
                when = (datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ")
                        + timedelta(minutes=after)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
                rid = f"r{n}"
                raw.execute(
                    "INSERT INTO refunds (id, created_at, updated_at, version, sale_id, number,"
                    " cashier_id, cashier_name, refunded_at, reason, amount, points_reversed, "
                    "points_returned, op_id) VALUES (?, ?, ?, 1, ?, ?, 'c', 'C', ?, '', ?, 0,"
                    " 0, ?)", (rid, when, when, sid, rid, when, amount, f"op{n}"))
                raw.execute("INSERT INTO refund_tenders (refund_id, tender_idx, kind, amount, "
                            "sv_principal, sv_bonus) VALUES (?, 0, ?, ?, 0, 0)",
                            (rid, kind, amount))
            case ("points", int(m), str(kind), int(delta)):
                raw.execute(
                    "INSERT INTO points_ledger (id, member_id, member_seq, at, delta, kind, "
                    "source, prev_hash, hash) VALUES (?, 'm1', ?, ?, ?, ?, ?, '', '')",
                    (f"p{n}", n, stamp(m), delta, kind, f"t{n}"))
            case ("sv", int(m), str(kind), int(principal), int(bonus), int(paid)):
                raw.execute(
                    "INSERT INTO stored_value_moves (id, account_id, kind, source, principal, "
                    "bonus, paid, at) VALUES (?, 'a', ?, ?, ?, ?, ?, ?)",
                    (f"v{n}", kind, f"t{n}", principal, bonus, paid, stamp(m)))
            case ("checkin", int(m), store, member, bool(granted)):
                cid = f"c{n}"
                raw.execute(
                    "INSERT INTO checkins (id, op_id, at, store_id, member_id, verdict, "
                    "granted, reasons, units, overridden) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', "
                    "0, 0)", (cid, f"op{n}", stamp(m), store, member,
                              "allow" if granted else "deny", int(granted)))
                checkins.append(cid)
            case ("void", int(i)) if checkins:
                raw.execute("INSERT OR IGNORE INTO checkin_voids (checkin_id, op_id, at, "
                            "reason) VALUES (?, ?, ?, '')",
                            (checkins[i % len(checkins)], f"op{n}", stamp(SPAN)))
            case ("unvoid", int(i)) if checkins:
                raw.execute("DELETE FROM checkin_voids WHERE checkin_id = ?",
                            (checkins[i % len(checkins)],))
            case ("move", int(i), int(shift), str(member), store) if checkins:
                # a merge moves the visit to the survivor; a correction moves it in time
                cid = checkins[i % len(checkins)]
                (at,) = raw.execute("SELECT at FROM checkins WHERE id = ?", (cid,)).fetchone()
                when = (datetime.strptime(at, "%Y-%m-%dT%H:%M:%S.%fZ")
                        + timedelta(minutes=shift)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
                raw.execute("UPDATE checkins SET at = ?, member_id = ?, store_id = ? "
                            "WHERE id = ?", (when, member, store, cid))
            case ("forget", int(i)) if checkins:
                cid = checkins[i % len(checkins)]
                raw.execute("DELETE FROM checkin_voids WHERE checkin_id = ?", (cid,))
                raw.execute("DELETE FROM checkins WHERE id = ?", (cid,))
                checkins.remove(cid)
            case _:
                pass
    raw.commit()


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=st.lists(op, min_size=15, max_size=60),
       zone=st.sampled_from(ZONES), cutoff=st.sampled_from(("04:00", "04:30", "00:00")),
       desk=st.sampled_from((None, "S1")),
       first=st.one_of(st.integers(-1, 3), st.integers(-2, 17)),
       length=st.sampled_from((1, 2, 7, 30)))
# Cases the rollups can serve (hour-aligned days) are always among those tried.
@example(ops=[("sale", 30, 5000, 10, [("cash", 3000), ("card", 2000)]),
              ("checkin", 60, "S1", "m1", True), ("near", -30, "S1", "m2"),
              ("checkin", 1500, None, "m1", True), ("refund", 0, 90, 1000, "cash"),
              ("void", 1), ("move", 0, 300, "m3", "S2")] * 3,
         zone="Asia/Shanghai", cutoff="00:00", desk=None, first=0, length=30)
@example(ops=[("checkin", 10, "S1", "m1", True), ("near", 5, "S2", "m1"),
              ("sale", 200, 900, 0, [("wechat", 900)]), ("points", 200, "earn", 9),
              ("checkin", 3000, "S1", "m2", False)] * 3,
         zone="Europe/London", cutoff="04:00", desk="S1", first=2, length=7)
def test_rollups_equal_direct_queries_on_random_rows(
        template: Path, ops: list[tuple[object, ...]], zone: str, cutoff: str,
        desk: str | None, first: int, length: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="fd-rollups-case-"))
    try:
        path = folder / "desk.sqlite3"
        shutil.copyfile(template, path)
        raw = sqlite3.connect(path)
        start = BASE.date() + timedelta(days=first)
        opens, _ = business_day_bounds(start, ZoneInfo(zone), time.fromisoformat(cutoff))
        apply(raw, ops, int((opens - BASE).total_seconds()) // 60)
        set_zone(raw, zone, cutoff)
        set_desk_store(raw, desk)
        assert rollup_rows(raw) == rebuilt(raw)  # triggers == backfill from scratch
        db = Database(path)
        try:
            with db.read() as session:
                conn = session.connection()
                period = Period(start, start + timedelta(days=length - 1))
                if zone in ("Asia/Shanghai", "Europe/London") and cutoff != "04:30":
                    # whole-hour days: the fast side really reads the rollups
                    assert hour_map(scope_of(conn, None), period.each_day())
                for store in (None, *STORES[1:]):
                    fast, direct = both(conn, period, store)
                    assert fast == direct, (period, store)
        finally:
            db.close()
        raw.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
