"""member.create.v1, member.patch.v1, member.archive.v1 (chain-wide member data).

create:  idempotent by the desk-made id; a phone or email clash is flagged for a merge, not
         rejected; a member number or card code already taken by another member is replaced
         by a server-issued one (status `compensated`, the new values in the effects).
patch:   per-field last writer wins, ordered by the op's HLC (clamped when running ahead).
archive: soft; the member stays, with status `archived`. Edits to archived members are
         rejected with `member_archived`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from central_server.meta import get_meta, set_meta
from central_server.models import CardRow, MemberRow
from central_server.ops.registry import OpContext, Outcome, handles, prefetches
from desktop_app.domain.codes import member_number_from_serial, new_card_code
from desktop_app.domain.contact import clean_name, clean_note, normalize_email, normalize_phone
from desktop_app.domain.errors import DomainError, NotFound, ValidationError
from desktop_app.domain.permissions import Permission
from desktop_app.sync.protocol import WireOp

EDITABLE = (
    "name", "phone", "email", "birthday", "gender", "notes", "note_flagged",
    "consent_sms", "consent_email", "tier_id", "home_store_id", "photo_path",
)  # fmt: skip
GENDERS = {"female", "male", "other", None}
SERVER_SERIAL = "member_serial"
# Server-issued numbers come from the top of the range, far from desks' own counters.
SERVER_SERIAL_START = 90_000_000


class MemberArchived(DomainError):
    code = "member_archived"


def clean_field(name: str, value: Any) -> Any:
    """The desk's validation of one field, re-run on the server."""
    if name == "name":
        return clean_name(str(value))
    if name == "phone":
        return normalize_phone(str(value)) if value else None
    if name == "email":
        return normalize_email(str(value)) if value else None
    if name == "notes":
        return clean_note(str(value or ""))
    if name == "gender" and value not in GENDERS:
        raise ValidationError("gender", "unknown_gender")
    if name == "birthday" and value is not None:
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError as exc:
            raise ValidationError("birthday", "not_a_date") from exc
    if name in ("note_flagged", "consent_sms", "consent_email"):
        return bool(value)
    return value


def member_data(row: MemberRow) -> dict[str, Any]:
    data = {f: getattr(row, f) for f in EDITABLE}
    data.update(
        id=row.id,
        number=row.number,
        status=row.status,
        merged_into_id=row.merged_into_id,
        points_balance=row.points_balance,
        created_at=row.created_at.isoformat(),
        updated_at=row.updated_at.isoformat(),
    )
    return data


def card_data(card: CardRow) -> dict[str, Any]:
    return {
        "id": card.id,
        "member_id": card.member_id,
        "code": card.code,
        "status": card.status,
        "issued_at": card.issued_at.isoformat(),
    }


def _server_number(ctx: OpContext) -> str:
    serial = int(get_meta(ctx.session, SERVER_SERIAL) or SERVER_SERIAL_START)
    while True:
        serial += 1
        number = member_number_from_serial(serial)
        if ctx.session.scalar(select(MemberRow.id).where(MemberRow.number == number)) is None:
            set_meta(ctx.session, SERVER_SERIAL, str(serial))
            return number


@prefetches("member.create.v1", "member.patch.v1", "member.archive.v1")
def prefetch(session: Session, ops: list[WireOp], cache: dict[str, Any]) -> None:
    """One query each for the members, numbers, contacts and card codes the batch's ops will
    look up, instead of several per op."""
    ids = {str(op.args.get("id")) for op in ops}
    creates = [op.args for op in ops if op.name == "member.create.v1"]
    numbers = {str(a.get("number")) for a in creates}
    contacts = {str(a[k]) for a in creates for k in ("phone", "email") if a.get(k)}
    codes = {str(a["card_code"]) for a in creates if a.get("card_code")}
    rows = list(
        session.scalars(
            select(MemberRow).where(or_(MemberRow.id.in_(ids), MemberRow.number.in_(numbers)))
        )
    )
    cache["members"] = {r.id: r for r in rows if r.id in ids}
    cache["absent"] = ids - set(cache["members"])
    cache["numbers"] = {r.number for r in rows}
    cache["numbers_known"] = numbers
    found: dict[str, set[str]] = {c: set() for c in contacts}
    if contacts:
        for mid, phone, email in session.execute(
            select(MemberRow.id, MemberRow.phone, MemberRow.email).where(
                or_(MemberRow.phone.in_(contacts), MemberRow.email.in_(contacts)),
                MemberRow.status == "active",
            )
        ):
            for value in (phone, email):
                if value in found:
                    found[value].add(mid)
    cache["contacts"] = found
    cache["codes"] = set(session.scalars(select(CardRow.code).where(CardRow.code.in_(codes))))
    cache["codes_known"] = codes


