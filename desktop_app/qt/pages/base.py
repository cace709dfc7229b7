"""What every page offers the main window: a translated title, retranslation, the desk's
services once they are open, and a say in where a scanned code goes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.domain.permissions import Actor
from desktop_app.qt.tasks import TaskRunner

if TYPE_CHECKING:
    from desktop_app.services.registry import Services


@dataclass(frozen=True)
class DeskContext:
    """What a page needs to do work: the services (called only through the runner, never on
    the GUI thread) and who is signed in at the moment of an action."""

    services: Services
    runner: TaskRunner
    current_actor: Callable[[], Actor | None]


class Page(QWidget):
    """A page of the desk. Subclasses give ``title()`` and build their content."""

    context: DeskContext | None = None

    def title(self) -> str:
        raise NotImplementedError

    def attach(self, context: DeskContext) -> None:
        """Called once the database is open and staff signed in; pages that load data
        override it (and call super)."""
        self.context = context

    def handle_scan(self, code: str) -> bool:
        """A scanner read `code` while this page was showing. Return True when the page
        acted on it; otherwise the desk opens the member it belongs to (Members page)."""
        return False

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
