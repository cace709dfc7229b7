from __future__ import annotations

from desktop_app.devices.scanning.dedupe import DedupeFilter


def test_same_code_within_window_is_ignored_then_accepted_after_it() -> None:
    now = [100.0]
    f = DedupeFilter(3.0, clock=lambda: now[0])
    assert f.accept("A")
    now[0] += 1.0
    assert not f.accept("A")
    assert f.accept("B")  # a different code is not held back
    now[0] += 3.0
    assert f.accept("A")


def test_a_code_left_in_view_is_not_re_read_every_window() -> None:
    f = DedupeFilter(3.0, clock=lambda: 0.0)
    assert f.accept("A", at=0.0)
    assert not any(f.accept("A", at=t / 10) for t in range(1, 100))  # seen 10×/s for 10 s
    assert f.accept("A", at=13.0)


def test_many_codes_do_not_grow_memory_without_bound() -> None:
    f = DedupeFilter(3.0, clock=lambda: 0.0)
    for i in range(1000):
        f.accept(str(i), at=i * 10.0)
    assert len(f._last_seen) <= 65
