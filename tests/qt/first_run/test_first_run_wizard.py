"""The first-run wizard on the REAL services over a new temporary database (inline runner):
what Finish writes, what each page refuses, skipping and failing enrolment."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.permissions import Role
from desktop_app.paths import DataPaths
from desktop_app.qt import desk_setup
from desktop_app.qt.first_run_wizard import ADMIN, ENROL, PRINTER, STORE, FirstRunWizard
from desktop_app.qt.session import DeskSession
from desktop_app.qt.tasks import InlineTaskRunner
from desktop_app.store.models import AuditEntry


@pytest.fixture
def device_store(data_paths: DataPaths) -> DeviceConfigStore:
    return DeviceConfigStore(data_paths.config)


@pytest.fixture
def wizard(qtbot: QtBot, runner: InlineTaskRunner, services: Any,
           device_store: DeviceConfigStore) -> Iterator[FirstRunWizard]:
    w = FirstRunWizard(runner, services, device_store)
    qtbot.addWidget(w)
    w.show()
    yield w


def fill_store(w: FirstRunWizard, name: str = "Lotus Gym", address: str = "1 Nanjing Rd") -> None:
    w.store_page.ui.nameEdit.setText(name)
    w.store_page.ui.addressEdit.setText(address)
    w.next()


def fill_admin(w: FirstRunWizard, pin: str = "2580", again: str = "2580") -> None:
    ui = w.admin_page.ui
    ui.codeEdit.setText("1")
    ui.nameEdit.setText("王芳")
    ui.pinEdit.setText(pin)
    ui.pinAgainEdit.setText(again)
    w.next()


def finish(w: FirstRunWizard) -> None:
    w.button(w.WizardButton.FinishButton).click()


def audit_actions(services: Any) -> list[tuple[str, str | None, Any]]:
    with services.db.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        return [(r.action, r.actor_name, r.details) for r in rows]


def test_the_wizard_sets_up_admin_store_and_devices_on_a_new_database(
        wizard: FirstRunWizard, services: Any, device_store: DeviceConfigStore,
        qtbot: QtBot) -> None:
    assert services.auth.needs_first_admin()
    fill_store(wizard)
    fill_admin(wizard)
    assert wizard.currentId() == PRINTER
    printer = wizard.printer_page.editors
    printer["transport"].set_value("network")
    wizard.printer_page._show_needed_fields()
    printer["host"].set_value("printer.local")
    printer["port"].set_value(9101)
    printer["paper_width_mm"].set_value(58)
    wizard.next()
    wizard.scanner_page.camera_check.setChecked(True)
    wizard.scanner_page.editors["camera_index"].set_value(1)
    wizard.next()
    assert wizard.currentId() == ENROL and not wizard.enrol_page.wants_enrolment()
    with qtbot.waitSignal(wizard.setup_finished, timeout=5000) as finished:
        finish(wizard)

    assert not wizard.isVisible()
    admin = services.auth.sign_in("1", "2580")
    assert admin.role is Role.ADMIN and admin.name == "王芳"
    assert finished.args[0] == admin
    current = services.settings.current()
    assert (current.store_name, current.store_address) == ("Lotus Gym", "1 Nanjing Rd")
    saved = device_store.load()
    assert (saved.printer.transport, saved.printer.host, saved.printer.port,
            saved.printer.paper_width_mm) == ("network", "printer.local", 9101, 58)
    assert saved.camera.camera_index == 1
    changes = [(a, who, d["key"]) for a, who, d in audit_actions(services)
               if a == "settings.change"]
    assert changes == [("settings.change", "王芳", "store_name"),
                       ("settings.change", "王芳", "store_address")]
    assert not desk_setup.sync_summary(services).enrolled  # enrolment skipped


@pytest.mark.parametrize(("pin", "again", "says"), [
    ("2580", "2581", "The two PINs differ. Type them again."),
    ("25", "25", "The PIN needs at least 4 digits."),
])
def test_a_bad_pin_pair_is_refused_on_its_page(wizard: FirstRunWizard, services: Any,
                                               pin: str, again: str, says: str) -> None:
    fill_store(wizard)
    fill_admin(wizard, pin, again)
    assert wizard.currentId() == ADMIN
    assert wizard.admin_page.message.text() == says
    assert services.auth.needs_first_admin()


def test_the_store_page_needs_a_name(wizard: FirstRunWizard) -> None:
    fill_store(wizard, name="")
    assert wizard.currentId() == STORE
    assert wizard.store_page.message.text() == "Enter the store's name."


def test_a_network_printer_needs_its_address(wizard: FirstRunWizard) -> None:
    fill_store(wizard)
    fill_admin(wizard)
    wizard.printer_page.editors["transport"].set_value("network")
    wizard.next()
    assert wizard.currentId() == PRINTER
    assert "printer" in wizard.printer_page.message.text()


def test_a_failed_enrolment_keeps_the_admin_and_skipping_it_then_finishes(
        wizard: FirstRunWizard, services: Any, qtbot: QtBot) -> None:
    fill_store(wizard)
    fill_admin(wizard)
    wizard.next()
    wizard.next()
    page = wizard.enrol_page
    page.ui.enrolCheck.setChecked(True)
    page.ui.urlEdit.setText("http://127.0.0.1:9")  # nothing listens on the discard port
    page.ui.codeEdit.setText("ABC-123")
    finish(wizard)
    assert wizard.isVisible() and wizard.currentId() == ENROL
    assert "The administrator 王芳 has been created" in page.message.text()
    assert not services.auth.needs_first_admin()
    assert wizard.admin_page.ui.codeEdit.isReadOnly()

    page.ui.enrolCheck.setChecked(False)  # skip it: the rest was done once, not twice
    with qtbot.waitSignal(wizard.setup_finished, timeout=5000):
        finish(wizard)
    assert services.settings.current().store_name == "Lotus Gym"
    assert sum(a == "settings.change" for a, _w, _d in audit_actions(services)) == 2
    assert not desk_setup.sync_summary(services).enrolled


def test_enrolment_without_a_code_is_refused_before_anything_is_written(
        wizard: FirstRunWizard, services: Any) -> None:
    fill_store(wizard)
    fill_admin(wizard)
    wizard.next()
    wizard.next()
    wizard.enrol_page.ui.enrolCheck.setChecked(True)
    wizard.enrol_page.ui.urlEdit.setText("https://hq.example")
    finish(wizard)
    assert "one-time code" in wizard.enrol_page.message.text()
    assert services.auth.needs_first_admin()


def test_the_desk_opens_the_wizard_on_a_new_database_and_signs_the_admin_in(
        session: DeskSession, services: Any, qtbot: QtBot) -> None:
    session.start(lambda: services)
    wizard = session.first_run_wizard
    assert wizard is not None and wizard.isVisible()
    wizard.reject()
    assert "first administrator" in session.sign_in_view.message()
    session.sign_in_view.ui.codeEdit.setText("1")
    session.sign_in_view.ui.pinEdit.setText("1234")
    session.sign_in_view.ui.signInButton.click()  # trying anyway brings the wizard back
    assert wizard.isVisible()
    fill_store(wizard)
    fill_admin(wizard)
    wizard.next()
    wizard.next()
    with qtbot.waitSignal(session.signed_in, timeout=5000):
        finish(wizard)
    assert session.actor is not None and session.actor.name == "王芳"
    assert session.main_window is not None
    assert session.main_window.windowTitle() == "Frontdesk - Lotus Gym"
