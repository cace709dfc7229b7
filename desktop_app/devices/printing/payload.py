"""Print job payloads: what a queued job stores (plain JSON) and how it becomes bytes again.

A job keeps the template's INPUT (the sale, the refund, ...) with the store text and the
language, never the rendered bytes or the laid-out document. So a reprint re-renders the
same receipt on whatever printer is attached now, and can add the COPY marker, which is
part of the template (header and footer).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from desktop_app.devices.receipts import commands
from desktop_app.devices.receipts.document import (
    Align,
    Column,
    ColumnsRow,
    Cut,
    Document,
    Rule,
    Size,
    Style,
    TextRow,
)
from desktop_app.devices.receipts.templates import (
    MemberCard,
    Refund,
    Sale,
    ShiftReport,
    StoreText,
    TopUp,
    member_card,
    refund_receipt,
    sale_receipt,
    shift_report,
    topup_receipt,
)
from desktop_app.devices.receipts.templates.common import kv
from desktop_app.devices.receipts.templates.daily_summary import (
    DailySummary,
    daily_summary_receipt,
)
from desktop_app.devices.receipts.templates.labels import LANGUAGES, format_money

Builder = Callable[[Any, StoreText, str, bool], Document]

TEMPLATES: dict[str, tuple[type[Any], Builder]] = {
    "sale": (Sale, sale_receipt),
    "refund": (Refund, refund_receipt),
    "topup": (TopUp, topup_receipt),
    "shift_report": (ShiftReport, shift_report),
    "member_card": (MemberCard, member_card),
    "daily_summary": (DailySummary, daily_summary_receipt),
}
TEST_PAGE = "test_page"
DRAWER_KICK = "drawer_kick"
KINDS = (*TEMPLATES, TEST_PAGE, DRAWER_KICK)


class PayloadError(ValueError):
    """A stored payload cannot be turned back into a receipt (unknown kind, bad data)."""


def to_json(value: Any) -> Any:
    """Template dataclasses -> JSON-able values (datetimes and dates as ISO text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise PayloadError(f"cannot store a {type(value).__name__} in a print job")


def from_json(tp: Any, value: Any) -> Any:
    """The inverse of ``to_json``, guided by the type hints of the template dataclasses."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(tp)
        if value is None and type(None) in options:
            return None
        real = [o for o in options if o is not type(None)]
        return from_json(real[0], value)
    if origin is tuple:
        item = typing.get_args(tp)[0]
        return tuple(from_json(item, v) for v in value)
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        built: Any = tp(**{k: from_json(hints[k], v) for k, v in value.items() if k in known})  # type: ignore[operator]
        return built
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is date:
        return date.fromisoformat(value)
    if tp in (int, str, bool, float) and not isinstance(value, tp):
        raise PayloadError(f"expected {tp.__name__}, got {value!r}")
    return value


def receipt_payload(kind: str, data: Any, store: StoreText, lang: str) -> dict[str, Any]:
    """The JSON a print job keeps for a templated receipt."""
    if kind not in TEMPLATES or not isinstance(data, TEMPLATES[kind][0]):
        raise PayloadError(f"{kind!r} does not take a {type(data).__name__}")
    if lang not in LANGUAGES:
        raise PayloadError(f"no receipt labels in {lang!r}")
    return {"lang": lang, "store": to_json(store), "data": to_json(data)}


def sample_page_payload(store: StoreText, lang: str, setup: str) -> dict[str, Any]:
    return {"lang": lang, "store": to_json(store), "setup": setup}


def document_for(kind: str, payload: dict[str, Any], copy: bool) -> Document:
    """Rebuild the receipt a job describes; ``copy`` adds the COPY marker."""
    try:
        store = from_json(StoreText, payload["store"])
        lang = str(payload.get("lang", "en"))
        if kind == TEST_PAGE:
            return sample_page(store, lang, str(payload.get("setup", "")))
        data_type, build = TEMPLATES[kind]
        return build(from_json(data_type, payload["data"]), store, lang, copy)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise PayloadError(f"{kind} job payload is unreadable: {exc!r}") from exc


def drawer_kick_bytes(pin: int) -> list[bytes]:
    return [commands.INIT + commands.cash_drawer_kick(pin)]


def sample_page(store: StoreText, lang: str, setup: str) -> Document:
    """A page that shows at a glance whether text, Chinese, width and cutting work."""
    zh = lang == "zh_CN"
    title = "打印测试页" if zh else "Printer test page"
    ruler = "".join(str(i % 10) for i in range(1, 49))
    return Document((
        TextRow(store.header[0] if store.header else "Frontdesk",
                Style(bold=True, size=Size.DOUBLE_HEIGHT, align=Align.CENTER)),
        TextRow(title, Style(bold=True, size=Size.DOUBLE, align=Align.CENTER)),
        Rule(),
        TextRow(setup),
        TextRow(ruler),
        TextRow("中文测试：悦动健身 谢谢惠顾"),
        kv("全角 ￥100", "￥100"),
        kv("Price", format_money(12345)),
        ColumnsRow((Column("左 Left", None), Column("中 Mid", 8, Align.CENTER),
                    Column("右 Right", 10, Align.RIGHT))),
        TextRow("Bold 粗体", Style(bold=True)),
        Rule("="),
        Cut(),
    ))
