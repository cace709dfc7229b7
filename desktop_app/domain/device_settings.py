"""Desk device settings, declared once: type, default, a one-line help and the allowed values.

These belong to the MACHINE (which printer is plugged into this desk, which camera it has),
not to the store: they live as JSON in the data folder's config/ and never in the database,
so two desks of one store can have different printers. Store rules stay in `StoreSettings`.

Pure values: loading and saving the file is `desktop_app.devices.device_config`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any, ClassVar, Self

from desktop_app.domain.errors import ValidationError

TRANSPORTS = ("none", "network", "usb", "serial", "cups", "file", "win32raw")
PROFILES = ("gb18030", "single_byte", "raster")
CODE_PAGES = ("cp437", "cp850", "cp858", "cp1252", "cp866")
TERMINATORS = ("enter_or_tab", "enter", "tab")
SYMBOLOGIES = ("qr", "code128", "ean13", "upca", "ean8")


def _s(default: Any, help: str, *, choices: tuple[Any, ...] | None = None,
       low: float | None = None, high: float | None = None) -> Any:
    meta = {"help": help, "choices": choices, "low": low, "high": high}
    if isinstance(default, tuple):
        return field(default_factory=lambda: default, metadata=meta)
    return field(default=default, metadata=meta)


class _Group:
    """Shared behaviour of the setting groups: help, checked changes, JSON-able dicts."""

    group: ClassVar[str]

    def __post_init__(self) -> None:
        for f in fields(self):  # type: ignore[arg-type]
            _check(f.name, getattr(self, f.name), f.metadata, _default_of(f))

    @classmethod
    def help(cls, key: str) -> str:
        return str(next(f.metadata["help"] for f in fields(cls) if f.name == key))  # type: ignore[arg-type]

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]  # type: ignore[arg-type]

    @classmethod
    def choices(cls, key: str) -> tuple[Any, ...] | None:
        meta = next(f.metadata for f in fields(cls) if f.name == key)  # type: ignore[arg-type]
        choices: tuple[Any, ...] | None = meta["choices"]
        return choices

    def with_value(self, key: str, value: Any) -> Self:
        """A copy with one setting changed; raises ValidationError for a bad key or value."""
        if key not in self.field_names():
            raise ValidationError(key, "unknown_setting")
        default = _default_of(next(f for f in fields(self) if f.name == key))  # type: ignore[arg-type]
        changes: dict[str, Any] = {key: _coerce(value, default)}
        return replace(self, **changes)  # type: ignore[type-var]

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> tuple[Self, list[str]]:
        """Build from stored values. A bad or unknown value is dropped (its default is used)
        and reported, so one broken line in a config file never stops the desk."""
        problems: list[str] = []
        built = cls()
        for key, value in data.items():
            try:
                built = built.with_value(key, value)
            except ValidationError as exc:
                problems.append(f"{cls.group}.{key}: {exc}; default kept")
        return built, problems


def _default_of(f: Any) -> Any:
    return f.default_factory() if callable(f.default_factory) else f.default


def _coerce(value: Any, default: Any) -> Any:
    """JSON has lists, not tuples, and may write 12 for 12.0."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _check(key: str, value: Any, meta: Any, default: Any) -> None:
    kind = type(default)
    if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
        raise ValidationError(key, "wrong_type", f"{key} takes a {kind.__name__}")
    choices = meta["choices"]
    if choices is not None:
        items = value if isinstance(value, tuple) else (value,)
        bad = [v for v in items if v not in choices]
        if bad or (isinstance(value, tuple) and not value):
            raise ValidationError(key, "not_a_choice", f"{key} must be one of {choices}")
    if meta["low"] is not None and value < meta["low"]:
        raise ValidationError(key, "too_small", f"{key} must be at least {meta['low']}")
    if meta["high"] is not None and value > meta["high"]:
        raise ValidationError(key, "too_large", f"{key} must be at most {meta['high']}")


