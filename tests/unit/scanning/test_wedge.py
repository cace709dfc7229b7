"""The keyboard-wedge state machine, driven with explicit timestamps (seconds)."""

from __future__ import annotations

import pytest

from desktop_app.devices.scanning.wedge import Action, Step, WedgeConfig, WedgeMachine


def type_keys(machine: WedgeMachine, keys: str, start: float, gap: float) -> list[Step]:
    return [machine.key(ch, start + i * gap) for i, ch in enumerate(keys)]


def test_fast_burst_ended_by_enter_is_one_scan_and_nothing_is_typed() -> None:
    m = WedgeMachine(WedgeConfig())
    steps = type_keys(m, "123456789\r", start=10.0, gap=0.008)
    assert [s.action for s in steps[:-1]] == [Action.HOLD] * 9
    assert steps[-1] == Step(Action.SCAN, scan="123456789")
    assert "".join(s.released for s in steps) == ""
    assert not m.holding


def test_slow_typing_is_never_a_scan_and_every_character_is_handed_back() -> None:
    m = WedgeMachine(WedgeConfig())
    steps = type_keys(m, "123456789\r", start=0.0, gap=0.120)
    assert all(s.action is not Action.SCAN for s in steps)
    # Each character comes back (when the next one shows the gap), in order, before Enter.
    assert "".join(s.released for s in steps) == "123456789"
    assert steps[-1].action is Action.PASS


def test_gap_just_over_the_limit_breaks_the_burst() -> None:
    m = WedgeMachine(WedgeConfig(max_gap_s=0.040))
    steps = [
        m.key(c, t) for c, t in zip("12345\r", [0, 0.02, 0.04, 0.0801, 0.09, 0.1], strict=True)
    ]
    assert steps[-1].action is Action.PASS  # "45" after the break is too short
    assert "".join(s.released for s in steps) == "12345"


def test_too_few_characters_is_typing() -> None:
    m = WedgeMachine(WedgeConfig(min_length=4))
    steps = type_keys(m, "123\r", 0.0, 0.005)
    assert steps[-1] == Step(Action.PASS, released="123")


def test_tab_terminates_a_scan() -> None:
    m = WedgeMachine()
    assert type_keys(m, "ABCD1234\t", 5.0, 0.01)[-1].scan == "ABCD1234"


def test_prefix_and_suffix_are_required_and_stripped() -> None:
    cfg = WedgeConfig(prefix="\x02", suffix="#")
    m = WedgeMachine(cfg)
    assert type_keys(m, "\x02000000018#\r", 1.0, 0.01)[-1].scan == "000000018"
    # Without the prefix a fast burst is not a scan: the characters are handed back.
    m2 = WedgeMachine(cfg)
    steps = type_keys(m2, "000000018#\r", 1.0, 0.01)
    assert steps[-1] == Step(Action.PASS, released="000000018#")


def test_quiet_burst_is_released_by_poll() -> None:
    m = WedgeMachine()
    type_keys(m, "ab", 0.0, 0.01)
    assert m.poll(0.03) == ""
    assert m.poll(0.06) == "ab"
    assert not m.holding


def test_non_text_key_releases_the_burst() -> None:
    m = WedgeMachine()
    type_keys(m, "abc", 0.0, 0.01)
    assert m.other_key() == Step(Action.PASS, released="abc")


def test_enter_alone_passes() -> None:
    assert WedgeMachine().key("\r", 1.0) == Step(Action.PASS)


def test_injected_clock_is_used_when_no_time_is_given() -> None:
    now = [0.0]
    m = WedgeMachine(WedgeConfig(), clock=lambda: now[0])
    for ch in "9876":
        now[0] += 0.01
        m.key(ch)
    now[0] += 0.01
    assert m.key("\r").scan == "9876"


@pytest.mark.parametrize("gap", [0.029, 0.051])
def test_gap_setting_is_bounded(gap: float) -> None:
    with pytest.raises(ValueError):
        WedgeConfig(max_gap_s=gap)
