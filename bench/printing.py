"""Receipt printing benchmark: layout + ESC/POS encoding of a 30-line Chinese sale
(target p50 < 5 ms) and the raster fallback. Last line of output is one JSON object."""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import pct  # noqa: E402  (bench/ is the script's folder)

from desktop_app.devices.receipts import PAPER_58, PAPER_80, gb18030, raster, render  # noqa: E402
from tests.helpers.receipt_samples import long_chinese_sale  # noqa: E402


def timed(fn: Callable[[], object], n: int) -> list[float]:
    fn()  # warm caches (glyphs, encodings) as a running desk would have them
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def report(name: str, ms: list[float], size: int) -> None:
    p50 = statistics.median(ms)
    print(
        f"{name:28s} p50 {p50:7.2f} ms  p95 {pct(ms, 95):7.2f}  p99 {pct(ms, 99):7.2f}  "
        f"{1000 / p50:8.0f} receipts/s  {size / 1024:7.1f} KiB"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    n_enc, n_ras = (50, 5) if args.quick else (500, 30)
    doc = long_chinese_sale(30)
    print(
        f"machine: {platform.platform()} {platform.processor()} cpus={os.cpu_count()} "
        f"python {platform.python_version()}"
    )
    results: dict[str, float] = {}
    for paper in (PAPER_58, PAPER_80):
        prof = gb18030(paper)
        ms = timed(lambda prof=prof: render(doc, prof), n_enc)
        size = sum(len(c) for c in render(doc, prof))
        report(f"gb18030 {paper.name}", ms, size)
        if paper is PAPER_80:
            results["encode_p50_ms"] = statistics.median(ms)
            results["encode_p99_ms"] = pct(ms, 99)
    rprof = raster(PAPER_58)
    ms = timed(lambda: render(doc, rprof), n_ras)
    rsize = sum(len(c) for c in render(doc, rprof))
    report("raster 58mm", ms, rsize)
    results["raster_p50_ms"] = statistics.median(ms)
    tracemalloc.start()
    render(doc, gb18030(PAPER_80))
    enc_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    render(doc, rprof)
    ras_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(f"peak Python memory: encode {enc_peak / 1024:.0f} KiB, raster {ras_peak / 1024:.0f} KiB")
    print(f"target encode p50 < 5 ms: {'met' if results['encode_p50_ms'] < 5 else 'MISSED'}")
    results["encode_bytes"] = float(sum(len(c) for c in render(doc, gb18030(PAPER_80))))
    results["raster_bytes"] = float(rsize)
    print(json.dumps({k: round(v, 3) for k, v in results.items()}))


if __name__ == "__main__":
    main()
