"""Import members from a CSV file, and export them to one.

Import: a file (typed or picked), its encoding (automatic, UTF-8 or GB18030), which column
gives which field (guessed from the header, changeable), a dry run that lists each bad row
with its line and reason, then the import itself with a progress bar and a Cancel that
leaves nothing behind (the service writes everything in one transaction). Export: a file
and an encoding; needs member.export. Every file read and service call goes through the
task runner; the GUI thread only shows what comes back.
"""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.errors import DomainError
from desktop_app.domain.member_import import FIELDS, RowProblem, decode, guess_mapping
from desktop_app.domain.permissions import Permission
from desktop_app.qt.pages.base import DeskContext
from desktop_app.services.member_transfer import ImportCancelled, ImportReport

ENCODINGS = (None, "utf-8", "gb18030")  # the combo's order: automatic first


def read_headers(path: Path, encoding: str | None) -> tuple[list[str], str]:
    """The header row of a CSV file and the encoding it was read with (on the runner)."""
    text, used = decode(path.read_bytes(), encoding)
    try:
        headers = next(csv.reader(io.StringIO(text, newline="")))
    except StopIteration:
        headers = []
    return headers, used


class _Progress(QObject):
    """Progress from the worker thread, delivered on the GUI thread (a queued signal)."""

    moved = Signal(int, int)


