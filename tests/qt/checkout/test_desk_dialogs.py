"""The Checkout page's refund, top-up and shift dialogs, opened by their keys, over the real
services (inline task runner): what they write, what they show, the receipts they yield."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from desktop_app.devices.receipts.templates import data as r
from desktop_app.domain.permissions import Role
from desktop_app.domain.sales import Tender, TenderKind
from desktop_app.qt.pages.desk_dialog import DeskDialog
from desktop_app.qt.pages.refund_dialog import RefundDialog
from desktop_app.qt.pages.shift_dialog import ShiftDialog
from desktop_app.qt.pages.topup_dialog import TopUpDialog
from desktop_app.services.checkout import Cart
from desktop_app.store.checkout_models import (
    RefundRow,
    Shift,
    StoredValueAccount,
    StoredValueMove,
)
from desktop_app.store.models import Member, OutboxOp
from tests.qt.checkout.test_checkout_page import make_page, setup


def lines_of(services, *barcodes):  # type: ignore[no-untyped-def]
    from desktop_app.qt.pages.checkout import _line

    return tuple(_line(services.sales.catalogue.by_barcode(b)) for b in barcodes)


def approve_with(monkeypatch, manager, asked):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(DeskDialog, "ask_approval",
                        lambda self, reason: asked.append(reason) or (manager.code, "2468"))


def press(qtbot, page, key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page.entry, key)


def test_refund_some_units_then_the_rest_reverses_the_points(
        qtbot, services, admin, staff_of, runner, monkeypatch) -> None:
    cashier, manager = staff_of(Role.CASHIER), staff_of(Role.MANAGER)
    member = setup(qtbot, services, admin, cashier)
    before = 2000
    lines = lines_of(services, "690000000002", "690000000003")  # bar ¥12, towel ¥30
    sale = services.sales.checkout.finalize_sale(
        cashier, Cart(lines, (Tender(TenderKind.CASH, 5000),), member.id))
    assert sale.points_earned > 0
    page = make_page(qtbot, services, runner, cashier)
    receipts = []
    page.receipt_ready.connect(lambda kind, data: receipts.append((kind, data)))
    press(qtbot, page, Qt.Key.Key_F7)
    dialog = page.dialog
    assert isinstance(dialog, RefundDialog) and dialog.isVisible()
    assert not dialog.whole_button.isEnabled()  # nothing found yet
    qtbot.keyClicks(dialog.number, sale.number.lower())  # typed in any case
    qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
    assert dialog.sale is not None and dialog.sale.sale_id == sale.sale_id
    assert dialog.table.rowCount() == 2 and "张三" in dialog.sale_label.text()
    asked: list[str] = []
    approve_with(monkeypatch, manager, asked)
    dialog.refund_chosen()
    assert "at least one unit" in dialog.status.text()  # nothing chosen: nothing written
    dialog.set_units(2, 1)  # the towel
    with qtbot.waitSignal(dialog.refunded) as got:
        qtbot.mouseClick(dialog.lines_button, Qt.MouseButton.LeftButton)
    first = got.args[0]
    assert asked  # the cashier lacks sale.refund: a manager approved
    assert first.amount == 3000 and first.points_reversed > 0
    assert f"points reversed {first.points_reversed}" in dialog.status.text()
    assert receipts[-1][0] == "refund" and isinstance(receipts[-1][1], r.Refund)
    assert receipts[-1][1].total == 3000 and dialog.receipt_scroll.isVisible()
    # The rest: found again, only the bar is left to refund.
    dialog.number.setText(sale.number)
    dialog.find_sale()
    assert [ln.refundable for ln in dialog.sale.lines] == [1, 0]
    with qtbot.waitSignal(dialog.refunded) as got:
        dialog.refund_whole()
    assert got.args[0].amount == 1200
    assert got.args[0].points_balance == before  # everything refunded: back where it was
    with services.db.read() as s:
        refunds = list(s.scalars(select(RefundRow).where(RefundRow.sale_id == sale.sale_id)))
        assert len(refunds) == 2 and all(x.approver_id == manager.staff_id for x in refunds)
        assert s.get(Member, member.id).points_balance == before
        ops = s.scalars(select(OutboxOp.name).where(OutboxOp.name == "sale.refund.v1")).all()
        assert len(ops) == 2
    dialog.find_sale()
    assert "fully refunded" in dialog.status.text() and not dialog.whole_button.isEnabled()


def test_refund_of_an_unknown_receipt_shows_the_error(qtbot, services, admin, runner) -> None:
    page = make_page(qtbot, services, runner, admin)
    dialog = page.open_refund()
    assert dialog is not None
    dialog.number.setText("S-0000-999999")
    dialog.find_sale()
    assert dialog.sale is None and not dialog.busy
    assert dialog.status.property("error") is True and dialog.status.text()
    assert not dialog.whole_button.isEnabled()


def test_top_up_shows_the_bonus_before_confirming(qtbot, services, admin, staff_of,
                                                   runner) -> None:
    cashier = staff_of(Role.CASHIER)
    member = setup(qtbot, services, admin, cashier)
    page = make_page(qtbot, services, runner, cashier)
    press(qtbot, page, Qt.Key.Key_F8)
    assert page.dialog is None and "member" in page.status.text()  # no member attached
    page.handle_scan(member.card_code)
    receipts = []
    page.receipt_ready.connect(lambda kind, data: receipts.append((kind, data)))
    press(qtbot, page, Qt.Key.Key_F8)
    dialog = page.dialog
    assert isinstance(dialog, TopUpDialog)
    assert dialog.member_label.text() == "张三"
    assert dialog.member_label.textFormat() == Qt.TextFormat.PlainText
    assert dialog.balance_label.text() == "¥0.00" and not dialog.confirm_button.isEnabled()
    qtbot.keyClicks(dialog.amount, "999")
    assert "no bonus" in dialog.bonus_label.text()
    dialog.amount.setText("1000")  # the rule: pay ¥1000, get ¥100
    assert "+¥100.00" in dialog.bonus_label.text() and "¥1,100.00" in dialog.bonus_label.text()
    with services.db.read() as s:  # shown, not written
        assert s.scalar(select(StoredValueAccount)) is None
    dialog.tender.setCurrentIndex(dialog.tender.findData("wechat"))
    with qtbot.waitSignal(dialog.topped_up) as got:
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    result = got.args[0]
    assert (result.principal, result.bonus, result.bonus_given) == (100_000, 10_000, 10_000)
    assert "¥1,100.00" in dialog.status.text()
    assert receipts == [("topup", result.receipt)] and result.receipt.bonus == 10_000
    with services.db.read() as s:
        move = s.scalar(select(StoredValueMove).where(StoredValueMove.kind == "topup"))
        assert move.tender_kind == "wechat" and move.paid == 100_000
        assert s.scalar(select(OutboxOp).where(OutboxOp.name == "storedvalue.topup.v1"))


def test_shift_open_x_report_close_with_z_report(qtbot, services, admin, staff_of, runner,
                                                 monkeypatch) -> None:
    cashier, manager = staff_of(Role.CASHIER), staff_of(Role.MANAGER)
    setup(qtbot, services, admin, cashier)
    page = make_page(qtbot, services, runner, cashier)
    receipts = []
    page.receipt_ready.connect(lambda kind, data: receipts.append((kind, data)))
    press(qtbot, page, Qt.Key.Key_F9)
    dialog = page.dialog
    assert isinstance(dialog, ShiftDialog)
    assert dialog.open_box.isVisible() and not dialog.close_box.isVisible()
    qtbot.keyClicks(dialog.float_amount, "500")
    with qtbot.waitSignal(dialog.shift_changed):
        qtbot.keyClick(dialog.float_amount, Qt.Key.Key_Return)
    assert dialog.shift is not None and dialog.close_box.isVisible()
    dialog.close()
    # A cash sale of ¥30 in the shift.
    services.sales.checkout.finalize_sale(cashier, Cart(
        lines_of(services, "690000000003"), (Tender(TenderKind.CASH, 5000),)))
    dialog = page.open_shift()
    assert dialog is not None and dialog.close_box.isVisible()
    qtbot.mouseClick(dialog.x_button, Qt.MouseButton.LeftButton)
    kind, x = receipts[-1]
    assert kind == "shift_report" and not x.closed and x.sales_count == 1
    assert x.cash_expected == 50_000 + 3000 and "¥530.00" in dialog.figures.text()
    dialog.close_shift()  # no cash counted
    assert dialog.status.property("error") is True and dialog.shift is not None
    asked: list[str] = []
    approve_with(monkeypatch, manager, asked)
    dialog.counted[TenderKind.CASH].setText("528")
    with qtbot.waitSignal(dialog.shift_changed):
        qtbot.mouseClick(dialog.close_shift_button, Qt.MouseButton.LeftButton)
    assert asked  # the cashier lacks shift.close
    kind, z = receipts[-1]
    assert kind == "shift_report" and z.closed and z.cash_counted == 52_800
    assert "short ¥2.00" in dialog.status.text()
    assert dialog.open_box.isVisible()  # a new shift can be opened
    with services.db.read() as s:
        shift = s.scalar(select(Shift))
        assert shift.closed_at is not None and shift.counted == {"cash": 52_800}
    dialog.done(QDialog.DialogCode.Accepted)
    assert page.dialog is None


def test_working_after_a_failure_is_not_shown_as_an_error(qtbot, services, admin, runner) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.qt.pages.base import DeskContext

    dialog = DeskDialog(DeskContext(services, runner, lambda: admin))
    qtbot.addWidget(dialog)
    dialog.fail("The printer is offline")
    assert dialog.status.property("error") is True and "b00020" in dialog.status.styleSheet()
    dialog.set_busy(True)
    assert dialog.status.property("error") is False and dialog.status.styleSheet() == ""
    dialog.fail("Again")
    dialog.say("Done")
    assert dialog.status.property("error") is False and dialog.status.styleSheet() == ""