@dataclass(frozen=True, slots=True)
class PrinterSettings(_Group):
    group: ClassVar[str] = "printer"
    transport: str = _s("none", "How the receipt printer is attached; none turns printing off.",
                        choices=TRANSPORTS)
    host: str = _s("", "Network printers: IP address or host name.")
    port: int = _s(9100, "Network printers: raw TCP port (9100 on almost every model).",
                   low=1, high=65535)
    usb_device: str = _s("", "USB printers: vendor:product id in hex, e.g. 04b8:0202.")
    serial_device: str = _s("", "Serial printers: the port, e.g. /dev/ttyUSB0 or COM3.")
    serial_baudrate: int = _s(9600, "Serial printers: line speed in baud.", low=1200,
                              high=921600)
    printer_name: str = _s("", "CUPS or Windows printers: the queue name of a raw printer.")
    file_path: str = _s("", "File transport: the device or file the bytes are written to.")
    profile: str = _s("gb18030", "Text mode: gb18030 (Chinese fonts), single_byte or raster.",
                      choices=PROFILES)
    code_page: str = _s("cp437", "single_byte profile: the printer's code page.",
                        choices=CODE_PAGES)
    paper_width_mm: int = _s(80, "Paper roll width: 58 mm (32 columns) or 80 mm (48).",
                             choices=(58, 80))
    chunk_size: int = _s(4096, "Bytes per write; lower it for printers with a small buffer.",
                         low=1024, high=65536)
    connect_timeout_s: float = _s(3.0, "Seconds to wait for a network printer to answer.",
                                  low=0.1, high=60.0)
    write_timeout_s: float = _s(10.0, "Seconds a printer may take no data before it counts "
                                "as stalled.", low=0.5, high=120.0)
    status_timeout_s: float = _s(1.0, "Seconds to wait for a status answer (then: unknown).",
                                 low=0.1, high=10.0)
    usb_timeout_ms: int = _s(5000, "USB printers: write timeout in milliseconds.", low=100,
                             high=60000)
    drawer_pin: int = _s(2, "Cash drawer connector pin the drawer is wired to (2 or 5).",
                         choices=(2, 5))

    def usb_ids(self) -> tuple[int, int]:
        """(vendor, product) from ``usb_device``; raises ValidationError when malformed."""
        try:
            vendor, product = self.usb_device.split(":")
            return int(vendor, 16), int(product, 16)
        except ValueError as exc:
            raise ValidationError("usb_device", "malformed", "use vendor:product in hex") from exc

    def is_configured(self) -> bool:
        needed = {"none": "-", "network": self.host, "usb": self.usb_device,
                  "serial": self.serial_device, "cups": self.printer_name,
                  "win32raw": self.printer_name, "file": self.file_path}
        return self.transport != "none" and bool(needed[self.transport])


@dataclass(frozen=True, slots=True)
class ScannerSettings(_Group):
    """Keyboard-wedge scanners (HARDWARE.md): told from typing by timing alone."""

    group: ClassVar[str] = "scanner"
    wedge_max_gap_ms: int = _s(40, "Most milliseconds between two characters of one scan.",
                               low=30, high=50)
    wedge_min_length: int = _s(4, "Fewest characters a scan can have.", low=1, high=64)
    wedge_prefix: str = _s("", "Characters the scanner sends before each code (stripped).")
    wedge_suffix: str = _s("", "Characters the scanner sends after each code (stripped).")
    wedge_terminator: str = _s("enter_or_tab", "Key that ends a scan: Enter, Tab, or either.",
                               choices=TERMINATORS)


@dataclass(frozen=True, slots=True)
class CameraSettings(_Group):
    group: ClassVar[str] = "camera"
    camera_index: int = _s(0, "Which camera to use (0 is the first one).", low=0, high=16)
    resolution_width: int = _s(640, "Capture width in pixels.", low=160, high=3840)
    resolution_height: int = _s(480, "Capture height in pixels.", low=120, high=2160)
    decode_rate_hz: float = _s(12.0, "Frames decoded per second (10-15; more costs CPU).",
                               low=10.0, high=15.0)
    guide_box_width: float = _s(0.8, "Guide box width as a fraction of the picture.",
                                low=0.1, high=1.0)
    guide_box_height: float = _s(0.7, "Guide box height as a fraction of the picture.",
                                 low=0.1, high=1.0)
    formats: tuple[str, ...] = _s(SYMBOLOGIES, "Barcode formats to read; fewer is faster.",
                                  choices=SYMBOLOGIES)


@dataclass(frozen=True, slots=True)
class DeviceSettings:
    """Everything device-related about this desk."""

    printer: PrinterSettings = field(default_factory=PrinterSettings)
    scanner: ScannerSettings = field(default_factory=ScannerSettings)
    camera: CameraSettings = field(default_factory=CameraSettings)

    def to_dict(self) -> dict[str, dict[str, Any]]:
        return {"printer": self.printer.to_dict(), "scanner": self.scanner.to_dict(),
                "camera": self.camera.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> tuple[DeviceSettings, list[str]]:
        problems: list[str] = []
        groups: dict[str, Any] = {}
        for name, kind in (("printer", PrinterSettings), ("scanner", ScannerSettings),
                           ("camera", CameraSettings)):
            raw = data.get(name, {})
            if not isinstance(raw, dict):
                problems.append(f"{name}: not a table; defaults used")
                raw = {}
            groups[name], found = kind.from_dict(raw)
            problems += found
        return cls(**groups), problems
