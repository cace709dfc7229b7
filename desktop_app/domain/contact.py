"""Phones, emails and names as the desk stores them."""

from __future__ import annotations

import re
import unicodedata

from desktop_app.domain.errors import ValidationError

_MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,255}\.[^@\s.]{2,}$")
NAME_MAX = 200
NOTE_MAX = 10_000


def normalize_phone(raw: str) -> str:
    """Mainland 11-digit mobiles are stored bare ("13800138000"); other numbers as E.164.

    "+86 138-0013-8000", "0086 13800138000" and "138 0013 8000" all give "13800138000".
    """
    text = unicodedata.normalize("NFKC", raw).strip()
    digits = re.sub(r"[\s\-().]", "", text)
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    if digits.startswith("+86"):
        digits = digits[3:]
    if _MAINLAND_MOBILE.match(digits):
        return digits
    if _E164.match(digits):
        return digits
    raise ValidationError("phone", "invalid_phone", f"not a phone number: {raw!r}")


def phone_last4(phone: str) -> str:
    return phone[-4:]


def normalize_email(raw: str) -> str:
    email = raw.strip().lower()
    if not _EMAIL.match(email):
        raise ValidationError("email", "invalid_email", f"not an email address: {raw!r}")
    return email


def clean_name(raw: str) -> str:
    """Any script is fine; control characters are not, and neither is an empty name."""
    name = "".join(
        ch
        for ch in unicodedata.normalize("NFC", raw)
        if unicodedata.category(ch) not in ("Cc", "Cf") or ch == "\u200d"
    ).strip()
    if not name:
        raise ValidationError("name", "empty", "a name is required")
    if len(name) > NAME_MAX:
        raise ValidationError("name", "too_long", f"a name has at most {NAME_MAX} characters")
    return name


def clean_note(raw: str) -> str:
    if len(raw) > NOTE_MAX:
        raise ValidationError("notes", "too_long", f"a note has at most {NOTE_MAX} characters")
    return raw
