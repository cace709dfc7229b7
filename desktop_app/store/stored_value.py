"""Stored value accounts: one per member."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.store.checkout_models import StoredValueAccount


def account_of(session: Session, member_id: str) -> StoredValueAccount | None:
    return session.scalar(
        select(StoredValueAccount).where(StoredValueAccount.member_id == member_id)
    )
