from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_app.domain.codes import card_code_from_int, member_number_from_serial
from desktop_app.domain.scan_payloads import (
    PayloadKind,
    ProductFormat,
    UnknownReason,
    classify_scan,
    make_dynamic_qr,
    verify_dynamic_qr,
)

MEMBER = member_number_from_serial(1)  # 000000018
SECRET = b"0123456789abcdef-member-secret"
NOW = datetime(2025, 3, 1, 9, 30, 15, tzinfo=UTC)


def lookup(member: str) -> bytes | None:
    return SECRET if member == MEMBER else None


def test_card_code_and_member_number() -> None:
    card = card_code_from_int(42)
    assert classify_scan(card).kind is PayloadKind.MEMBER_CARD
    assert classify_scan(MEMBER).member_number == MEMBER
    bad = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert classify_scan(bad).reason is UnknownReason.BAD_CHECK_DIGIT
    assert classify_scan("000000019").reason is UnknownReason.BAD_CHECK_DIGIT


@pytest.mark.parametrize(
    ("code", "fmt"),
    [
        ("4006381333931", ProductFormat.EAN13),
        ("036000291452", ProductFormat.UPCA),
        ("96385074", ProductFormat.EAN8),
        ("SKU-00042", ProductFormat.CODE128),
        ("1234567", ProductFormat.CODE128),
    ],
)
def test_products(code: str, fmt: ProductFormat) -> None:
    p = classify_scan(code)
    assert (p.kind, p.product_format, p.product_code) == (PayloadKind.PRODUCT, fmt, code)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("4006381333932", UnknownReason.BAD_CHECK_DIGIT),
        ("036000291453", UnknownReason.BAD_CHECK_DIGIT),
        ("96385075", UnknownReason.BAD_CHECK_DIGIT),
        ("X" * 49, UnknownReason.TOO_LONG),
        ("9" * 200, UnknownReason.TOO_LONG),
        ("", UnknownReason.EMPTY),
        ("会员卡", UnknownReason.UNKNOWN_FORMAT),
        ("FD1:garbage", UnknownReason.MALFORMED),
    ],
)
def test_unknown_with_reason(text: str, reason: UnknownReason) -> None:
    p = classify_scan(text)
    assert (p.kind, p.reason) == (PayloadKind.UNKNOWN, reason)


def test_fresh_dynamic_qr_is_accepted() -> None:
    text = make_dynamic_qr(MEMBER, SECRET, NOW)
    assert text.startswith(f"FD1:{MEMBER}:")
    p = verify_dynamic_qr(text, lookup, NOW + timedelta(seconds=5))
    assert (p.kind, p.member_number) == (PayloadKind.DYNAMIC_MEMBER, MEMBER)
    assert classify_scan(text, secret_lookup=lookup, now=NOW).kind is PayloadKind.DYNAMIC_MEMBER


@pytest.mark.parametrize("skew", [-30, 30])
def test_one_step_of_clock_skew_is_accepted(skew: int) -> None:
    text = make_dynamic_qr(MEMBER, SECRET, NOW + timedelta(seconds=skew))
    assert verify_dynamic_qr(text, lookup, NOW).kind is PayloadKind.DYNAMIC_MEMBER


def test_screenshot_expires_within_about_a_minute() -> None:
    text = make_dynamic_qr(MEMBER, SECRET, NOW)
    assert (
        verify_dynamic_qr(text, lookup, NOW + timedelta(seconds=61)).reason is UnknownReason.EXPIRED
    )
    future = make_dynamic_qr(MEMBER, SECRET, NOW + timedelta(seconds=90))
    assert verify_dynamic_qr(future, lookup, NOW).reason is UnknownReason.NOT_YET_VALID


def test_forged_codes_are_refused() -> None:
    text = make_dynamic_qr(MEMBER, SECRET, NOW)
    prefix, member, step, mac = text.split(":")
    other_mac = ("A" if mac[0] != "A" else "B") + mac[1:]
    assert verify_dynamic_qr(":".join([prefix, member, step, other_mac]), lookup, NOW).reason is (
        UnknownReason.FORGED
    )
    # Re-using a valid MAC with a later step (to extend a screenshot) is forged too.
    moved = ":".join([prefix, member, str(int(step) + 1), mac])
    assert verify_dynamic_qr(moved, lookup, NOW).reason is UnknownReason.FORGED
    wrong_secret = make_dynamic_qr(MEMBER, b"another-secret-of-16+", NOW)
    assert verify_dynamic_qr(wrong_secret, lookup, NOW).reason is UnknownReason.FORGED


def test_malformed_and_unknown_member() -> None:
    text = make_dynamic_qr(MEMBER, SECRET, NOW)
    assert verify_dynamic_qr(text + "X", lookup, NOW).reason is UnknownReason.MALFORMED
    assert verify_dynamic_qr(text.lower(), lookup, NOW).reason is UnknownReason.MALFORMED
    stranger = make_dynamic_qr(member_number_from_serial(2), SECRET, NOW)
    assert verify_dynamic_qr(stranger, lookup, NOW).reason is UnknownReason.UNKNOWN_MEMBER
    with pytest.raises(ValueError):
        make_dynamic_qr(MEMBER, SECRET, NOW.replace(tzinfo=None))
