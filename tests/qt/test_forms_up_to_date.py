"""Generated forms must match their Designer files (ARCHITECTURE.md, convention 5)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UIC = Path(sys.executable).parent / "pyside6-uic"
UI_FILES = sorted((REPO / "ui").glob("*.ui"))


def _body(text: str) -> str:
    """The generated code without the leading header comment (it names the uic version)."""
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    return "\n".join(lines[i:]).strip()


def test_there_are_forms() -> None:
    assert UI_FILES, "no Designer forms in ui/"


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_generated_form_is_up_to_date(ui_file: Path, tmp_path: Path) -> None:
    generated = REPO / "desktop_app" / "qt" / "forms" / f"ui_{ui_file.stem}.py"
    assert generated.is_file(), f"{generated} is missing: run `make forms`"
    fresh = tmp_path / generated.name
    subprocess.run([str(UIC), "--from-imports", "-o", str(fresh), str(ui_file)], check=True)
    assert _body(generated.read_text(encoding="utf-8")) == _body(
        fresh.read_text(encoding="utf-8")), (
        f"{generated.relative_to(REPO)} is out of date with {ui_file.relative_to(REPO)}: "
        "run `make forms`")
