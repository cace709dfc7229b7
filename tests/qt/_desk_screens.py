"""Run the REAL desk (real services, threaded runner, real X display) and save screenshots.

Used by test_screenshots_xvfb.py under Xvfb:  python _desk_screens.py OUT_DIR LANG
Writes sign_in_LANG.png, main_window_LANG.png, lock_LANG.png (QWidget.grab) and
screen_LANG.png (`import -window root`, the whole X screen).
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from desktop_app.domain.clock import SystemClock
from desktop_app.paths import DataPaths
from desktop_app.qt.app import build_application, open_services, translations_dir
from desktop_app.qt.config import DeskConfig
from desktop_app.qt.errors import ErrorHandler
from desktop_app.qt.i18n import Translations
from desktop_app.qt.idle import IdleWatcher
from desktop_app.qt.session import DeskSession
from desktop_app.qt.tasks import ThreadedTaskRunner
from desktop_app.services.registry import Services


def main(out: Path, lang: str) -> int:
    paths = DataPaths.resolve().ensure()
    # Set-up only, before the desk exists: one staff member to sign in with.
    services = Services.open(paths.database, SystemClock(), backup_dir=paths.backups)
    if services.auth.needs_first_admin():
        services.auth.create_first_admin("8", "张伟 <b>Zhang</b>", "2580")
    services.close()

    app = build_application(["frontdesk"])
    translations = Translations(app, translations_dir())
    assert translations.apply(lang), "missing .qm: run make translations"
    runner = ThreadedTaskRunner(ErrorHandler(app), app)
    session = DeskSession(runner, IdleWatcher(app, app), DeskConfig(paths.config), lang,
                          translations, app)
    session.start(partial(open_services, paths.database, paths.backups))

    def wait(cond: Callable[[], bool], what: str, timeout: float = 30) -> None:
        end = time.monotonic() + timeout
        while not cond():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > end:
                raise TimeoutError(what)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)

    view = session.sign_in_view
    view.resize(900, 620)
    wait(lambda: view.ui.codeEdit.isEnabled(), "database opened")
    view.ui.codeEdit.setText("8")
    view.ui.pinEdit.setText("2580")
    wait(lambda: view.isVisible(), "sign-in shown")
    view.grab().save(str(out / f"sign_in_{lang}.png"))

    view.ui.signInButton.click()
    wait(lambda: session.main_window is not None and session.main_window.isVisible(),
         "signed in")
    window = session.main_window
    assert window is not None
    window.resize(1180, 760)
    window.move(0, 0)
    wait(lambda: window.settings.store_groups["staff"].is_editable(), "settings loaded")
    window.grab().save(str(out / f"main_window_{lang}.png"))
    subprocess.run(["import", "-window", "root", str(out / f"screen_{lang}.png")], check=True)
    window.show_page(5)
    wait(lambda: True, "settings page")
    window.grab().save(str(out / f"settings_{lang}.png"))
    session.lock()
    wait(lambda: window.is_locked(), "locked")
    window.grab().save(str(out / f"lock_{lang}.png"))
    session.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2]))
