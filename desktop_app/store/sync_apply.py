"""How the desk applies what the server says (SYNC.md): pulled changes onto rows, the server's
effects of its own ops (a renumbered member), and its pending ops re-applied on top so the
screen never jumps back. Three registries, keyed by entity or op name, so each feature
plugs in its own entities and ops the way members do here:

    register_entity("member", apply_member)      # pulled {entity, op, data} -> rows
    register_replay("member.patch.v1", fn)       # a not-yet-reflected op, done again
    register_effects("member.create.v1", fn)     # the server's result effects, applied
    register_touches("member.patch.v1", fn)      # rows to re-read when the server says no
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from desktop_app.store.members import MEMBER_SERIAL, save_member
from desktop_app.store.models import Card, Counter, Member, Setting, Staff

log = logging.getLogger(__name__)

EntityApplier = Callable[[Session, str, str, dict[str, Any], datetime], None]  # id, op, data
Replayer = Callable[[Session, dict[str, Any]], None]
EffectsApplier = Callable[[Session, dict[str, Any], dict[str, Any]], None]  # args, effects

Touches = Callable[[dict[str, Any]], list[tuple[str, str]]]  # args -> [(entity, id)]

ENTITIES: dict[str, EntityApplier] = {}
TOUCHES: dict[str, Touches] = {}
REPLAYS: dict[str, Replayer] = {}
EFFECTS: dict[str, EffectsApplier] = {}

NUMBERS_HELD = "sync.numbers_held"  # session.info keys, set for one page's transaction
COUNTER_DONE = "sync.counter_done"
SERVER_SERIAL_START = 90_000_000  # the server issues numbers from here (central_server)
MEMBER_FIELDS = (
    "name", "phone", "email", "gender", "notes", "note_flagged", "consent_sms",
    "consent_email", "tier_id", "home_store_id", "photo_path", "number", "status",
    "merged_into_id", "points_balance",
)  # fmt: skip


def register_entity(entity: str, fn: EntityApplier) -> None:
    ENTITIES[entity] = fn


def register_replay(op_name: str, fn: Replayer) -> None:
    REPLAYS[op_name] = fn


def register_effects(op_name: str, fn: EffectsApplier) -> None:
    EFFECTS[op_name] = fn


def register_touches(op_name: str, fn: Touches) -> None:
    """Which rows an op changed locally: re-read from the server when it is rejected or
    applied differently, so the desk's optimistic change is undone."""
    TOUCHES[op_name] = fn


def _when(text: str | None, default: datetime) -> datetime:
    return datetime.fromisoformat(text) if text else default


def _free_number(session: Session, number: str, member_id: str) -> None:
    """Another local member holds this number (two desks numbered offline): park it on a
    placeholder until the server's renumbering of that member arrives."""
    held: dict[str, str] | None = session.info.get(NUMBERS_HELD)
    if held is not None and number in held and held[number] in (None, member_id):
        held[number] = member_id  # known free (or ours): no query
        return
    other = session.scalar(select(Member).where(Member.number == number, Member.id != member_id))
    if other is not None:
        placeholder = "P" + other.id.replace("-", "")[-12:]
        rekey_search_terms(session, other.number, placeholder)
        other.number = placeholder
        session.flush()
    if held is not None:
        held[number] = member_id


def preload_numbers(session: Session, numbers: Iterable[str]) -> None:
    """For a page of pulled members: which local member holds each number, in one query, so
    applying each member needs no clash query of its own. Lives until the session ends."""
    wanted = {n for n in numbers if n}
    held: dict[str, str | None] = dict.fromkeys(wanted)
    if wanted:
        for number, member_id in session.execute(
            select(Member.number, Member.id).where(Member.number.in_(wanted))
        ):
            held[number] = member_id
    session.info[NUMBERS_HELD] = held
    bump_member_counter(session, wanted)
    session.info[COUNTER_DONE] = True


def rekey_search_terms(session: Session, old: str | None, new: str) -> None:
    """The search index is keyed by member number: move a renumbered member's terms."""
    if old and old != new:
        session.execute(
            text("UPDATE OR IGNORE member_search_terms SET member_number = :new "
                 "WHERE member_number = :old"),
            {"old": old, "new": new},
        )  # fmt: skip


