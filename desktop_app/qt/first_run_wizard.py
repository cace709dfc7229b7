"""First run: on a database with no staff, a wizard sets up the store, the first
administrator, the printer, the scanner or camera, and (optionally) the server.

Nothing is written until Finish. Then, through the task runner and in this order: the
administrator is created, the store's name and address are saved as that administrator
(audited settings changes), this machine's device settings are saved, and the desk is
enrolled if asked. A step that fails shows its error on the page it came from and the wizard
goes back there; the steps already done are not repeated (the administrator cannot be
created twice), and the page says the administrator exists, so the operator can correct the
page and press Finish again, or cancel and fix it later in Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.device_settings import DeviceSettings
from desktop_app.domain.permissions import Actor
from desktop_app.qt import desk_setup
from desktop_app.qt.first_run_pages import (
    AdminPage,
    EnrolPage,
    PrinterPage,
    ScannerPage,
    StorePage,
    WizardPage,
)
from desktop_app.qt.tasks import Lane, TaskRunner

if TYPE_CHECKING:
    from desktop_app.services.registry import Services

STORE, ADMIN, PRINTER, SCANNER, ENROL = range(5)


class FirstRunWizard(QWizard):
    """The five pages and the Finish sequence (see the module doc)."""

    admin_created = Signal(object)
    """The first administrator was created (their Actor); from now on they can sign in."""

    setup_finished = Signal(object)
    """Every step of Finish succeeded (the administrator's Actor)."""

    def __init__(self, runner: TaskRunner, services: Services, device_store: DeviceConfigStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._services = services
        self._device_store = device_store
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.store_page, self.admin_page = StorePage(self), AdminPage(self)
        self.printer_page, self.scanner_page = PrinterPage(self), ScannerPage(self)
        self.enrol_page = EnrolPage(self)
        for page_id, page in enumerate((self.store_page, self.admin_page, self.printer_page,
                                        self.scanner_page, self.enrol_page)):
            self.setPage(page_id, page)
        self.enrol_page.on_finish = self._finish_requested
        self.actor: Actor | None = None
        self.done_steps: set[int] = set()
        self.finished_ok = False
        self.busy = False
        self.resize(640, 480)
        self._retranslate()

    # -- Finish --------------------------------------------------------------------------
    def _finish_requested(self) -> bool:
        """Finish pressed (QWizard asks the last page to validate): run the steps, and let
        the dialog close only once they all succeeded."""
        if self.finished_ok:
            return True
        if self.busy or not self.enrol_page.check():
            return False
        self.enrol_page.message.clear()
        self._set_busy(True)
        self._next_step()
        return False

    def _steps(self) -> list[tuple[int, Callable[[], None]]]:
        steps = [(ADMIN, self._create_admin), (STORE, self._save_store),
                 (PRINTER, self._save_devices)]
        if self.enrol_page.wants_enrolment():
            steps.append((ENROL, self._enrol))
        return steps

    def _next_step(self) -> None:
        for page_id, run in self._steps():
            if page_id not in self.done_steps:
                run()
                return
        self._set_busy(False)
        self.finished_ok = True
        assert self.actor is not None
        self.setup_finished.emit(self.actor)
        self.accept()

    def _step_done(self, page_id: int) -> Callable[[Any], None]:
        def done(_result: Any) -> None:
            self.done_steps.add(page_id)
            self._next_step()
        return done

    def _step_failed(self, page_id: int) -> Callable[[str], None]:
        def failed(text: str) -> None:
            self._set_busy(False)
            page = self.page(page_id)
            assert isinstance(page, WizardPage)
            if self.actor is not None:
                text = self.tr("%1\nThe administrator %2 has been created. Correct this and "
                               "press Finish again, or press Cancel and change it later in "
                               "Settings.").replace("%1", text).replace("%2", self.actor.name)
            while self.currentId() > page_id:
                self.back()
            page.show_error(text)
        return failed

    def _create_admin(self) -> None:
        code, name, pin = self.admin_page.values()
        self._runner.submit(self._services.auth.create_first_admin, code, name, pin,
                            on_result=self._admin_created, on_error=self._step_failed(ADMIN))

    def _admin_created(self, actor: Actor) -> None:
        self.actor = actor
        self.admin_page.mark_created(actor.name)
        self.admin_created.emit(actor)
        self._step_done(ADMIN)(actor)

    def _save_store(self) -> None:
        name, address = self.store_page.values()
        self._runner.submit(desk_setup.save_store_details, self._services, self.actor, name,
                            address, on_result=self._step_done(STORE),
                            on_error=self._step_failed(STORE))

    def device_settings(self) -> DeviceSettings:
        return DeviceSettings(printer=self.printer_page.printer(),
                              scanner=self.scanner_page.scanner(),
                              camera=self.scanner_page.camera())

    def _save_devices(self) -> None:
        self._runner.submit(desk_setup.save_devices, self._device_store, self.device_settings(),
                            on_result=self._step_done(PRINTER),
                            on_error=self._step_failed(PRINTER), lane=Lane.POOL)

    def _enrol(self) -> None:
        url, code, device_name = self.enrol_page.values()
        self.enrol_page.message.setText(self.tr("Enrolling with the server…"))
        self._runner.submit(desk_setup.enrol_desk, self._services, url, code, device_name,
                            on_result=self._step_done(ENROL), on_error=self._step_failed(ENROL))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                      QWizard.WizardButton.CancelButton):
            self.button(which).setEnabled(not busy)

    # -- texts ----------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up Frontdesk"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
