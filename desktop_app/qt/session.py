"""The desk's session: who is signed in, and the moves between sign-in, desk and lock.

Views only collect input and show state; this controller runs every database call through
the task runner (never on the GUI thread) and wires the views' signals together.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.permissions import Actor
from desktop_app.qt.config import DeskConfig
from desktop_app.qt.i18n import Translations
from desktop_app.qt.idle import IdleWatcher
from desktop_app.qt.pages.base import DeskContext
from desktop_app.qt.sign_in import SignInView
from desktop_app.qt.tasks import TaskRunner

if TYPE_CHECKING:
    # Loaded when first needed, not at start-up: the sign-in screen must come up fast, and
    # the main window pulls in every page and service.
    from desktop_app.qt.first_run_wizard import FirstRunWizard
    from desktop_app.qt.main_window import MainWindow
    from desktop_app.services.registry import Services

log = logging.getLogger(__name__)


class DeskSession(QObject):
    """Owns the sign-in screen and the main window, and switches between them."""

    services_ready = Signal()
    """The database is open and the services can be used."""

    signed_in = Signal(object)
    """A staff member signed in (their Actor)."""

    signed_out = Signal()
    """The signed-in staff member signed out."""

    locked = Signal()
    """The desk locked itself (idle) or was locked by the operator."""

    unlocked = Signal()
    """The signed-in staff member unlocked the desk with their PIN."""

    def __init__(self, runner: TaskRunner, idle: IdleWatcher, config: DeskConfig,
                 language: str, translations: Translations | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.idle = idle
        self._config = config
        self._language = language
        self._translations = translations
        self.services: Services | None = None
        self.actor: Actor | None = None
        self._needs_first_admin = False
        self.first_run_wizard: FirstRunWizard | None = None
        self._first_admin: Actor | None = None
        self.main_window: MainWindow | None = None
        self.sign_in_view = SignInView(config)
        self.sign_in_view.credentials_entered.connect(self._credentials_entered)
        idle.idle_timed_out.connect(self._idle_timed_out)

    # -- start-up ----------------------------------------------------------------------------
    def start(self, open_services: Callable[[], Services]) -> None:
        """Show the sign-in screen and open the database on the database thread."""
        self.sign_in_view.show()
        self.sign_in_view.set_busy(True, self.tr("Opening the database…"))
        self._runner.submit(open_services, on_result=self.attach_services,
                            on_error=self._open_failed)

    def attach_services(self, services: Services) -> None:
        self.services = services
        self.services_ready.emit()
        self._runner.submit(services.auth.needs_first_admin, on_result=self._first_admin_known,
                            on_error=self.sign_in_view.show_error)
        # The feature services load while staff type their code and PIN.
        self._runner.submit(services.warm)

    def shutdown(self) -> None:
        """Close the services on the database thread, then stop the runner."""
        self.idle.stop()
        if self.main_window is not None:
            self.main_window.save_geometry()
        if self.services is not None:
            self._runner.submit(self.services.close)
            self.services = None
        self._runner.shutdown()

    def _open_failed(self, text: str) -> None:
        self.sign_in_view.show_error(text)
        self.sign_in_view.set_busy(True, text)

    def _first_admin_known(self, needed: bool) -> None:
        self._needs_first_admin = bool(needed)
        self.sign_in_view.set_busy(False)
        if needed:
            self._open_first_run_wizard()

    # -- first run -------------------------------------------------------------------------
    def device_store(self) -> DeviceConfigStore:
        """This machine's device settings (config/devices.json beside desk.ini)."""
        return DeviceConfigStore(self._config.path.parent)

    def _open_first_run_wizard(self) -> None:
        """No staff yet: the first-run wizard (store, administrator, devices, server)."""
        if self.first_run_wizard is None:
            from desktop_app.qt.first_run_wizard import FirstRunWizard

            wizard = FirstRunWizard(self._runner, self._require_services(), self.device_store(),
                                    self.sign_in_view)
            wizard.admin_created.connect(self._first_admin_made)
            wizard.setup_finished.connect(self._first_admin_created)
            wizard.rejected.connect(self._first_admin_cancelled)
            self.first_run_wizard = wizard
        self.first_run_wizard.open()

    def _first_admin_made(self, actor: Actor) -> None:
        self._needs_first_admin = False
        self._first_admin = actor

    def _first_admin_created(self, actor: Actor) -> None:
        self._needs_first_admin = False
        self._start_desk(actor)

    def _first_admin_cancelled(self) -> None:
        if self._first_admin is not None:
            # The administrator exists though a later step did not finish: open the desk as
            # them; what is missing can be set in Settings (the wizard said so).
            self._start_desk(self._first_admin)
        elif self._needs_first_admin:
            self.sign_in_view.show_error(self.tr(
                "This desk needs a first administrator before anyone can sign in."))

    def _database_restored(self) -> None:
        """A backup replaced the database: its staff may differ, so everyone signs in again
        (and a backup from before the first administrator brings the wizard back)."""
        self.sign_out()
        services = self._require_services()
        self._runner.submit(services.auth.needs_first_admin, on_result=self._first_admin_known,
                            on_error=self.sign_in_view.show_error)

    # -- sign-in ----------------------------------------------------------------------------
    def _credentials_entered(self, code: str, pin: str) -> None:
        services = self.services
        if services is None:
            return
        if self._needs_first_admin:
            self._open_first_run_wizard()
            return
        self.sign_in_view.set_busy(True, self.tr("Checking…"))
        self._runner.submit(services.auth.sign_in, code, pin, on_result=self._start_desk,
                            on_error=self.sign_in_view.show_error)

    def _start_desk(self, actor: Actor) -> None:
        self.actor = actor
        window = self._ensure_main_window()
        window.attach(DeskContext(self._require_services(), self._runner,
                                  lambda: self.actor))
        window.set_staff(actor.name)
        window.unlock()
        window.show_page(0)
        self.sign_in_view.reset()
        self.sign_in_view.hide()
        window.show()
        window.activateWindow()
        self.idle.start()
        services = self._require_services()
        self._runner.submit(services.settings.current, on_result=self._settings_loaded)
        log.info("staff %s signed in", actor.code)
        self.signed_in.emit(actor)

    def _settings_loaded(self, settings: Any) -> None:
        minutes = int(settings.idle_lock_minutes)
        self.idle.set_timeout_minutes(minutes)
        if self.main_window is not None:
            self.main_window.settings.show_store_settings(settings)
            self.main_window.set_store_name(str(settings.store_name))

    def _ensure_main_window(self) -> MainWindow:
        if self.main_window is None:
            from desktop_app.qt.main_window import MainWindow

            window = MainWindow(self._config, self._language)
            window.lock_chosen.connect(self.lock)
            window.sign_out_chosen.connect(self.sign_out)
            window.unlock_pin_entered.connect(self._unlock_pin_entered)
            window.language_chosen.connect(self.switch_language)
            # The data folder keeps logs/ beside config/ (desktop_app.paths.DataPaths).
            window.settings.set_machine(self.device_store(),
                                        self._config.path.parent.parent / "logs")
            window.members.use_device_settings(self.device_store())
            window.settings.store_settings_changed.connect(self._settings_loaded)
            window.settings.database_restored.connect(self._database_restored)
            self.main_window = window
        return self.main_window

    def route_scan(self, code: str) -> None:
        """A scanner (keyboard wedge or camera) read a code: the signed-in desk routes it;
        on the sign-in and lock screens a scan does nothing."""
        if self.actor is not None and self.main_window is not None:
            self.main_window.route_scan(code)

    # -- lock and sign-out -----------------------------------------------------------------------
    def lock(self) -> None:
        if self.main_window is None or self.actor is None or self.main_window.is_locked():
            return
        self.idle.stop()
        self.main_window.lock()
        log.info("desk locked for %s", self.actor.code)
        self.locked.emit()

    def _idle_timed_out(self) -> None:
        self.lock()

    def _unlock_pin_entered(self, pin: str) -> None:
        services, actor, window = self.services, self.actor, self.main_window
        if services is None or actor is None or window is None:
            return
        window.lock_screen.set_busy(True)
        self._runner.submit(services.auth.sign_in, actor.code, pin, on_result=self._unlocked,
                            on_error=window.lock_screen.show_error)

    def _unlocked(self, actor: Actor) -> None:
        window = self.main_window
        if window is None or self.actor is None:
            return
        if actor.staff_id != self.actor.staff_id:  # cannot happen with the same code; be safe
            window.lock_screen.show_error(self.tr("Only the staff member who locked the desk "
                                                  "can unlock it."))
            return
        window.unlock()
        self.idle.start()
        self.unlocked.emit()

    def sign_out(self) -> None:
        if self.actor is None:
            return
        log.info("staff %s signed out", self.actor.code)
        self.actor = None
        self.idle.stop()
        if self.main_window is not None:
            self.main_window.save_geometry()
            self.main_window.hide()
        self.sign_in_view.reset()
        self.sign_in_view.show()
        self.sign_in_view.activateWindow()
        self.signed_out.emit()

    # -- language ---------------------------------------------------------------------------
    @property
    def language(self) -> str:
        """The desk's language now ("en" or "zh_CN"); receipts print in it too."""
        return self._language

    def switch_language(self, lang: str) -> None:
        """Store the choice for this desk and retranslate every open screen at once."""
        self._config.set_language(lang)
        self._language = lang
        if self._translations is not None:
            self._translations.apply(lang)

    def _require_services(self) -> Services:
        if self.services is None:
            raise RuntimeError("the services are not open yet")
        return self.services
