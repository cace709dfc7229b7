"""One still picture from a camera (a member's photo), through the same frame sources the
scanner uses (desktop_app.devices.scanning). Blocking: call it on a worker thread."""

from __future__ import annotations

import time
from collections.abc import Callable

import cv2

from desktop_app.devices.scanning.types import FrameSource

WARM_UP_FRAMES = 5  # a webcam's first frames are dark while its exposure settles


class NoCamera(OSError):
    """No camera could be opened, or it delivered no picture in time."""


def grab_still(source_factory: Callable[[], FrameSource], timeout: float = 5.0,
               warm_up: int = WARM_UP_FRAMES) -> bytes:
    """Open the source, skip `warm_up` frames (as far as time allows), return the next one as
    PNG bytes, and close the source. Raises NoCamera when nothing usable arrives."""
    source = source_factory()
    try:
        source.open()
    except OSError as exc:
        raise NoCamera(str(exc)) from exc
    try:
        deadline = time.monotonic() + timeout
        newest = None
        seen = 0
        while seen <= warm_up:
            left = deadline - time.monotonic()
            if left <= 0 or source.exhausted:
                break
            frame = source.read(min(left, 0.5))
            if frame is not None:
                newest, seen = frame, seen + 1
        if newest is None:
            raise NoCamera("the camera delivered no picture")
        ok, encoded = cv2.imencode(".png", newest.image)
        if not ok:
            raise NoCamera("the camera's picture could not be encoded")
        return bytes(encoded.tobytes())
    finally:
        source.close()
