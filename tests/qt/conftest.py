"""Qt test fixtures: data folders in tmp_path, an inline task runner, and small fakes of the
services interface for widget-level tests (the real services are used in test_real_services)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.domain.errors import AuthenticationFailed, StaffLocked
from desktop_app.domain.permissions import Actor, Role
from desktop_app.paths import DataPaths
from desktop_app.qt.config import DeskConfig
from desktop_app.qt.errors import ErrorHandler
from desktop_app.qt.i18n import Translations
from desktop_app.qt.idle import IdleWatcher
from desktop_app.qt.session import DeskSession
from desktop_app.qt.tasks import InlineTaskRunner

REPO = Path(__file__).resolve().parents[2]



@pytest.fixture(autouse=True)
def data_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataPaths:
    """Every Qt test gets its own data, config and log folders."""
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    return DataPaths.resolve().ensure()


@dataclass(frozen=True)
class FakeStoreSettings:
    idle_lock_minutes: int = 5
    store_name: str = "Test Gym"
    currency: str = "CNY"


@dataclass
class FakeAuth:
    """The auth service's interface, in memory: code -> (pin, Actor)."""

    staff: dict[str, tuple[str, Actor]] = field(default_factory=dict)
    failures: dict[str, int] = field(default_factory=dict)
    max_failures: int = 5

    def needs_first_admin(self) -> bool:
        return not self.staff

    def create_first_admin(self, code: str, name: str, pin: str) -> Actor:
        actor = Actor(staff_id=f"id-{code}", code=code, name=name, role=Role.ADMIN)
        self.staff[code] = (pin, actor)
        return actor

    def add(self, code: str, name: str, pin: str, role: Role = Role.FRONT_DESK) -> Actor:
        actor = Actor(staff_id=f"id-{code}", code=code, name=name, role=role)
        self.staff[code] = (pin, actor)
        return actor

    def sign_in(self, code: str, pin: str) -> Actor:
        if self.failures.get(code, 0) >= self.max_failures:
            raise StaffLocked(code)
        entry = self.staff.get(code)
        if entry is None or entry[0] != pin:
            self.failures[code] = self.failures.get(code, 0) + 1
            raise AuthenticationFailed()
        self.failures[code] = 0
        return entry[1]


@dataclass
class FakeSettingsService:
    value: FakeStoreSettings = field(default_factory=FakeStoreSettings)

    def current(self) -> FakeStoreSettings:
        return self.value


@dataclass
class FakeServices:
    auth: FakeAuth = field(default_factory=FakeAuth)
    settings: FakeSettingsService = field(default_factory=FakeSettingsService)
    closed: bool = False

    def warm(self) -> None:
        """Real services build their feature services here; the fakes have none."""

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def errors(qapp: QApplication) -> ErrorHandler:
    return ErrorHandler(use_dialogs=False)


@pytest.fixture
def runner(errors: ErrorHandler) -> InlineTaskRunner:
    return InlineTaskRunner(errors)


@pytest.fixture
def fake_services() -> FakeServices:
    services = FakeServices()
    services.auth.add("100", "Li Na", "1234")
    return services


@pytest.fixture
def empty_services() -> FakeServices:
    """A brand-new database: no staff at all."""
    return FakeServices()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    t = Translations(qapp, REPO / "resources" / "translations")
    yield t
    t.apply("en")


@pytest.fixture
def session(qapp: QApplication, runner: InlineTaskRunner, data_paths: DataPaths,
            translations: Translations) -> Iterator[DeskSession]:
    """A session on the inline runner, not yet started."""
    idle = IdleWatcher(qapp)
    s = DeskSession(runner, idle, DeskConfig(data_paths.config), "en", translations)
    yield s
    idle.stop()
    if s.main_window is not None:
        s.main_window.close()
        s.main_window.deleteLater()
    if s.first_run_wizard is not None:
        s.first_run_wizard.close()
    s.sign_in_view.close()
    s.sign_in_view.deleteLater()


@pytest.fixture
def started(session: DeskSession, fake_services: FakeServices) -> DeskSession:
    """A session whose (fake) services are open, showing the sign-in screen."""
    session.start(lambda: fake_services)  # type: ignore[arg-type, return-value]
    return session
