"""Screenshots of the first-run wizard and the Settings page, on the real services over a
temporary database:  python tests/qt/first_run/_screens.py OUT_DIR LANG

Writes wizard_store_LANG.png, wizard_printer_LANG.png, settings_store_LANG.png and
settings_backups_LANG.png (QWidget.grab). Run it under Xvfb (or QT_QPA_PLATFORM=offscreen);
FRONTDESK_DATA_DIR should point at a temporary folder."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.qt.app import build_application, translations_dir
from desktop_app.qt.errors import ErrorHandler
from desktop_app.qt.first_run_wizard import FirstRunWizard
from desktop_app.qt.i18n import Translations
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.pages.settings import SettingsPage
from desktop_app.qt.tasks import InlineTaskRunner
from desktop_app.services.registry import Services


def settle(app: object) -> None:
    for _ in range(30):
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)


def main(out: Path, lang: str) -> int:
    paths = DataPaths.resolve().ensure()
    services = Services.open(paths.database, SystemClock(), backup_dir=paths.backups)
    app = build_application(["frontdesk"])
    assert Translations(app, translations_dir()).apply(lang), "missing .qm"
    runner = InlineTaskRunner(ErrorHandler(app, use_dialogs=False))
    devices = DeviceConfigStore(paths.config)

    wizard = FirstRunWizard(runner, services, devices)
    wizard.resize(720, 520)
    wizard.show()
    wizard.store_page.ui.nameEdit.setText("莲花健身 Lotus Gym")
    wizard.store_page.ui.addressEdit.setText("上海市南京西路 1 号")
    settle(app)
    wizard.grab().save(str(out / f"wizard_store_{lang}.png"))
    wizard.next()
    ui = wizard.admin_page.ui
    ui.codeEdit.setText("1")
    ui.nameEdit.setText("王芳 <b>Wang</b>")
    ui.pinEdit.setText("2580")
    ui.pinAgainEdit.setText("2580")
    wizard.next()
    wizard.printer_page.editors["transport"].set_value("network")
    wizard.printer_page._show_needed_fields()
    wizard.printer_page.editors["host"].set_value("192.0.2.10")
    settle(app)
    wizard.grab().save(str(out / f"wizard_printer_{lang}.png"))
    wizard.next()
    wizard.next()
    wizard.button(wizard.WizardButton.FinishButton).click()
    settle(app)
    assert wizard.actor is not None and wizard.finished_ok, "the wizard did not finish"
    admin = wizard.actor
    services.backups.take("manual")

    page = SettingsPage(lang)
    page.set_machine(devices, paths.logs)
    page.attach(DeskContext(services, runner, lambda: admin))
    page.resize(980, 760)
    page.show()
    settle(app)
    page.grab().save(str(out / f"settings_store_{lang}.png"))
    page.ui.scrollArea.ensureWidgetVisible(page.backups, 0, 0)
    page.ui.scrollArea.verticalScrollBar().setValue(page.backups.y())
    settle(app)
    page.grab().save(str(out / f"settings_backups_{lang}.png"))
    services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
