"""checkout: desk additions

Revision ID: 1000_checkout_desk
Revises: 0900_gym_desk
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "1000_checkout_desk"
down_revision = "0900_gym_desk"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
