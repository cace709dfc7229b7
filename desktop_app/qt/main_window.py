"""The desk after sign-in: side navigation, pages on F1-F6, a status bar, and the lock screen.

The window shows state and reports what the operator did through signals; the session
decides what happens (locking, signing out, switching language).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QToolButton,
    QWidget,
)

from desktop_app.qt.config import DeskConfig
from desktop_app.qt.forms.ui_main_window import Ui_MainWindow
from desktop_app.qt.lock_screen import LockScreen
from desktop_app.qt.pages.base import DeskContext, Page
from desktop_app.qt.pages.checkout import CheckoutPage
from desktop_app.qt.pages.classes import ClassesPage
from desktop_app.qt.pages.front_desk import FrontDeskPage
from desktop_app.qt.pages.members import MembersPage
from desktop_app.qt.pages.reports import ReportsPage
from desktop_app.qt.pages.settings import SettingsPage

PAGE_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5,
             Qt.Key.Key_F6)


class MainWindow(QMainWindow):
    """The signed-in desk."""

    lock_chosen = Signal()
    """The operator locked the desk (button or Ctrl+L)."""

    sign_out_chosen = Signal()
    """The operator chose to sign out (status bar or lock screen)."""

    unlock_pin_entered = Signal(str)
    """A PIN was typed on the lock screen."""

    language_chosen = Signal(str)
    """A language was picked on the Settings page."""

    scanner_window_requested = Signal()
    """The operator opened the scanner window (status bar, or the test in Settings)."""

    printer_test_requested = Signal(str)
    """A test page was asked for in Settings (the setup it describes)."""

    device_settings_saved = Signal(object)
    """This machine's device settings were saved in Settings."""

    def __init__(self, config: DeskConfig | None, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._config = config
        self.front_desk = FrontDeskPage()
        self.checkout = CheckoutPage()
        self.members = MembersPage()
        self.classes = ClassesPage()
        self.reports = ReportsPage()
        self.settings = SettingsPage(language)
        self.pages: list[Page] = [self.front_desk, self.checkout, self.members, self.classes,
                                  self.reports, self.settings]
        for number, page in enumerate(self.pages):
            self.ui.pageStack.addWidget(_scrolling(page))
            self.ui.navList.addItem(QListWidgetItem())
            shortcut = QShortcut(QKeySequence(PAGE_KEYS[number]), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=number: self.show_page(n))
        self.ui.navList.currentRowChanged.connect(self._nav_row_changed)
        self.settings.language_chosen.connect(self.language_chosen)
        self.settings.scanner_test_requested.connect(self.scanner_window_requested)
        self.settings.printer_test_requested.connect(self.printer_test_requested)
        self.settings.device_settings_saved.connect(self.device_settings_saved)

        self.lock_screen = LockScreen(self.ui.lockPage)
        self.ui.lockLayout.addWidget(self.lock_screen)
        self.lock_screen.pin_entered.connect(self.unlock_pin_entered)
        self.lock_screen.switch_staff_chosen.connect(self.sign_out_chosen)

        self._build_status_bar()
        self.addAction(self.ui.actionLock)
        self.addAction(self.ui.actionSignOut)
        self.ui.actionLock.triggered.connect(self._lock_triggered)
        self.ui.actionSignOut.triggered.connect(self.sign_out_chosen)
        self._staff_name = ""
        self._store_name = ""
        self._printer_state = ("off", "")
        self._retranslate()
        self.show_page(0)
        if config is not None and (geometry := config.geometry("main_window")) is not None:
            self.restoreGeometry(geometry)

    # -- state shown -----------------------------------------------------------------------
    def set_staff(self, name: str) -> None:
        """Show who is signed in (always as plain text)."""
        self._staff_name = name
        self.staff_label.setText(name)

    def set_printer_state(self, activity: str, detail: str = "") -> None:
        """Show what the print worker is doing: off, idle, printing, retrying, stopped."""
        self._printer_state = (activity, detail)
        self._show_printer_state()

    def _show_printer_state(self) -> None:
        activity, detail = self._printer_state
        text = {
            "idle": self.tr("Printer: ready"),
            "printing": self.tr("Printer: printing"),
            "retrying": self.tr("Printer: not answering, retrying"),
            "stopped": self.tr("Printer: stopped"),
        }.get(activity, self.tr("Printer: not set up"))
        _show_state(self.printer_label, text)
        self.printer_label.setToolTip(detail)

    def set_store_name(self, store_name: str) -> None:
        self._store_name = store_name
        self._show_title()

    def _show_title(self) -> None:
        if self._store_name:
            self.setWindowTitle(self.tr("Frontdesk - %1").replace("%1", self._store_name))
        else:
            self.setWindowTitle(self.tr("Frontdesk"))

    def show_page(self, index: int) -> None:
        if self.is_locked() or not 0 <= index < len(self.pages):
            return
        self.ui.pageStack.setCurrentIndex(index)
        if self.ui.navList.currentRow() != index:
            self.ui.navList.setCurrentRow(index)

    def attach(self, context: DeskContext) -> None:
        """Hand every page the open services (once, after the first sign-in)."""
        if self.front_desk.context is None:
            for page in self.pages:
                page.attach(context)

    def route_scan(self, code: str) -> None:
        """A scan goes to the current context: the page showing decides first (Front desk
        checks in, Checkout adds the product or member); otherwise the member is opened."""
        if self.is_locked():
            return
        if not self.current_page().handle_scan(code):
            self.show_page(self.pages.index(self.members))
            self.members.handle_scan(code)

    def current_page(self) -> Page:
        return self.pages[self.ui.pageStack.currentIndex()]

    def lock(self) -> None:
        """Cover the workspace with the lock screen."""
        self.lock_screen.prepare(self._staff_name)
        self.ui.rootStack.setCurrentWidget(self.ui.lockPage)
        self.ui.actionLock.setEnabled(False)
        self.lock_screen.ui.pinEdit.setFocus()

    def unlock(self) -> None:
        self.ui.rootStack.setCurrentWidget(self.ui.workspace)
        self.ui.actionLock.setEnabled(True)
        self.current_page().setFocus()

    def is_locked(self) -> bool:
        return self.ui.rootStack.currentWidget() is self.ui.lockPage

    # -- building --------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.ui.statusbar
        self.sync_label = QLabel(self)
        self.printer_label = QLabel(self)
        self.scanner_label = QLabel(self)
        self.staff_label = QLabel(self)
        self.staff_label.setObjectName("staffLabel")
        self.staff_label.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.sync_label, self.printer_label, self.scanner_label):
            label.setObjectName("deviceState")
            # Cut short on a narrow screen (the whole text is the tooltip) rather than push
            # Lock and Sign out off it.
            label.setMinimumWidth(90)
            bar.addWidget(label)
        self.scanner_button = QToolButton(self)
        self.scanner_button.clicked.connect(self.scanner_window_requested)
        bar.addWidget(self.scanner_button)
        bar.addPermanentWidget(self.staff_label)
        for action in (self.ui.actionLock, self.ui.actionSignOut):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addPermanentWidget(button)

    def _retranslate(self) -> None:
        for number, page in enumerate(self.pages):
            item = self.ui.navList.item(number)
            item.setText(f"F{number + 1}   {page.title()}")
        _show_state(self.sync_label, self.tr("Sync: not set up"))
        self._show_printer_state()
        _show_state(self.scanner_label, self.tr("Scanner: keyboard"))
        self.scanner_button.setText(self.tr("Camera…"))
        self.staff_label.setToolTip(self.tr("Signed-in staff member"))
        self._show_title()

    def _nav_row_changed(self, row: int) -> None:
        if row >= 0 and row != self.ui.pageStack.currentIndex():
            self.show_page(row)

    def _lock_triggered(self) -> None:
        if not self.is_locked():
            self.lock_chosen.emit()

    # -- Qt events -------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.ui.retranslateUi(self)
            self._retranslate()
        super().changeEvent(event)

    def save_geometry(self) -> None:
        if self._config is not None:
            self._config.save_geometry("main_window", self.saveGeometry())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_geometry()
        super().closeEvent(event)


def _scrolling(page: QWidget) -> QScrollArea:
    """A page in a frameless scroll area: on a screen smaller than the page needs (a
    1366 x 768 counter screen), the page scrolls instead of the window outgrowing the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def _show_state(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setToolTip(text)
