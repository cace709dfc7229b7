"""What happens to a member's rows when the member is merged into another (DOMAIN.md:
ledgers, visits and bookings move to the survivor; the merged member keeps a pointer).

Every column that refers to a member (a foreign key to members.id, or a column named
`member_id`) needs a policy, declared by the feature that owns the table, in the column's
`info`:

    member_id: Mapped[str] = mapped_column(ForeignKey("members.id"),
                                           info={"member_merge": "move"})

- "move":  the rows are re-pointed at the survivor (visits, bookings, sales).
- "union": the column is part of a key (member_tags): rows the survivor already has are
           dropped, the others move.
- "keep":  the rows stay with the merged member (its cards: they resolve through the
           pointer).
- a callable `(session, merged_id, survivor_id) -> int`: the feature moves its own rows
           (a hash-chained ledger that must post transfer entries instead of rewriting
           history).

Tables that existed before this rule was written get their policy from DEFAULTS. A column
with no policy at all does not block a merge of members who have no rows in it; a merged
member with rows there is refused (MergeBlocked names the table), so no ledger is ever
silently rewritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Column, Table, text
from sqlalchemy.orm import Session

from desktop_app.domain.errors import DomainError
from desktop_app.store.schema import metadata

Mover = Callable[[Session, str, str], int]
Policy = str | Mover
DEFAULTS: dict[str, Policy] = {
    "members.merged_into_id": "keep",
    "cards.member_id": "keep",
    "member_tags.member_id": "union",
    "entitlement_sharers.member_id": "union",
    "entitlements.member_id": "move",
    "checkins.member_id": "move",
    "bookings.member_id": "move",
    "booking_strikes.member_id": "move",
    "sales.member_id": "move",
}


class MergeBlocked(DomainError):
    """The merged member has rows in a table whose owner has not said how they move."""

    code = "merge_blocked"


def member_columns() -> list[tuple[Table, Column[Any]]]:
    """Every column in the schema that refers to a member."""
    out = []
    for table in metadata.sorted_tables:
        for column in table.columns:
            refers = any(fk.column.table.name == "members" for fk in column.foreign_keys)
            if refers or (column.name == "member_id" and table.name != "members"):
                out.append((table, column))
    return out


def policy_of(table: Table, column: Column[Any]) -> Policy | None:
    declared = column.info.get("member_merge")
    if declared is not None:
        return declared  # type: ignore[no-any-return]
    return DEFAULTS.get(f"{table.name}.{column.name}")


def move_member_rows(session: Session, merged_id: str, survivor_id: str) -> dict[str, int]:
    """Apply every table's policy; returns rows moved per "table.column"."""
    ids = {"m": merged_id, "s": survivor_id}
    moved: dict[str, int] = {}
    for table, column in member_columns():
        key = f"{table.name}.{column.name}"
        policy = policy_of(table, column)
        t, c = table.name, column.name
        if policy == "keep":
            continue
        if callable(policy):
            moved[key] = policy(session, merged_id, survivor_id)
        elif policy == "move":
            result = session.execute(text(f"UPDATE {t} SET {c} = :s WHERE {c} = :m"), ids)
            moved[key] = result.rowcount  # type: ignore[attr-defined]
        elif policy == "union":
            result = session.execute(
                text(f"UPDATE OR IGNORE {t} SET {c} = :s WHERE {c} = :m"), ids)
            moved[key] = result.rowcount  # type: ignore[attr-defined]
            session.execute(text(f"DELETE FROM {t} WHERE {c} = :m"), ids)
        else:
            has_rows = session.execute(
                text(f"SELECT 1 FROM {t} WHERE {c} = :m LIMIT 1"), ids).first()
            if has_rows:
                raise MergeBlocked(f"no merge policy for {key}", table=t, column=c)
    return {k: v for k, v in moved.items() if v}
