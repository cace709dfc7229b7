"""The Members page (F3): one search box (number, card, phone or its last 4 digits, name,
pinyin, email), results fetched as you type and as you scroll, and the member's profile.

Keyboard only: type; Down moves into the results, Up/Down choose, Enter opens the profile;
Enter in the box opens the first result; Esc clears; Ctrl+N creates a member, Ctrl+E edits
the one shown. Every service call goes through the task runner; only the newest query's
answer is shown. Member data is always shown as plain text.

The profile's photo is set from a file or one camera frame (read, grabbed, shrunk and
stored off the GUI thread) or removed; Archive asks first, then shows the member archived.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.permissions import Actor
from desktop_app.qt.pages.base import Page
from desktop_app.qt.pages.entitlement_dialog import EntitlementDialog
from desktop_app.qt.pages.member_card_dialog import MemberCardDialog
from desktop_app.qt.pages.member_dialog import MemberDialog
from desktop_app.qt.pages.member_import_dialog import MemberExportDialog, MemberImportDialog
from desktop_app.qt.pages.member_merge_dialog import MemberMergeDialog
from desktop_app.qt.pages.member_profile import ProfilePanel
from desktop_app.qt.pages.member_results import PAGE, MemberResultsModel
from desktop_app.qt.tasks import Lane
from desktop_app.services.lookup import MemberHit
from desktop_app.services.member_photos import NotAnImage
from desktop_app.services.profiles import MemberProfile

if TYPE_CHECKING:
    from desktop_app.devices.device_config import DeviceConfigStore
    from desktop_app.devices.scanning.types import FrameSource

TYPING_PAUSE_MS = 120  # wait this long after a keystroke before searching (a scan is faster)


class MembersPage(Page):
    member_opened = Signal(str)
    """A member's profile was shown (the member id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.heading)
        top.addStretch(1)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.create_member)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_member)
        self.edit_button.setEnabled(False)
        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.import_members)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.export_members)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        self.merge_button = QPushButton(self)
        self.merge_button.clicked.connect(self.merge_member)
        self.merge_button.setEnabled(False)
        self.card_button = QPushButton(self)
        self.card_button.clicked.connect(self.member_card)
        self.card_button.setEnabled(False)
        self.entitlements_button = QPushButton(self)
        self.entitlements_button.clicked.connect(self.member_entitlements)
        self.entitlements_button.setEnabled(False)
        top.addWidget(self.entitlements_button)
        self.archive_button = QPushButton(self)
        self.archive_button.clicked.connect(self.ask_archive)
        self.archive_button.setEnabled(False)
        top.addWidget(self.card_button)
        layout.addLayout(top)
        # The rarer actions on a second row: in one row the page needed 1,600 pixels.
        rare = QHBoxLayout()
        rare.addStretch(1)
        for button in (self.merge_button, self.archive_button, self.import_button,
                       self.export_button):
            rare.addWidget(button)
        layout.addLayout(rare)
        self.search = QLineEdit(self)
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self._typed)
        self.search.returnPressed.connect(self._open_first)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        body = QHBoxLayout()
        self.model = MemberResultsModel(self._fetch_more, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Codes fit their contents; the name takes what is left (never its own length:
        # a long name is elided, it does not push the other columns away).
        for column in (0, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.installEventFilter(self)
        body.addWidget(self.table, 3)
        self.profile = ProfilePanel(self)
        body.addWidget(self.profile, 2)
        self.profile.photo_file_button.clicked.connect(self.photo_from_file)
        self.profile.photo_camera_button.clicked.connect(self.photo_from_camera)
        self.profile.photo_clear_button.clicked.connect(self.remove_photo)
        self.archive_box: QMessageBox | None = None
        # Where "Photo from camera" takes its frame: the camera set in this machine's device
        # settings (the session hands over its store), or a fake source in tests. Called on
        # a worker thread.
        self.camera_source_factory: Callable[[], FrameSource] | None = None
        layout.addLayout(body, 1)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self._run_search)
        self._shown: MemberProfile | None = None
        self._open_when_found = False
        QShortcut(QKeySequence("Ctrl+N"), self, self.create_member)
        QShortcut(QKeySequence("Ctrl+E"), self, self.edit_member)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Members")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.search.setPlaceholderText(self.tr(
            "Member number, card, phone or its last 4 digits, name, pinyin (zs), email"))
        self.new_button.setText(self.tr("New member (Ctrl+N)"))
        self.edit_button.setText(self.tr("Edit (Ctrl+E)"))
        self.entitlements_button.setText(self.tr("Entitlements…"))
        self.card_button.setText(self.tr("Card…"))
        self.merge_button.setText(self.tr("Merge…"))
        self.archive_button.setText(self.tr("Archive…"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.profile.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """The search box has the keyboard whenever the page comes up."""
        super().showEvent(event)
        self.search.setFocus()

    def handle_scan(self, code: str) -> bool:
        """A scanned code: search for it at once and open the member it belongs to."""
        self.search.setText(code)
        self._open_when_found = True
        self._timer.stop()
        self._run_search()
        return True

    # -- searching ------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._open_when_found = False
        self._timer.start()

    def _run_search(self) -> None:
        query = self.search.text()
        generation = self.model.start(query)
        self.status.setText("")
        if query.strip():
            self._submit(generation, query, PAGE, latest_key="members.search")

    def _fetch_more(self, generation: int, query: str, limit: int) -> None:
        self._submit(generation, query, limit, latest_key=None)

    def _submit(self, generation: int, query: str, limit: int, latest_key: str | None) -> None:
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None:
            return
        ctx.runner.submit(
            lambda: ctx.services.lookup.search(actor, query, limit),
            on_result=lambda hits: self._found(generation, hits, limit),
            latest_key=latest_key)

    def _found(self, generation: int, hits: list[MemberHit], limit: int) -> None:
        self.model.deliver(generation, hits, limit)
        if generation != self.model.generation:
            return
        count = self.model.rowCount()
        self.status.setText(self.tr("No member found.") if count == 0 else
                            self.tr("%n member(s) found", "", count))
        if count and self.table.currentIndex().row() < 0:
            self.table.selectRow(0)
        if self._open_when_found and count:
            self._open_when_found = False
            self._open_row(0)

    def _open_first(self) -> None:
        if self._timer.isActive():  # Enter before the pause ran out: search, then open
            self._timer.stop()
            self._open_when_found = True
            self._run_search()
        elif self.model.rowCount():
            self._open_row(0)

    def clear(self) -> None:
        self.search.clear()
        self.model.start("")
        self.status.setText("")
        self.search.setFocus()

    # -- the profile ----------------------------------------------------------------------
    def _open_row(self, row: int) -> None:
        hit = self.model.hit(row)
        if hit is not None:
            self.open_member(hit.member_id)

    def open_member(self, member_id: str) -> None:
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None:
            return
        ctx.runner.submit(lambda: ctx.services.profiles.profile(actor, member_id),
                          on_result=self._show_profile, latest_key="members.profile")

    def _show_profile(self, profile: MemberProfile) -> None:
        self._shown = profile
        self.profile.show_profile(profile)
        self.edit_button.setEnabled(True)
        self.merge_button.setEnabled(profile.merged_into is None)
        self.card_button.setEnabled(profile.merged_into is None)
        self.entitlements_button.setEnabled(profile.merged_into is None)
        self.archive_button.setEnabled(profile.merged_into is None
                                       and profile.status != "archived")
        self._load_photo(profile)
        self.member_opened.emit(profile.id)

    # -- photo ----------------------------------------------------------------------------
    def _load_photo(self, profile: MemberProfile) -> None:
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None or not profile.photo_path:
            self.profile.set_photo(None)
            return
        members, member_id = ctx.services.members, profile.id

        def load() -> tuple[str, QImage | None]:
            data = members.photo_bytes(actor, member_id)
            return member_id, (QImage.fromData(data) if data else None)

        ctx.runner.submit(load, on_result=self._photo_loaded, latest_key="members.photo")

    def _photo_loaded(self, loaded: tuple[str, QImage | None]) -> None:
        member_id, image = loaded
        if self._shown is not None and self._shown.id == member_id:
            self.profile.set_photo(image)

    def ask_photo_file(self) -> str:
        """The image file staff chose, or "" (tests replace this)."""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Member photo"), "",
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"))
        return path

    def photo_from_file(self) -> None:
        path = self.ask_photo_file()
        if path:
            self.set_photo_from_file(Path(path))

    def use_device_settings(self, store: DeviceConfigStore) -> None:
        """Photos from the camera set in this machine's device settings."""
        self.camera_source_factory = lambda: _configured_camera(store)

    def set_photo_from_file(self, path: Path) -> None:
        self._store_photo(path.read_bytes)

    def photo_from_camera(self) -> None:
        ctx = self.context
        if ctx is None or self._shown is None:
            return
        factory = self.camera_source_factory
        if factory is None:
            self.status.setText(self.tr(
                "No camera could be opened (is one connected, and not in use by the "
                "scanner?)."))
            return
        self.status.setText(self.tr("Taking a photo with the camera…"))
        self.profile.photo_camera_button.setEnabled(False)

        def grab() -> bytes | OSError:
            from desktop_app.devices.camera_snapshot import grab_still

            try:
                return grab_still(factory)
            except OSError as exc:
                return exc  # no camera: a message, not an error dialog

        ctx.runner.submit(grab, on_result=self._grabbed, on_error=self._photo_failed,
                          lane=Lane.POOL)

    def _grabbed(self, outcome: bytes | OSError) -> None:
        self.profile.photo_camera_button.setEnabled(self._shown is not None)
        if isinstance(outcome, OSError):
            self.status.setText(self.tr(
                "No camera could be opened (is one connected, and not in use by the "
                "scanner?)."))
            return
        self._store_photo(lambda: outcome)

    def _store_photo(self, read: Callable[[], bytes]) -> None:
        ctx, actor, shown = self.context, self._actor(), self._shown
        if ctx is None or actor is None or shown is None:
            return
        members, member_id = ctx.services.members, shown.id

        def work() -> str | NotAnImage | OSError:
            try:
                return members.set_photo(actor, member_id, read())
            except (NotAnImage, OSError) as exc:
                return exc

        self.status.setText(self.tr("Saving the photo…"))
        ctx.runner.submit(work, on_result=lambda out: self._photo_stored(member_id, out),
                          on_error=self._photo_failed)

    def _photo_stored(self, member_id: str, outcome: str | NotAnImage | OSError) -> None:
        if isinstance(outcome, NotAnImage):
            self.status.setText(self.tr("This file is not a picture the desk can read. "
                                        "Choose a JPEG or PNG photo."))
            return
        if isinstance(outcome, OSError):
            self.status.setText(self.tr("The photo could not be read or saved."))
            return
        self.status.setText(self.tr("Photo saved."))
        self.open_member(member_id)

    def _photo_failed(self, text: str) -> None:
        self.profile.photo_camera_button.setEnabled(self._shown is not None)
        self.status.setText(text)

    def remove_photo(self) -> None:
        ctx, actor, shown = self.context, self._actor(), self._shown
        if ctx is None or actor is None or shown is None:
            return
        members, member_id = ctx.services.members, shown.id
        ctx.runner.submit(lambda: members.clear_photo(actor, member_id),
                          on_result=lambda _: self._photo_removed(member_id),
                          on_error=self.status.setText)

    def _photo_removed(self, member_id: str) -> None:
        self.status.setText(self.tr("Photo removed."))
        self.open_member(member_id)

    # -- archive --------------------------------------------------------------------------
    def ask_archive(self) -> None:
        shown = self._shown
        if shown is None or shown.status == "archived":
            return
        box = QMessageBox(self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Archive member"))
        box.setText(self.tr("Archive %1 (%2)? The member is kept with their history but no "
                            "longer counts as active.")
                    .replace("%1", shown.name[:200]).replace("%2", shown.number))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        member_id = shown.id
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda b: self.archive(member_id) if b is yes else None)
        self.archive_box = box
        box.open()

    def archive(self, member_id: str) -> None:
        ctx, actor = self.context, self._actor()
        if ctx is None or actor is None:
            return
        ctx.runner.submit(lambda: ctx.services.members.archive(actor, member_id),
                          on_result=lambda _: self._archived(member_id),
                          on_error=self.status.setText)

    def _archived(self, member_id: str) -> None:
        self.status.setText(self.tr("Member archived."))
        self.open_member(member_id)
        if self.search.text().strip():
            self._run_search()  # the results show the new status

    def create_member(self) -> None:
        if self.context is None:
            return
        dialog = MemberDialog(self.context, self._actor, None, self)
        dialog.member_saved.connect(self.open_member)
        dialog.open()

    def edit_member(self) -> None:
        if self.context is None or self._shown is None:
            return
        dialog = MemberDialog(self.context, self._actor, self._shown, self)
        dialog.member_saved.connect(self.open_member)
        dialog.open()

    def import_members(self) -> None:
        if self.context is None:
            return
        dialog = MemberImportDialog(self.context, self)
        dialog.imported.connect(lambda _report: self._run_search())
        dialog.open()

    def member_card(self) -> None:
        if self.context is None or self._shown is None:
            return
        dialog = MemberCardDialog(self.context, self._shown, self)
        dialog.card_issued.connect(self.open_member)
        dialog.open()

    def member_entitlements(self) -> None:
        if self.context is None or self._shown is None:
            return
        dialog = EntitlementDialog(self.context, self._shown, self)
        dialog.changed.connect(self.open_member)
        dialog.open()

    def merge_member(self) -> None:
        if self.context is None or self._shown is None:
            return
        dialog = MemberMergeDialog(self.context, self._shown, self)
        dialog.merged.connect(self.open_member)
        dialog.open()

    def export_members(self) -> None:
        if self.context is None:
            return
        MemberExportDialog(self.context, self).open()

    def _actor(self) -> Actor | None:
        return self.context.current_actor() if self.context else None

    # -- keyboard -------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(max(0, self.table.currentIndex().row()))
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_row(self.table.currentIndex().row())
                return True
            if (watched is self.table and key == Qt.Key.Key_Up
                    and self.table.currentIndex().row() <= 0):
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)


def _configured_camera(store: DeviceConfigStore) -> FrameSource:
    """The camera chosen in this machine's device settings (read on the worker thread)."""
    from desktop_app.devices.device_config import camera_source_args
    from desktop_app.devices.scanning.camera import CameraSource

    return CameraSource(**camera_source_args(store.load().camera))
