"""Scanning benchmark: the project's decode pipeline against raw zxing-cpp and raw pyzbar on
the same degraded 640×480 frames, in one run.

Frames (deterministic seed): QR codes (a third shown inverted on a dark phone screen) and
1-D codes (Code 128 and EAN-13), each at random scale, ±35° rotation, slight perspective,
blur, low contrast and noise. Prints hit rates, ms per frame (median, p95, p99), throughput,
peak memory and the time from a frame entering the scan loop to the handler being called.
The last line is one JSON object (frames, hit_rate, ms_per_frame, scan_to_handler_p95_ms).

    .venv/bin/python bench/scan.py [--quick] [--frames N] [--seed S]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import zxingcpp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop_app.devices.scanning.decoder import Decoder  # noqa: E402
from desktop_app.devices.scanning.loop import ScanLoop, ScanSettings  # noqa: E402
from desktop_app.devices.scanning.roi import FULL_FRAME  # noqa: E402
from desktop_app.devices.scanning.synthetic import (  # noqa: E402
    degraded_frame,
    random_degradation,
)
from desktop_app.devices.scanning.types import Frame, Image, Symbology  # noqa: E402
from desktop_app.domain.codes import card_code_from_int  # noqa: E402
from desktop_app.domain.scan_payloads import gs1_check_digit  # noqa: E402

Sample = tuple[Symbology, str, Image]
DecodeFn = Callable[[Image], list[str]]


def make_frames(n: int, seed: int) -> list[Sample]:
    rng = np.random.default_rng(seed)
    out: list[Sample] = []
    for i in range(n):
        kind = i % 4
        if kind == 0:
            sym, text, inverted = Symbology.QR, card_code_from_int(i), i % 8 == 0
        elif kind == 1:
            sym, text, inverted = Symbology.QR, f"FD1:{i:09d}:58000000:ABCDEFGHIJKLMNOP", i % 3 == 0
        elif kind == 2:
            sym, text, inverted = Symbology.CODE128, f"SKU-{int(rng.integers(10**5, 10**6))}", False
        else:
            body = "".join(str(d) for d in rng.integers(0, 10, 12))
            sym, text, inverted = Symbology.EAN13, body + gs1_check_digit(body), False
        deg = random_degradation(rng, sym, inverted_phone=inverted)
        out.append((sym, text, degraded_frame(text, sym, deg, rng)))
    return out


def raw_zxing() -> DecodeFn:
    return lambda img: [r.text for r in zxingcpp.read_barcodes(img)]  # all formats


def raw_pyzbar() -> DecodeFn | None:
    try:
        from pyzbar import pyzbar
    except (ImportError, OSError):
        return None
    return lambda img: [r.data.decode("utf-8", "replace") for r in pyzbar.decode(img)]


def pipeline() -> DecodeFn:
    decoder = Decoder()
    return lambda img: [r.text for r in decoder.decode(img)]


def measure(fn: DecodeFn, samples: list[Sample]) -> dict[str, object]:
    hits = {"qr": 0, "linear": 0}
    totals = {"qr": 0, "linear": 0}
    times: dict[str, list[float]] = {"qr": [], "linear": []}
    start = time.perf_counter()
    for sym, text, img in samples:
        t0 = time.perf_counter()
        texts = fn(img)
        ms = (time.perf_counter() - t0) * 1000
        cls = "qr" if sym is Symbology.QR else "linear"
        totals[cls] += 1
        hits[cls] += text in texts
        times[cls].append(ms)
    wall = time.perf_counter() - start
    every = times["qr"] + times["linear"]
    return {
        "hits": hits,
        "totals": totals,
        "rate": {k: hits[k] / totals[k] for k in hits},
        "median_by_class": {k: float(np.median(v)) for k, v in times.items()},
        "median": float(np.median(every)),
        "p95": float(np.percentile(every, 95)),
        "p99": float(np.percentile(every, 99)),
        "fps": len(samples) / wall,
    }


class ListSource:
    """Frames from memory at a camera's pace, stamped as they are handed out (as a camera
    stamps its grabs)."""

    def __init__(self, images: list[Image], fps: float) -> None:
        self._images = images
        self._interval = 1.0 / fps
        self._i = 0
        self._next = 0.0

    def open(self) -> None:
        self._i = 0
        self._next = time.perf_counter()

    def read(self, timeout: float) -> Frame | None:
        if self._i >= len(self._images):
            return None
        wait = self._next - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        self._next = max(self._next + self._interval, time.perf_counter())
        frame = Frame(self._images[self._i], time.perf_counter(), self._i)
        self._i += 1
        return frame

    @property
    def exhausted(self) -> bool:
        return self._i >= len(self._images)

    def close(self) -> None:
        pass


def scan_to_handler(samples: list[Sample]) -> list[float]:
    """ms from a frame entering the scan loop (its grab stamp) to the handler being called."""
    latencies: list[float] = []
    done = threading.Event()

    def handler(read: object, frame: Frame) -> None:
        latencies.append((time.perf_counter() - frame.captured_at) * 1000)

    loop = ScanLoop(
        ListSource([img for _, _, img in samples], fps=30.0),
        handler,
        # Decode every frame here (a desk caps at 12/s): each frame's latency is what counts.
        ScanSettings(max_rate_hz=30.0, guide=FULL_FRAME),
        on_finished=done.set,
        clock=time.perf_counter,
    )
    loop.start()
    done.wait(600)
    loop.stop()
    return latencies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer frames, under a minute")
    parser.add_argument("--frames", type=int, default=None)
    parser.add_argument("--seed", type=int, default=20250301)
    args = parser.parse_args()
    n = args.frames or (120 if args.quick else 320)

    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cpus, Python {platform.python_version()}"
    )
    version = importlib.metadata.version("zxing-cpp")
    print(f"zxing-cpp {version}; generating {n} frames, seed {args.seed}")
    samples = make_frames(n, args.seed)
    decoders: dict[str, DecodeFn | None] = {
        "pipeline": pipeline(),
        "zxing": raw_zxing(),
        "pyzbar": raw_pyzbar(),
    }
    results: dict[str, dict[str, object] | None] = {}
    for name, fn in decoders.items():
        if fn is None:
            print(f"{name:9s} unavailable (zbar library not found)")
            results[name] = None
            continue
        r = measure(fn, samples)
        results[name] = r
        h, t = r["hits"], r["totals"]
        assert isinstance(h, dict) and isinstance(t, dict)
        print(
            f"{name:9s} qr {h['qr']}/{t['qr']}  linear {h['linear']}/{t['linear']}  "
            f"ms median {r['median']:.1f} p95 {r['p95']:.1f} p99 {r['p99']:.1f}  "
            f"{r['fps']:.0f} frames/s"
        )
    # Frames without a code are what a live camera mostly sees: they take the second pass.
    empty = [
        np.clip(s[2].astype(np.int16) // 8 + 120, 0, 255).astype(np.uint8) for s in samples[:12]
    ]
    d = Decoder()
    t0 = time.perf_counter()
    for img in empty:
        d.decode(img)
    empty_ms = (time.perf_counter() - t0) * 1000 / len(empty)
    print(f"pipeline on frames without a code: {empty_ms:.1f} ms")
    lat = scan_to_handler(samples)
    p95 = float(np.percentile(lat, 95)) if lat else float("nan")
    print(f"scan to handler: {len(lat)} scans, median {np.median(lat):.1f} ms, p95 {p95:.1f} ms")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")

    def by_class(key: str) -> dict[str, dict[str, float] | None]:
        out: dict[str, dict[str, float] | None] = {}
        for name, r in results.items():
            v = r[key] if r is not None else None
            out[name] = (
                {k: round(float(x), 4) for k, x in v.items()} if isinstance(v, dict) else None
            )
        return out

    print(
        json.dumps(
            {
                "frames": n,
                "hit_rate": by_class("rate"),
                "ms_per_frame": by_class("median_by_class"),
                "scan_to_handler_p95_ms": round(p95, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
