"""The installer files stay in step with the project: versions, paths, languages."""

from __future__ import annotations

import configparser
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def test_inno_setup_script_matches_the_project() -> None:
    iss = (ROOT / "installer" / "windows" / "frontdesk.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{project_version()}"' in iss
    sections = re.findall(r"^\[(\w+)\]", iss, flags=re.M)
    assert {"Setup", "Languages", "Files", "Icons", "Run"} <= set(sections)
    assert 'Name: "en"' in iss and "ChineseSimplified.isl" in iss
    assert (ROOT / "installer" / "windows" / "frontdesk.ico").exists()
    # The bundle path it packs is where `pyinstaller installer/frontdesk.spec` writes.
    assert r"..\..\build\dist\frontdesk\*" in iss


def test_linux_desktop_entry_is_valid_and_bilingual() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "installer" / "linux" / "frontdesk.desktop", encoding="utf-8")
    desk = entry["Desktop Entry"]
    assert desk["Type"] == "Application" and desk["Name[zh_CN]"]
    assert desk["Exec"].endswith("/frontdesk/frontdesk")
    assert desk["Icon"].endswith("resources/icons/frontdesk.svg")
    assert (ROOT / "resources" / "icons" / "frontdesk.svg").exists()


def test_the_spec_bundles_what_the_desk_reads_at_run_time() -> None:
    spec = (ROOT / "installer" / "frontdesk.spec").read_text(encoding="utf-8")
    for needed in ('"resources"', '"ui" / "style.qss"', '"migrations"'):
        assert needed in spec
