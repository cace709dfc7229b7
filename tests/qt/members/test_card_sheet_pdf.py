"""The card sheet as PDF (QPdfWriter), from the members' active cards."""

from __future__ import annotations

from pathlib import Path

from desktop_app.qt.card_sheet_pdf import save_pdf
from desktop_app.services.members import MemberDraft


def test_card_sheet_pdf_of_real_members(qapp, services, admin, tmp_path: Path) -> None:
    made = [services.members.create(admin, MemberDraft(name=n)) for n in ("张三", "Li Lei")]
    services.profiles.issue_card(admin, made[0].id, "lost")
    faces = services.profiles.card_faces(admin, [m.id for m in made], "活力健身")
    assert [f.number for f in faces] == [m.number for m in made]
    assert faces[0].code != made[0].card_code  # the reissued card, not the revoked one
    out = tmp_path / "cards.pdf"
    assert save_pdf(faces, out) == 1
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
