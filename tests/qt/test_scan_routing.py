"""A scan goes to the current context: the page showing decides first, otherwise the desk
opens the member on the Members page; a locked desk ignores scans."""

from __future__ import annotations

from desktop_app.qt.main_window import MainWindow


def test_scan_goes_to_the_page_that_takes_it(qtbot, monkeypatch) -> None:
    window = MainWindow(None, "en")
    qtbot.addWidget(window)
    taken: list[tuple[str, str]] = []
    monkeypatch.setattr(window.checkout, "handle_scan",
                        lambda code: taken.append(("checkout", code)) or True)
    monkeypatch.setattr(window.members, "handle_scan",
                        lambda code: taken.append(("members", code)) or True)
    window.show_page(1)
    window.route_scan("6901234567892")
    assert taken == [("checkout", "6901234567892")]
    assert window.current_page() is window.checkout


def test_a_page_that_does_not_take_it_opens_the_member(qtbot, monkeypatch) -> None:
    window = MainWindow(None, "en")
    qtbot.addWidget(window)
    opened: list[str] = []
    monkeypatch.setattr(window.reports, "handle_scan", lambda code: False)
    monkeypatch.setattr(window.members, "handle_scan", lambda code: opened.append(code) or True)
    window.show_page(4)
    window.route_scan("1000000000000057")
    assert opened == ["1000000000000057"]
    assert window.current_page() is window.members


def test_a_locked_desk_ignores_scans(qtbot, monkeypatch) -> None:
    window = MainWindow(None, "en")
    qtbot.addWidget(window)
    seen: list[str] = []
    for page in window.pages:
        monkeypatch.setattr(page, "handle_scan", lambda code: seen.append(code) or True)
    window.lock()
    window.route_scan("000000018")
    assert seen == []
