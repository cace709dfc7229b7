"""Image helpers for the decode pipeline: guide-box crop, contrast stretch, and regions that
look like 1-D bar codes, each with the angles worth straightening it by.

Rotated 1-D codes defeat row-scanning decoders: a scan line must cross every bar, which at
±35° it rarely does. Bars show up as strong gradients that all point one way (a coherent
structure tensor), so a blob of such pixels gives both where the code is and how to turn it.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from desktop_app.devices.scanning.types import Image


@dataclass(frozen=True, slots=True)
class GuideBox:
    """The box drawn on the camera preview, as fractions of the frame (centred by default)."""

    width: float = 0.8
    height: float = 0.7
    cx: float = 0.5
    cy: float = 0.5

    def __post_init__(self) -> None:
        if not (0 < self.width <= 1 and 0 < self.height <= 1):
            raise ValueError("guide box fractions must be in (0, 1]")

    def rect(self, frame_w: int, frame_h: int) -> tuple[int, int, int, int]:
        """(x, y, w, h) in pixels, clamped inside the frame."""
        w = max(1, round(self.width * frame_w))
        h = max(1, round(self.height * frame_h))
        x = min(max(0, round(self.cx * frame_w - w / 2)), frame_w - w)
        y = min(max(0, round(self.cy * frame_h - h / 2)), frame_h - h)
        return x, y, w, h


FULL_FRAME = GuideBox(1.0, 1.0)


def crop_to_guide(image: Image, box: GuideBox) -> Image:
    """The part of the frame inside the guide box (a view, not a copy)."""
    x, y, w, h = box.rect(image.shape[1], image.shape[0])
    return image[y : y + h, x : x + w]


def to_grey(image: Image) -> Image:
    if image.ndim == 2:
        return image
    if image.ndim == 3 and image.shape[2] == 3:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), np.uint8)
    if image.ndim == 3 and image.shape[2] == 4:
        return np.asarray(cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY), np.uint8)
    raise ValueError(f"expected a grey or BGR image, got shape {image.shape}")


_CLAHE = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(4, 4))


def stretch(image: Image) -> Image:
    """Min/max contrast stretch (1st–99th percentile): washed-out codes get full range."""
    lo, hi = np.percentile(image, (1, 99))
    if hi - lo < 8:
        return image
    out = (image.astype(np.float32) - lo) * (255.0 / (hi - lo))
    return np.asarray(np.clip(out, 0, 255), np.uint8)


def clahe(image: Image) -> Image:
    """Local contrast (CLAHE): for uneven light, where a global stretch is not enough."""
    return np.asarray(_CLAHE.apply(image), dtype=np.uint8)


@dataclass(frozen=True, slots=True)
class BarRegion:
    """A blob of coherent gradients: its pixel coordinates and the angles to try, best first."""

    points: npt.NDArray[np.float32]
    angles_deg: tuple[float, ...]


def bar_regions(grey: Image, max_regions: int = 3) -> list[BarRegion]:
    """Candidate 1-D code regions, largest first. Works on a half-size image for speed."""
    small = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    f = small.astype(np.float32)
    gx = cv2.Sobel(f, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(f, cv2.CV_32F, 0, 1, ksize=3)
    k = (9, 9)
    jxx = cv2.boxFilter(gx * gx, -1, k)
    jyy = cv2.boxFilter(gy * gy, -1, k)
    jxy = cv2.boxFilter(gx * gy, -1, k)
    trace = jxx + jyy + 1e-6
    coherence = np.sqrt((jxx - jyy) ** 2 + 4 * jxy**2) / trace
    energy = np.sqrt(trace)
    # Relative threshold so low-contrast codes still count; the floor keeps sensor noise out.
    threshold = max(float(np.percentile(energy, 90)) * 0.5, 8.0)
    mask = ((coherence > 0.6) & (energy > threshold)).astype(np.uint8) * 255
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, _disc(9))
    mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, _disc(5))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask)
    order = np.argsort(-stats[1:, cv2.CC_STAT_AREA])[:max_regions] + 1
    regions: list[BarRegion] = []
    for i in order:
        if stats[i, cv2.CC_STAT_AREA] < 150:
            break
        m = labels == i
        # Mean gradient direction by double-angle averaging (a bar's two edges point opposite).
        grad = float(np.degrees(0.5 * np.arctan2(2 * jxy[m].sum(), (jxx[m] - jyy[m]).sum())))
        ys, xs = np.nonzero(m)
        pts = (np.column_stack([xs, ys]).astype(np.float32) + 0.5) * 2
        ev, evec = np.linalg.eigh(np.cov(pts.T))
        axis = float(np.degrees(np.arctan2(evec[1, 1], evec[0, 1])))
        elongation = float(np.sqrt(ev[1] / max(ev[0], 1e-6)))
        # Under perspective the bars lean but the code's long axis still crosses them all, so an
        # elongated blob is turned by its axis first; a squat one by its gradient.
        first, second = (axis, grad) if elongation > 1.5 else (grad, axis)
        angles = (first,) if _angle_gap(first, second) < 4 else (first, second)
        regions.append(BarRegion(pts, angles))
    return regions


def _disc(size: int) -> Image:
    return np.asarray(cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)), np.uint8)


def _angle_gap(a: float, b: float) -> float:
    """Distance between two line directions, in degrees, modulo 180."""
    return abs((a - b + 90) % 180 - 90)


def straighten(grey: Image, region: BarRegion, angle_deg: float) -> Image:
    """The region turned by `angle_deg` so its bars stand upright, cropped with a quiet zone."""
    centre = region.points.mean(axis=0)
    m = cv2.getRotationMatrix2D((float(centre[0]), float(centre[1])), angle_deg, 1.0)
    p = region.points @ m[:, :2].T + m[:, 2]
    lo, hi = p.min(axis=0), p.max(axis=0)
    span = hi - lo
    # Margins: decoders need the quiet zone beside the bars, which the blob does not include.
    margin = np.array([0.2 * span[0] + 20, 0.15 * span[1] + 10])
    lo, hi = lo - margin, hi + margin
    m[:, 2] -= lo
    size = (max(8, int(hi[0] - lo[0])), max(8, int(hi[1] - lo[1])))
    out = cv2.warpAffine(grey, m, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(out, dtype=np.uint8)


def rotate(grey: Image, angle_deg: float) -> Image:
    """The whole image turned about its centre, grown so no corner is cut off."""
    h, w = grey.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle_deg, 1.0)
    cos, sin = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * sin + w * cos), int(h * cos + w * sin)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    out = cv2.warpAffine(grey, m, (nw, nh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return np.asarray(out, dtype=np.uint8)
