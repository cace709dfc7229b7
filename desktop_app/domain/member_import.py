"""Member CSV files, pure: decoding (UTF-8 or GB18030), mapping columns to fields, and
checking each row, so a dry run can name every bad row by its line and reason before
anything is written. The same columns are written by the export, so a file round-trips.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop_app.domain.contact import clean_name, clean_note, normalize_email, normalize_phone
from desktop_app.domain.errors import ValidationError

FIELDS = (
    "number", "name", "phone", "email", "birthday", "gender", "notes", "card_code", "tags",
    "consent_sms", "consent_email",
)
# Headers seen in the wild (our export, spreadsheets from other systems), folded.
ALIASES: dict[str, tuple[str, ...]] = {
    "number": ("number", "member number", "member_number", "member no", "no", "会员号",
               "会员编号", "编号"),
    "name": ("name", "full name", "member name", "姓名", "会员姓名", "名字"),
    "phone": ("phone", "mobile", "phone number", "tel", "手机", "手机号", "电话", "联系电话"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮箱"),
    "birthday": ("birthday", "birth date", "date of birth", "dob", "生日", "出生日期"),
    "gender": ("gender", "sex", "性别"),
    "notes": ("notes", "note", "remarks", "备注"),
    "card_code": ("card", "card code", "card_code", "card number", "卡号", "会员卡号"),
    "tags": ("tags", "tag", "labels", "标签"),
    "consent_sms": ("consent_sms", "sms consent", "sms", "短信营销", "接收短信"),
    "consent_email": ("consent_email", "email consent", "邮件营销", "接收邮件"),
}
GENDERS = {"male": "male", "m": "male", "男": "male", "female": "female", "f": "female",
           "女": "female", "other": "other", "其他": "other", "": None}
YES = {"1", "y", "yes", "true", "是", "同意", "x", "✓"}
NO = {"0", "n", "no", "false", "否", "不同意", ""}
_NUMBER = re.compile(r"^[A-Za-z0-9\-]{1,16}$")
_CARD = re.compile(r"^[0-9A-Za-z]{6,32}$")
_TAG_SPLIT = re.compile(r"[;；,，|/、]")
_DATE = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$")


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int  # the file line the row starts on (the header is line 1)
    reason: str  # stable code: missing_name, invalid_phone, duplicate_number, ...
    field: str | None = None
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ImportRow:
    line: int
    number: str | None
    name: str
    phone: str | None
    email: str | None
    birthday: date | None
    gender: str | None
    notes: str
    card_code: str | None
    tags: tuple[str, ...]
    consent_sms: bool
    consent_email: bool


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding used: the one asked for, else UTF-8 (with or
    without a byte-order mark), else GB18030 (Excel on a Chinese Windows saves that)."""
    if encoding:
        return data.decode(encoding), encoding
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030"), "gb18030"


def _fold_header(h: str) -> str:
    return re.sub(r"\s+", " ", h.replace("_", " ").strip().lower())


def guess_mapping(headers: Sequence[str]) -> dict[str, int]:
    """Field -> column index, from the header row; unknown headers are ignored."""
    folded = [_fold_header(h) for h in headers]
    mapping: dict[str, int] = {}
    for field, names in ALIASES.items():
        wanted = {_fold_header(n) for n in names}
        for i, h in enumerate(folded):
            if h in wanted and i not in mapping.values():
                mapping[field] = i
                break
    return mapping


def resolve_mapping(headers: Sequence[str], mapping: Mapping[str, str] | None) -> dict[str, int]:
    """A mapping of field -> header name given by staff (None: guess from the headers)."""
    if mapping is None:
        return guess_mapping(headers)
    out: dict[str, int] = {}
    for field, header in mapping.items():
        if field not in FIELDS:
            raise ValidationError("mapping", "unknown_field", f"unknown field {field!r}")
        if header not in headers:
            raise ValidationError("mapping", "unknown_column", f"no column {header!r}")
        out[field] = list(headers).index(header)
    return out


def _parse_date(text: str) -> date:
    m = _DATE.match(text)
    if not m:
        raise ValidationError("birthday", "invalid_date", text)
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError as exc:
        raise ValidationError("birthday", "invalid_date", text) from exc


def _flag(field: str, text: str) -> bool:
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise ValidationError(field, "invalid_flag", text)


