"""Writes the door sounds (allow.wav, warn.wav, deny.wav, birthday.wav) beside this file.

The files are committed; run this again only to change them:
    .venv/bin/python resources/sounds/make_sounds.py
Plain sine tones with a short fade in and out (no clicks), 16-bit mono PCM at 22,050 Hz,
written with the standard library's `wave` module, so the output is the same on every run.
The desk plays them through Qt Multimedia's QSoundEffect, or beeps when that is missing.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
FADE = 0.008  # seconds of fade at each end of a tone

# Each sound: (frequency in Hz, or 0 for silence; seconds).
SOUNDS: dict[str, list[tuple[float, float]]] = {
    "allow": [(880.0, 0.09), (0, 0.02), (1318.5, 0.14)],  # rising: "come in"
    "warn": [(660.0, 0.14), (0, 0.06), (660.0, 0.14)],  # two level tones: "look"
    "deny": [(220.0, 0.22), (0, 0.05), (196.0, 0.30)],  # low, falling: "stop"
    "birthday": [(784.0, 0.10), (987.8, 0.10), (1174.7, 0.10), (1568.0, 0.20)],
}


def samples(tones: list[tuple[float, float]], volume: float = 0.45) -> bytes:
    out = bytearray()
    for freq, seconds in tones:
        n = int(RATE * seconds)
        fade = int(RATE * FADE)
        for i in range(n):
            if freq == 0:
                value = 0.0
            else:
                envelope = min(1.0, i / fade, (n - 1 - i) / fade)
                value = volume * envelope * math.sin(2 * math.pi * freq * i / RATE)
            out += struct.pack("<h", int(value * 32767))
    return bytes(out)


def write_all(folder: Path) -> list[Path]:
    written = []
    for key, tones in SOUNDS.items():
        path = folder / f"{key}.wav"
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(RATE)
            w.writeframes(samples(tones))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write_all(Path(__file__).resolve().parent):
        print(p)