def bump_member_counter(session: Session, numbers: Iterable[str | None]) -> None:
    """Numbers this desk has seen are never issued by it again: its counter moves past the
    largest desk-issued serial pulled (server-issued ones sit far above and are skipped)."""
    # Nine digits (serial + check digit): as text, the order of the serials (a million
    # numbers a bootstrap: no int() of each).
    below_server = f"{SERVER_SERIAL_START:08d}0"
    highest = max(
        (n for n in numbers if n and len(n) == 9 and n < below_server and n.isdigit()),
        default=None,
    )
    if highest is None:
        return
    top = int(highest[:-1])
    counter = session.get(Counter, MEMBER_SERIAL)
    if counter is None:
        session.add(Counter(name=MEMBER_SERIAL, value=top))
    elif counter.value < top:
        counter.value = top


def apply_member(
    session: Session, member_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:  # noqa: E501
    row = session.get(Member, member_id)
    if op == "delete":
        if row is not None:
            row.deleted_at, row.status = now, "archived"
        return
    values = {k: data[k] for k in MEMBER_FIELDS if k in data}
    values["birthday"] = date.fromisoformat(data["birthday"]) if data.get("birthday") else None
    if row is None:
        row = Member(id=member_id, created_at=_when(data.get("created_at"), now), version=0)
    if values.get("number") and values["number"] != row.number:
        _free_number(session, values["number"], member_id)
        if not session.info.get(COUNTER_DONE):
            bump_member_counter(session, [values["number"]])
        if row.number:
            rekey_search_terms(session, row.number, values["number"])
    for key, value in values.items():
        setattr(row, key, value)
    row.updated_at = _when(data.get("updated_at"), now)
    row.version = (row.version or 0) + 1
    save_member(session, row)


def apply_card(
    session: Session, card_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:  # noqa: E501
    row = session.get(Card, card_id)
    if row is None:
        row = Card(id=card_id, created_at=now, version=0)
        session.add(row)
    row.member_id, row.code, row.status = data["member_id"], data["code"], data["status"]
    row.issued_at = _when(data.get("issued_at"), now)
    row.updated_at = now
    row.version = (row.version or 0) + 1
    if op == "delete":
        row.deleted_at = now
    session.flush()


def apply_staff(
    session: Session, staff_id: str, op: str, data: dict[str, Any], now: datetime
) -> None:  # noqa: E501
    row = session.get(Staff, staff_id)
    if row is None:
        if session.scalar(select(Staff.id).where(Staff.code == data["code"])):
            log.warning("pulled staff %s clashes with a local staff code; kept local", staff_id)
            return
        # PINs never travel: a staff member first seen here signs in after a manager sets
        # their PIN on this desk.
        row = Staff(id=staff_id, pin_hash="", created_at=now, version=0, failed_pins=0)
        session.add(row)
    row.code, row.name, row.role = data["code"], data["name"], data["role"]
    row.active = bool(data.get("active", True)) and op != "delete"
    row.updated_at = now
    row.version = (row.version or 0) + 1
    session.flush()


def apply_setting(session: Session, key: str, op: str, data: dict[str, Any], now: datetime) -> None:  # noqa: E501
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=data.get("value"), updated_at=now))
    else:
        row.value, row.updated_at = data.get("value"), now
    session.flush()


def replay_member_patch(session: Session, args: dict[str, Any]) -> None:
    row = session.get(Member, args["id"])
    if row is None:
        return
    for key, value in (args.get("fields") or {}).items():
        if key == "birthday":
            value = date.fromisoformat(value) if value else None
        setattr(row, key, value)
    save_member(session, row)


def replay_member_archive(session: Session, args: dict[str, Any]) -> None:
    row = session.get(Member, args["id"])
    if row is not None:
        row.status = "archived"
        save_member(session, row)


def member_create_effects(session: Session, args: dict[str, Any], effects: dict[str, Any]) -> None:  # noqa: E501
    """The server renumbered a member (or re-coded its card) whose number clashed."""
    if "number" in effects:
        row = session.get(Member, args["id"])
        if row is not None:
            _free_number(session, effects["number"], row.id)
            rekey_search_terms(session, row.number, effects["number"])
            row.number = effects["number"]
            save_member(session, row)
    if "card_code" in effects and args.get("card_id"):
        card = session.get(Card, args["card_id"])
        if card is not None:
            card.code = effects["card_code"]


register_entity("member", apply_member)
register_entity("card", apply_card)
register_entity("staff", apply_staff)
register_entity("setting", apply_setting)
register_replay("member.patch.v1", replay_member_patch)
register_replay("member.archive.v1", replay_member_archive)
register_effects("member.create.v1", member_create_effects)
for _name in ("member.create.v1", "member.patch.v1", "member.archive.v1"):
    register_touches(_name, lambda args: [("member", str(args["id"]))])
