"""The decode pipeline on generated frames (no camera, no files)."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from desktop_app.devices import scanning
from desktop_app.devices.scanning import zbar as zbar_module
from desktop_app.devices.scanning.decoder import DecodeConfig, Decoder
from desktop_app.devices.scanning.roi import GuideBox, crop_to_guide
from desktop_app.devices.scanning.synthetic import (
    Degradation,
    clean_frame,
    code_image,
    degraded_frame,
    to_bgr,
)
from desktop_app.devices.scanning.types import Read, Symbology

CASES = [
    ("FD1:000000018:12345:ABCDEFGHIJKLMNOP", Symbology.QR),
    ("SKU-00042", Symbology.CODE128),
    ("4006381333931", Symbology.EAN13),
    ("96385074", Symbology.EAN8),
]


@pytest.mark.parametrize(("text", "sym"), CASES)
def test_clean_frames_decode_grey_and_bgr(text: str, sym: Symbology) -> None:
    frame = clean_frame(text, sym)
    for image in (frame, to_bgr(frame)):
        reads = scanning.decode(image)
        assert [(r.text, r.symbology) for r in reads] == [(text, sym)]


def test_read_is_a_frozen_value() -> None:
    r = Read("x", Symbology.QR)
    with pytest.raises(AttributeError):
        r.text = "y"  # type: ignore[misc]


def test_empty_frame_reads_nothing() -> None:
    assert scanning.decode(np.full((480, 640), 128, np.uint8)) == []


def test_restricted_formats_ignore_other_symbologies() -> None:
    qr_only = Decoder(DecodeConfig(symbologies=frozenset({Symbology.QR})))
    assert qr_only.decode(clean_frame("SKU-00042", Symbology.CODE128)) == []


def _rotated_code128(angle: float) -> np.ndarray:
    deg = Degradation(0.6, angle, 0.0, 0.4, 0.8, 2.0)
    return degraded_frame("ROT-128-XYZ", Symbology.CODE128, deg, np.random.default_rng(5))


def test_second_pass_reads_a_rotated_code128() -> None:
    frame = _rotated_code128(32.0)
    reads = Decoder().decode(frame)
    assert [r.text for r in reads] == ["ROT-128-XYZ"]
    # Without the second pass the pipeline is just zxing, which misses it: the pass matters.
    assert Decoder(DecodeConfig(second_pass=False)).decode(frame) == []


def test_inverted_phone_qr_is_read() -> None:
    deg = Degradation(0.4, 20.0, 0.02, 0.5, 0.6, 3.0, inverted_phone=True)
    frame = degraded_frame("https://x.example/m/1", Symbology.QR, deg, np.random.default_rng(1))
    assert [r.text for r in scanning.decode(frame)] == ["https://x.example/m/1"]


def test_decode_works_without_zbar(monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulate a machine without libzbar: importing pyzbar fails, so the loader gives None.
    monkeypatch.setitem(sys.modules, "pyzbar.pyzbar", None)
    monkeypatch.setitem(sys.modules, "pyzbar", None)
    assert zbar_module.load_zbar() is None
    decoder = Decoder()
    assert not decoder.has_zbar
    for text, sym in CASES:
        assert [r.text for r in decoder.decode(clean_frame(text, sym))] == [text]
    assert [r.text for r in decoder.decode(_rotated_code128(-28.0))] == ["ROT-128-XYZ"]


def _damaged_code128() -> np.ndarray:
    """Bars a decoder finds but cannot read (a strip torn out): every stage runs."""
    frame = clean_frame("SKU-DAMAGED-1", Symbology.CODE128)
    frame[:, 300:340] = 255
    return frame


def test_zbar_loader_is_used_when_available(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[frozenset[Symbology]] = []

    def fake_zbar(image: np.ndarray, symbologies: frozenset[Symbology]) -> list[Read]:
        calls.append(symbologies)
        return []

    monkeypatch.setattr(zbar_module, "load_zbar", lambda: fake_zbar)
    decoder = Decoder()
    assert decoder.has_zbar
    assert decoder.decode(_damaged_code128()) == []
    assert calls, "zbar was not consulted on the straightened region"
    assert Symbology.QR not in calls[0]  # zbar is asked for 1-D codes only
    assert Symbology.CODE128 in calls[0]


def test_a_zbar_fault_does_not_stop_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(image: np.ndarray, symbologies: frozenset[Symbology]) -> list[Read]:
        raise RuntimeError("zbar crashed")

    monkeypatch.setattr(zbar_module, "load_zbar", lambda: broken)
    decoder = Decoder()
    assert decoder.decode(_damaged_code128()) == []
    assert not decoder.has_zbar  # switched off after the fault, zxing carries on
    assert [r.text for r in decoder.decode(clean_frame("SKU-1", Symbology.CODE128))] == ["SKU-1"]


def test_guide_box_crop() -> None:
    frame = np.zeros((480, 640), np.uint8)
    box = GuideBox(0.5, 0.5)
    assert box.rect(640, 480) == (160, 120, 320, 240)
    assert crop_to_guide(frame, box).shape == (240, 320)
    # A box pushed against the edge stays inside the frame.
    assert GuideBox(0.5, 0.5, cx=0.95, cy=0.05).rect(640, 480) == (320, 0, 320, 240)
    with pytest.raises(ValueError):
        GuideBox(1.5, 0.5)


def test_code_outside_the_guide_box_is_not_read() -> None:
    frame = np.full((480, 640), 200, np.uint8)
    code = code_image("LEFT", Symbology.CODE128, module_px=2)
    frame[200 : 200 + code.shape[0], 0 : code.shape[1]] = code
    assert [r.text for r in scanning.decode(frame)] == ["LEFT"]
    assert scanning.decode(crop_to_guide(frame, GuideBox(0.4, 0.8, cx=0.75))) == []