class MemberImportDialog(QDialog):
    imported = Signal(object)
    """A real import finished (its ImportReport)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = context
        self._headers: list[str] = []
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.moved.connect(self._moved)
        self.busy = False
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import members"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("importPath")
        self.path.editingFinished.connect(self.load_columns)
        self.browse = QPushButton(self.tr("Choose file…"), self)
        self.browse.clicked.connect(self._choose)
        self.browse.setAutoDefault(False)  # Enter in the path field is not "Choose file"
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        top.addRow(self.tr("CSV file"), row)
        self.encoding = QComboBox(self)
        self.encoding.addItems([self.tr("Automatic"), "UTF-8", "GB18030"])
        self.encoding.currentIndexChanged.connect(lambda _i: self.load_columns())
        top.addRow(self.tr("Encoding"), self.encoding)
        layout.addLayout(top)
        self.columns_label = QLabel(self.tr("Columns"), self)
        layout.addWidget(self.columns_label)
        self.mapping_form = QFormLayout()
        self.mapping: dict[str, QComboBox] = {}
        for field in FIELDS:
            combo = QComboBox(self)
            combo.setObjectName(f"map_{field}")
            self.mapping[field] = combo
            self.mapping_form.addRow(self.field_name(field), combo)
        layout.addLayout(self.mapping_form)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems = QListWidget(self)
        self.problems.setObjectName("importProblems")
        layout.addWidget(self.problems, 1)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        layout.addWidget(self.bar)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check (dry run)"), self)
        self.check_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QPushButton(self.tr("Import"), self)
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        for b in (self.check_button, self.import_button, self.cancel_button, self.close_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self._set_ready(False)

    # -- texts ------------------------------------------------------------------------------
    def field_name(self, field: str) -> str:
        return {
            "number": self.tr("Member number"), "name": self.tr("Name"),
            "phone": self.tr("Phone"), "email": self.tr("Email"),
            "birthday": self.tr("Birthday"), "gender": self.tr("Gender"),
            "notes": self.tr("Notes"), "card_code": self.tr("Card code"),
            "tags": self.tr("Tags"), "consent_sms": self.tr("Agrees to marketing SMS"),
            "consent_email": self.tr("Agrees to marketing email"),
            "file": self.tr("File"), "mapping": self.tr("Columns"),
        }.get(field, field)

    def reason_text(self, reason: str) -> str:
        return {
            "empty": self.tr("the value is missing"),
            "missing_name": self.tr("the name is missing"),
            "invalid_phone": self.tr("not a phone number"),
            "invalid_email": self.tr("not an email address"),
            "invalid_date": self.tr("not a date (use 2024-03-31)"),
            "unknown_gender": self.tr("unknown gender"),
            "invalid_number": self.tr("not a member number"),
            "invalid_card_code": self.tr("not a card code"),
            "card_in_use": self.tr("the card belongs to another member"),
            "duplicate_card": self.tr("the same card code as an earlier row"),
            "needs_number_or_phone": self.tr("needs a member number or a phone"),
            "duplicate_number": self.tr("the same member number as an earlier row"),
            "duplicate_phone": self.tr("the same phone as an earlier row"),
            "too_long": self.tr("too long"),
            "not_csv": self.tr("not readable as CSV"),
        }.get(reason, reason)

    def problem_text(self, p: RowProblem) -> str:
        where = self.tr("Line %1").replace("%1", str(p.line))
        what = self.reason_text(p.reason)
        if p.field:
            return f"{where}: {self.field_name(p.field)}: {what}"
        return f"{where}: {what}"

    # -- the file and its columns -------------------------------------------------------------
    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import members"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if name:
            self.path.setText(name)
            self.load_columns()

    def chosen_encoding(self) -> str | None:
        return ENCODINGS[max(0, self.encoding.currentIndex())]

    def load_columns(self) -> None:
        text = self.path.text().strip()
        if not text or self.busy:
            return
        path, encoding = Path(text), self.chosen_encoding()

        def work() -> tuple[list[str], str] | str:
            try:
                return read_headers(path, encoding)
            except (OSError, UnicodeDecodeError, LookupError):
                return "unreadable"

        self._ctx.runner.submit(work, on_result=self._columns_read,
                                on_error=self.summary.setText,
                                latest_key="members.import.columns")

    def _columns_read(self, outcome: tuple[list[str], str] | str) -> None:
        if isinstance(outcome, str):
            self._headers = []
            self.summary.setText(self.tr("This file cannot be read with this encoding."))
            self._fill_mapping()
            return
        self._headers, used = outcome
        self._fill_mapping()
        self.summary.setText(self.tr("%n column(s) read (%1).", "", len(self._headers))
                             .replace("%1", used.upper()))

    def _fill_mapping(self) -> None:
        guessed = guess_mapping(self._headers)
        for field, combo in self.mapping.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), None)
            for header in self._headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(guessed[field] + 1 if field in guessed else 0)
            combo.blockSignals(False)
        self._set_ready(bool(self._headers))

    def chosen_mapping(self) -> dict[str, str]:
        return {f: c.currentData() for f, c in self.mapping.items() if c.currentData()}

    # -- dry run and import -------------------------------------------------------------------
    def _set_ready(self, ready: bool) -> None:
        self.check_button.setEnabled(ready and not self.busy)
        self.import_button.setEnabled(ready and not self.busy)
        self.cancel_button.setEnabled(self.busy)
        self.close_button.setEnabled(not self.busy)
        self.path.setEnabled(not self.busy)
        self.browse.setEnabled(not self.busy)
        self.encoding.setEnabled(not self.busy)

    def run(self, dry_run: bool) -> None:
        actor = self._ctx.current_actor()
        if actor is None or self.busy or not self._headers:
            return
        mapping = self.chosen_mapping()
        if "name" not in mapping:
            self.summary.setText(self.tr("Choose the column that holds the name."))
            return
        path, encoding = Path(self.path.text().strip()), self.chosen_encoding()
        transfer = self._ctx.services.transfer
        self._cancel.clear()
        self.busy = True
        self._set_ready(True)
        self.problems.clear()
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        cancel, moved = self._cancel.is_set, self._progress.moved.emit

        def work() -> ImportReport | DomainError:
            try:
                return transfer.import_members(actor, path, mapping=mapping, encoding=encoding,
                                               dry_run=dry_run, progress=moved, cancel=cancel)
            except ImportCancelled as exc:
                return exc

        self._ctx.runner.submit(work, on_result=self._done, on_error=self._failed)

    def cancel(self) -> None:
        if self.busy:
            self._cancel.set()
            self.summary.setText(self.tr("Cancelling…"))

    def _moved(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(min(done, max(1, total)))

    def _finish(self) -> None:
        self.busy = False
        self._set_ready(bool(self._headers))

    def _failed(self, text: str) -> None:
        self._finish()
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.summary.setText(text)

    def _done(self, outcome: ImportReport | DomainError) -> None:
        self._finish()
        if isinstance(outcome, ImportCancelled):
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
            self.summary.setText(self.tr("Import cancelled: nothing was changed."))
            return
        assert isinstance(outcome, ImportReport)
        self.report = outcome
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.problems.addItems([self.problem_text(p) for p in outcome.problems])
        counts = (self.tr("%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.")
                  .replace("%1", str(outcome.rows)).replace("%2", str(outcome.created))
                  .replace("%3", str(outcome.updated)).replace("%4", str(outcome.unchanged))
                  .replace("%5", str(len(outcome.problems))))
        if outcome.dry_run:
            self.summary.setText(self.tr("Dry run, nothing written.") + " " + counts)
        else:
            self.summary.setText(self.tr("Imported.") + " " + counts)
            self.imported.emit(outcome)


class MemberExportDialog(QDialog):
    exported = Signal(int)
    """Members written to the file."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = context
        self.busy = False
        self.setWindowTitle(self.tr("Export members"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setObjectName("exportPath")
        self.path.returnPressed.connect(self.export)
        self.browse = QPushButton(self.tr("Choose file…"), self)
        self.browse.clicked.connect(self._choose)
        self.browse.setAutoDefault(False)  # Enter in the path field is not "Choose file"
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(self.tr("CSV file"), row)
        self.encoding = QComboBox(self)
        self.encoding.addItems(["UTF-8", "GB18030"])
        form.addRow(self.tr("Encoding"), self.encoding)
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setObjectName("exportStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export"), self)
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        for b in (self.export_button, close):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout.addLayout(buttons)
        actor = context.current_actor()
        if actor is not None and not actor.can(Permission.MEMBER_EXPORT):
            self.export_button.setEnabled(False)
            self.path.setEnabled(False)
            self.status.setText(self.tr("Exporting members needs the member export "
                                        "permission. Ask a manager."))

    def _choose(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export members"), "members.csv",
                                              self.tr("CSV files (*.csv)"))
        if name:
            self.path.setText(name)

    def export(self) -> None:
        actor = self._ctx.current_actor()
        text = self.path.text().strip()
        if actor is None or self.busy or not self.export_button.isEnabled():
            return
        if not text:
            self.status.setText(self.tr("Choose a file to export to."))
            return
        path = Path(text)
        encoding = "utf-8-sig" if self.encoding.currentIndex() == 0 else "gb18030"
        transfer = self._ctx.services.transfer
        self.busy = True
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Exporting…"))

        def work() -> int | str:
            try:
                return transfer.export_members(actor, path, encoding)
            except OSError:
                return "unwritable"

        self._ctx.runner.submit(work, on_result=self._done, on_error=self._failed)

    def _failed(self, text: str) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.status.setText(text)

    def _done(self, outcome: Any) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        if isinstance(outcome, str):
            self.status.setText(self.tr("The file cannot be written there."))
            return
        self.status.setText(self.tr("%n member(s) exported.", "", int(outcome)))
        self.exported.emit(int(outcome))


__all__ = ["MemberExportDialog", "MemberImportDialog"]
