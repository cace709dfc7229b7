"""The search results of the Members page: a lazily fetched table model.

The first page arrives with the query; scrolling to the end asks for the next one
(canFetchMore/fetchMore) through the task runner. Every fetch carries the generation of the
query it belongs to, so an answer for an older query is never shown. Everything is plain
text: item views do not interpret HTML in DisplayRole strings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from desktop_app.services.lookup import MemberHit

PAGE = 50
MAX_ROWS = 500  # the lookup's own limit; beyond it staff refine the query
Fetch = Callable[[int, str, int], None]  # (generation, query, limit)
Index = QModelIndex | QPersistentModelIndex


class MemberResultsModel(QAbstractTableModel):
    COLUMNS = ("number", "name", "phone", "card", "match")

    def __init__(self, fetch: Fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._rows: list[MemberHit] = []
        self._query = ""
        self._generation = 0
        self._more = False
        self._loading = False

    # -- what the page calls --------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._generation

    def start(self, query: str) -> int:
        """A new query: clear the rows; the first page is requested by the page (so it can
        go through latest_key). Returns the generation its answers must carry."""
        self.beginResetModel()
        self._generation += 1
        self._query = query
        self._rows = []
        self._more = False
        self._loading = bool(query.strip())
        self.endResetModel()
        return self._generation

    def deliver(self, generation: int, hits: Sequence[MemberHit], limit: int) -> None:
        """An answer for `limit` rows of the query of `generation`; stale ones are dropped."""
        if generation != self._generation:
            return
        self._loading = False
        known = {h.member_id for h in self._rows}
        new = [h for h in hits if h.member_id not in known]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()
        self._more = len(hits) >= limit and limit < MAX_ROWS and bool(new)

    def hit(self, row: int) -> MemberHit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- Qt's interface -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if not self.canFetchMore(parent):
            return
        self._loading = True
        request = (self._generation, self._query, min(len(self._rows) + PAGE, MAX_ROWS))
        # Asked from inside the view's own layout pass: the answer (which inserts rows) must
        # not arrive until that pass is over, even with a runner that answers at once.
        QTimer.singleShot(0, self, lambda: self._fetch(*request))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = (self.tr("Number"), self.tr("Name"), self.tr("Phone"), self.tr("Card"),
                  self.tr("Found by"))
        return titles[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row())
        if hit is None or role not in (Qt.ItemDataRole.DisplayRole,
                                       Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = self.COLUMNS[index.column()]
        if column == "number":
            return hit.number
        if column == "name":
            # One line in a table cell, however long or odd the name (newlines would grow
            # the row); the profile panel shows it whole.
            return " ".join(hit.name.split())[:120]
        if column == "phone":
            return hit.phone or ""
        if column == "card":
            return hit.card_code or ""
        return self._match_text(hit)

    def _match_text(self, hit: MemberHit) -> str:
        words = {
            "number": self.tr("member number"), "card": self.tr("card"),
            "phone": self.tr("phone"), "phone_last4": self.tr("last 4 digits"),
            "email": self.tr("email"), "name": self.tr("name"), "pinyin": self.tr("pinyin"),
        }
        text = words.get(hit.matched, hit.matched)
        if hit.code_status == "revoked":
            text += " · " + self.tr("revoked card")
        elif hit.merged_from:
            text += " · " + self.tr("merged from %1").replace("%1", hit.merged_from)
        if hit.status != "active":
            text += " · " + (self.tr("archived") if hit.status == "archived" else hit.status)
        return text
