"""check-in and classes: desk additions

Revision ID: 0900_gym_desk
Revises: 0800_report_rollups
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0900_gym_desk"
down_revision = "0800_report_rollups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
