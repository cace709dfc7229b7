"""Synthetic camera frames showing a code: the camera fake for tests, demos and the bench.

QR codes come from segno (an encoder independent of the decoders under test); 1-D bar
patterns from zxing-cpp's writer, the one 1-D encoder among the project's dependencies.
Degradations follow HARDWARE.md's measurement: random scale, rotation, slight perspective,
blur, low contrast, noise, and a phone screen showing an inverted (dark-mode) QR code.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import segno
import zxingcpp

from desktop_app.devices.scanning.types import Image, Symbology

FRAME_SIZE = (640, 480)

_ZXING_WRITE = {
    Symbology.CODE128: zxingcpp.BarcodeFormat.Code128,
    Symbology.EAN13: zxingcpp.BarcodeFormat.EAN13,
    Symbology.UPCA: zxingcpp.BarcodeFormat.UPCA,
    Symbology.EAN8: zxingcpp.BarcodeFormat.EAN8,
}


def code_image(text: str, symbology: Symbology, module_px: int = 4) -> Image:
    """An upright, clean code (black on white) with its quiet zone, `module_px` per module."""
    if symbology is Symbology.QR:
        matrix = np.array(segno.make_qr(text, error="m").matrix, dtype=bool)
        img = np.where(matrix, 0, 255).astype(np.uint8)
        img = np.pad(img, 4, constant_values=255)
        return np.kron(img, np.ones((module_px, module_px), np.uint8))
    fmt = _ZXING_WRITE[symbology]
    written = np.asarray(zxingcpp.create_barcode(text, fmt).to_image(scale=1))
    row = written[written.shape[0] // 2]
    # Bars about a quarter as tall as the code is long, as on printed labels and cards.
    height = max(12, row.size // 4)
    bars = np.repeat(row[np.newaxis, :], height, axis=0)
    bars = np.pad(bars, ((3, 3), (6, 6)), constant_values=255)
    return np.kron(bars, np.ones((module_px, module_px), np.uint8))


def clean_frame(
    text: str, symbology: Symbology, size: tuple[int, int] = FRAME_SIZE, module_px: int = 3
) -> Image:
    """A grey frame with the code centred, upright and sharp: the easy case for tests."""
    w, h = size
    frame = np.full((h, w), 200, np.uint8)
    code = code_image(text, symbology, module_px)
    ch, cw = code.shape
    if ch > h or cw > w:
        raise ValueError("code does not fit in the frame; lower module_px")
    y, x = (h - ch) // 2, (w - cw) // 2
    frame[y : y + ch, x : x + cw] = code
    return frame


@dataclass(frozen=True, slots=True)
class Degradation:
    """How hard a synthetic frame is; every field drawn at random by `random_degradation`."""

    width_fraction: float  # code width / frame width
    angle_deg: float
    perspective: float  # corner jitter as a fraction of the code size
    blur_sigma: float
    contrast: float  # 1.0 = full range; 0.3 = washed out
    noise_sigma: float
    inverted_phone: bool = False


def random_degradation(
    rng: np.random.Generator, symbology: Symbology, inverted_phone: bool = False
) -> Degradation:
    linear = symbology is not Symbology.QR
    return Degradation(
        width_fraction=float(rng.uniform(0.45, 0.8) if linear else rng.uniform(0.25, 0.55)),
        angle_deg=float(rng.uniform(-35, 35)),
        perspective=float(rng.uniform(0, 0.05)),
        blur_sigma=float(rng.uniform(0, 1.0)),
        contrast=float(rng.uniform(0.35, 1.0)),
        noise_sigma=float(rng.uniform(0, 6)),
        inverted_phone=inverted_phone,
    )


def degraded_frame(
    text: str,
    symbology: Symbology,
    deg: Degradation,
    rng: np.random.Generator,
    size: tuple[int, int] = FRAME_SIZE,
) -> Image:
    """The code placed in a cluttered grey frame with the given degradations applied."""
    w, h = size
    code = code_image(text, symbology, module_px=4)
    if deg.inverted_phone:
        # Dark-mode phone: light modules on a dark screen, with a dark bezel round it.
        code = 255 - code
        code = np.pad(code, 24, constant_values=20)
    ch, cw = code.shape
    scale = deg.width_fraction * w / cw
    diag = np.hypot(cw * scale, ch * scale)
    scale *= min(1.0, 0.95 * min(w, h) / diag) if symbology is Symbology.QR else 1.0
    src = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], dtype=np.float32)
    corners = (src - [cw / 2, ch / 2]) * scale
    jitter = rng.uniform(-1, 1, (4, 2)) * deg.perspective * max(cw, ch) * scale
    corners = corners + jitter
    a = np.deg2rad(deg.angle_deg)
    rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    corners = corners @ rot.T
    # Place the code anywhere it fits whole, so the guide box and ROI search are exercised.
    lo, hi = corners.min(axis=0), corners.max(axis=0)
    span = np.array([w, h]) - (hi - lo)
    offset = -lo + rng.uniform(0, 1, 2) * np.maximum(span, 0)
    dst = np.asarray(corners + offset, dtype=np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)

    frame = _background(rng, w, h)
    warped = cv2.warpPerspective(code, matrix, (w, h), flags=cv2.INTER_AREA, borderValue=0)
    mask = cv2.warpPerspective(
        np.full_like(code, 255), matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0
    )
    alpha = mask.astype(np.float32) / 255.0
    out = frame.astype(np.float32) * (1 - alpha) + warped.astype(np.float32) * alpha
    if deg.blur_sigma > 0.05:
        out = cv2.GaussianBlur(out, (0, 0), deg.blur_sigma)
    mid = float(rng.uniform(90, 170))
    out = mid + (out - 128.0) * deg.contrast
    out += rng.normal(0, deg.noise_sigma, out.shape)
    return np.asarray(np.clip(out, 0, 255), np.uint8)


def _background(rng: np.random.Generator, w: int, h: int) -> Image:
    """A lit desk: a smooth gradient with a few soft blobs, no code-like structure."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    base = 120 + 50 * np.sin(xx / w * rng.uniform(1, 3) + rng.uniform(0, 6))
    base += 30 * np.cos(yy / h * rng.uniform(1, 3))
    for _ in range(3):
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(30, 120)
        base += rng.uniform(-40, 40) * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))
    return np.asarray(np.clip(base, 0, 255), np.uint8)


def to_bgr(grey: Image) -> Image:
    return np.asarray(cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR), np.uint8)
