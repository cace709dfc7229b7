"""Scanning: frame sources (camera, file, serial), the decode pipeline, dedupe, guide box,
and the keyboard-wedge state machine. No Qt here; desktop_app.qt.scanning wraps it."""

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

__all__ = [
    "DEFAULT_SYMBOLOGIES",
    "FULL_FRAME",
    "DecodeConfig",
    "Decoder",
    "DedupeFilter",
    "Frame",
    "FrameSource",
    "GuideBox",
    "Image",
    "Read",
    "ScanLoop",
    "ScanSettings",
    "Symbology",
    "crop_to_guide",
    "decode",
]
