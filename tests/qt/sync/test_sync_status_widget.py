"""The sync status widget shows what the engine reports, and asks for a sync on a click."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from desktop_app.qt.widgets.sync_status import SyncStatusWidget
from desktop_app.store.sync_store import OpIssue
from desktop_app.sync.engine import INDEXING, Loading, SyncStatus


def test_status_text_follows_the_engine(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    assert "Not connected" in widget.state_label.text()
    assert not widget.sync_button.isEnabled()
    widget.show_status(SyncStatus(enrolled=True, online=False, pending=3))
    assert widget.state_label.text().startswith("Offline")
    assert "3" in widget.state_label.text()
    issue = OpIssue(7, "op", "member.patch.v1", "rejected", "member_archived", {},
                    datetime(2026, 3, 2, tzinfo=UTC))  # fmt: skip
    widget.show_status(SyncStatus(enrolled=True, online=True, pending=0, issues=(issue,),
                                  last_success=datetime(2026, 3, 2, tzinfo=UTC)))  # fmt: skip
    assert widget.state_label.text().startswith("Online")
    assert widget.issues_button.isVisibleTo(widget)
    with qtbot.waitSignal(widget.sync_requested, timeout=1000):
        qtbot.mouseClick(widget.sync_button, Qt.MouseButton.LeftButton)


def test_a_loading_desk_shows_a_progress_bar_of_the_step(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.loading_bar.isVisible()
    widget.show_status(SyncStatus(enrolled=True, loading=Loading("member", 450_000, 1_000_000)))
    bar = widget.loading_bar
    assert bar.isVisible() and (bar.minimum(), bar.maximum()) == (0, 1_000_000)
    assert bar.value() == 450_000 and bar.text() == "45%"
    assert widget.state_label.text() == "Loading data from the server… · Members"
    assert not widget.sync_button.isVisible()  # room for the bar in a 1366-pixel status bar
    widget.show_status(SyncStatus(enrolled=True, loading=Loading("class_schedule", 3, 8)))
    assert bar.text() == "37%" and "· Other data" in widget.state_label.text()
    widget.show_status(SyncStatus(enrolled=True, loading=Loading(INDEXING)))
    assert "· Search index" in widget.state_label.text()
    assert (bar.minimum(), bar.maximum()) == (0, 0)  # no total: a busy bar
    widget.show_status(SyncStatus(enrolled=True, online=True))
    assert not bar.isVisible() and widget.sync_button.isVisible()
    assert widget.sync_button.isEnabled()


def test_an_unexpected_failure_is_said(qtbot) -> None:  # type: ignore[no-untyped-def]
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_status(SyncStatus(enrolled=True, online=True, problem="failed", pending=2,
                                  detail="disk I/O error"))  # fmt: skip
    assert widget.state_label.text().startswith("Sync failed, trying again")


def test_the_status_speaks_the_new_language_at_once(qtbot, translations) -> None:  # type: ignore[no-untyped-def]
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    widget.show_status(SyncStatus(enrolled=True, online=True, pending=1))
    assert widget.sync_button.text() == "Sync now"
    translations.apply("zh_CN")
    assert widget.sync_button.text() == "立即同步"
    assert widget.state_label.text().startswith("在线")
