"""A card whose member was made after the member pages of a bootstrap went by is left for the
pull (whose cursor was taken before bootstrap began), instead of failing the whole page."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain.ids import new_id
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import Card
from desktop_app.store.sync_store import SyncStore
from desktop_app.sync.protocol import BootstrapPage


def test_a_card_of_a_member_not_here_yet_waits_for_the_pull(services, admin, clock) -> None:
    known = services.members.create(admin, MemberDraft(name="Here already"))
    page = BootstrapPage(entity="card", after=None, more=False, total=2, rows=[
        {"id": new_id(), "member_id": new_id(), "code": "1000000000000099", "status": "active",
         "issued_at": clock.now().isoformat()},
        {"id": new_id(), "member_id": known.id, "code": "1000000000000107", "status": "active",
         "issued_at": clock.now().isoformat()},
    ])
    SyncStore(services.db).apply_bootstrap_page(page, clock.now())
    with services.db.read() as s:
        codes = set(s.scalars(select(Card.code)))
    assert "1000000000000107" in codes and "1000000000000099" not in codes
