"""products, sales, points ledger, stored value and shifts

Revision ID: 0200
Revises: 0100
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0200"
down_revision = "0100"
branch_labels = None
depends_on = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    # Only the server schema's own tables (stores, members) are referenced: nothing here
    # depends on the gym family's tables (0100).
    op.create_table(
        "sales_products",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("points_multiplier_pct", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_products")),
        sa.UniqueConstraint("barcode", name=op.f("uq_sales_products_barcode")),
    )
    op.create_table(
        "sales_sales",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("shift_id", sa.String(length=36), nullable=True),
        sa.Column("cashier_id", sa.String(length=36), nullable=True),
        sa.Column("finalized_at", WHEN, nullable=False),
        sa.Column("gross", sa.Integer(), nullable=False),
        sa.Column("discount", sa.Integer(), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.Column("points_earned", sa.Integer(), nullable=False),
        sa.Column("points_spent", sa.Integer(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("tenders", sa.JSON(), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("created_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_sales_sales_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_sales")),
    )
    op.create_index(op.f("ix_sales_sales_store_id"), "sales_sales", ["store_id"])
    op.create_index(op.f("ix_sales_sales_member_id"), "sales_sales", ["member_id"])
    op.create_table(
        "sales_refunds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("sale_id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("to_tenders", sa.JSON(), nullable=False),
        sa.Column("points_reversed", sa.Integer(), nullable=False),
        sa.Column("points_returned", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("refunded_at", WHEN, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["sale_id"], ["sales_sales.id"], name=op.f("fk_sales_refunds_sale_id_sales_sales")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_refunds")),
    )
    op.create_index(op.f("ix_sales_refunds_sale_id"), "sales_refunds", ["sale_id"])
    op.create_table(
        "sales_points_ledger",
        sa.Column("seq", BIG_ID, autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("expires_on", sa.String(length=10), nullable=True),
        sa.Column("lot_ref", sa.String(length=36), nullable=True),
        sa.Column("lot_source", sa.String(length=120), nullable=True),
        sa.Column("lot_kind", sa.String(length=16), nullable=True),
        sa.Column("op_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_sales_points_ledger_member_id_members")
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sales_points_ledger")),
        sa.UniqueConstraint("id", name=op.f("uq_sales_points_ledger_id")),
        sa.UniqueConstraint("source", "kind", name="uq_sales_points_ledger_source_kind"),
    )
    op.create_index(op.f("ix_sales_points_ledger_member_id"), "sales_points_ledger", ["member_id"])
    op.create_table(
        "sales_stored_value_accounts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("principal", sa.Integer(), nullable=False),
        sa.Column("bonus", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_sales_stored_value_accounts_member_id_members"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_stored_value_accounts")),
        sa.UniqueConstraint("member_id", name=op.f("uq_sales_stored_value_accounts_member_id")),
    )
    op.create_table(
        "sales_stored_value_moves",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=120), nullable=False),
        sa.Column("principal", sa.Integer(), nullable=False),
        sa.Column("bonus", sa.Integer(), nullable=False),
        sa.Column("paid", sa.Integer(), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=True),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["sales_stored_value_accounts.id"],
            name=op.f("fk_sales_stored_value_moves_account_id_sales_stored_value_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_stored_value_moves")),
        sa.UniqueConstraint("source", name=op.f("uq_sales_stored_value_moves_source")),
    )
    op.create_index(
        op.f("ix_sales_stored_value_moves_account_id"), "sales_stored_value_moves", ["account_id"]
    )
    op.create_table(
        "sales_shifts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("opened_by", sa.String(length=36), nullable=True),
        sa.Column("opened_at", WHEN, nullable=False),
        sa.Column("opening_float", sa.Integer(), nullable=False),
        sa.Column("closed_by", sa.String(length=36), nullable=True),
        sa.Column("closed_at", WHEN, nullable=True),
        sa.Column("counted", sa.JSON(), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["store_id"], ["stores.id"], name=op.f("fk_sales_shifts_store_id_stores")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sales_shifts")),
    )
    op.create_index(op.f("ix_sales_shifts_store_id"), "sales_shifts", ["store_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sales_shifts_store_id"), table_name="sales_shifts")
    op.drop_table("sales_shifts")
    op.drop_index(
        op.f("ix_sales_stored_value_moves_account_id"), table_name="sales_stored_value_moves"
    )
    op.drop_table("sales_stored_value_moves")
    op.drop_table("sales_stored_value_accounts")
    op.drop_index(op.f("ix_sales_points_ledger_member_id"), table_name="sales_points_ledger")
    op.drop_table("sales_points_ledger")
    op.drop_index(op.f("ix_sales_refunds_sale_id"), table_name="sales_refunds")
    op.drop_table("sales_refunds")
    op.drop_index(op.f("ix_sales_sales_member_id"), table_name="sales_sales")
    op.drop_index(op.f("ix_sales_sales_store_id"), table_name="sales_sales")
    op.drop_table("sales_sales")
    op.drop_table("sales_products")
