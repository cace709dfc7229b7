"""settings.change.v1: one store setting, last writer (by HLC) wins."""

from __future__ import annotations

from typing import Any

from central_server.models import SettingRow
from central_server.ops.registry import OpContext, Outcome, handles
from desktop_app.domain.permissions import Permission
from desktop_app.domain.settings import StoreSettings


@handles("settings.change.v1", Permission.SETTINGS_MANAGE)
def change(ctx: OpContext, args: dict[str, Any]) -> Outcome:
    key, value = str(args["key"]), args["value"]
    StoreSettings().with_value(key, value)  # the desk's own validation, re-run
    row = ctx.session.get(SettingRow, (ctx.store_id, key))
    if row is None:
        row = SettingRow(store_id=ctx.store_id, key=key, value=value, hlc=ctx.hlc, version=1)
        ctx.session.add(row)
    elif ctx.hlc > row.hlc:
        row.value, row.hlc, row.version = value, ctx.hlc, row.version + 1
    else:
        # An older edit than the one already kept: applied, but it changes nothing.
        return Outcome("compensated", {"superseded": True, "value": row.value})
    ctx.session.flush()
    ctx.changed("setting", key, row.version, {"key": key, "value": value}, chain_wide=False)
    return Outcome()
