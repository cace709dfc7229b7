"""The decode pipeline: a frame in, the codes it shows out.

1. zxing-cpp on the whole frame, restricted to the configured symbologies (the biggest speed
   lever, HARDWARE.md). It tries 90° turns and inverted (dark-mode) images itself.
2. Only when that finds nothing, a second pass aimed at rotated 1-D codes, the hard case:
   regions of coherent gradients are straightened (turned by the code's axis, then by its
   bars' direction), contrast-stretched, and handed to zxing-cpp and, where the zbar
   library loads, to zbar as a second opinion (upright and inverted).
3. Then the whole frame with local contrast (CLAHE) for washed-out QR codes, and finally two
   fixed turns of the frame for 1-D codes the region search missed.
Each stage returns as soon as something is read, so the common case costs one zxing call.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import zxingcpp

from desktop_app.devices.scanning import roi
from desktop_app.devices.scanning import zbar as zbar_module
from desktop_app.devices.scanning.types import DEFAULT_SYMBOLOGIES, Image, Read, Symbology

log = logging.getLogger(__name__)

_F = zxingcpp.BarcodeFormat
_TO_ZXING = {
    Symbology.QR: _F.QRCode,
    Symbology.CODE128: _F.Code128,
    Symbology.EAN13: _F.EAN13,
    Symbology.UPCA: _F.UPCA,
    Symbology.EAN8: _F.EAN8,
}
_FROM_ZXING = {fmt.name: sym for sym, fmt in _TO_ZXING.items()}

# Whole-frame turns tried last: halfway between zxing's own 0°/90° and the ±35° worst case.
_FALLBACK_TURNS_DEG = (-22.0, 22.0)


@dataclass(frozen=True, slots=True)
class DecodeConfig:
    symbologies: frozenset[Symbology] = DEFAULT_SYMBOLOGIES
    use_zbar: bool = True
    second_pass: bool = True
    max_regions: int = 3

    def __post_init__(self) -> None:
        unknown = set(self.symbologies) - set(_TO_ZXING)
        if unknown or not self.symbologies:
            raise ValueError(f"unsupported symbologies: {sorted(unknown) or 'none given'}")


class Decoder:
    """Stateless apart from the loaded zbar function: one instance serves one worker thread."""

    def __init__(self, config: DecodeConfig | None = None) -> None:
        self.config = config or DecodeConfig()
        self._formats = tuple(_TO_ZXING[s] for s in sorted(self.config.symbologies))
        linear = frozenset(s for s in self.config.symbologies if s.is_linear)
        self._linear = linear
        self._linear_formats = tuple(_TO_ZXING[s] for s in sorted(linear))
        # Looked up through the module so tests can simulate a machine without zbar.
        self._zbar = zbar_module.load_zbar() if self.config.use_zbar and linear else None

    @property
    def has_zbar(self) -> bool:
        return self._zbar is not None

    def decode(self, image: Image) -> list[Read]:
        grey = np.ascontiguousarray(roi.to_grey(image))
        reads = self._zxing(grey, self._formats, "zxing")
        if reads or not self.config.second_pass:
            return reads
        for stage in self._second_pass(grey):
            reads = stage()
            if reads:
                return reads
        return []

    def _second_pass(self, grey: Image) -> Iterable[Callable[[], list[Read]]]:
        regions = roi.bar_regions(grey, self.config.max_regions) if self._linear else []
        for region in regions:
            for angle in region.angles_deg:
                yield functools.partial(self._linear_crop, grey, region, angle)
        yield lambda: self._zxing(roi.clahe(grey), self._formats, "clahe-zxing")
        # Without any bar-like region there is no 1-D code to turn: spare empty frames the cost.
        if regions:
            for turn in _FALLBACK_TURNS_DEG:
                yield functools.partial(self._turned, grey, turn)

    def _linear_crop(self, grey: Image, region: roi.BarRegion, angle: float) -> list[Read]:
        crop = roi.stretch(roi.straighten(grey, region, angle))
        reads = self._zxing(crop, self._linear_formats, "roi-zxing", try_rotate=False)
        if reads or self._zbar is None:
            return reads
        for img in (crop, 255 - crop):
            reads = self._zbar_reads(img, "roi-zbar")
            if reads:
                return reads
        return []

    def _turned(self, grey: Image, angle: float) -> list[Read]:
        return self._zxing(roi.rotate(grey, angle), self._linear_formats, "turn-zxing")

    def _zxing(
        self, image: Image, formats: Any, source: str, try_rotate: bool = True
    ) -> list[Read]:
        results = zxingcpp.read_barcodes(image, formats=formats, try_rotate=try_rotate)
        return _unique(
            Read(r.text, _FROM_ZXING.get(r.format.name, Symbology.OTHER), source) for r in results
        )

    def _zbar_reads(self, image: Image, source: str) -> list[Read]:
        if self._zbar is None:
            return []  # switched off after a fault in an earlier call
        try:
            found = self._zbar(image, self._linear)
        except Exception:
            # A zbar fault must not take scanning down: zxing keeps working without it.
            log.exception("zbar failed; continuing with zxing-cpp only")
            self._zbar = None
            return []
        return _unique(Read(r.text, r.symbology, source) for r in found)


def _unique(reads: Iterable[Read]) -> list[Read]:
    seen: dict[tuple[str, Symbology], Read] = {}
    for r in reads:
        seen.setdefault((r.text, r.symbology), r)
    return list(seen.values())


@functools.lru_cache(maxsize=4)
def default_decoder(config: DecodeConfig | None = None) -> Decoder:
    """One shared decoder per config for the `decode` convenience function."""
    return Decoder(config)


def decode(frame: Image, config: DecodeConfig | None = None) -> list[Read]:
    """The codes in a grey or BGR frame (see the module docstring for the pipeline)."""
    return default_decoder(config).decode(frame)
