"""The Settings page on the REAL services over a temporary database (inline runner): every
setting shown with its default and help, audited changes, permissions, device settings per
machine, backups with a confirmed restore, a support bundle."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.device_settings import CameraSettings, PrinterSettings, ScannerSettings
from desktop_app.domain.permissions import Actor, Role
from desktop_app.domain.settings import StoreSettings
from desktop_app.paths import DataPaths
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.settings import SettingsPage
from desktop_app.qt.settings_catalogue import (
    CAMERA_TEXTS,
    GROUP_KEYS,
    PRINTER_TEXTS,
    SCANNER_TEXTS,
    STORE_TEXTS,
)
from desktop_app.qt.tasks import InlineTaskRunner
from desktop_app.store.models import AuditEntry

PageFor = Callable[[Actor], SettingsPage]


@pytest.fixture
def page_for(qtbot: QtBot, runner: InlineTaskRunner, services: Any,
             data_paths: DataPaths) -> PageFor:
    def make(actor: Actor) -> SettingsPage:
        page = SettingsPage("en")
        qtbot.addWidget(page)
        page.set_machine(DeviceConfigStore(data_paths.config), data_paths.logs)
        page.attach(DeskContext(services, runner, lambda: actor))
        return page
    return make


def settings_audit(services: Any) -> list[AuditEntry]:
    with services.db.read() as session:
        return list(session.scalars(select(AuditEntry).where(
            AuditEntry.action == "settings.change").order_by(AuditEntry.seq)))


def test_every_declared_setting_has_a_label_and_the_domains_help() -> None:
    for kind, texts in ((StoreSettings, STORE_TEXTS), (PrinterSettings, PRINTER_TEXTS),
                        (ScannerSettings, SCANNER_TEXTS), (CameraSettings, CAMERA_TEXTS)):
        names = [f.name for f in fields(kind)]
        assert sorted(texts) == sorted(names), kind.__name__
        for name in names:
            assert texts[name][1] == kind.help(name), f"{kind.__name__}.{name}"
    grouped = [key for keys in GROUP_KEYS.values() for key in keys]
    assert sorted(grouped) == sorted(StoreSettings.field_names())  # each exactly once


def test_the_page_shows_each_store_setting_with_its_value_default_and_help(
        page_for: PageFor, admin: Actor) -> None:
    page = page_for(admin)
    staff = page.store_groups["staff"]
    assert staff.title() == "Staff and security"
    assert staff.editors["idle_lock_minutes"].value() == 5
    assert staff.helps["idle_lock_minutes"].text() == (
        "Default: 5. The desk locks after this many idle minutes.")
    store = page.store_groups["store"]
    assert store.editors["store_name"].value() == StoreSettings().store_name
    assert store.helps["store_address"].text().startswith("Default: —. Printed under")
    checkout = page.store_groups["checkout"]
    assert "Fixed in this version." in checkout.helps["fixed_0"].text()
    printer = page.device_groups["printer"]
    assert printer.editors["paper_width_mm"].value() == 80
    assert printer.helps["transport"].text().startswith("Default: None (no printer).")
    assert page.sync.status.text().startswith("Not enrolled")


def test_a_change_is_saved_through_the_service_and_audited(page_for: PageFor, admin: Actor,
                                                           services: Any) -> None:
    page = page_for(admin)
    staff = page.store_groups["staff"]
    changed: list[Any] = []
    page.store_settings_changed.connect(changed.append)
    assert not staff.save_button.isEnabled()  # nothing changed yet
    staff.editors["idle_lock_minutes"].spin.setValue(9)
    assert staff.save_button.isEnabled()
    staff.save_button.click()
    assert services.settings.current().idle_lock_minutes == 9
    assert changed and changed[0].idle_lock_minutes == 9
    assert staff.message.text() == "Saved."
    [entry] = settings_audit(services)
    assert entry.actor_name == admin.name
    assert entry.details == {"key": "idle_lock_minutes", "old": 5, "new": 9}
    assert entry.op_id is not None


def test_a_cashier_sees_the_settings_but_cannot_change_them(
        page_for: PageFor, staff_of: Callable[[Role], Actor], services: Any) -> None:
    page = page_for(staff_of(Role.CASHIER))
    store = page.store_groups["store"]
    assert not store.editors["store_name"].isEnabled()
    assert not store.save_button.isEnabled()
    assert not page.backups.restore_button.isEnabled()
    assert not page.sync.enrol_button.isEnabled()
    assert page.sync.message.text() == "Only an administrator can enrol this desk with a server."
    # The service refuses even if the form were bypassed.
    store.changes_requested.emit({"store_name": "Hacked"})
    assert store.message.text() == "You are not allowed to do this. Ask a manager."
    assert services.settings.current().store_name == StoreSettings().store_name
    assert settings_audit(services) == []


def test_device_settings_are_saved_for_this_machine(page_for: PageFor, admin: Actor,
                                                    data_paths: DataPaths) -> None:
    page = page_for(admin)
    printer = page.device_groups["printer"]
    printer.editors["paper_width_mm"].set_value(58)
    printer.editors["paper_width_mm"].value_edited.emit()
    printer.save_button.click()
    assert printer.message.text() == "Saved for this computer."
    assert DeviceConfigStore(data_paths.config).load().printer.paper_width_mm == 58


def test_restore_asks_first_then_restores_the_backup(page_for: PageFor, admin: Actor,
                                                     services: Any, qtbot: QtBot) -> None:
    page = page_for(admin)
    group = page.backups
    group.backup_button.click()
    assert group.list.count() == 1
    taken = group.selected()
    services.settings.change(admin, "store_name", "Changed after the backup")

    questions: list[str] = []
    group.confirm = lambda title, text: questions.append(text) or False
    group.restore_button.click()
    assert taken.path.name in questions[0]
    assert "enrol with the server again" in questions[0]
    assert services.settings.current().store_name == "Changed after the backup"

    group.confirm = lambda title, text: True
    with qtbot.waitSignal(page.database_restored, timeout=5000):
        group.restore_button.click()
    assert services.settings.current().store_name == StoreSettings().store_name
    labels = [b.label for b in services.backups.backups()]
    assert sorted(labels) == ["manual", "pre-restore"]
    assert group.list.count() == 2
    assert "Restored" in group.message.text()


def test_a_support_bundle_is_saved_where_chosen(page_for: PageFor, admin: Actor,
                                                tmp_path: Path, data_paths: DataPaths) -> None:
    (data_paths.logs / "frontdesk.log").write_text("a line\n", encoding="utf-8")
    page = page_for(admin)
    dest = tmp_path / "out" / "bundle.zip"
    page.backups.choose_bundle_path = lambda title, suggested: str(dest)
    page.backups.bundle_button.click()
    with zipfile.ZipFile(dest) as bundle:
        assert sorted(bundle.namelist()) == ["logs/frontdesk.log", "report.txt"]


def test_scrolling_the_page_over_a_box_scrolls_the_page_not_the_box(
        page_for: PageFor, admin: Actor, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    page = page_for(admin)
    page.resize(900, 500)  # far shorter than the page: it scrolls
    page.show()
    qtbot.waitExposed(page)
    combo = page.device_groups["printer"].editors["transport"].combo
    spin = page.store_groups["staff"].editors["idle_lock_minutes"].spin
    bar = page.ui.scrollArea.verticalScrollBar()
    for box in (combo, spin):
        before, scrolled = (combo.currentIndex(), spin.value()), bar.value()
        wheel = QWheelEvent(QPointF(5, 5), QPointF(box.mapToGlobal(QPoint(5, 5))), QPoint(),
                            QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)  # fmt: skip
        QApplication.sendEvent(box, wheel)
        assert (combo.currentIndex(), spin.value()) == before  # no value changed
        assert bar.value() > scrolled  # the page scrolled instead
    spin.setFocus()  # clicked into: now the wheel is the box's
    qtbot.waitUntil(spin.hasFocus)
    wheel = QWheelEvent(QPointF(5, 5), QPointF(spin.mapToGlobal(QPoint(5, 5))), QPoint(),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)  # fmt: skip
    QApplication.sendEvent(spin, wheel)
    assert spin.value() == 6
