"""The product import dialog on the real services (inline runner): the dry run names every bad
line and saves nothing, the import adds the good rows, a second import changes nothing, and a
member of staff without the permission sees the refusal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from desktop_app.domain.permissions import Role
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.product_import_dialog import ProductImportDialog
from desktop_app.store.checkout_models import Product

CSV = (
    "barcode,name,price,category,points_multiplier\n"
    "200,毛巾,30,goods,\n"
    "201,,5,goods,\n"
    "202,水,abc,drinks,\n"
    "203,茶,8.5,drinks,1.5\n"
).encode("gb18030")


def open_dialog(qtbot, services, runner, actor, path):
    d = ProductImportDialog(DeskContext(services, runner, lambda: actor))
    qtbot.addWidget(d)
    d.show()
    d.path.setText(str(path))
    return d


def product_count(services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(Product))


def test_dry_run_then_import_then_nothing_changes(qtbot, services, admin, runner,
                                                  tmp_path) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(CSV)
    d = open_dialog(qtbot, services, runner, admin, path)

    d.check_button.click()
    qtbot.waitUntil(lambda: d.report is not None, timeout=3000)
    assert d.report.dry_run and d.report.created == 2
    bad = d.bad_rows.toPlainText().splitlines()
    assert [line.split(":")[0] for line in bad] == ["Line 3", "Line 4"]
    assert "name" in bad[0] and "price" in bad[1]
    assert "2 good rows" in d.status.text()
    assert product_count(services) == 0

    d.report = None
    d.import_button.click()
    qtbot.waitUntil(lambda: d.report is not None, timeout=3000)
    assert "Imported" in d.status.text() and "2 new" in d.status.text()
    tea = services.sales.catalogue.by_barcode("203")
    assert (tea.name, tea.price, tea.points_multiplier_pct) == ("茶", 850, 150)
    assert services.sales.catalogue.by_barcode("200").name == "毛巾"
    assert services.sales.catalogue.by_barcode("201") is None
    assert product_count(services) == 2

    d.report = None
    d.import_button.click()
    qtbot.waitUntil(lambda: d.report is not None, timeout=3000)
    assert (d.report.created, d.report.updated, d.report.unchanged) == (0, 0, 2)
    assert "Nothing changed" in d.status.text()
    assert product_count(services) == 2

    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert not d.isVisible()


def test_staff_without_the_permission_see_the_refusal(qtbot, services, staff_of, runner,
                                                      tmp_path) -> None:
    path = tmp_path / "products.csv"
    path.write_bytes(CSV)
    d = open_dialog(qtbot, services, runner, staff_of(Role.CASHIER), path)
    d.import_button.click()
    qtbot.waitUntil(lambda: d.import_button.isEnabled(), timeout=3000)
    assert d.report is None and "not allowed" in d.status.text()
    assert product_count(services) == 0


def test_a_missing_file_is_reported_in_the_dialog(qtbot, services, admin, runner,
                                                  tmp_path) -> None:
    d = open_dialog(qtbot, services, runner, admin, tmp_path / "nope.csv")
    d.check_button.click()
    qtbot.waitUntil(lambda: d.import_button.isEnabled(), timeout=3000)
    assert d.report is None and "Cannot read the file" in d.status.text()


def test_checkout_opens_the_dialog(qtbot, services, admin, runner) -> None:
    from desktop_app.qt.pages.checkout import CheckoutPage

    page = CheckoutPage()
    qtbot.addWidget(page)
    page.attach(DeskContext(services, runner, lambda: admin))
    dialog = page.open_import()
    assert isinstance(dialog, ProductImportDialog) and dialog.isVisible()
    dialog.close()
