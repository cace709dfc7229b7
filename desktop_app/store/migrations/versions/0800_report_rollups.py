"""reports: per-hour totals kept with every write

Revision ID: 0800_report_rollups
Revises: 0700_search_last4
Create Date: 2026-11-24

Rollup tables for the daily summary (models: desktop_app/store/report_rollups.py), kept by
SQLite triggers on the tables they count, in the same transaction as every write (services,
sync appliers, imports alike), and backfilled here from the rows already present.

- report_money_hours (UTC hour): sales, refunds, points and stored value figures.
- report_tender_hours (UTC hour, tender kind): sale tender nets less refund tenders.
- report_checkin_hours (store key, UTC hour): granted and denied check-ins, not voided.
- report_visits (store key, member, UTC hour): hours in which a member was let in (n
  check-ins, not voided), with `prev`, the member's previous such hour in the same chain. A
  member counts once in [a, b) exactly when one of its rows has a <= hour < b and prev < a
  (or none), so unique members of any hour-aligned period are one count over an index.

Caveat for writers: INSERT OR REPLACE into a counted table deletes the old row without
firing the delete triggers (SQLite fires them only with recursive_triggers on), so the old
row would stay counted; use an upsert (ON CONFLICT DO UPDATE) or delete + insert instead.

A UTC hour is unixepoch // 3600. The store key of a check-in is its store_id, '' when it has
none; every check-in is also in the chain '*' (all stores).
"""

from __future__ import annotations

from alembic import op

revision = "0800_report_rollups"
down_revision = "0700_search_last4"
branch_labels = None
depends_on = None


def hour(at: str) -> str:
    """The UTC hour number of a stored timestamp ('YYYY-MM-DDTHH:MM:SS.ffffffZ')."""
    return f"(CAST(strftime('%s', substr({at}, 1, 19)) AS INTEGER) / 3600)"


MONEY = ("sales", "gross", "discounts", "sales_total", "refunds", "refund_amount",
         "points_earned", "points_redeemed", "points_expired", "points_adjusted",
         "sv_topped_up", "sv_topup_paid", "sv_spent")  # fmt: skip

TABLES = [
    "CREATE TABLE report_money_hours (hour INTEGER NOT NULL PRIMARY KEY, "
    + ", ".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in MONEY) + ")",
    "CREATE TABLE report_tender_hours (hour INTEGER NOT NULL, kind VARCHAR(20) NOT NULL, "
    "net INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (hour, kind))",
    "CREATE TABLE report_checkin_hours (store_key VARCHAR(36) NOT NULL, hour INTEGER NOT NULL, "
    "checkins INTEGER NOT NULL DEFAULT 0, denied INTEGER NOT NULL DEFAULT 0, "
    "PRIMARY KEY (store_key, hour))",
    "CREATE TABLE report_visits (store_key VARCHAR(36) NOT NULL, member_id VARCHAR(36) NOT NULL, "
    "hour INTEGER NOT NULL, n INTEGER NOT NULL, prev INTEGER, "
    "PRIMARY KEY (store_key, member_id, hour))",
    "CREATE INDEX ix_report_visits_hour ON report_visits (store_key, hour, prev)",
    # Writing one row of this view moves one check-in in or out of the rollups.
    "CREATE VIEW report_checkin_delta (store_key, member_id, hour, granted, d) AS "
    "SELECT '', NULL, 0, 0, 0 WHERE 0",
]