def _number_taken(ctx: OpContext, number: str) -> bool:
    if number in ctx.cache.get("numbers_known", ()):
        return number in ctx.cache["numbers"]
    return ctx.session.scalar(select(MemberRow.id).where(MemberRow.number == number)) is not None


def _code_taken(ctx: OpContext, code: str) -> bool:
    if code in ctx.cache.get("codes_known", ()):
        return code in ctx.cache["codes"]
    return bool(ctx.session.scalar(select(func.count()).where(CardRow.code == code)))


def _clashes(ctx: OpContext, row: MemberRow) -> list[str]:
    values = [v for v in (row.phone, row.email) if v]
    known: dict[str, set[str]] = ctx.cache.get("contacts", {})
    if values and all(v in known for v in values):
        return sorted(set().union(*(known[v] for v in values)) - {row.id})[:10]
    clauses = []
    if row.phone:
        clauses.append(MemberRow.phone == row.phone)
    if row.email:
        clauses.append(MemberRow.email == row.email)
    if not clauses:
        return []
    found = ctx.session.scalars(
        select(MemberRow.id)
        .where(or_(*clauses), MemberRow.id != row.id, MemberRow.status == "active")
        .limit(10)
    )
    return sorted(found)


def _remember(ctx: OpContext, row: MemberRow) -> None:
    """Keep the batch's caches true after a create (later ops of the batch read them)."""
    ctx.cache.setdefault("members", {})[row.id] = row
    ctx.cache.setdefault("absent", set()).discard(row.id)
    ctx.cache.setdefault("numbers", set()).add(row.number)
    ctx.cache.setdefault("numbers_known", set()).add(row.number)
    contacts = ctx.cache.setdefault("contacts", {})
    for value in (row.phone, row.email):
        if value:
            contacts.setdefault(value, set()).add(row.id)


def _find(ctx: OpContext, member_id: str) -> MemberRow | None:
    cached = ctx.cache.get("members", {}).get(member_id)
    if cached is not None:
        return cast(MemberRow, cached)
    if member_id in ctx.cache.get("absent", ()):
        return None
    return ctx.session.get(MemberRow, member_id)


