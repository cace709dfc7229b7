"""Indexes for the daily summary (issue 9) on other features' tables. Declared here, apart
from those tables' models, so the reports feature owns them; desktop_app.store.schema
imports this module so Alembic and the schema test see them.

Each index covers what its report query reads, so a month of history is read from the index
alone, in time order, without touching the table rows."""

from __future__ import annotations

from sqlalchemy import Index

from desktop_app.store.checkin_models import CheckinRow
from desktop_app.store.checkout_models import (
    PointsEntry,
    RefundRow,
    SaleRow,
    SaleTenderRow,
    StoredValueMove,
)
from desktop_app.store.models import AuditEntry, EntitlementRow, Member

sales = SaleRow.__table__.c
checkins = CheckinRow.__table__.c

REPORT_INDEXES = (
    Index("ix_report_sales_at", sales.finalized_at, sales.id, sales.gross,
          sales.manual_discount, sales.member_discount, sales.total),
    Index("ix_report_sale_tenders", SaleTenderRow.__table__.c.sale_id,
          SaleTenderRow.__table__.c.kind, SaleTenderRow.__table__.c.net),
    Index("ix_report_refunds_at", RefundRow.__table__.c.refunded_at),
    Index("ix_report_points_at", PointsEntry.__table__.c.at, PointsEntry.__table__.c.kind,
          PointsEntry.__table__.c.delta),
    Index("ix_report_sv_moves_at", StoredValueMove.__table__.c.at),
    Index("ix_report_members_created", Member.__table__.c.created_at),
    Index("ix_report_checkins_at", checkins.at, checkins.granted, checkins.store_id,
          checkins.member_id),
    Index("ix_report_audit_at", AuditEntry.__table__.c.at, AuditEntry.__table__.c.action),
    Index("ix_report_entitlements_until", EntitlementRow.__table__.c.valid_until),
)
