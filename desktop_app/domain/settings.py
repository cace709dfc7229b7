"""Store settings, declared once: type, default and a short explanation each. Values live in
the database (`settings` table); anything not stored takes its default. Window geometry and
the desk's language are per machine and kept elsewhere (the config folder)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from desktop_app.domain.errors import ValidationError


def _s(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class StoreSettings:
    store_name: str = _s("Frontdesk Demo Store", "Shown on receipts and the window title.")
    store_address: str = _s("", "Printed under the store name on receipts.")
    currency: str = _s("CNY", "ISO code of the store's currency.")
    timezone: str = _s("Asia/Shanghai", "The store's time zone; business days follow it.")
    day_cutoff: str = _s("04:00", "A sale before this local time belongs to the previous day.")
    idle_lock_minutes: int = _s(5, "The desk locks after this many idle minutes.")
    pin_attempts: int = _s(5, "Wrong PINs in a row before a staff code is locked.")
    pin_lock_minutes: int = _s(5, "How long a staff code stays locked.")
    cashier_discount_pct: int = _s(10, "Largest discount a cashier may give on their own.")
    expiring_days: int = _s(7, "An entitlement this close to its end shows as expiring.")
    expiring_units: int = _s(2, "A pack with this few units left shows as expiring.")
    grace_days: int = _s(3, "Days after the end when entry is still allowed, with a warning.")
    reentry_minutes: int = _s(120, "A second check-in within this time consumes nothing.")
    backup_every_hours: int = _s(24, "An automatic backup is taken when the last is this old.")
    backups_kept: int = _s(14, "How many automatic backups are kept; older ones are removed.")

    @classmethod
    def help(cls, key: str) -> str:
        return str(next(f.metadata["help"] for f in fields(cls) if f.name == key))

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

    def with_value(self, key: str, value: Any) -> StoreSettings:
        """A copy with one setting changed, after checking its type."""
        kinds: dict[str, type] = {f.name: type(f.default) for f in fields(self)}
        kind = kinds.get(key)
        if kind is None:
            raise ValidationError(key, "unknown_setting")
        if not isinstance(value, kind) or isinstance(value, bool) != (kind is bool):
            raise ValidationError(key, "wrong_type", f"{key} takes a {kind.__name__}")
        if isinstance(value, int) and not isinstance(value, bool) and value < 0:
            raise ValidationError(key, "negative")
        changes: dict[str, Any] = {key: value}
        return replace(self, **changes)
