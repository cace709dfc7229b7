"""Device settings: declared once with defaults and help, checked, round-tripped as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.devices.device_config import DeviceConfigStore, scan_settings, wedge_config
from desktop_app.domain.device_settings import (
    CameraSettings,
    DeviceSettings,
    PrinterSettings,
    ScannerSettings,
)
from desktop_app.domain.errors import ValidationError


def test_every_setting_has_a_one_line_help() -> None:
    for group in (PrinterSettings, ScannerSettings, CameraSettings):
        for name in group.field_names():
            text = group.help(name)
            assert text and "\n" not in text and len(text) < 100, name


def test_defaults_match_the_scanning_engineers_list() -> None:
    s, c = ScannerSettings(), CameraSettings()
    assert (s.wedge_max_gap_ms, s.wedge_min_length, s.wedge_terminator) == (40, 4, "enter_or_tab")
    assert c.decode_rate_hz == 12.0 and c.formats == ("qr", "code128", "ean13", "upca", "ean8")
    assert PrinterSettings().transport == "none" and not PrinterSettings().is_configured()


@pytest.mark.parametrize("group,key,value", [
    (ScannerSettings, "wedge_max_gap_ms", 29), (ScannerSettings, "wedge_max_gap_ms", 51),
    (ScannerSettings, "wedge_terminator", "space"), (PrinterSettings, "paper_width_mm", 76),
    (PrinterSettings, "port", "9100"), (PrinterSettings, "chunk_size", 100),
    (PrinterSettings, "transport", "bluetooth"), (CameraSettings, "formats", ("aztec",)),
    (CameraSettings, "formats", ()), (PrinterSettings, "nope", 1),
])
def test_bad_values_are_refused(group: type, key: str, value: object) -> None:
    with pytest.raises(ValidationError):
        group().with_value(key, value)


def test_saved_settings_load_back_and_bad_lines_keep_their_default(tmp_path: Path) -> None:
    store = DeviceConfigStore(tmp_path / "config")
    assert store.load() == DeviceSettings()  # no file yet
    chosen = DeviceSettings(
        printer=PrinterSettings().with_value("transport", "network").with_value("host", "10.0.0.9"),
        camera=CameraSettings().with_value("formats", ("qr",)).with_value("decode_rate_hz", 10),
    )
    store.save(chosen)
    assert store.load() == chosen
    raw = json.loads(store.path.read_text())
    raw["printer"]["port"] = "oops"
    raw["scanner"] = {"wedge_min_length": 6, "unknown": True}
    store.path.write_text(json.dumps(raw))
    loaded = store.load()
    assert loaded.printer.port == 9100 and loaded.printer.host == "10.0.0.9"
    assert loaded.scanner.wedge_min_length == 6


def test_a_broken_file_gives_defaults_and_is_kept_aside(tmp_path: Path) -> None:
    store = DeviceConfigStore(tmp_path)
    store.path.write_text("{not json")
    assert store.load() == DeviceSettings()
    assert store.path.with_suffix(".json.broken").exists()


def test_settings_become_the_scanning_modules_configs() -> None:
    wc = wedge_config(ScannerSettings(wedge_max_gap_ms=35, wedge_terminator="tab"))
    assert wc.max_gap_s == pytest.approx(0.035) and wc.terminators == frozenset({"\t"})
    ss = scan_settings(CameraSettings(formats=("qr", "ean13"), guide_box_width=0.5))
    assert {str(s) for s in ss.decode.symbologies} == {"qr", "ean13"}
    assert ss.guide.width == 0.5 and ss.max_rate_hz == 12.0
