"""Member use cases: create, edit, archive. Each writes its rows, one outbox op and an audit
entry in one transaction. Lookup, merge, cards and import arrive with the members feature."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from desktop_app.domain.codes import new_card_code
from desktop_app.domain.contact import clean_name, clean_note, normalize_email, normalize_phone
from desktop_app.domain.errors import DomainError, NotFound, ValidationError
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission, authorise
from desktop_app.services.base import Service
from desktop_app.services.member_photos import PhotoStore, shrink_photo
from desktop_app.store.members import (
    active_card,
    members_with_contact,
    next_member_number,
    save_member,
)
from desktop_app.store.models import Card, Member

GENDERS = {"female", "male", "other", None}
EDITABLE = (
    "name",
    "phone",
    "email",
    "birthday",
    "gender",
    "notes",
    "note_flagged",
    "consent_sms",
    "consent_email",
    "tier_id",
    "home_store_id",
    "photo_path",
)


class DuplicateContact(DomainError):
    """A member with this phone or email exists; staff may open it or confirm a new one."""

    code = "duplicate_contact"


@dataclass(frozen=True, slots=True)
class MemberDraft:
    name: str
    phone: str | None = None
    email: str | None = None
    birthday: date | None = None
    gender: str | None = None
    notes: str = ""
    consent_sms: bool = False
    consent_email: bool = False
    tier_id: str | None = None
    home_store_id: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MemberSummary:
    id: str
    number: str
    name: str
    phone: str | None
    email: str | None
    status: str
    card_code: str | None
    points_balance: int
    version: int


def summary_of(member: Member, card: Card | None) -> MemberSummary:
    return MemberSummary(
        member.id,
        member.number,
        member.name,
        member.phone,
        member.email,
        member.status,
        card.code if card else None,
        member.points_balance,
        member.version,
    )


def _clean(field_name: str, value: Any) -> Any:
    """Validate one editable field; returns the stored form."""
    if field_name == "name":
        return clean_name(value)
    if field_name == "phone":
        return normalize_phone(value) if value else None
    if field_name == "email":
        return normalize_email(value) if value else None
    if field_name == "notes":
        return clean_note(value or "")
    if field_name == "gender" and value not in GENDERS:
        raise ValidationError("gender", "unknown_gender")
    if field_name == "birthday" and value is not None and not isinstance(value, date):
        raise ValidationError("birthday", "not_a_date")
    return value


def _wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


class MemberService(Service):
    def create(
        self, actor: Actor, draft: MemberDraft, allow_duplicate: bool = False
    ) -> MemberSummary:
        values = {
            f: _clean(f, getattr(draft, f))
            for f in ("name", "phone", "email", "birthday", "gender", "notes")
        }
        with self._authorised(actor, Permission.MEMBER_CREATE) as uow:
            clash = members_with_contact(uow.session, values["phone"], values["email"])
            if clash and not allow_duplicate:
                raise DuplicateContact(
                    "a member with this phone or email exists", member_ids=[m.id for m in clash]
                )
            member = Member(
                number=next_member_number(uow.session),
                **values,
                consent_sms=draft.consent_sms,
                consent_email=draft.consent_email,
                consent_sms_at=uow.now if draft.consent_sms else None,
                consent_email_at=uow.now if draft.consent_email else None,
                tier_id=draft.tier_id,
                home_store_id=draft.home_store_id,
                status="active",
                points_balance=0,
                note_flagged=False,
                qr_secret=secrets.token_hex(20),
            )
            uow.stamp_new(member, new_id())
            save_member(uow.session, member)
            card = Card(
                member_id=member.id, code=new_card_code(), status="active", issued_at=uow.now
            )
            uow.stamp_new(card, new_id())
            uow.session.add(card)
            args = {
                "id": member.id,
                "number": member.number,
                "card_code": card.code,
                "card_id": card.id,
                **{k: _wire(v) for k, v in values.items()},
                "consent_sms": draft.consent_sms,
                "consent_email": draft.consent_email,
                "tier_id": draft.tier_id,
                "home_store_id": draft.home_store_id,
            }
            op = uow.op("member.create.v1", args)
            uow.audit(
                "member.create",
                entity="member",
                entity_id=member.id,
                details={"number": member.number},
                op=op,
            )
            return summary_of(member, card)

    def edit(self, actor: Actor, member_id: str, changes: dict[str, Any]) -> MemberSummary:
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise ValidationError(sorted(unknown)[0], "not_editable")
        cleaned = {k: _clean(k, v) for k, v in changes.items()}
        with self._authorised(actor, Permission.MEMBER_EDIT) as uow:
            member = uow.session.get(Member, member_id)
            if member is None:
                raise NotFound("no such member", member_id=member_id)
            changed = {k: v for k, v in cleaned.items() if getattr(member, k) != v}
            if not changed:
                return summary_of(member, active_card(uow.session, member_id))
            for key, value in changed.items():
                setattr(member, key, value)
                if key in ("consent_sms", "consent_email"):
                    setattr(member, f"{key}_at", uow.now if value else None)
            uow.stamp_changed(member)
            save_member(uow.session, member)
            op = uow.op(
                "member.patch.v1",
                {"id": member_id, "fields": {k: _wire(v) for k, v in changed.items()}},
            )
            uow.audit(
                "member.edit",
                entity="member",
                entity_id=member_id,
                details={"fields": sorted(changed)},
                op=op,
            )
            return summary_of(member, active_card(uow.session, member_id))

    def archive(self, actor: Actor, member_id: str) -> None:
        """Members are archived, never deleted (DOMAIN.md)."""
        with self._authorised(actor, Permission.MEMBER_EDIT) as uow:
            member = uow.session.get(Member, member_id)
            if member is None:
                raise NotFound("no such member", member_id=member_id)
            if member.status == "archived":
                return
            member.status = "archived"
            uow.stamp_changed(member)
            save_member(uow.session, member)
            op = uow.op("member.archive.v1", {"id": member_id})
            uow.audit("member.archive", entity="member", entity_id=member_id, op=op)

    # -- photos -------------------------------------------------------------------------
    @property
    def photos(self) -> PhotoStore:
        return PhotoStore(self._db.path.parent)

    def set_photo(self, actor: Actor, member_id: str, image_bytes: bytes) -> str:
        """Check, shrink and store a photo (camera frame or file), point the member at it:
        one member.patch.v1 op and an audit entry. Returns the stored relative path. A
        refused image (NotAnImage) or actor (PermissionDenied) writes nothing."""
        authorise(actor, Permission.MEMBER_EDIT)  # before any work on the image
        jpeg = shrink_photo(image_bytes)
        store = self.photos
        new_path = store.write(member_id, jpeg)
        try:
            old = self._point_photo_at(actor, member_id, new_path, len(jpeg))
        except BaseException:
            store.remove(new_path)
            raise
        store.remove(old)
        return new_path

    def clear_photo(self, actor: Actor, member_id: str) -> None:
        old = self._point_photo_at(actor, member_id, None, 0)
        self.photos.remove(old)

    def photo_bytes(self, actor: Actor, member_id: str) -> bytes | None:
        """The member's stored photo (JPEG bytes), or None when there is none on this desk."""
        with self._db.read() as session:
            member = session.get(Member, member_id)
            path = member.photo_path if member is not None else None
        return self.photos.read(path)

    def _point_photo_at(self, actor: Actor, member_id: str, path: str | None,
                        size: int) -> str | None:
        """Set photo_path (op + audit, one transaction); returns the path it replaced."""
        with self._authorised(actor, Permission.MEMBER_EDIT) as uow:
            member = uow.session.get(Member, member_id)
            if member is None:
                raise NotFound("no such member", member_id=member_id)
            old = member.photo_path
            if old == path:
                return None
            member.photo_path = path
            uow.stamp_changed(member)
            save_member(uow.session, member)
            op = uow.op("member.patch.v1", {"id": member_id, "fields": {"photo_path": path}})
            uow.audit(
                "member.photo" if path else "member.photo_clear",
                entity="member",
                entity_id=member_id,
                details={"fields": ["photo_path"], "bytes": size},
                op=op,
            )
            return old
