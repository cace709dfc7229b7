"""The scan loop: frames from a source, decoded at a capped rate inside the guide box, new
codes passed to a handler. Runs on a plain Python thread; the Qt worker wraps it."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop_app.devices.scanning.decoder import DecodeConfig, Decoder
from desktop_app.devices.scanning.dedupe import DEFAULT_WINDOW_S, DedupeFilter
from desktop_app.devices.scanning.roi import GuideBox, crop_to_guide
from desktop_app.devices.scanning.types import Frame, FrameSource, Read

log = logging.getLogger(__name__)

ReadHandler = Callable[[Read, Frame], None]
FrameHandler = Callable[[Frame], None]


@dataclass(frozen=True, slots=True)
class ScanSettings:
    # 10–15 decodes a second feel instant at a desk and leave a core for everything else.
    max_rate_hz: float = 12.0
    guide: GuideBox = field(default_factory=GuideBox)
    dedupe_window_s: float = DEFAULT_WINDOW_S
    decode: DecodeConfig = field(default_factory=DecodeConfig)

    def __post_init__(self) -> None:
        if not 0 < self.max_rate_hz <= 60:
            raise ValueError("decode rate must be in (0, 60] per second")


class ScanLoop:
    """Owns its thread. `start` returns at once: the source is opened on the loop's thread
    (opening a camera can take seconds), and a failure to open goes to `on_failed`. `stop`
    asks the thread to end; the thread closes the source. Handlers run on the loop's thread
    and must not touch widgets (the Qt worker re-emits them as queued signals)."""

    def __init__(
        self,
        source: FrameSource,
        on_read: ReadHandler,
        settings: ScanSettings | None = None,
        *,
        on_frame: FrameHandler | None = None,
        on_finished: Callable[[], None] | None = None,
        on_failed: Callable[[OSError], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        decoder: Decoder | None = None,
    ) -> None:
        self.settings = settings or ScanSettings()
        self._source = source
        self._on_read = on_read
        self._on_frame = on_frame
        self._on_finished = on_finished
        self._on_failed = on_failed
        self._clock = clock
        self._decoder = decoder or Decoder(self.settings.decode)
        self._dedupe = DedupeFilter(self.settings.dedupe_window_s, clock)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.decoded_frames = 0

    def process(self, frame: Frame) -> list[Read]:
        """Decode one frame inside the guide box; hand new (not recently seen) codes on."""
        reads = self._decoder.decode(crop_to_guide(frame.image, self.settings.guide))
        self.decoded_frames += 1
        fresh = [r for r in reads if self._dedupe.accept(r.text, self._clock())]
        for r in fresh:
            self._on_read(r, frame)
        return fresh

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("scan loop already running")
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="scan-loop", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        self._thread = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _run(self) -> None:
        interval = 1.0 / self.settings.max_rate_hz
        next_decode = self._clock()
        try:
            self._source.open()
        except OSError as exc:
            log.warning("scan source could not be opened: %s", exc)
            if self._on_failed is not None:
                self._on_failed(exc)
            if self._on_finished is not None:
                self._on_finished()
            return
        try:
            while not self._stop.is_set():
                frame = self._source.read(timeout=0.1)
                if frame is None:
                    if self._source.exhausted:
                        break
                    continue
                if self._on_frame is not None:
                    self._on_frame(frame)
                now = self._clock()
                if now < next_decode:
                    continue  # the preview still gets this frame; the decoder skips it
                next_decode = max(next_decode + interval, now)
                try:
                    self.process(frame)
                except Exception:
                    # One bad frame must not end scanning; the log keeps the evidence.
                    log.exception("decoding frame %d failed", frame.index)
        finally:
            self._source.close()
            if self._on_finished is not None:
                self._on_finished()
