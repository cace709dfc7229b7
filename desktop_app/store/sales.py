"""Queries and writes for checkout that need a session: numbering, the open shift, the state
of a sale for a refund, what a shift report adds up, the store's settings inside a write."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desktop_app.domain.business_day import business_day
from desktop_app.domain.refunds import LineState, SaleState, TenderState
from desktop_app.domain.sales import TenderKind
from desktop_app.domain.settings import StoreSettings
from desktop_app.domain.shifts import RefundFacts, SaleFacts, TopUpFacts
from desktop_app.store import sale_write
from desktop_app.store.checkout_models import (
    PointsEntry,
    RefundLineRow,
    RefundRow,
    RefundTenderRow,
    SaleLineRow,
    SaleRow,
    SaleTenderRow,
    Shift,
    StoredValueMove,
)
from desktop_app.store.models import Setting
from desktop_app.store.state import device_id as _device_id


def device_id(session: Session) -> str:
    """This desk's id, read once per transaction (several steps of a sale need it)."""
    found = session.info.get("device_id")
    if found is None:
        found = session.info["device_id"] = _device_id(session)
    return str(found)


def next_number(session: Session, prefix: str) -> str:
    """Receipt numbers: a letter, this desk's short tag and a per-desk serial (S-3F9A-000123),
    so two desks never print the same number. The counter is bumped in one statement."""
    return sale_write.next_number(session, device_id(session), prefix)


def store_settings(session: Session) -> StoreSettings:
    """The store's settings as this session's transaction sees them (no second connection)."""
    settings = StoreSettings()
    names = StoreSettings.field_names()
    for key, value in session.execute(select(Setting.key, Setting.value)):
        if key in names:
            settings = settings.with_value(key, value)
    return settings


def store_day(settings: StoreSettings, now: datetime) -> date:
    """The business day of `now` in the store's time zone, with its day cut-off."""
    hours, minutes = (int(x) for x in settings.day_cutoff.split(":"))
    return business_day(now, ZoneInfo(settings.timezone), time(hours, minutes))


def open_shift(session: Session) -> Shift | None:
    return session.scalar(
        select(Shift).where(Shift.device_id == device_id(session), Shift.closed_at.is_(None))
    )


def _spend_since_statement() -> Any:
    sales, refunds = SaleRow.__table__.c, RefundRow.__table__.c
    since = bindparam("since", type_=sales.finalized_at.type)
    member: Any = bindparam("member_id")
    sold = (
        select(func.coalesce(func.sum(sales.total), 0))
        .where(sales.member_id == member, sales.finalized_at > since)
        .scalar_subquery()
    )
    sale_of = SaleRow.__table__.alias("refunded_sale")
    refunded = (
        select(func.coalesce(func.sum(refunds.amount), 0))
        .join_from(RefundRow.__table__, sale_of, sale_of.c.id == refunds.sale_id)
        .where(sale_of.c.member_id == member, refunds.refunded_at > since)
        .scalar_subquery()
    )
    return select(sold - refunded)


_SPEND_SINCE = _spend_since_statement()  # built once: each call only binds its values


def spend_since(session: Session, member_id: str, since: datetime) -> int:
    """Sale totals minus refunds for the member after `since`, in one statement."""
    found = session.connection().execute(
        _SPEND_SINCE, {"member_id": member_id, "since": since}
    ).scalar()
    return int(found or 0)


def sale_state(session: Session, sale: SaleRow) -> SaleState:
    """The sale as a refund sees it: what is left of each line, tender and points figure."""
    refunded_lines: dict[int, tuple[int, int]] = defaultdict(lambda: (0, 0))
    for line_no, qty, amount in session.execute(
        select(
            RefundLineRow.line_no, func.sum(RefundLineRow.quantity), func.sum(RefundLineRow.amount)
        )
        .join(RefundRow, RefundRow.id == RefundLineRow.refund_id)
        .where(RefundRow.sale_id == sale.id)
        .group_by(RefundLineRow.line_no)
    ):
        refunded_lines[line_no] = (qty, amount)
    refunded_tenders = dict(
        session.execute(
            select(RefundTenderRow.tender_idx, func.sum(RefundTenderRow.amount))
            .join(RefundRow, RefundRow.id == RefundTenderRow.refund_id)
            .where(RefundRow.sale_id == sale.id)
            .group_by(RefundTenderRow.tender_idx)
        ).all()
    )
    lines = session.scalars(
        select(SaleLineRow).where(SaleLineRow.sale_id == sale.id).order_by(SaleLineRow.line_no)
    )
    tenders = tender_rows(session, sale.id)
    totals = session.execute(
        select(
            func.coalesce(func.sum(RefundRow.points_reversed), 0),
            func.coalesce(func.sum(RefundRow.points_returned), 0),
        ).where(RefundRow.sale_id == sale.id)
    ).one()
    return SaleState(
        lines=tuple(
            LineState(ln.line_no, ln.quantity, ln.amount, *refunded_lines[ln.line_no])
            for ln in lines
        ),
        tenders=tuple(
            TenderState(t.idx, TenderKind(t.kind), t.net, refunded_tenders.get(t.idx, 0))
            for t in tenders
        ),
        points_earned=sale.points_earned,
        points_reversed=int(totals[0]),
        points_spent=sale.points_spent,
        points_returned=int(totals[1]),
    )


def tender_rows(session: Session, sale_id: str) -> list[SaleTenderRow]:
    return list(
        session.scalars(
            select(SaleTenderRow)
            .where(SaleTenderRow.sale_id == sale_id)
            .order_by(SaleTenderRow.idx)
        )
    )


def shift_facts(
    session: Session, shift_id: str
) -> tuple[list[SaleFacts], list[RefundFacts], list[TopUpFacts]]:
    sales = list(session.scalars(select(SaleRow).where(SaleRow.shift_id == shift_id)))
    sale_facts = []
    for sale in sales:
        by_kind: dict[TenderKind, int] = defaultdict(int)
        for t in tender_rows(session, sale.id):
            by_kind[TenderKind(t.kind)] += t.net
        sale_facts.append(
            SaleFacts(sale.gross, sale.manual_discount + sale.member_discount, sale.total, by_kind)
        )
    refund_facts = []
    for refund in session.scalars(select(RefundRow).where(RefundRow.shift_id == shift_id)):
        back: dict[TenderKind, int] = defaultdict(int)
        for rt in session.scalars(
            select(RefundTenderRow).where(RefundTenderRow.refund_id == refund.id)
        ):
            back[TenderKind(rt.kind)] += rt.amount
        refund_facts.append(RefundFacts(refund.amount, back))
    top_ups = [
        TopUpFacts(m.paid, {TenderKind(m.tender_kind): m.paid})
        for m in session.scalars(
            select(StoredValueMove).where(
                StoredValueMove.shift_id == shift_id, StoredValueMove.paid != 0
            )
        )
        if m.tender_kind
    ]
    return sale_facts, refund_facts, top_ups


def earn_entry_id(session: Session, sale_id: str) -> str | None:
    return session.scalar(
        select(PointsEntry.id).where(
            PointsEntry.source == f"sale:{sale_id}", PointsEntry.kind == "earn"
        )
    )
