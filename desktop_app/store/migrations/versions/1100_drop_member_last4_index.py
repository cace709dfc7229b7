"""members: the index on phone_last4 goes

Since 0700 a last-4 search is one lookup in member_search_terms (kind 6); nothing reads
members by phone_last4 any more, yet every member write kept its index, and a new desk's
first load built it over every member (1.5 s at a million).

Revision ID: 1100_drop_member_last4_index
Revises: 1000_checkout_desk
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "1100_drop_member_last4_index"
down_revision = "1000_checkout_desk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_members_phone_last4", table_name="members")


def downgrade() -> None:
    op.create_index("ix_members_phone_last4", "members", ["phone_last4"])
