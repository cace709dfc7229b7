"""Human-facing numbers with check digits.

Member numbers and card codes are digits only (Chinese input methods swallow letters, see
HARDWARE.md) and end in a Luhn check digit, which catches every single-digit slip and most
swapped neighbours. Their lengths differ from product barcodes (EAN-8, UPC-A, EAN-13) so a
scan can be classified by shape before any lookup:
- member number: 9 digits (8 + check)
- card code:     16 digits (15 + check)
"""

from __future__ import annotations

import secrets

MEMBER_NUMBER_LENGTH = 9
CARD_CODE_LENGTH = 16


def luhn_check_digit(payload: str) -> str:
    """The digit that makes `payload + digit` pass the Luhn check."""
    if not payload.isdigit() or not payload.isascii():
        raise ValueError("Luhn payload must be ASCII digits")
    total = 0
    # Double every second digit counting from the right of the payload (the check digit
    # will sit to its right, so the payload's last digit is doubled).
    for i, ch in enumerate(reversed(payload)):
        d = ord(ch) - 48
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(code: str) -> bool:
    if len(code) < 2 or not code.isascii() or not code.isdigit():
        return False
    return luhn_check_digit(code[:-1]) == code[-1]


def member_number_from_serial(serial: int) -> str:
    """Member numbers are issued from a counter: 00000001 -> 000000018."""
    if not 0 < serial < 10 ** (MEMBER_NUMBER_LENGTH - 1):
        raise ValueError("member serial out of range")
    body = f"{serial:0{MEMBER_NUMBER_LENGTH - 1}d}"
    return body + luhn_check_digit(body)


def is_member_number(text: str) -> bool:
    return len(text) == MEMBER_NUMBER_LENGTH and luhn_valid(text)


def new_card_code() -> str:
    """A random card code. The first digit is never 0 so spreadsheets keep it whole."""
    body = str(secrets.randbelow(9) + 1) + "".join(
        str(secrets.randbelow(10)) for _ in range(CARD_CODE_LENGTH - 2)
    )
    return body + luhn_check_digit(body)


def card_code_from_int(n: int) -> str:
    """A deterministic card code (demo data, tests): 15 digits from n, plus the check digit."""
    body = f"{10 ** (CARD_CODE_LENGTH - 2) + n % (9 * 10 ** (CARD_CODE_LENGTH - 2)):d}"
    return body + luhn_check_digit(body)


def is_card_code(text: str) -> bool:
    return len(text) == CARD_CODE_LENGTH and luhn_valid(text)