_FORMULA_START = ("=", "+", "-", "@")


def _unguard(text: str) -> str:
    """Undo the export's guard against spreadsheet formulas ("'+44..." -> "+44...")."""
    return text[1:] if text.startswith("'") and text[1:2] in _FORMULA_START else text


def check_row(line: int, cells: Mapping[str, str]) -> ImportRow:
    """One row's values, cleaned as the desk stores them; raises ValidationError naming
    the field and reason."""
    def cell(f: str) -> str:
        return _unguard(cells.get(f, "").strip())

    number = cell("number") or None
    if number is not None and not _NUMBER.match(number):
        raise ValidationError("number", "invalid_number", number)
    name = clean_name(cell("name"))
    phone = normalize_phone(cell("phone")) if cell("phone") else None
    email = normalize_email(cell("email")) if cell("email") else None
    if number is None and phone is None:
        raise ValidationError("number", "needs_number_or_phone")
    gender_text = cell("gender").lower()
    if gender_text not in GENDERS:
        raise ValidationError("gender", "unknown_gender", gender_text)
    card = cell("card_code") or None
    if card is not None and not _CARD.match(card):
        raise ValidationError("card_code", "invalid_card_code", card)
    tags = tuple(dict.fromkeys(t.strip() for t in _TAG_SPLIT.split(cell("tags")) if t.strip()))
    if any(len(t) > 100 for t in tags):
        raise ValidationError("tags", "too_long")
    return ImportRow(
        line=line,
        number=number,
        name=name,
        phone=phone,
        email=email,
        birthday=_parse_date(cell("birthday")) if cell("birthday") else None,
        gender=GENDERS[gender_text],
        notes=clean_note(_unguard(cells.get("notes", ""))),
        card_code=card,
        tags=tags,
        consent_sms=_flag("consent_sms", cell("consent_sms")),
        consent_email=_flag("consent_email", cell("consent_email")),
    )


def read_rows(
    text: str, mapping: Mapping[str, str] | None = None
) -> tuple[list[str], Iterator[ImportRow | RowProblem]]:
    """The header and, lazily, each data row checked: an ImportRow or the RowProblem that
    names its line. Rows repeating a member number (or, without one, a phone) of an
    earlier row are problems too: which of the two to keep is for staff to decide."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = next(reader)
    except StopIteration as exc:
        raise ValidationError("file", "empty_file") from exc
    except csv.Error as exc:
        raise ValidationError("file", "not_csv", str(exc)) from exc
    columns = resolve_mapping(headers, mapping)
    if "name" not in columns:
        raise ValidationError("mapping", "no_name_column")

    def rows() -> Iterator[ImportRow | RowProblem]:
        first_line: dict[str, int] = {}
        line = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield RowProblem(line, "not_csv", None, str(exc))
                line = reader.line_num + 1
                continue
            start, line = line, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue  # blank lines are not rows
            if len(cells) != len(headers):
                yield RowProblem(start, "column_count", None,
                                 f"{len(cells)} columns, header has {len(headers)}")
                continue
            try:
                row = check_row(start, {f: cells[i] for f, i in columns.items()})
            except ValidationError as exc:
                yield RowProblem(start, exc.reason, exc.field, str(exc))
                continue
            key = f"n:{row.number}" if row.number else f"p:{row.phone}"
            if key in first_line:
                reason = "duplicate_number" if row.number else "duplicate_phone"
                yield RowProblem(start, reason, "number" if row.number else "phone",
                                 f"same as line {first_line[key]}")
                continue
            first_line[key] = start
            yield row

    return headers, rows()


def export_cells(row: Mapping[str, object]) -> list[str]:
    """One member as the export writes it (the columns of FIELDS, in that order)."""
    out: list[str] = []
    for f in FIELDS:
        value = row.get(f)
        if isinstance(value, bool):
            out.append("1" if value else "0")
        elif isinstance(value, date):
            out.append(value.isoformat())
        elif isinstance(value, (list, tuple)):
            out.append(";".join(str(v) for v in value))
        else:
            text = "" if value is None else str(value)
            # A cell starting like a formula would run as one in a spreadsheet.
            out.append("'" + text if text.startswith(_FORMULA_START) else text)
    return out
