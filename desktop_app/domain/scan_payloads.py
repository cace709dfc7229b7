"""What a scanned text means: a member card, a member number, a product, a dynamic member QR,
or nothing we know (with the reason). Pure: no I/O, and the time is passed in.

Shapes are disjoint by design (codes.py): member numbers have 9 digits, card codes 16, both
with a Luhn check digit; retail barcodes have 8 (EAN-8), 12 (UPC-A) or 13 (EAN-13) digits with
the GS1 check digit. Other printable text up to 48 characters is a Code 128 product code.

Dynamic member QR (shown by the member app, so a photo of a card is not enough):
    FD1:<member number>:<time step>:<mac>
time step = floor(unix seconds / 30); mac = the first 10 bytes of
HMAC-SHA256(member secret, "FD1:<member number>:<time step>") in base32 without padding
(16 characters, 80 bits). The desk accepts the current step and one step either side, so a
screenshot stops working within about a minute and a desk clock 30 s off still works.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_app.domain.codes import (
    CARD_CODE_LENGTH,
    MEMBER_NUMBER_LENGTH,
    is_card_code,
    is_member_number,
)

DYNAMIC_PREFIX = "FD1"
STEP_SECONDS = 30
ACCEPTED_SKEW_STEPS = 1
MAC_BYTES = 10
MAX_TEXT_LENGTH = 128
MAX_CODE128_LENGTH = 48

_DYNAMIC_RE = re.compile(r"FD1:(\d{9}):(\d{1,12}):([A-Z2-7]{16})")


class PayloadKind(StrEnum):
    MEMBER_CARD = "member_card"
    MEMBER_NUMBER = "member_number"
    DYNAMIC_MEMBER = "dynamic_member"
    PRODUCT = "product"
    UNKNOWN = "unknown"


class UnknownReason(StrEnum):
    EMPTY = "empty"
    BAD_CHECK_DIGIT = "bad_check_digit"
    UNKNOWN_FORMAT = "unknown_format"
    TOO_LONG = "too_long"
    MALFORMED = "malformed"  # looks like a dynamic QR but is not well formed
    FORGED = "forged"  # the MAC does not match the member's secret
    EXPIRED = "expired"  # signed for a step more than one step ago
    NOT_YET_VALID = "not_yet_valid"  # signed for a step more than one step ahead
    UNKNOWN_MEMBER = "unknown_member"  # no secret for that member number


class ProductFormat(StrEnum):
    EAN13 = "ean13"
    UPCA = "upca"
    EAN8 = "ean8"
    CODE128 = "code128"


@dataclass(frozen=True, slots=True)
class ScanPayload:
    kind: PayloadKind
    text: str
    member_number: str | None = None  # MEMBER_NUMBER and DYNAMIC_MEMBER
    card_code: str | None = None  # MEMBER_CARD
    product_code: str | None = None  # PRODUCT
    product_format: ProductFormat | None = None
    reason: UnknownReason | None = None  # UNKNOWN

    @property
    def is_known(self) -> bool:
        return self.kind is not PayloadKind.UNKNOWN


SecretLookup = Callable[[str], bytes | None]


def _unknown(text: str, reason: UnknownReason) -> ScanPayload:
    return ScanPayload(PayloadKind.UNKNOWN, text, reason=reason)


def gs1_check_digit(payload: str) -> str:
    """The GS1 (EAN/UPC) check digit: weights 3,1,3,... from the right of the payload."""
    total = sum((3 if i % 2 == 0 else 1) * int(d) for i, d in enumerate(reversed(payload)))
    return str((10 - total % 10) % 10)


def gs1_valid(code: str) -> bool:
    return (
        len(code) >= 2
        and code.isascii()
        and code.isdigit()
        and gs1_check_digit(code[:-1]) == code[-1]
    )


_RETAIL = {13: ProductFormat.EAN13, 12: ProductFormat.UPCA, 8: ProductFormat.EAN8}


def classify_scan(
    text: str,
    *,
    secret_lookup: SecretLookup | None = None,
    now: datetime | None = None,
) -> ScanPayload:
    """Classify a scanned text. A dynamic QR is verified when `secret_lookup` and `now` are
    given; without them it is returned as DYNAMIC_MEMBER unverified (shape checked only)."""
    t = text.strip()
    if not t:
        return _unknown(text, UnknownReason.EMPTY)
    if len(t) > MAX_TEXT_LENGTH:
        return _unknown(t, UnknownReason.TOO_LONG)
    if t.startswith(DYNAMIC_PREFIX + ":"):
        if secret_lookup is not None and now is not None:
            return verify_dynamic_qr(t, secret_lookup, now)
        m = _DYNAMIC_RE.fullmatch(t)
        if m is None or not is_member_number(m.group(1)):
            return _unknown(t, UnknownReason.MALFORMED)
        return ScanPayload(PayloadKind.DYNAMIC_MEMBER, t, member_number=m.group(1))
    if t.isascii() and t.isdigit():
        return _classify_digits(t)
    if len(t) > MAX_CODE128_LENGTH:
        return _unknown(t, UnknownReason.TOO_LONG)
    if t.isascii() and t.isprintable():
        return ScanPayload(
            PayloadKind.PRODUCT, t, product_code=t, product_format=ProductFormat.CODE128
        )
    return _unknown(t, UnknownReason.UNKNOWN_FORMAT)


def _classify_digits(t: str) -> ScanPayload:
    if len(t) == CARD_CODE_LENGTH:
        if is_card_code(t):
            return ScanPayload(PayloadKind.MEMBER_CARD, t, card_code=t)
        return _unknown(t, UnknownReason.BAD_CHECK_DIGIT)
    if len(t) == MEMBER_NUMBER_LENGTH:
        if is_member_number(t):
            return ScanPayload(PayloadKind.MEMBER_NUMBER, t, member_number=t)
        return _unknown(t, UnknownReason.BAD_CHECK_DIGIT)
    fmt = _RETAIL.get(len(t))
    if fmt is not None:
        if gs1_valid(t):
            return ScanPayload(PayloadKind.PRODUCT, t, product_code=t, product_format=fmt)
        return _unknown(t, UnknownReason.BAD_CHECK_DIGIT)
    if len(t) > MAX_CODE128_LENGTH:
        return _unknown(t, UnknownReason.TOO_LONG)
    # Other digit strings are Code 128 product codes (shop-internal SKUs).
    return ScanPayload(PayloadKind.PRODUCT, t, product_code=t, product_format=ProductFormat.CODE128)


def time_step(now: datetime) -> int:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return int(now.timestamp()) // STEP_SECONDS


def _mac(member_number: str, step: int, secret: bytes) -> str:
    message = f"{DYNAMIC_PREFIX}:{member_number}:{step}".encode("ascii")
    digest = hmac.new(secret, message, hashlib.sha256).digest()[:MAC_BYTES]
    return base64.b32encode(digest).decode("ascii").rstrip("=")


def make_dynamic_qr(member_number: str, secret: bytes, now: datetime) -> str:
    """The text of a member's dynamic QR code for the 30-second step containing `now`."""
    if not is_member_number(member_number):
        raise ValueError("not a valid member number")
    if len(secret) < 16:
        raise ValueError("member secret must be at least 16 bytes")
    step = time_step(now)
    return f"{DYNAMIC_PREFIX}:{member_number}:{step}:{_mac(member_number, step, secret)}"


def verify_dynamic_qr(text: str, secret_lookup: SecretLookup, now: datetime) -> ScanPayload:
    """Verify offline: well formed, a known member, a MAC that matches, a step within ±1."""
    t = text.strip()
    m = _DYNAMIC_RE.fullmatch(t)
    if m is None or not is_member_number(m.group(1)):
        return _unknown(t, UnknownReason.MALFORMED)
    member, step, mac = m.group(1), int(m.group(2)), m.group(3)
    secret = secret_lookup(member)
    if secret is None:
        return _unknown(t, UnknownReason.UNKNOWN_MEMBER)
    # The MAC first: an attacker must not learn which steps would be accepted.
    if not hmac.compare_digest(mac, _mac(member, step, secret)):
        return _unknown(t, UnknownReason.FORGED)
    current = time_step(now)
    if step < current - ACCEPTED_SKEW_STEPS:
        return _unknown(t, UnknownReason.EXPIRED)
    if step > current + ACCEPTED_SKEW_STEPS:
        return _unknown(t, UnknownReason.NOT_YET_VALID)
    return ScanPayload(PayloadKind.DYNAMIC_MEMBER, t, member_number=member)
