"""The Checkout page driven by the keyboard over the real services (inline task runner)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select

from desktop_app.domain.permissions import Role
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.checkout import CheckoutPage
from desktop_app.services.members import MemberDraft
from desktop_app.store.checkout_models import PointsEntry, SaleRow, SaleTenderRow
from desktop_app.store.models import AuditEntry, OutboxOp

CSV = ("barcode,name,price,category,points_multiplier\n"
       "690000000001,Water 矿泉水,3.50,drinks,\n"
       "690000000002,Protein bar 蛋白棒,12,snacks,2\n"
       "690000000003,Towel 毛巾,30,goods,\n").encode()


def setup(qtbot, services, admin, actor):  # type: ignore[no-untyped-def]
    services.sales.catalogue.import_csv(admin, CSV)
    member = services.members.create(admin, MemberDraft(name="张三", phone="13800138000"))
    services.sales.points.adjust(admin, member.id, 2000, "welcome", date(2026, 3, 2))
    return member


def make_page(qtbot, services, runner, actor) -> CheckoutPage:  # type: ignore[no-untyped-def]
    page = CheckoutPage()
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.attach(DeskContext(services, runner, lambda: actor))
    with qtbot.waitActive(page):  # shortcuts fire only in the active window
        page.show()
        page.activateWindow()
    return page


def type_enter(qtbot, page: CheckoutPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.entry.setFocus()
    qtbot.keyClicks(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)


def key(qtbot, page, seq: str) -> None:  # type: ignore[no-untyped-def]
    modifiers = Qt.KeyboardModifier.ControlModifier
    keys = {"1": Qt.Key.Key_1, "2": Qt.Key.Key_2, "6": Qt.Key.Key_6,
            "Return": Qt.Key.Key_Return}
    qtbot.keyClick(page.entry, keys[seq], modifiers)


def test_scan_member_and_three_products_redeem_points_pay_cash_and_card(
        qtbot, services, admin, staff_of, runner) -> None:
    cashier = staff_of(Role.CASHIER)
    member = setup(qtbot, services, admin, cashier)
    page = make_page(qtbot, services, runner, cashier)
    page.handle_scan(member.card_code)
    type_enter(qtbot, page, "690000000001")
    type_enter(qtbot, page, "690000000002")
    page.handle_scan("690000000003")
    assert page.quote is not None and page.quote.total == 350 + 1200 + 3000
    assert page.quote.max_points == 2000  # the balance; half the sale would allow 2275
    assert page.figures["earn"][1].text() == str(page.quote.points_to_earn)
    key(qtbot, page, "6")  # redeem the most allowed: 2000 points = ¥20
    qtbot.keyClicks(page.entry, "10")
    key(qtbot, page, "1")  # ¥10 cash
    key(qtbot, page, "2")  # the rest on card
    assert page.quote.left_to_pay == 0
    shown_earn = page.quote.points_to_earn
    with qtbot.waitSignal(page.sale_finalized) as paid:
        key(qtbot, page, "Return")
    result = paid.args[0]
    assert result.total == 4550 and result.points_spent == 2000
    assert result.points_earned == shown_earn
    # (¥10 cash + ¥15.50 card) earn: water 350, bar 1200 x2, towel 3000 over 4550
    assert result.points_earned == (350 + 2400 + 3000) * 2550 // 4550 // 100
    with services.db.read() as s:
        sale = s.get(SaleRow, result.sale_id)
        assert sale.member_id == member.id and sale.cashier_id == cashier.staff_id
        tenders = [(t.kind, t.net) for t in s.scalars(
            select(SaleTenderRow).where(SaleTenderRow.sale_id == sale.id)
            .order_by(SaleTenderRow.idx))]
        assert tenders == [("points", 2000), ("cash", 1000), ("card", 1550)]
        entries = {e.kind: e.delta for e in s.scalars(
            select(PointsEntry).where(PointsEntry.source == f"sale:{sale.id}"))}
        assert entries == {"redeem": -2000, "earn": result.points_earned}
        op = s.scalar(select(OutboxOp).where(OutboxOp.name == "sale.finalize.v1"))
        assert op.args["id"] == sale.id and len(op.args["lines"]) == 3
    receipt = result.receipt
    assert [ln.name for ln in receipt.lines] == ["Water 矿泉水", "Protein bar 蛋白棒", "Towel 毛巾"]
    assert [(t.method, t.amount) for t in receipt.tenders] == [
        ("points", 2000), ("cash", 1000), ("card", 1550)]
    assert receipt.member.points_redeemed == 2000
    assert receipt.member.points_balance == result.points_earned  # 2000 - 2000 + earned
    assert page.lines == [] and "S-" in page.status.text()


def test_a_discount_over_the_limit_asks_a_manager(qtbot, services, admin, staff_of,
                                                  runner, monkeypatch) -> None:
    cashier, manager = staff_of(Role.CASHIER), staff_of(Role.MANAGER)
    setup(qtbot, services, admin, cashier)
    page = make_page(qtbot, services, runner, cashier)
    page.handle_scan("690000000003")
    monkeypatch.setattr(page, "_ask_percent", lambda title: 20)
    qtbot.keyClick(page.entry, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.quote.needs_approval and page.quote.total == 2400
    asked = []
    monkeypatch.setattr(page, "ask_approval",
                        lambda: asked.append(1) or (manager.code, "2468"))
    key(qtbot, page, "1")
    with qtbot.waitSignal(page.sale_finalized):
        key(qtbot, page, "Return")
    assert asked == [1]
    with services.db.read() as s:
        audit = s.scalar(select(AuditEntry).where(
            AuditEntry.action == "sale.discount_over_limit"))
    assert audit.approver_id == manager.staff_id
