"""finalize_sale: one transaction with the sale, lines, tenders, ledger entries, cached
balance, the outbox op and (over the limit) an audit entry; idempotent by sale id."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop_app.domain.sales import Discount, DiscountOverLimit, SaleLine, Tender, TenderKind
from desktop_app.services.checkout import Cart
from desktop_app.store.checkout_models import PointsEntry, SaleLineRow, SaleRow, SaleTenderRow
from desktop_app.store.checks import check_database
from desktop_app.store.models import AuditEntry, Member, OutboxOp


def line(p, qty=1, **kw) -> SaleLine:
    return SaleLine(
        p.name,
        qty,
        p.price,
        product_id=p.id,
        barcode=p.barcode,
        category=p.category,
        points_multiplier_pct=p.points_multiplier_pct,
        **kw,
    )


def count(services, model, *where) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_a_sale_with_points_and_cash_writes_everything_in_one_go(
    services, cashier, catalogue, member
) -> None:
    water, bar = catalogue["690000000001"], catalogue["690000000002"]
    cart = Cart(
        (line(water, 2), line(bar)),
        member_id=member.id,
        tenders=(Tender(TenderKind.POINTS, 900, points=900), Tender(TenderKind.CASH, 2000)),
    )
    quote = services.sales.checkout.quote(cart)
    assert quote.total == 1900 and quote.change == 1000 and not quote.needs_approval
    result = services.sales.checkout.finalize_sale(cashier, cart)
    # ¥10 paid in cash: water ¥7 x1 and the bar ¥12 x2, in proportion: (700 + 2400) x 1000/1900
    assert result.points_earned == 16 == quote.points_to_earn
    assert result.points_spent == 900
    assert result.change == 1000
    assert result.points_balance == 5000 - 900 + 16
    with services.db.read() as s:
        assert s.get(Member, member.id).points_balance == 5000 - 900 + 16
        op = s.scalar(select(OutboxOp).where(OutboxOp.name == "sale.finalize.v1"))
        assert op.args["id"] == result.sale_id and op.args["total"] == 1900
        kinds = sorted(
            s.scalars(
                select(PointsEntry.kind).where(PointsEntry.source == f"sale:{result.sale_id}")
            )
        )
        assert kinds == ["earn", "redeem"]
        assert s.scalar(select(func.count()).select_from(SaleLineRow)) == 2
        assert [t.net for t in s.scalars(select(SaleTenderRow).order_by(SaleTenderRow.idx))] == [
            900,
            1000,
        ]
    assert result.receipt.total == 1900 and result.receipt.member.points_earned == 16
    assert check_database(services.db) == []


def test_finalising_the_same_sale_twice_never_awards_twice(
    services, cashier, catalogue, member
) -> None:
    cart = Cart(
        (line(catalogue["690000000004"]),),
        member_id=member.id,
        tenders=(Tender(TenderKind.CARD, 3000),),
    )
    first = services.sales.checkout.finalize_sale(cashier, cart)
    again = services.sales.checkout.finalize_sale(cashier, cart)
    assert again.replayed and again.sale_id == first.sale_id
    assert again.points_balance == first.points_balance == 5030
    assert count(services, SaleRow) == 1
    assert count(services, OutboxOp, OutboxOp.name == "sale.finalize.v1") == 1


def test_a_discount_over_the_limit_is_refused_to_a_cashier(services, cashier, catalogue) -> None:
    cart = Cart(
        (line(catalogue["690000000004"], discount=Discount(percent=20)),),
        tenders=(Tender(TenderKind.CASH, 2400),),
    )
    assert services.sales.checkout.quote(cart).needs_approval
    with pytest.raises(DiscountOverLimit):
        services.sales.checkout.finalize_sale(cashier, cart)
    assert count(services, SaleRow) == 0


def test_a_manager_approves_a_discount_over_the_limit_and_it_is_audited(
    services, cashier, manager, catalogue
) -> None:
    cart = Cart(
        (line(catalogue["690000000004"], discount=Discount(percent=20)),),
        tenders=(Tender(TenderKind.CASH, 2400),),
    )
    sale = services.sales.checkout.finalize_sale(cashier, cart, approver=manager)
    with services.db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "sale.discount_over_limit"))
        op = s.scalar(select(OutboxOp).where(OutboxOp.name == "sale.finalize.v1"))
    assert entry.entity_id == sale.sale_id
    assert (entry.actor_id, entry.approver_id) == (cashier.staff_id, manager.staff_id)
    assert op.approver_id == manager.staff_id


def test_redemption_over_half_the_sale_is_refused(services, cashier, catalogue, member) -> None:
    from desktop_app.domain.points import RedemptionRefused

    cart = Cart(
        (line(catalogue["690000000004"]),),
        member_id=member.id,
        tenders=(Tender(TenderKind.POINTS, 1600, points=1600), Tender(TenderKind.CASH, 1400)),
    )
    with pytest.raises(RedemptionRefused):
        services.sales.checkout.finalize_sale(cashier, cart)


def test_a_sale_without_a_member_earns_nothing(services, cashier, catalogue) -> None:
    r = services.sales.checkout.finalize_sale(
        cashier, Cart((line(catalogue["690000000004"]),), tenders=(Tender(TenderKind.CASH, 5000),))
    )
    assert (r.points_earned, r.change, r.receipt.member) == (0, 2000, None)
    assert count(services, PointsEntry) == 0


def test_a_tier_upgrade_happens_as_soon_as_a_sale_crosses_the_threshold(
    services, cashier, catalogue, member
) -> None:
    from desktop_app.domain.ids import new_id
    from desktop_app.store.models import Tier

    with services.db.write_session() as s, s.begin():
        for code, rank, threshold in (("silver", 1, 5000), ("gold", 2, 100_000)):
            s.add(
                Tier(
                    id=new_id(),
                    created_at=services.clock.now(),
                    updated_at=services.clock.now(),
                    version=1,
                    code=code,
                    name=code,
                    rank=rank,
                    points_multiplier_pct=100 + 50 * rank,
                    discount_pct=rank,
                    birthday_bonus_points=0,
                    threshold_minor=threshold,
                )
            )
    towel = catalogue["690000000004"]
    services.sales.checkout.finalize_sale(
        cashier, Cart((line(towel),), member_id=member.id, tenders=(Tender(TenderKind.CASH, 3000),))
    )
    with services.db.read() as s:
        assert s.get(Member, member.id).tier_id is None  # ¥30 of ¥50 for silver
    second = services.sales.checkout.finalize_sale(
        cashier, Cart((line(towel),), member_id=member.id, tenders=(Tender(TenderKind.CASH, 3000),))
    )
    assert second.points_earned == 30  # the upgrade counts from the next sale
    with services.db.read() as s:
        tier = s.get(Tier, s.get(Member, member.id).tier_id)
    assert tier.code == "silver"
    third = services.sales.checkout.quote(Cart((line(towel),), member_id=member.id))
    assert third.member_discount == 30  # silver: 1% off, and 1.5x points
    assert third.points_to_earn == 44  # ¥29.70 x 1.5 = 44.55, rounded down