def _money(values: dict[str, str], at: str, sign: str) -> str:
    """Add `sign` x the given figures to the hour of `at` (an upsert)."""
    cols = list(values)
    return (f"INSERT INTO report_money_hours (hour, {', '.join(cols)}) "
            f"VALUES ({hour(at)}, {', '.join(f'{sign}({values[c]})' for c in cols)}) "
            f"ON CONFLICT (hour) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in cols) + ";")


def _tender(select: str) -> str:
    """Upsert (hour, kind, net) rows given by `select` into the tender rollup."""
    return (f"INSERT INTO report_tender_hours (hour, kind, net) {select} "
            "ON CONFLICT (hour, kind) DO UPDATE SET net = net + excluded.net;")


def _trigger(name: str, when: str, table: str, body: list[str], cond: str = "") -> str:
    where = f" WHEN {cond}" if cond else ""
    return (f"CREATE TRIGGER {name} AFTER {when} ON {table} FOR EACH ROW{where} BEGIN\n"
            + "\n".join(body) + "\nEND")


def _sale(row: str, sign: str) -> list[str]:
    return [
        _money({"sales": "1", "gross": f"{row}.gross",
                "discounts": f"{row}.manual_discount + {row}.member_discount",
                "sales_total": f"{row}.total"}, f"{row}.finalized_at", sign),
        _tender(f"SELECT {hour(f'{row}.finalized_at')}, kind, {sign}sum(net) FROM sale_tenders "
                f"WHERE sale_id = {row}.id GROUP BY kind"),
    ]


def _sale_tender(row: str, sign: str) -> str:
    return _tender(f"SELECT {hour('s.finalized_at')}, {row}.kind, {sign}({row}.net) "
                   f"FROM sales s WHERE s.id = {row}.sale_id")


def _refund(row: str, sign: str) -> list[str]:
    return [
        _money({"refunds": "1", "refund_amount": f"{row}.amount"}, f"{row}.refunded_at", sign),
        _tender(f"SELECT {hour(f'{row}.refunded_at')}, kind, {sign}(-sum(amount)) "
                f"FROM refund_tenders WHERE refund_id = {row}.id GROUP BY kind"),
    ]


def _refund_tender(row: str, sign: str) -> str:
    return _tender(f"SELECT {hour('r.refunded_at')}, {row}.kind, {sign}(-{row}.amount) "
                   f"FROM refunds r WHERE r.id = {row}.refund_id")


def _points(row: str, sign: str) -> str:
    k, d = f"{row}.kind", f"{row}.delta"
    return _money({
        "points_earned": f"CASE WHEN {k} IN ('earn', 'reverse') THEN {d} ELSE 0 END",
        "points_redeemed": f"CASE WHEN {k} = 'redeem' THEN -{d} ELSE 0 END",
        "points_expired": f"CASE WHEN {k} = 'expire' THEN -{d} ELSE 0 END",
        "points_adjusted": f"CASE WHEN {k} = 'adjust' THEN {d} ELSE 0 END",
    }, f"{row}.at", sign)


def _sv(row: str, sign: str) -> str:
    k, v = f"{row}.kind", f"({row}.principal + {row}.bonus)"
    return _money({
        "sv_topped_up": f"CASE WHEN {k} = 'topup' THEN {v} ELSE 0 END",
        "sv_topup_paid": f"CASE WHEN {k} = 'topup' THEN {row}.paid ELSE 0 END",
        "sv_spent": f"CASE WHEN {k} IN ('spend', 'refund') THEN -{v} ELSE 0 END",
    }, f"{row}.at", sign)


def _checkin(row: str, d: int) -> str:
    """Move the check-in `row` in (d=1) or out (d=-1) of the rollups, unless it is voided."""
    return (f"INSERT INTO report_checkin_delta SELECT coalesce({row}.store_id, ''), "
            f"{row}.member_id, {hour(f'{row}.at')}, {row}.granted, {d} "
            f"WHERE NOT EXISTS (SELECT 1 FROM checkin_voids WHERE checkin_id = {row}.id);")


def _voided(checkin_id: str, d: int) -> str:
    """Move the check-in a void row points at in (d=1: void removed) or out (d=-1)."""
    return (f"INSERT INTO report_checkin_delta SELECT coalesce(store_id, ''), member_id, "
            f"{hour('at')}, granted, {d} FROM checkins WHERE id = {checkin_id};")


def _visit_chain(chain: str) -> list[str]:
    """The statements that add (NEW.d = 1) or take away (NEW.d = -1) one visit of NEW.member_id
    in NEW.hour to the chain `chain`, keeping every row's `prev` the hour before it."""
    key = f"store_key = {chain} AND member_id = NEW.member_id"
    this = f"{key} AND hour = NEW.hour"
    visit = "NEW.granted AND NEW.member_id IS NOT NULL"
    nxt = f"(SELECT min(hour) FROM report_visits WHERE {key} AND hour > NEW.hour)"
    return [
        # add: the row (or one more in it), then the next row points back at it
        f"INSERT INTO report_visits (store_key, member_id, hour, n, prev) "
        f"SELECT {chain}, NEW.member_id, NEW.hour, 1, "
        f"(SELECT max(hour) FROM report_visits WHERE {key} AND hour < NEW.hour) "
        f"WHERE {visit} AND NEW.d > 0 "
        f"ON CONFLICT (store_key, member_id, hour) DO UPDATE SET n = n + 1;",
        f"UPDATE report_visits SET prev = NEW.hour WHERE {visit} AND NEW.d > 0 "
        f"AND {key} AND hour = {nxt};",
        # take away: one fewer; a row left empty is unlinked, then removed
        f"UPDATE report_visits SET n = n - 1 WHERE {visit} AND NEW.d < 0 AND {this};",
        f"UPDATE report_visits SET prev = (SELECT prev FROM report_visits WHERE {this}) "
        f"WHERE {visit} AND NEW.d < 0 AND {key} AND hour = {nxt} "
        f"AND EXISTS (SELECT 1 FROM report_visits WHERE {this} AND n <= 0);",
        f"DELETE FROM report_visits WHERE {this} AND n <= 0;",
    ]


def triggers() -> list[str]:
    sale_cols = "finalized_at, gross, manual_discount, member_discount, total"
    return [
        _trigger("trg_report_sales_ins", "INSERT", "sales", _sale("NEW", "+")),
        _trigger("trg_report_sales_del", "DELETE", "sales", _sale("OLD", "-")),
        _trigger("trg_report_sales_upd", f"UPDATE OF {sale_cols}", "sales",
                 _sale("OLD", "-") + _sale("NEW", "+")),
        _trigger("trg_report_sale_tenders_ins", "INSERT", "sale_tenders",
                 [_sale_tender("NEW", "+")]),
        _trigger("trg_report_sale_tenders_del", "DELETE", "sale_tenders",
                 [_sale_tender("OLD", "-")]),
        _trigger("trg_report_sale_tenders_upd", "UPDATE OF sale_id, kind, net", "sale_tenders",
                 [_sale_tender("OLD", "-"), _sale_tender("NEW", "+")]),
        _trigger("trg_report_refunds_ins", "INSERT", "refunds", _refund("NEW", "+")),
        _trigger("trg_report_refunds_del", "DELETE", "refunds", _refund("OLD", "-")),
        _trigger("trg_report_refunds_upd", "UPDATE OF refunded_at, amount", "refunds",
                 _refund("OLD", "-") + _refund("NEW", "+")),
        _trigger("trg_report_refund_tenders_ins", "INSERT", "refund_tenders",
                 [_refund_tender("NEW", "+")]),
        _trigger("trg_report_refund_tenders_del", "DELETE", "refund_tenders",
                 [_refund_tender("OLD", "-")]),
        _trigger("trg_report_refund_tenders_upd", "UPDATE OF refund_id, kind, amount",
                 "refund_tenders", [_refund_tender("OLD", "-"), _refund_tender("NEW", "+")]),
        _trigger("trg_report_points_ins", "INSERT", "points_ledger", [_points("NEW", "+")]),
        _trigger("trg_report_points_del", "DELETE", "points_ledger", [_points("OLD", "-")]),
        _trigger("trg_report_points_upd", "UPDATE OF at, kind, delta", "points_ledger",
                 [_points("OLD", "-"), _points("NEW", "+")]),
        _trigger("trg_report_sv_ins", "INSERT", "stored_value_moves", [_sv("NEW", "+")]),
        _trigger("trg_report_sv_del", "DELETE", "stored_value_moves", [_sv("OLD", "-")]),
        _trigger("trg_report_sv_upd", "UPDATE OF at, kind, principal, bonus, paid",
                 "stored_value_moves", [_sv("OLD", "-"), _sv("NEW", "+")]),
        _trigger("trg_report_checkins_ins", "INSERT", "checkins", [_checkin("NEW", 1)]),
        _trigger("trg_report_checkins_del", "DELETE", "checkins", [_checkin("OLD", -1)]),
        _trigger("trg_report_checkins_upd", "UPDATE OF id, at, store_id, member_id, granted",
                 "checkins", [_checkin("OLD", -1), _checkin("NEW", 1)]),
        _trigger("trg_report_voids_ins", "INSERT", "checkin_voids",
                 [_voided("NEW.checkin_id", -1)]),
        _trigger("trg_report_voids_del", "DELETE", "checkin_voids",
                 [_voided("OLD.checkin_id", 1)]),
        _trigger("trg_report_voids_upd", "UPDATE OF checkin_id", "checkin_voids",
                 [_voided("OLD.checkin_id", 1), _voided("NEW.checkin_id", -1)]),
        "CREATE TRIGGER trg_report_checkin_delta INSTEAD OF INSERT ON report_checkin_delta "
        "FOR EACH ROW BEGIN\n"
        "INSERT INTO report_checkin_hours (store_key, hour, checkins, denied) VALUES "
        "(NEW.store_key, NEW.hour, CASE WHEN NEW.granted THEN NEW.d ELSE 0 END, "
        "CASE WHEN NEW.granted THEN 0 ELSE NEW.d END) ON CONFLICT (store_key, hour) DO UPDATE "
        "SET checkins = checkins + excluded.checkins, denied = denied + excluded.denied;\n"
        + "\n".join(_visit_chain("NEW.store_key") + _visit_chain("'*'")) + "\nEND",
    ]


TRIGGER_NAMES = [
    "trg_report_sales_ins", "trg_report_sales_del", "trg_report_sales_upd",
    "trg_report_sale_tenders_ins", "trg_report_sale_tenders_del", "trg_report_sale_tenders_upd",
    "trg_report_refunds_ins", "trg_report_refunds_del", "trg_report_refunds_upd",
    "trg_report_refund_tenders_ins", "trg_report_refund_tenders_del",
    "trg_report_refund_tenders_upd", "trg_report_points_ins", "trg_report_points_del",
    "trg_report_points_upd", "trg_report_sv_ins", "trg_report_sv_del", "trg_report_sv_upd",
    "trg_report_checkins_ins", "trg_report_checkins_del", "trg_report_checkins_upd",
    "trg_report_voids_ins", "trg_report_voids_del", "trg_report_voids_upd",
    "trg_report_checkin_delta",
]  # fmt: skip


def _money_backfill(table: str, at: str, values: dict[str, str]) -> str:
    cols = list(values)
    return (f"INSERT INTO report_money_hours (hour, {', '.join(cols)}) "
            f"SELECT {hour(at)} AS h, {', '.join(f'sum({values[c]})' for c in cols)} "
            f"FROM {table} WHERE true GROUP BY h ON CONFLICT (hour) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in cols))


BACKFILL = [
    _money_backfill("sales", "finalized_at", {
        "sales": "1", "gross": "gross", "discounts": "manual_discount + member_discount",
        "sales_total": "total"}),
    _money_backfill("refunds", "refunded_at", {"refunds": "1", "refund_amount": "amount"}),
    _money_backfill("points_ledger", "at", {
        "points_earned": "CASE WHEN kind IN ('earn', 'reverse') THEN delta ELSE 0 END",
        "points_redeemed": "CASE WHEN kind = 'redeem' THEN -delta ELSE 0 END",
        "points_expired": "CASE WHEN kind = 'expire' THEN -delta ELSE 0 END",
        "points_adjusted": "CASE WHEN kind = 'adjust' THEN delta ELSE 0 END"}),
    _money_backfill("stored_value_moves", "at", {
        "sv_topped_up": "CASE WHEN kind = 'topup' THEN principal + bonus ELSE 0 END",
        "sv_topup_paid": "CASE WHEN kind = 'topup' THEN paid ELSE 0 END",
        "sv_spent": "CASE WHEN kind IN ('spend', 'refund') THEN -(principal + bonus) ELSE 0 END",
    }),
    _tender(f"SELECT {hour('s.finalized_at')} AS h, t.kind, sum(t.net) FROM sales s "
            "JOIN sale_tenders t ON t.sale_id = s.id WHERE true GROUP BY h, t.kind"),
    _tender(f"SELECT {hour('r.refunded_at')} AS h, t.kind, -sum(t.amount) FROM refunds r "
            "JOIN refund_tenders t ON t.refund_id = r.id WHERE true GROUP BY h, t.kind"),
    # Check-ins not voided, then the visit chains (prev: the previous hour of the chain).
    "CREATE TEMP TABLE report_live_checkins AS SELECT coalesce(c.store_id, '') AS store_key, "
    f"c.member_id, {hour('c.at')} AS hour, c.granted FROM checkins c "
    "WHERE NOT EXISTS (SELECT 1 FROM checkin_voids v WHERE v.checkin_id = c.id)",
    "INSERT INTO report_checkin_hours (store_key, hour, checkins, denied) "
    "SELECT store_key, hour, sum(granted != 0), sum(granted = 0) FROM report_live_checkins "
    "GROUP BY store_key, hour",
    "INSERT INTO report_visits (store_key, member_id, hour, n, prev) "
    "SELECT store_key, member_id, hour, n, "
    "lag(hour) OVER (PARTITION BY store_key, member_id ORDER BY hour) FROM ("
    "SELECT store_key, member_id, hour, count(*) AS n FROM report_live_checkins "
    "WHERE granted AND member_id IS NOT NULL GROUP BY store_key, member_id, hour "
    "UNION ALL SELECT '*', member_id, hour, count(*) FROM report_live_checkins "
    "WHERE granted AND member_id IS NOT NULL GROUP BY member_id, hour)",
    "DROP TABLE report_live_checkins",
]


def upgrade() -> None:
    for sql in TABLES + BACKFILL + triggers():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP VIEW IF EXISTS report_checkin_delta")
    for table in ("report_visits", "report_checkin_hours", "report_tender_hours",
                  "report_money_hours"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
