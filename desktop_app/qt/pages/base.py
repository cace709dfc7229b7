"""What every page offers the main window: a translated title, and retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Page(QWidget):
    """A page of the desk. Subclasses give ``title()`` and build their content."""

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-apply every translated string (called on LanguageChange)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ComingPage(Page):
    """A page whose feature arrives in a later issue: a heading and a plain note saying so."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        self.heading = QLabel(self)
        self.heading.setObjectName("pageHeading")
        self.note = QLabel(self)
        self.note.setObjectName("comingNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()

    def coming_note(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.note.setText(self.coming_note())
