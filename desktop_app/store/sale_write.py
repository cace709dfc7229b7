"""The hot path of checkout in few statements: everything finalising a sale needs to read
comes back in four queries (the desk's state, the settings, the member with its chain head,
card and stored value account, the tiers), and its rows are written with SQLAlchemy Core,
one statement per table (lines, tenders and ledger entries as executemany), never through
the ORM's flush. The rows are the same ORM classes, built in memory and written as values,
so their hashes and types are exactly those of the ORM path."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, func, literal_column, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop_app.domain.chain import GENESIS
from desktop_app.store.checkout_models import (
    PointsEntry,
    PointsHead,
    SaleLineRow,
    SaleRow,
    SaleTenderRow,
    Shift,
    StoredValueAccount,
    StoredValueMove,
)
from desktop_app.store.models import (
    AuditEntry,
    Card,
    Counter,
    Member,
    OutboxOp,
    SyncState,
    Tier,
)
from desktop_app.store.row_writes import insert_rows, set_states, table_of
from desktop_app.store.state import AUDIT_HEAD, DEVICE_ID, HLC
from desktop_app.store.state import device_id as make_device_id


@dataclass(frozen=True, slots=True)
class DeskState:
    sale_exists: bool
    device_id: str
    hlc: str | None
    audit_head: str | None
    audit_seq: int
    shift_id: str | None


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """What a sale needs of its member, in one row."""

    id: str
    name: str
    status: str
    tier_id: str | None
    points_balance: int
    chain_head: str
    chain_count: int
    card_code: str | None
    account_id: str | None
    account_status: str | None
    principal: int
    bonus: int
    account_version: int


# Built once, on Core tables (not the ORM classes): each call only binds its values.
_sales, _shifts, _state_t = table_of(SaleRow), table_of(Shift), table_of(SyncState)
_members, _heads, _cards = table_of(Member), table_of(PointsHead), table_of(Card)
_accounts, _tiers, _counters = table_of(StoredValueAccount), table_of(Tier), table_of(Counter)


def _state(key: str) -> Any:
    return select(_state_t.c.value).where(_state_t.c.key == key).scalar_subquery()


_DESK_STATE = select(
    select(literal_column("1")).where(_sales.c.id == bindparam("sale_id")).scalar_subquery(),
    _state(DEVICE_ID),
    _state(HLC),
    _state(AUDIT_HEAD),
    select(func.max(table_of(AuditEntry).c.seq)).scalar_subquery(),
    select(_shifts.c.id)
    .where(_shifts.c.device_id == _state(DEVICE_ID), _shifts.c.closed_at.is_(None))
    .limit(1)
    .scalar_subquery(),
)
_MEMBER = (
    select(
        _members.c.id,
        _members.c.name,
        _members.c.status,
        _members.c.tier_id,
        _members.c.points_balance,
        _heads.c.head,
        _heads.c.count,
        select(_cards.c.code)
        .where(_cards.c.member_id == _members.c.id, _cards.c.status == "active")
        .limit(1)
        .scalar_subquery(),
        _accounts.c.id,
        _accounts.c.status,
        _accounts.c.principal,
        _accounts.c.bonus,
        _accounts.c.version,
    )
    .outerjoin(_heads, _heads.c.member_id == _members.c.id)
    .outerjoin(_accounts, _accounts.c.member_id == _members.c.id)
    .where(_members.c.id == bindparam("member_id"))
)
_TIERS = select(
    _tiers.c.id,
    _tiers.c.code,
    _tiers.c.rank,
    _tiers.c.threshold_minor,
    _tiers.c.points_multiplier_pct,
    _tiers.c.discount_pct,
    _tiers.c.birthday_bonus_points,
)
_bump = sqlite_insert(_counters).values(name=bindparam("name"), value=1)
_BUMP = _bump.on_conflict_do_update(
    index_elements=[_counters.c.name], set_={"value": _counters.c.value + 1}
).returning(_counters.c.value)
_head = sqlite_insert(_heads)
_HEAD = _head.on_conflict_do_update(
    index_elements=[_heads.c.member_id],
    set_={"head": _head.excluded.head, "count": _head.excluded.count},
)
_MEMBER_AFTER = (
    update(_members)
    .where(_members.c.id == bindparam("member_id"))
    .values(points_balance=bindparam("balance"), tier_id=bindparam("tier"))
)
_ACCOUNT_AFTER = (
    update(_accounts)
    .where(_accounts.c.id == bindparam("account_id"))
    .values(
        principal=bindparam("principal"),
        bonus=bindparam("bonus"),
        version=bindparam("version"),
        updated_at=bindparam("at", type_=_accounts.c.updated_at.type),
    )
)


def desk_state(session: Session, sale_id: str) -> DeskState:
    """One statement: whether the sale exists, the desk's id, HLC and audit head, the audit
    chain's last number and this desk's open shift."""
    row = session.connection().execute(_DESK_STATE, {"sale_id": sale_id}).one()
    device = row[1] if row[1] is not None else make_device_id(session)
    return DeskState(row[0] is not None, device, row[2], row[3], row[4] or 0, row[5])


def member_facts(session: Session, member_id: str) -> MemberFacts | None:
    row = session.connection().execute(_MEMBER, {"member_id": member_id}).first()
    if row is None:
        return None
    return MemberFacts(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4] or 0,
        row[5] or GENESIS,
        row[6] or 0,
        row[7],
        row[8],
        row[9],
        row[10] or 0,
        row[11] or 0,
        row[12] or 0,
    )


def tiers(session: Session) -> list[Row[Any]]:
    return list(session.connection().execute(_TIERS))


def bump_counter(session: Session, name: str) -> int:
    """Counter `name` plus one, in one statement (made at 1 the first time)."""
    return int(session.connection().execute(_BUMP, {"name": name}).scalar_one())


def next_number(session: Session, device_id: str, prefix: str) -> str:
    """Receipt numbers (S-3F9A-000123: see `store.sales.next_number`), in one statement."""
    value = bump_counter(session, f"number.{prefix}")
    return f"{prefix}-{device_id[-4:].upper()}-{value:06d}"


def write_sale(
    session: Session,
    *,
    op: OutboxOp,
    sale: SaleRow,
    lines: Sequence[SaleLineRow],
    tenders: Sequence[SaleTenderRow],
    sv_moves: Sequence[StoredValueMove],
    account: tuple[str, int, int, int] | None,  # (id, principal, bonus, version) after
    entries: Sequence[PointsEntry],
    member: tuple[str, int, str | None] | None,  # (id, balance, tier id) after
    audit: AuditEntry | None,
    state: dict[str, str],
) -> None:
    insert_rows(session, [op], skip=("seq",))
    insert_rows(session, [sale])
    insert_rows(session, lines)
    insert_rows(session, tenders)
    conn = session.connection()
    if account is not None:
        account_id, principal, bonus, version = account
        conn.execute(
            _ACCOUNT_AFTER,
            {
                "account_id": account_id,
                "principal": principal,
                "bonus": bonus,
                "version": version,
                "at": sale.updated_at,
            },
        )
    insert_rows(session, sv_moves)
    if entries:
        insert_rows(session, entries, skip=("seq",))
        last = entries[-1]
        conn.execute(
            _HEAD, {"member_id": last.member_id, "head": last.hash, "count": last.member_seq}
        )
    if member is not None:
        member_id, balance, tier_id = member
        conn.execute(_MEMBER_AFTER, {"member_id": member_id, "balance": balance, "tier": tier_id})
    if audit is not None:
        insert_rows(session, [audit])
    set_states(session, state)
