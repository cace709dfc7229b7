"""Member CSV rows, pure: decoding, header mapping, each bad row named by line and reason."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.member_import import (
    FIELDS,
    ImportRow,
    RowProblem,
    decode,
    export_cells,
    guess_mapping,
    read_rows,
)


def split(text: str) -> tuple[list[ImportRow], list[RowProblem]]:
    _, rows = read_rows(text)
    items = list(rows)
    return ([r for r in items if isinstance(r, ImportRow)],
            [p for p in items if isinstance(p, RowProblem)])


def test_utf8_bom_and_gb18030_are_both_read() -> None:
    text = "姓名,手机\n张三,13800138000\n"
    assert decode(("\ufeff" + text).encode("utf-8")) == (text, "utf-8")
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_chinese_and_english_headers_map_to_fields() -> None:
    assert guess_mapping(["会员号", "姓名", "手机号", "邮箱", "生日"]) == {
        "number": 0, "name": 1, "phone": 2, "email": 3, "birthday": 4}
    assert guess_mapping(FIELDS) == {f: i for i, f in enumerate(FIELDS)}


def test_each_bad_row_is_reported_with_its_line_and_reason() -> None:
    text = ("number,name,phone,email,birthday\n"
            "A1,张三,13800138000,,1990-01-02\n"      # line 2 ok
            "A2,,13800138001,,\n"                     # 3 empty name
            "A3,李四,12345,,\n"                       # 4 bad phone
            "A4,王五,,not-an-email,\n"                # 5 bad email
            'A5,"Multi\nLine",,,\n'                   # 6-7 ok (quoted newline)
            "A6,赵六,,,1990-02-30\n"                  # 8 bad date
            "A1,重复,,,\n"                            # 9 duplicate number
            "A7,too,many,,,,\n"                       # 10 column count
            ",无号,,,\n")                             # 11 no number, no phone
    rows, problems = split(text)
    assert [r.line for r in rows] == [2, 6]
    assert [(p.line, p.reason) for p in problems] == [
        (3, "empty"), (4, "invalid_phone"), (5, "invalid_email"), (8, "invalid_date"),
        (9, "duplicate_number"), (10, "column_count"), (11, "needs_number_or_phone")]


def test_flags_genders_tags_and_formula_guard_round_trip() -> None:
    cells = export_cells({"number": "A1", "name": "=HYPERLINK()", "phone": "+447911123456",
                          "tags": ["VIP", "学生"], "consent_sms": True, "gender": "female"})
    line = ",".join(f'"{c}"' for c in cells)
    rows, problems = split(",".join(FIELDS) + "\n" + line + "\n")
    assert not problems
    row = rows[0]
    assert row.name == "=HYPERLINK()" and row.phone == "+447911123456"
    assert row.tags == ("VIP", "学生") and row.consent_sms and not row.consent_email
    assert row.gender == "female"


def test_a_file_without_a_name_column_is_refused_whole() -> None:
    with pytest.raises(ValidationError):
        read_rows("phone\n13800138000\n")
