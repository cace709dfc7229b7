"""staff.upsert.v1: staff accounts of the device's store (never their PINs)."""

from __future__ import annotations

from typing import Any

from central_server.models import StaffRow
from central_server.ops.registry import OpContext, Outcome, handles
from desktop_app.domain.contact import clean_name
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.domain.permissions import Permission, Role


def _desk_first_admin(ctx: OpContext) -> bool:
    """A desk's very first op may be its own first admin creating themself: the device was
    enrolled with a code an admin made on the server, which is the trust anchor."""
    args = ctx.op.args
    return (
        ctx.first_op_of_device
        and ctx.op.actor == args.get("id")
        and args.get("role") == Role.ADMIN.value
        and ctx.session.get(StaffRow, args.get("id")) is None
    )


def staff_data(row: StaffRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "code": row.code,
        "name": row.name,
        "role": row.role,
        "active": row.active,
        "store_id": row.store_id,
    }


@handles("staff.upsert.v1", Permission.STAFF_MANAGE, self_authorised=_desk_first_admin)
def upsert(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    row = ctx.session.get(StaffRow, args["id"])
    if row is not None and row.store_id not in (None, ctx.store_id):
        raise NotFound("staff of another store", staff_id=args["id"])
    if row is None:
        if "code" not in args or "role" not in args:
            raise NotFound("no such staff member", staff_id=args["id"])
        row = StaffRow(id=args["id"], store_id=ctx.store_id, version=0, active=True)
        ctx.session.add(row)
    if "code" in args:
        row.code = str(args["code"])
    if "name" in args:
        row.name = clean_name(str(args["name"]))
    if "role" in args:
        try:
            row.role = Role(args["role"]).value
        except ValueError as exc:
            raise ValidationError("role", "unknown_role") from exc
    if "active" in args:
        row.active = bool(args["active"])
    row.version = (row.version or 0) + 1
    row.updated_at = ctx.now
    ctx.session.flush()
    ctx.changed("staff", row.id, row.version, staff_data(row), chain_wide=row.store_id is None)
    return Outcome()
