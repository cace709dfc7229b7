"""Value types shared by the scanning modules: a read, a frame, the frame source Protocol."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
"""A grey (H×W) or BGR (H×W×3) 8-bit image, as OpenCV hands them out."""


class Symbology(StrEnum):
    """The symbologies the desk knows by name; decoders' own names are mapped onto these."""

    QR = "qr"
    CODE128 = "code128"
    EAN13 = "ean13"
    UPCA = "upca"
    EAN8 = "ean8"
    OTHER = "other"

    @property
    def is_linear(self) -> bool:
        return self in _LINEAR


_LINEAR = frozenset({Symbology.CODE128, Symbology.EAN13, Symbology.UPCA, Symbology.EAN8})

DEFAULT_SYMBOLOGIES: frozenset[Symbology] = frozenset(
    {Symbology.QR, Symbology.CODE128, Symbology.EAN13, Symbology.UPCA, Symbology.EAN8}
)


@dataclass(frozen=True, slots=True)
class Read:
    """One code read from one frame."""

    text: str
    symbology: Symbology
    # Which stage found it ("zxing", "zbar", "roi-zxing", ...): for benchmarks and logs only.
    source: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Frame:
    """A captured image with the monotonic time it was grabbed and its running index."""

    image: Image
    captured_at: float
    index: int


class FrameSource(Protocol):
    """Where frames come from: a camera, a video file, an image sequence, a fake.

    `read` never blocks longer than `timeout` seconds, so a worker loop can notice a stop
    request; it returns the newest frame not returned before, or None.
    """

    def open(self) -> None:
        """Start producing frames; raises OSError when the device or file cannot be opened."""
        ...

    def read(self, timeout: float) -> Frame | None:
        """The newest frame not yet returned, waiting at most `timeout` seconds."""
        ...

    @property
    def exhausted(self) -> bool:
        """True when no frame will ever come again (end of a file); a camera never is."""
        ...

    def close(self) -> None:
        """Release the device or file; safe to call twice."""
        ...