@handles("member.create.v1", Permission.MEMBER_CREATE, checks_first=True)
def create(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    member_id = str(args["id"])
    if _find(ctx, member_id) is not None:
        return Outcome("applied", {"already_known": True})
    values = {f: clean_field(f, args.get(f)) for f in EDITABLE if f in args}
    effects: dict[str, Any] = {}
    number = str(args["number"])
    if _number_taken(ctx, number):
        number = effects["number"] = _server_number(ctx)
    row = MemberRow(
        id=member_id,
        number=number,
        status="active",
        points_balance=0,
        merge_candidates=[],
        field_hlc={f: ctx.hlc for f in values},
        version=1,
        created_at=ctx.now,
        updated_at=ctx.now,
        **{"notes": "", "note_flagged": False, "consent_sms": False, "consent_email": False}
        | values,
    )
    clashes = _clashes(ctx, row)
    if clashes:
        row.merge_candidates = clashes
    ctx.session.add(row)
    _remember(ctx, row)
    ctx.changed("member", row.id, row.version, member_data(row), chain_wide=True)
    if args.get("card_id") and args.get("card_code"):
        code = str(args["card_code"])
        if _code_taken(ctx, code):
            code = effects["card_code"] = new_card_code()
        ctx.cache.setdefault("codes", set()).add(code)
        ctx.cache.setdefault("codes_known", set()).add(code)
        card = CardRow(
            id=str(args["card_id"]), member_id=row.id, code=code, status="active",
            issued_at=ctx.now, version=1,
        )  # fmt: skip
        ctx.session.add(card)
        ctx.changed("card", card.id, card.version, card_data(card), chain_wide=True)
    if clashes:
        return Outcome("applied", {**effects, "merge_candidates": clashes})
    return Outcome("compensated", effects) if effects else Outcome()


def member_or_404(ctx: OpContext, member_id: str) -> MemberRow:
    """The member (from the batch's prefetch when it has it), or NotFound."""
    row = _find(ctx, member_id)
    if row is None:
        raise NotFound("no such member", member_id=member_id)
    return row


@handles("member.patch.v1", Permission.MEMBER_EDIT, checks_first=True)
def patch(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = member_or_404(ctx, str(args["id"]))
    if row.status == "archived":
        raise MemberArchived("member is archived", member_id=row.id)
    fields = dict(args.get("fields") or {})
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise ValidationError(sorted(unknown)[0], "not_editable")
    cleaned = {k: clean_field(k, v) for k, v in fields.items()}
    clocks = dict(row.field_hlc or {})
    kept: list[str] = []
    for key, value in cleaned.items():
        if ctx.hlc > clocks.get(key, ""):
            setattr(row, key, value)
            clocks[key] = ctx.hlc
        else:
            kept.append(key)  # a newer edit of this field already won
    if len(kept) == len(cleaned):
        return Outcome("compensated", {"superseded": sorted(kept)})
    row.field_hlc = clocks
    row.version += 1
    row.updated_at = ctx.now
    ctx.changed("member", row.id, row.version, member_data(row), chain_wide=True)
    return Outcome("compensated", {"superseded": sorted(kept)}) if kept else Outcome()


@handles("member.archive.v1", Permission.MEMBER_EDIT, checks_first=True)
def archive(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = member_or_404(ctx, str(args["id"]))
    if row.status == "archived":
        return Outcome()
    row.status = "archived"
    row.field_hlc = {**(row.field_hlc or {}), "status": ctx.hlc}
    row.version += 1
    row.updated_at = ctx.now
    ctx.changed("member", row.id, row.version, member_data(row), chain_wide=True)
    return Outcome()


# -- tags, cards, merge, import (issue 8) -------------------------------------------------
def _live_member(ctx: OpContext, member_id: str) -> MemberRow:
    row = member_or_404(ctx, member_id)
    if row.status == "archived":
        raise MemberArchived("member is archived", member_id=row.id)
    if row.merged_into_id is not None:
        raise MemberMerged("member was merged", member_id=row.id)
    return row


class MemberMerged(DomainError):
    code = "member_merged"


@handles("member.tags.v1", Permission.MEMBER_EDIT)
def tags(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """The member's whole tag set; the newest (by HLC) set wins."""
    from central_server.gym_models import MemberTagSet

    row = _live_member(ctx, str(args["id"]))
    wanted = list(dict.fromkeys(str(t).strip() for t in args.get("tags") or [] if str(t).strip()))
    if len(wanted) > 50 or any(len(t) > 100 for t in wanted):
        raise ValidationError("tags", "too_many_or_too_long")
    held = ctx.session.get(MemberTagSet, row.id)
    if held is None:
        held = MemberTagSet(member_id=row.id, tags=wanted, hlc=ctx.hlc, version=1)
        ctx.session.add(held)
    elif ctx.hlc > held.hlc:
        held.tags, held.hlc, held.version = wanted, ctx.hlc, held.version + 1
    else:
        return Outcome("compensated", {"superseded": True, "tags": list(held.tags)})
    data = {"id": row.id, "member_id": row.id, "tags": wanted}
    ctx.changed("member_tags", row.id, held.version, data, chain_wide=True)
    return Outcome()


@handles("card.issue.v1", Permission.MEMBER_EDIT)
def card_issue(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """A new card; the member's active cards are revoked. A code already taken is replaced
    by a server-made one (`compensated`, effects `card_code`)."""
    card_id = str(args["card_id"])
    if ctx.session.get(CardRow, card_id) is not None:
        return Outcome("applied", {"already_known": True})
    row = _live_member(ctx, str(args["member_id"]))
    for old in ctx.session.scalars(
        select(CardRow).where(CardRow.member_id == row.id, CardRow.status == "active")
    ):
        old.status, old.version = "revoked", old.version + 1
        ctx.changed("card", old.id, old.version, card_data(old), chain_wide=True)
    effects: dict[str, Any] = {}
    code = str(args["code"])
    if _code_taken(ctx, code):
        code = effects["card_code"] = new_card_code()
    card = CardRow(id=card_id, member_id=row.id, code=code, status="active", issued_at=ctx.now,
                   version=1)  # fmt: skip
    ctx.session.add(card)
    ctx.changed("card", card.id, card.version, card_data(card), chain_wide=True)
    return Outcome("compensated", effects) if effects else Outcome()


@handles("member.merge.v1", Permission.MEMBER_MERGE)
def merge(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """`merged_id` points at the survivor from now on; its points, entitlements, visits,
    bookings and strikes move to the survivor (tags and family pools unite), its number
    and cards keep resolving to it."""
    from central_server.ops.gym import merge_member_rows

    survivor_id, merged_id = str(args["survivor_id"]), str(args["merged_id"])
    if survivor_id == merged_id:
        raise ValidationError("merged_id", "same_member")
    survivor, merged = member_or_404(ctx, survivor_id), member_or_404(ctx, merged_id)
    if merged.merged_into_id == survivor_id:
        return Outcome("applied", {"already_merged": True})
    if survivor.merged_into_id is not None or merged.merged_into_id is not None:
        raise MemberMerged("already merged", member_id=merged_id)
    merge_member_rows(ctx, merged_id, survivor_id)
    if merged.points_balance:
        survivor.points_balance += merged.points_balance
        merged.points_balance = 0
        survivor.version += 1
        survivor.updated_at = ctx.now
        ctx.changed("member", survivor.id, survivor.version, member_data(survivor),
                    chain_wide=True)  # fmt: skip
    merged.status, merged.merged_into_id = "merged", survivor_id
    merged.field_hlc = {**(merged.field_hlc or {}), "status": ctx.hlc}
    merged.version += 1
    merged.updated_at = ctx.now
    ctx.changed("member", merged.id, merged.version, member_data(merged), chain_wide=True)
    return Outcome()


@handles("member.import.v1", Permission.MEMBER_CREATE)
def import_members(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    """A batch of new members from a file: each one as member.create.v1 would make it (and
    its tags); what the server did differently is listed per member id."""
    from central_server.gym_models import MemberTagSet

    per_member: dict[str, Any] = {}
    for item in args["members"]:
        one = dict(item)
        outcome = create(ctx, one)
        if outcome.effects and not outcome.effects.get("already_known"):
            per_member[str(one["id"])] = outcome.effects
        wanted = [str(t).strip() for t in one.get("tags") or [] if str(t).strip()]
        if wanted and ctx.session.get(MemberTagSet, str(one["id"])) is None:
            ctx.session.add(MemberTagSet(member_id=str(one["id"]), tags=wanted, hlc=ctx.hlc,
                                         version=1))  # fmt: skip
            data = {"id": str(one["id"]), "member_id": str(one["id"]), "tags": wanted}
            ctx.changed("member_tags", str(one["id"]), 1, data, chain_wide=True)
    changed = {k: v for k, v in per_member.items() if "number" in v or "card_code" in v}
    return Outcome("compensated", {"members": per_member}) if changed else Outcome(
        "applied", {"members": per_member} if per_member else {})
