"""The card dialog on the real services (inline runner): a reissue from the keyboard revokes
the old code (which still finds the member, as "revoked"), and the card sheet is saved as a
real PNG and PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.member_card_dialog import MemberCardDialog
from desktop_app.services.members import MemberDraft


def open_for(qtbot, services, runner, admin, member_id):
    profile = services.profiles.profile(admin, member_id)
    d = MemberCardDialog(DeskContext(services, runner, lambda: admin), profile)
    qtbot.addWidget(d)
    d.show()
    return d


def test_reissue_from_the_keyboard_revokes_the_old_code(qtbot, services, admin,
                                                        runner) -> None:
    m = services.members.create(admin, MemberDraft(name="<i>Zoe</i>", phone="13800138000"))
    d = open_for(qtbot, services, runner, admin, m.id)
    assert m.card_code in d.current.text() and "<i>Zoe</i>" in d.who.text()
    qtbot.keyClicks(d.reason, "lost")
    with qtbot.waitSignal(d.card_issued, timeout=3000):
        qtbot.keyClick(d.reason, Qt.Key.Key_Return)
    assert d.code and d.code != m.card_code and d.code in d.current.text()
    assert m.card_code in d.status.text()
    old = services.lookup.search(admin, m.card_code)[0]
    assert old.member_id == m.id and old.code_status == "revoked"
    assert services.lookup.search(admin, d.code)[0].code_status == "active"


def test_the_sheet_is_saved_as_png_and_pdf(qtbot, services, admin, runner, tmp_path) -> None:
    m = services.members.create(admin, MemberDraft(name="张三"))
    d = open_for(qtbot, services, runner, admin, m.id)
    png, pdf = tmp_path / "card.png", tmp_path / "card.pdf"
    d.save_sheet(png)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "card.png" in d.status.text()
    d.save_sheet(pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_the_card_prints_on_the_receipt_printer_with_its_qr_and_barcode(
        qtbot, services, admin, runner) -> None:
    from desktop_app.devices.receipts.transports import MemoryTransport
    from desktop_app.domain.device_settings import PrinterSettings
    from desktop_app.services.print_worker import PrintWorker
    from tests.helpers.escpos_decode import decode

    m = services.members.create(admin, MemberDraft(name="<b>张三</b>", phone="13800138000"))
    d = open_for(qtbot, services, runner, admin, m.id)
    d.print_button.click()
    qtbot.waitUntil(lambda: "receipt printer" in d.status.text(), timeout=3000)
    [job] = services.printing.jobs()
    assert job.kind == "member_card"
    memory = MemoryTransport()
    settings = PrinterSettings(transport="file", file_path="/dev/null")
    PrintWorker(services.printing, lambda: settings, lambda s: memory).run_once()
    printed = decode(b"".join(memory.jobs[0]))
    assert [q.text for q in printed.kinds("qr")] == [m.card_code]
    assert [b.text for b in printed.kinds("barcode")] == [f"CODE128 {m.card_code}"]
    assert any("<b>张三</b>" in line for line in printed.text)  # the name, as typed


def test_a_member_without_an_active_card_prints_nothing(qtbot, services, admin,
                                                        runner) -> None:
    from desktop_app.qt.pages.member_card_dialog import print_card

    m = services.members.create(admin, MemberDraft(name="No card"))
    profile = services.profiles.profile(admin, m.id)
    with services.db.write_session() as s, s.begin():
        from sqlalchemy import text

        s.execute(text("UPDATE cards SET status = 'revoked' WHERE member_id = :m"), {"m": m.id})
    assert print_card(services, admin, profile, "en") is False
    assert services.printing.jobs() == []
