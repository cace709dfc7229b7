"""Money, codes, contacts, clocks, hash chains and settings: the pure core."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.business_day import business_day, business_day_bounds
from desktop_app.domain.chain import GENESIS, link_hash, verify_chain
from desktop_app.domain.codes import (
    card_code_from_int,
    is_card_code,
    is_member_number,
    luhn_valid,
    member_number_from_serial,
    new_card_code,
)
from desktop_app.domain.contact import clean_name, clean_note, normalize_email, normalize_phone
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.hlc import HLC
from desktop_app.domain.money import format_minor, parse_amount
from desktop_app.domain.settings import StoreSettings

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize("text,minor", [("12.5", 1250), ("¥12.50", 1250), ("￥100", 10000),
                                        (" 1,200 ", 120000), ("0.05", 5), ("-3", -300)])
def test_money_parses_to_minor_units(text: str, minor: int) -> None:
    assert parse_amount(text) == minor


@pytest.mark.parametrize("text", ["", "abc", "1.234", "12.5.0", "1e3", "¥"])
def test_money_rejects_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_amount(text)


@given(st.integers(min_value=-10**11, max_value=10**11))
def test_money_format_round_trips(minor: int) -> None:
    assert parse_amount(format_minor(minor)) == minor


def test_member_numbers_and_card_codes_carry_a_check_digit() -> None:
    number = member_number_from_serial(1)
    assert number == "000000018" and is_member_number(number)
    assert not is_member_number("000000017")
    code = new_card_code()
    assert is_card_code(code) and code[0] != "0"
    assert is_card_code(card_code_from_int(42))
    assert len({card_code_from_int(i) for i in range(1000)}) == 1000


@given(st.text(alphabet="0123456789", min_size=5, max_size=20), st.integers(0, 9))
def test_luhn_catches_every_single_digit_slip(code: str, slip: int) -> None:
    from desktop_app.domain.codes import luhn_check_digit

    full = code + luhn_check_digit(code)
    i = len(full) // 2
    changed = full[:i] + str((int(full[i]) + slip) % 10) + full[i + 1:]
    assert luhn_valid(changed) == (slip == 0)


@pytest.mark.parametrize("raw,stored", [("13800138000", "13800138000"),
                                        ("+86 138-0013-8000", "13800138000"),
                                        ("0086 138 0013 8000", "13800138000"),
                                        ("+44 20 7946 0958", "+442079460958"),
                                        ("１３８００１３８０００", "13800138000")])
def test_phones_are_normalised(raw: str, stored: str) -> None:
    assert normalize_phone(raw) == stored


@pytest.mark.parametrize("raw", ["12345", "2380013800", "call me", "+0123"])
def test_bad_phones_are_refused_clearly(raw: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw)
    assert err.value.field == "phone"


def test_names_keep_any_script_and_lose_control_characters() -> None:
    assert clean_name("  张三 ") == "张三"
    assert clean_name("<b>x</b>") == "<b>x</b>"  # stored as typed; views show plain text
    assert clean_name("Zoë\u0000") == "Zoë"
    assert clean_name("محمد") == "محمد"
    with pytest.raises(ValidationError):
        clean_name("   ")
    with pytest.raises(ValidationError):
        clean_name("x" * 201)
    assert len(clean_note("n" * 10_000)) == 10_000
    with pytest.raises(ValidationError):
        clean_note("n" * 10_001)
    assert normalize_email(" Zhang@Example.COM ") == "zhang@example.com"


def test_business_day_cuts_off_at_four_in_the_morning() -> None:
    at_0130 = datetime(2026, 3, 3, 1, 30, tzinfo=SHANGHAI)
    at_0430 = datetime(2026, 3, 3, 4, 30, tzinfo=SHANGHAI)
    assert business_day(at_0130, SHANGHAI) == date(2026, 3, 2)
    assert business_day(at_0430, SHANGHAI) == date(2026, 3, 3)
    start, end = business_day_bounds(date(2026, 3, 2), SHANGHAI, time(4))
    assert start == datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert end == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)


def test_hlc_orders_events_and_survives_a_clock_behind() -> None:
    a = HLC(1000, 0, "a")
    b = a.tick(1000)
    assert b > a and b.counter == 1
    remote = HLC(5000, 3, "z")
    c = b.receive(remote, now_ms=1200)  # our wall clock is behind the remote one
    assert c > remote and c.wall_ms == 5000
    assert HLC.parse(str(c)) == c
    assert str(HLC(999, 0, "n")) < str(HLC(1000, 0, "n"))  # text order is time order


def test_hash_chain_finds_edits_inserts_and_removals() -> None:
    entries = []
    prev = GENESIS
    for i in range(5):
        fields = {"i": i, "what": f"entry {i}"}
        h = link_hash(prev, fields)
        entries.append((i, prev, h, fields))
        prev = h
    assert verify_chain(entries, head=prev) == []
    edited = list(entries)
    edited[2] = (2, entries[2][1], entries[2][2], {"i": 2, "what": "changed"})
    assert [f.position for f in verify_chain(edited, head=prev)] == [2]
    removed = entries[:2] + entries[3:]
    assert [f.position for f in verify_chain(removed, head=prev)] == [3]
    assert verify_chain(entries[:4], head=prev)  # the newest entry was dropped


def test_settings_are_typed_with_defaults() -> None:
    s = StoreSettings()
    assert s.idle_lock_minutes == 5 and s.cashier_discount_pct == 10
    assert s.with_value("idle_lock_minutes", 2).idle_lock_minutes == 2
    assert "idle" in StoreSettings.help("idle_lock_minutes")
    for key, bad in [("idle_lock_minutes", "5"), ("idle_lock_minutes", True),
                     ("store_name", 3), ("nope", 1), ("grace_days", -1)]:
        with pytest.raises(ValidationError):
            s.with_value(key, bad)
