"""reporting indexes (issue 9: daily summary)

Revision ID: 0600_reporting_indexes
Revises: 0400_print_queue
Create Date: 2026-11-24 15:20:00

Covering indexes for the daily summary's queries (desktop_app/store/report_indexes.py).
"""
from __future__ import annotations

from alembic import op

revision = "0600_reporting_indexes"
down_revision = "0400_print_queue"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_report_sales_at", "sales",
     ["finalized_at", "id", "gross", "manual_discount", "member_discount", "total"]),
    ("ix_report_sale_tenders", "sale_tenders", ["sale_id", "kind", "net"]),
    ("ix_report_refunds_at", "refunds", ["refunded_at"]),
    ("ix_report_points_at", "points_ledger", ["at", "kind", "delta"]),
    ("ix_report_sv_moves_at", "stored_value_moves", ["at"]),
    ("ix_report_members_created", "members", ["created_at"]),
    ("ix_report_checkins_at", "checkins", ["at", "granted", "store_id", "member_id"]),
    ("ix_report_audit_at", "audit_log", ["at", "action"]),
    ("ix_report_entitlements_until", "entitlements", ["valid_until"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
