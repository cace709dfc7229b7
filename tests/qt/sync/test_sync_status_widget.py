"""The sync status widget shows what the engine reports, and asks for a sync on a click."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt

from desktop_app.qt.widgets.sync_status import SyncStatusWidget
from desktop_app.store.sync_store import OpIssue
from desktop_app.sync.engine import SyncStatus


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
