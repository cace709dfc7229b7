"""Load and save this desk's device settings (config/devices.json), and turn them into the
objects the device modules take. No Qt: the settings panel and the workers both use it."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain.device_settings import CameraSettings, DeviceSettings, ScannerSettings

if TYPE_CHECKING:
    from desktop_app.devices.scanning.loop import ScanSettings
    from desktop_app.devices.scanning.wedge import WedgeConfig

log = logging.getLogger(__name__)

FILE_NAME = "devices.json"


class DeviceConfigStore:
    """One JSON file in the config folder. Reads never fail: a missing file means defaults,
    a broken one is logged, kept aside as devices.json.broken, and defaults are used."""

    def __init__(self, config_dir: Path) -> None:
        self.path = Path(config_dir) / FILE_NAME

    def load(self) -> DeviceSettings:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return DeviceSettings()
        except (OSError, ValueError) as exc:
            log.error("device settings %s unreadable (%s); using defaults", self.path, exc)
            self._keep_broken()
            return DeviceSettings()
        if not isinstance(raw, dict):
            log.error("device settings %s is not a JSON object; using defaults", self.path)
            return DeviceSettings()
        settings, problems = DeviceSettings.from_dict(raw)
        for problem in problems:
            log.warning("device settings %s: %s", self.path, problem)
        return settings

    def save(self, settings: DeviceSettings) -> None:
        """Write atomically (temp file, fsync, rename): a crash leaves the old or the new."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(settings.to_dict(), indent=2, ensure_ascii=False, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".devices-", suffix=".json", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(text + "\n")
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _keep_broken(self) -> None:
        try:
            os.replace(self.path, self.path.with_suffix(".json.broken"))
        except OSError as exc:
            log.error("could not set aside %s: %s", self.path, exc)


def wedge_config(s: ScannerSettings) -> WedgeConfig:
    from desktop_app.devices.scanning.wedge import ENTER, TAB, WedgeConfig

    terminators = {"enter": {ENTER, "\n"}, "tab": {TAB}, "enter_or_tab": {ENTER, "\n", TAB}}
    return WedgeConfig(max_gap_s=s.wedge_max_gap_ms / 1000, min_length=s.wedge_min_length,
                       prefix=s.wedge_prefix, suffix=s.wedge_suffix,
                       terminators=frozenset(terminators[s.wedge_terminator]))


def scan_settings(c: CameraSettings) -> ScanSettings:
    from desktop_app.devices.scanning.decoder import DecodeConfig
    from desktop_app.devices.scanning.loop import ScanSettings
    from desktop_app.devices.scanning.roi import GuideBox
    from desktop_app.devices.scanning.types import Symbology

    return ScanSettings(
        max_rate_hz=c.decode_rate_hz,
        guide=GuideBox(width=c.guide_box_width, height=c.guide_box_height),
        decode=DecodeConfig(symbologies=frozenset(Symbology(f) for f in c.formats)),
    )


def camera_source_args(c: CameraSettings) -> dict[str, Any]:
    """Keyword arguments for ``CameraSource``."""
    return {"device": c.camera_index, "resolution": (c.resolution_width, c.resolution_height)}
