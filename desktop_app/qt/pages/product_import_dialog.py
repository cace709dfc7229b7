"""Import products from a CSV file: a dry run lists every bad row (line and reason) and what
would be added or updated; the import then does it. Reading the file and every service call go
through the task runner; results and errors are plain text. Esc closes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.qt.pages.base import DeskContext
from desktop_app.services.catalogue import ImportReport


def import_file(services: Any, actor: Any, path: Path, dry_run: bool) -> ImportReport | OSError:
    """On the runner: read the file and hand its bytes to the catalogue (an unreadable file
    comes back as its OSError, for the dialog to name)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return exc
    return services.sales.catalogue.import_csv(actor, data, dry_run=dry_run)


class ProductImportDialog(QDialog):
    imported = Signal(object)
    """A real (not dry-run) import finished: its ImportReport."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = context
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import products"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.setPlaceholderText(self.tr("CSV file: barcode, name, price, category, "
                                             "points_multiplier"))
        row.addWidget(self.path, 1)
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._choose)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.bad_rows = QPlainTextEdit(self)
        self.bad_rows.setObjectName("importBadRows")
        self.bad_rows.setReadOnly(True)
        layout.addWidget(self.bad_rows, 1)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check (dry run)"), self)
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for b in (self.browse_button, self.check_button, self.import_button, close):
            b.setAutoDefault(False)
        for b in (self.check_button, self.import_button, close):
            buttons.addWidget(b)
        layout.addLayout(buttons)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if name:
            self.path.setText(name)

    def check(self) -> None:
        self._submit(dry_run=True)

    def run_import(self) -> None:
        self._submit(dry_run=False)

    def _submit(self, dry_run: bool) -> None:
        actor = self._ctx.current_actor()
        text = self.path.text().strip()
        if actor is None:
            return
        if not text:
            self.status.setText(self.tr("Choose a CSV file first."))
            return
        services, path = self._ctx.services, Path(text)
        self.status.setText(self.tr("Working…"))
        self.bad_rows.clear()
        self._busy(True)
        self._ctx.runner.submit(lambda: import_file(services, actor, path, dry_run),
                                on_result=self._done, on_error=self._failed)

    def _busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)

    def _failed(self, text: str) -> None:
        self._busy(False)
        self.status.setText(text)

    def _done(self, report: ImportReport | OSError) -> None:
        self._busy(False)
        if isinstance(report, OSError):
            self.status.setText(self.tr("Cannot read the file: %1")
                                .replace("%1", report.strerror or str(report)))
            return
        self.report = report
        counts = (self.tr("%1 new, %2 changed, %3 unchanged, %4 bad rows.")
                  .replace("%1", str(report.created)).replace("%2", str(report.updated))
                  .replace("%3", str(report.unchanged)).replace("%4", str(len(report.bad))))
        good = report.created + report.updated + report.unchanged
        if report.dry_run:
            head = self.tr("Check only, nothing saved: %1 good rows.").replace("%1", str(good))
        elif report.created or report.updated:
            head = self.tr("Imported.")
        else:
            head = self.tr("Nothing changed: the catalogue already matches this file.")
        self.status.setText(f"{head} {counts}")
        self.bad_rows.setPlainText("\n".join(
            self.tr("Line %1: %2").replace("%1", str(b.line)).replace("%2", b.reason)
            for b in report.bad))
        if not report.dry_run:
            self.imported.emit(report)


__all__ = ["ProductImportDialog", "import_file"]
