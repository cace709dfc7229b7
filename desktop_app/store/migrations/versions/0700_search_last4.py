"""member search: the last 4 digits of phones indexed directly

The search index (member_search_terms) gets a key of its own for a phone's last 4 digits,
kind 6 (TermKind.PHONE_LAST4): a last-4 search becomes one equality lookup in the index
instead of a scan of members.phone_last4 and a second read of every row it finds. Existing
members are backfilled here, sorted, in the migration's transaction; from then on the key is
kept by the member writes (desktop_app.store.search.reindex_member).

Revision ID: 0700_search_last4
Revises: 0600_reporting_indexes
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0700_search_last4"
down_revision = "0600_reporting_indexes"
branch_labels = None
depends_on = None

PHONE_LAST4 = 6  # TermKind.PHONE_LAST4, fixed here as it was when this ran


def upgrade() -> None:
    op.execute(
        "INSERT OR IGNORE INTO member_search_terms (kind, term, member_number) "
        f"SELECT {PHONE_LAST4}, substr(phone, -4), number FROM members "
        "WHERE phone IS NOT NULL AND phone <> '' AND merged_into_id IS NULL ORDER BY 2, 3"
    )


def downgrade() -> None:
    op.execute(f"DELETE FROM member_search_terms WHERE kind = {PHONE_LAST4}")
