"""Scanning: frame sources (camera, file, serial), the decode pipeline, dedupe, guide box,
and the keyboard-wedge state machine. No Qt here; desktop_app.qt.scanning wraps it.

The names below load on first use (PEP 562): the keyboard wedge is imported at start-up and
must not pay for OpenCV and NumPy (about 0.35 s) before anyone opens a camera."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_HOME = {
    "DecodeConfig": "decoder", "Decoder": "decoder", "decode": "decoder",
    "DedupeFilter": "dedupe",
    "ScanLoop": "loop", "ScanSettings": "loop",
    "FULL_FRAME": "roi", "GuideBox": "roi", "crop_to_guide": "roi",
    "DEFAULT_SYMBOLOGIES": "types", "Frame": "types", "FrameSource": "types", "Image": "types",
    "Read": "types", "Symbology": "types",
}

__all__ = [
    "DEFAULT_SYMBOLOGIES", "FULL_FRAME", "DecodeConfig", "Decoder", "DedupeFilter", "Frame",
    "FrameSource", "GuideBox", "Image", "Read", "ScanLoop", "ScanSettings", "Symbology",
    "crop_to_guide", "decode",
]
assert sorted(__all__) == sorted(_HOME)

if TYPE_CHECKING:
    from desktop_app.devices.scanning.decoder import DecodeConfig, Decoder, decode
    from desktop_app.devices.scanning.dedupe import DedupeFilter
    from desktop_app.devices.scanning.loop import ScanLoop, ScanSettings
    from desktop_app.devices.scanning.roi import FULL_FRAME, GuideBox, crop_to_guide
    from desktop_app.devices.scanning.types import (
        DEFAULT_SYMBOLOGIES,
        Frame,
        FrameSource,
        Image,
        Read,
        Symbology,
    )


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next access is a plain lookup
    return value
