"""Finalising a sale is the desk's hot path (bench/checkout.py, p99 under 25 ms): it issues
a fixed, small number of SQL statements, and the rows it writes in bulk keep every chain
that `check-db` verifies (the audit log, each member's points) and the shift's figures."""

from __future__ import annotations

from sqlalchemy import event, select

from desktop_app.domain.sales import Discount, Tender, TenderKind
from desktop_app.services.checkout import Cart
from desktop_app.store.checks import check_database
from desktop_app.store.models import AuditEntry, Counter, OutboxOp
from tests.integration.checkout.test_checkout_service import line

# BEGIN, 4 reads, the receipt number, then one statement per table written: outbox, sale,
# lines, tenders, ledger, chain head, member, audit, sync state; +1 when a tier could change.
MOST_STATEMENTS = 16


def _statements(services, fn):  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def log(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(services.db.engine, "before_cursor_execute", log)
    try:
        result = fn()
    finally:
        event.remove(services.db.engine, "before_cursor_execute", log)
    return result, seen


def test_a_member_sale_with_points_and_an_audited_discount_in_few_statements(
    services, manager, catalogue, member
) -> None:
    services.sales.shifts.open(manager, 10_000)
    towel, bar = catalogue["690000000004"], catalogue["690000000002"]
    results = []
    for qty in (1, 2, 3):
        cart = Cart(
            (line(towel, qty), line(bar)),
            member_id=member.id,
            order_discount=Discount(percent=15),  # over the cashier's limit: audited
            tenders=(
                Tender(TenderKind.POINTS, 500, points=500),
                Tender(TenderKind.CASH, 20_000),
            ),
        )
        result, seen = _statements(services, lambda c=cart: services.sales.checkout.finalize_sale(
            manager, c))
        assert len(seen) <= MOST_STATEMENTS, "\n".join(s.split("\n")[0] for s in seen)
        assert not any(s.lstrip().upper().startswith("SELECT") for s in seen[6:])  # then writes
        results.append(result)
    # Numbers, ops, audit entries and balances as the ORM path made them.
    assert [r.number[-6:] for r in results] == ["000001", "000002", "000003"]
    balance = 5000 + sum(r.points_earned - r.points_spent for r in results)
    assert results[-1].points_balance == balance
    assert results[-1].receipt.member.points_balance == balance
    with services.db.read() as s:
        assert s.get(Counter, "number.S").value == 3
        ops = list(s.scalars(select(OutboxOp).where(OutboxOp.name == "sale.finalize.v1")
                             .order_by(OutboxOp.seq)))
        assert [o.args["number"] for o in ops] == [r.number for r in results]
        assert len({o.hlc for o in ops}) == 3 and [o.hlc for o in ops] == sorted(o.hlc for o in ops)
        audits = list(s.scalars(select(AuditEntry).where(
            AuditEntry.action == "sale.discount_over_limit")))
        assert [a.op_id for a in audits] == [o.op_id for o in ops]
    x = services.sales.shifts.x_report(manager)
    assert x.summary.sales_count == 3
    assert check_database(services.db) == []  # audit chain, points chains, cached balance
