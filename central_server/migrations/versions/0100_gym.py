"""entitlements, check-ins, classes and bookings

Revision ID: 0100
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0100"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gym_booking_strikes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("booking_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("forgiven_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("forgiven_by", sa.String(length=36), nullable=True),
        sa.Column("forgive_note", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_booking_strikes")),
        sa.UniqueConstraint("booking_id", name=op.f("uq_gym_booking_strikes_booking_id")),
    )
    op.create_index(
        op.f("ix_gym_booking_strikes_member_id"), "gym_booking_strikes", ["member_id"], unique=False
    )
    op.create_table(
        "gym_bookings",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("queued", sa.Integer(), nullable=False),
        sa.Column("credit_entitlement_id", sa.String(length=36), nullable=True),
        sa.Column("promoted_in_window", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_bookings")),
    )
    op.create_index(
        "ix_gym_bookings_member_status", "gym_bookings", ["member_id", "status"], unique=False
    )
    op.create_index(
        "ix_gym_bookings_session_status", "gym_bookings", ["session_id", "status"], unique=False
    )
    op.create_table(
        "gym_checkins",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("desk_id", sa.String(length=64), nullable=True),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("approver_id", sa.String(length=36), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("scanned_code", sa.String(length=200), nullable=True),
        sa.Column("member_id", sa.String(length=36), nullable=True),
        sa.Column("entitlement_id", sa.String(length=36), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("verdict", sa.String(length=8), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("units_applied", sa.Integer(), nullable=False),
        sa.Column("double_spent", sa.Boolean(), nullable=False),
        sa.Column("overridden", sa.Boolean(), nullable=False),
        sa.Column("override_note", sa.Text(), nullable=True),
        sa.Column("attended_booking_ids", sa.JSON(), nullable=True),
        sa.Column("void_op_id", sa.String(length=36), nullable=True),
        sa.Column("voided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("void_staff_id", sa.String(length=36), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_checkins")),
        sa.UniqueConstraint("op_id", name=op.f("uq_gym_checkins_op_id")),
    )
    op.create_index("ix_gym_checkins_member_at", "gym_checkins", ["member_id", "at"], unique=False)
    op.create_table(
        "gym_class_schedules",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("class_type_id", sa.String(length=36), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("start_time", sa.String(length=5), nullable=False),
        sa.Column("instructor", sa.String(length=200), nullable=False),
        sa.Column("room", sa.String(length=100), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.String(length=10), nullable=False),
        sa.Column("valid_until", sa.String(length=10), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_class_schedules")),
    )
    op.create_index(
        op.f("ix_gym_class_schedules_store_id"), "gym_class_schedules", ["store_id"], unique=False
    )
    op.create_table(
        "gym_class_session_aliases",
        sa.Column("alias_id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("alias_id", name=op.f("pk_gym_class_session_aliases")),
    )
    op.create_table(
        "gym_class_sessions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("class_type_id", sa.String(length=36), nullable=False),
        sa.Column("schedule_id", sa.String(length=36), nullable=True),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("instructor", sa.String(length=200), nullable=False),
        sa.Column("room", sa.String(length=100), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("checkin_closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_class_sessions")),
        sa.UniqueConstraint(
            "schedule_id", "starts_at", name="uq_gym_class_sessions_schedule_start"
        ),
    )
    op.create_index(
        op.f("ix_gym_class_sessions_store_id"), "gym_class_sessions", ["store_id"], unique=False
    )
    op.create_table(
        "gym_class_types",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("booking_opens_days", sa.Integer(), nullable=False),
        sa.Column("late_cancel_hours", sa.Integer(), nullable=False),
        sa.Column("checkin_closes_minutes", sa.Integer(), nullable=False),
        sa.Column("min_size", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_class_types")),
    )
    op.create_index(
        op.f("ix_gym_class_types_store_id"), "gym_class_types", ["store_id"], unique=False
    )
    op.create_table(
        "gym_entitlement_holds",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entitlement_id", sa.String(length=36), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_entitlement_holds")),
    )
    op.create_index(
        op.f("ix_gym_entitlement_holds_entitlement_id"),
        "gym_entitlement_holds",
        ["entitlement_id"],
        unique=False,
    )
    op.create_table(
        "gym_entitlement_sharers",
        sa.Column("entitlement_id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint(
            "entitlement_id", "member_id", name=op.f("pk_gym_entitlement_sharers")
        ),
    )
    op.create_index(
        op.f("ix_gym_entitlement_sharers_member_id"),
        "gym_entitlement_sharers",
        ["member_id"],
        unique=False,
    )
    op.create_table(
        "gym_entitlements",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("store_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False),
        sa.Column("valid_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("units_total", sa.Integer(), nullable=True),
        sa.Column("units_used", sa.Integer(), nullable=False),
        sa.Column("access_start", sa.String(length=5), nullable=True),
        sa.Column("access_end", sa.String(length=5), nullable=True),
        sa.Column("scope", sa.JSON(), nullable=True),
        sa.Column("sharers", sa.JSON(), nullable=False),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("price_minor", sa.Integer(), nullable=False),
        sa.Column("activated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("renewed_from_id", sa.String(length=36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gym_entitlements")),
    )
    op.create_index(
        op.f("ix_gym_entitlements_member_id"), "gym_entitlements", ["member_id"], unique=False
    )
    op.create_table(
        "member_tag_sets",
        sa.Column("member_id", sa.String(length=36), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_tag_sets")),
    )


def downgrade() -> None:
    op.drop_table("member_tag_sets")
    op.drop_index(op.f("ix_gym_entitlements_member_id"), table_name="gym_entitlements")
    op.drop_table("gym_entitlements")
    op.drop_index(
        op.f("ix_gym_entitlement_sharers_member_id"), table_name="gym_entitlement_sharers"
    )
    op.drop_table("gym_entitlement_sharers")
    op.drop_index(
        op.f("ix_gym_entitlement_holds_entitlement_id"), table_name="gym_entitlement_holds"
    )
    op.drop_table("gym_entitlement_holds")
    op.drop_index(op.f("ix_gym_class_types_store_id"), table_name="gym_class_types")
    op.drop_table("gym_class_types")
    op.drop_index(op.f("ix_gym_class_sessions_store_id"), table_name="gym_class_sessions")
    op.drop_table("gym_class_sessions")
    op.drop_table("gym_class_session_aliases")
    op.drop_index(op.f("ix_gym_class_schedules_store_id"), table_name="gym_class_schedules")
    op.drop_table("gym_class_schedules")
    op.drop_index("ix_gym_checkins_member_at", table_name="gym_checkins")
    op.drop_table("gym_checkins")
    op.drop_index("ix_gym_bookings_session_status", table_name="gym_bookings")
    op.drop_index("ix_gym_bookings_member_status", table_name="gym_bookings")
    op.drop_table("gym_bookings")
    op.drop_index(op.f("ix_gym_booking_strikes_member_id"), table_name="gym_booking_strikes")
    op.drop_table("gym_booking_strikes")
