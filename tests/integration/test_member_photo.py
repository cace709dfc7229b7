"""Member photos through the service: an image is checked, shrunk to a JPEG under the data
folder (beside the database) and the member points at it, with one member.patch.v1 op and an
audit entry; a non-image or an actor without member.edit writes nothing."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from desktop_app.domain.errors import NotFound, PermissionDenied
from desktop_app.domain.permissions import ROLE_PERMISSIONS, Permission, Role
from desktop_app.services.member_photos import MAX_SIDE, NotAnImage
from desktop_app.services.members import MemberDraft
from desktop_app.store.models import AuditEntry, Member, OutboxOp


def image_bytes(fmt: str, size: tuple[int, int], color=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def counts(services) -> tuple[int, int]:
    with services.db.read() as s:
        return (s.scalar(select(func.count()).select_from(OutboxOp)),
                s.scalar(select(func.count()).select_from(AuditEntry)))


def photo_files(services) -> list:
    folder = services.db.path.parent / "photos"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_photo_is_shrunk_stored_and_synced_as_a_patch(services, staff_of, fmt) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="Pic"))
    path = services.members.set_photo(cashier, m.id, image_bytes(fmt, (1600, 1200)))
    assert path.startswith("photos/") and path.endswith(".jpg")
    stored = services.db.path.parent / path
    with Image.open(stored) as img:
        assert img.format == "JPEG" and img.size == (MAX_SIDE, 360)  # aspect kept
        r, g, b = img.getpixel((10, 10))
        assert r > 150 and g < 80 and b < 80  # the picture, not a blank
    with services.db.read() as s:
        row = s.get(Member, m.id)
        assert row.photo_path == path and row.version == 2
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "member.photo")).one()
        op = s.scalars(select(OutboxOp).where(OutboxOp.name == "member.patch.v1")).one()
    assert op.args == {"id": m.id, "fields": {"photo_path": path}}
    assert audit.op_id == op.op_id and audit.entity_id == m.id
    assert services.members.photo_bytes(cashier, m.id) == stored.read_bytes()
    assert "photo_missing" not in services.profiles.profile(cashier, m.id).alerts


def test_a_small_photo_is_not_enlarged_and_a_new_one_replaces_the_old_file(
        services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="Pic"))
    first = services.members.set_photo(cashier, m.id, image_bytes("PNG", (100, 300)))
    with Image.open(services.db.path.parent / first) as img:
        assert img.size == (100, 300)
    second = services.members.set_photo(cashier, m.id, image_bytes("JPEG", (300, 2000)))
    assert second != first
    with Image.open(services.db.path.parent / second) as img:
        assert img.size == (72, MAX_SIDE)
    assert photo_files(services) == [second.split("/")[1]]  # the old file is gone


@pytest.mark.parametrize("data", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                                  b"%PDF-1.4 fake"])
def test_a_non_image_is_refused_and_nothing_is_written(services, staff_of, data) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="Pic"))
    before = counts(services)
    with pytest.raises(NotAnImage):
        services.members.set_photo(cashier, m.id, data)
    assert counts(services) == before and photo_files(services) == []
    with services.db.read() as s:
        assert s.get(Member, m.id).photo_path is None


def test_a_truncated_png_is_refused(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="Pic"))
    data = image_bytes("PNG", (64, 64))
    with pytest.raises(NotAnImage):
        services.members.set_photo(cashier, m.id, data[: len(data) // 2])
    assert photo_files(services) == []


def test_without_member_edit_nothing_is_written(services, staff_of, monkeypatch) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="Pic"))
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.CASHIER,
                        ROLE_PERMISSIONS[Role.CASHIER] - {Permission.MEMBER_EDIT})
    before = counts(services)
    with pytest.raises(PermissionDenied):
        services.members.set_photo(cashier, m.id, image_bytes("PNG", (64, 64)))
    with pytest.raises(PermissionDenied):
        services.members.clear_photo(cashier, m.id)
    assert counts(services) == before and photo_files(services) == []


def test_an_unknown_member_leaves_no_file(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    with pytest.raises(NotFound):
        services.members.set_photo(cashier, "missing", image_bytes("PNG", (64, 64)))
    assert photo_files(services) == []


def test_clearing_the_photo_removes_the_file_with_a_patch(services, staff_of) -> None:
    cashier = staff_of(Role.CASHIER)
    m = services.members.create(cashier, MemberDraft(name="Pic"))
    services.members.set_photo(cashier, m.id, image_bytes("PNG", (64, 64)))
    services.members.clear_photo(cashier, m.id)
    services.members.clear_photo(cashier, m.id)  # twice writes nothing more
    assert photo_files(services) == []
    with services.db.read() as s:
        assert s.get(Member, m.id).photo_path is None
        ops = list(s.scalars(select(OutboxOp).where(OutboxOp.name == "member.patch.v1")
                             .order_by(OutboxOp.seq)))
        assert s.scalar(select(func.count()).select_from(AuditEntry)
                        .where(AuditEntry.action == "member.photo_clear")) == 1
    assert [o.args["fields"]["photo_path"] is None for o in ops] == [False, True]
    assert services.members.photo_bytes(cashier, m.id) is None
    assert "photo_missing" in services.profiles.profile(cashier, m.id).alerts


class _SilentCamera:
    """Opens, but never delivers a frame (a camera held by another program, or broken)."""

    closed = False

    def open(self) -> None:
        pass

    def read(self, timeout: float):
        return None

    @property
    def exhausted(self) -> bool:
        return False

    def close(self) -> None:
        self.closed = True


def test_a_camera_without_frames_is_no_camera_and_is_closed() -> None:
    from desktop_app.devices.camera_snapshot import NoCamera, grab_still

    camera = _SilentCamera()
    with pytest.raises(NoCamera):
        grab_still(lambda: camera, timeout=0.3)
    assert camera.closed
