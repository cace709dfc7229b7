"""The member profile panel of the Members page: who the member is, what they hold, and
what staff should know. Every value is shown as plain text and elided or wrapped inside the
panel, so no name (HTML, emoji, right-to-left, ten thousand characters) can break the layout.
The photo is scaled into its slot keeping its aspect; its buttons are wired by the page."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.profiles import MemberProfile

NAME_SHOWN = 200  # characters of a name shown in the panel (the rest is elided)
PHOTO_SLOT = QSize(150, 150)  # px: the photo is scaled into this, keeping its aspect


def _plain(parent: QWidget, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # Ignored: a long text never widens the panel; it wraps at the width it is given.
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


class ProfilePanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberProfile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(280)
        outer = QVBoxLayout(self)
        photo_row = QHBoxLayout()
        self.photo = QLabel(self)
        self.photo.setObjectName("memberPhoto")
        self.photo.setFixedSize(PHOTO_SLOT)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setTextFormat(Qt.TextFormat.PlainText)
        self.photo.setFrameShape(QFrame.Shape.Box)
        photo_row.addWidget(self.photo)
        photo_buttons = QVBoxLayout()
        self.photo_file_button = QPushButton(self)
        self.photo_camera_button = QPushButton(self)
        self.photo_clear_button = QPushButton(self)
        for button in (self.photo_file_button, self.photo_camera_button,
                       self.photo_clear_button):
            button.setEnabled(False)
            photo_buttons.addWidget(button)
        photo_buttons.addStretch(1)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        outer.addLayout(photo_row)
        self._image: QImage | None = None
        self.name = _plain(self)
        self.name.setObjectName("memberName")
        font = self.name.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.name.setFont(font)
        outer.addWidget(self.name)
        form = QFormLayout()
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in ("number", "card", "phone", "email", "tier", "tags", "points", "status"):
            caption, value = QLabel(self), _plain(self)
            self.captions[key], self.values[key] = caption, value
            form.addRow(caption, value)
        outer.addLayout(form)
        self.alerts = _plain(self)
        self.alerts.setObjectName("memberAlerts")
        outer.addWidget(self.alerts)
        self.entitlements_caption = QLabel(self)
        outer.addWidget(self.entitlements_caption)
        self.entitlements = QListWidget(self)
        self.entitlements.setWordWrap(True)
        outer.addWidget(self.entitlements, 1)
        self._profile: MemberProfile | None = None
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"number": self.tr("Number"), "card": self.tr("Card"),
                 "phone": self.tr("Phone"), "email": self.tr("Email"),
                 "tier": self.tr("Tier"), "tags": self.tr("Tags"),
                 "points": self.tr("Points"), "status": self.tr("Status")}
        for key, text in texts.items():
            self.captions[key].setText(text)
        self.entitlements_caption.setText(self.tr("Entitlements"))
        self.photo_file_button.setText(self.tr("Photo from file…"))
        self.photo_camera_button.setText(self.tr("Photo from camera"))
        self.photo_clear_button.setText(self.tr("Remove photo"))
        self._show_image()
        if self._profile is not None:
            self.show_profile(self._profile)
        else:
            self.name.setText(self.tr("Search, then press Enter to open a member."))

    def alert_text(self, code: str) -> str:
        return {
            "note_flagged": self.tr("Flagged note: read the notes"),
            "photo_missing": self.tr("No photo"),
            "archived_member": self.tr("Archived member"),
            "merged": self.tr("Merged into another member"),
            "no_card": self.tr("No active card"),
            "no_entitlement": self.tr("No valid entitlement"),
        }.get(code, code)

    def status_text(self, status: str) -> str:
        return {"active": self.tr("active"), "expiring": self.tr("expiring"),
                "grace": self.tr("grace period"), "expired": self.tr("expired"),
                "used_up": self.tr("used up"), "on_hold": self.tr("on hold"),
                "blocked": self.tr("blocked"), "upcoming": self.tr("upcoming"),
                "archived": self.tr("archived"), "merged": self.tr("merged")}.get(status, status)

    def set_photo(self, image: QImage | None) -> None:
        """The member's photo (None: no photo, or it could not be read)."""
        self._image = image if image is not None and not image.isNull() else None
        self._show_image()

    def _show_image(self) -> None:
        if self._image is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo") if self._profile is not None else "")
            return
        pixmap = QPixmap.fromImage(self._image).scaled(
            PHOTO_SLOT, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        self.photo.setPixmap(pixmap)

    def show_profile(self, p: MemberProfile) -> None:
        if self._profile is None or self._profile.id != p.id:
            self._image = None  # the page loads the new member's photo
        self._profile = p
        self._show_image()
        editable = p.merged_into is None
        for button in (self.photo_file_button, self.photo_camera_button):
            button.setEnabled(editable)
        self.photo_clear_button.setEnabled(editable and bool(p.photo_path))
        name = p.name if len(p.name) <= NAME_SHOWN else p.name[:NAME_SHOWN] + "…"
        self.name.setText(name)
        points = str(p.points_balance)
        if p.points_provisional:
            points += " " + self.tr("(provisional, not yet synced)")
        values = {
            "number": p.number, "card": p.card_code or self.tr("none"),
            "phone": p.phone or "", "email": p.email or "", "tier": p.tier or self.tr("none"),
            "tags": ", ".join(p.tags) or self.tr("none"), "points": points,
            "status": self.status_text(p.status) + (
                " → " + p.merged_into if p.merged_into else ""),
        }
        for key, text in values.items():
            self.values[key].setText(text)
        self.alerts.setText("\n".join("⚠ " + self.alert_text(a) for a in p.alerts))
        self.entitlements.clear()
        for e in p.entitlements:
            line = f"{e.name} — {self.status_text(e.status)}"
            if e.units_left is not None:
                line += " · " + self.tr("%n left", "", e.units_left)
            if e.valid_until is not None:
                line += " · " + self.tr("until %1").replace("%1", e.valid_until.date().isoformat())
            self.entitlements.addItem(line)
        if not p.entitlements:
            self.entitlements.addItem(self.tr("none"))
