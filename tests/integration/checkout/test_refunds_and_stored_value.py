"""Refunds, stored value, shifts and the catalogue import, through the real services."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desktop_app.domain.sales import SaleLine, Tender, TenderKind
from desktop_app.services.checkout import Cart
from desktop_app.store.checkout_models import PointsEntry, Product
from desktop_app.store.checks import check_database
from desktop_app.store.models import AuditEntry, OutboxOp


def line(p, qty=1) -> SaleLine:
    return SaleLine(
        p.name,
        qty,
        p.price,
        product_id=p.id,
        barcode=p.barcode,
        category=p.category,
        points_multiplier_pct=p.points_multiplier_pct,
    )


def sell(services, actor, catalogue, member, tenders):
    cart = Cart(
        (line(catalogue["690000000004"], 2), line(catalogue["690000000002"])),
        member_id=member.id,
        tenders=tenders,
    )  # ¥72
    return services.sales.checkout.finalize_sale(actor, cart)


def test_refunding_everything_returns_the_balance_to_where_it_was(
    services, cashier, manager, catalogue, member
) -> None:
    before = services.sales.points.view(member.id).balance
    sale = sell(
        services,
        cashier,
        catalogue,
        member,
        (Tender(TenderKind.POINTS, 3000, points=3000), Tender(TenderKind.CARD, 4200)),
    )
    assert sale.points_earned > 0
    part = services.sales.refunds.refund(manager, sale.sale_id, {1: 1}, reason="damaged")
    assert part.points_reversed > 0 and part.points_returned > 0
    assert part.receipt.member.points_reversed == part.points_reversed
    rest = services.sales.refunds.refund(manager, sale.sale_id, None, reason="changed mind")
    assert part.amount + rest.amount == 7200
    assert services.sales.points.view(member.id).balance == before
    assert check_database(services.db) == []
    with services.db.read() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "sale.refund")) is not None
        assert len(list(s.scalars(select(OutboxOp).where(OutboxOp.name == "sale.refund.v1")))) == 2


def test_a_refund_may_leave_the_balance_negative_and_redemption_is_then_blocked(
    services, admin, cashier, manager, catalogue, member
) -> None:
    sale = sell(services, cashier, catalogue, member, (Tender(TenderKind.CASH, 7200),))
    balance = services.sales.points.view(member.id).balance
    services.sales.points.adjust(admin, member.id, -balance, "spent elsewhere", date(2026, 3, 2))
    services.sales.refunds.refund(manager, sale.sale_id)
    assert services.sales.points.view(member.id).balance == -sale.points_earned
    quote = services.sales.checkout.quote(
        Cart((line(catalogue["690000000004"]),), member_id=member.id)
    )
    assert quote.max_points == 0


def test_stored_value_top_up_spend_and_cancel(
    services, cashier, manager, catalogue, member
) -> None:
    top = services.sales.stored_value.topup(cashier, member.id, 100_000, TenderKind.WECHAT)
    assert (top.principal, top.bonus, top.receipt.balance_after) == (100_000, 10_000, 110_000)
    sale = services.sales.checkout.finalize_sale(
        cashier,
        Cart(
            (line(catalogue["690000000004"]),),
            member_id=member.id,
            tenders=(Tender(TenderKind.STORED_VALUE, 2200), Tender(TenderKind.CASH, 800)),
        ),
    )
    assert sale.points_earned == 8  # only the ¥8 in cash earns
    balance = services.sales.stored_value.balance(member.id)
    assert (balance.principal, balance.bonus) == (98_000, 9_800)
    services.sales.refunds.refund(manager, sale.sale_id)
    balance = services.sales.stored_value.balance(member.id)
    assert (balance.principal, balance.bonus) == (100_000, 10_000)
    cancelled = services.sales.stored_value.cancel_card(manager, member.id, "moving away")
    assert cancelled.paid == -100_000
    assert services.sales.stored_value.balance(member.id).total == 0


def test_a_shift_closes_with_counted_cash_and_reports_over_short(
    services, cashier, manager, catalogue, member
) -> None:
    services.sales.shifts.open(cashier, 50_000)
    sell(services, cashier, catalogue, member, (Tender(TenderKind.CASH, 10_000),))  # change 28
    sale = sell(services, cashier, catalogue, member, (Tender(TenderKind.CARD, 7200),))
    services.sales.refunds.refund(manager, sale.sale_id, {2: 1})
    x = services.sales.shifts.x_report(cashier)
    assert x.summary.sales_count == 2 and x.summary.refunds_count == 1
    assert x.summary.cash_expected == 50_000 + 7200
    assert not x.receipt.closed
    z = services.sales.shifts.close(manager, {TenderKind.CASH: 57_100, TenderKind.CARD: 6000})
    assert z.receipt.closed and z.receipt.cash_counted == 57_100
    assert z.summary.over_short == -100
    assert services.sales.shifts.current() is None


def test_points_expire_at_the_end_of_the_month_12_months_later(services, member) -> None:
    assert services.sales.points.expire(date(2027, 3, 31)) == 0
    assert services.sales.points.expire(date(2027, 4, 1)) == 5000
    assert services.sales.points.expire(date(2027, 4, 1)) == 0  # posted once
    assert services.sales.points.view(member.id).balance == 0
    with services.db.read() as s:
        assert s.scalar(select(PointsEntry.kind).where(PointsEntry.delta == -5000)) == "expire"


def test_csv_import_reads_gb18030_reports_bad_rows_and_is_idempotent(services, admin) -> None:
    data = (
        "barcode,name,price,category,points_multiplier\n"
        "100,毛巾,30,goods,\n"
        "101,,5,goods,\n"
        "102,水,abc,drinks,\n"
        "100,重复,1,goods,\n"
        "103,茶,8.5,drinks,1.5\n"
    ).encode("gb18030")
    dry = services.sales.catalogue.import_csv(admin, data, dry_run=True)
    assert (dry.created, dry.dry_run) == (2, True)
    assert [(b.line, b.reason.split(":")[0]) for b in dry.bad] == [
        (3, "name"),
        (4, "price"),
        (5, "barcode"),
    ]
    with services.db.read() as s:
        assert s.scalar(select(Product)) is None
    first = services.sales.catalogue.import_csv(admin, data)
    again = services.sales.catalogue.import_csv(admin, data)
    assert (first.created, again.created, again.unchanged) == (2, 0, 2)
    tea = services.sales.catalogue.by_barcode("103")
    assert (tea.name, tea.price, tea.points_multiplier_pct) == ("茶", 850, 150)
