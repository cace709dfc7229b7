"""The printer test in Settings: a live preview of the test page on the chosen paper width,
and a button that sends it through the print queue (the worker prints it; the status bar
says how that went). Built from the same layout as the printed bytes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app.devices.printing.payload import sample_page
from desktop_app.devices.receipts import PAPER_58, PAPER_80
from desktop_app.devices.receipts.preview import preview
from desktop_app.devices.receipts.templates import StoreText
from desktop_app.qt.widgets.receipt_preview import ReceiptPreviewWidget


class PrinterTestPanel(QGroupBox):
    test_page_requested = Signal()
    """The operator asked for a test page on the configured printer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._paper_mm = 80
        self._store = StoreText(("Frontdesk",))
        self._lang = "en"
        self.preview = ReceiptPreviewWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(False)
        scroll.setMinimumHeight(260)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.test_page_requested)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(self.print_button)
        layout.addWidget(self.message)
        self._retranslate()

    def show_setup(self, paper_mm: int, store_name: str, lang: str) -> None:
        """Redraw the preview for this paper width, store and language."""
        self._paper_mm, self._lang = paper_mm, lang
        self._store = StoreText((store_name,)) if store_name else self._store
        self._redraw()

    def setup_text(self) -> str:
        return f"{self._paper_mm} mm"

    def _redraw(self) -> None:
        paper = PAPER_58 if self._paper_mm == 58 else PAPER_80
        doc = sample_page(self._store, self._lang, self.setup_text())
        self.preview.set_preview(preview(doc, paper))
        self.preview.adjustSize()

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Printer test"))
        self.print_button.setText(self.tr("Print a test page"))
        self._redraw()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
