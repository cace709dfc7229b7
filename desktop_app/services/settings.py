"""Reading and changing the store's settings. Changes need `settings.manage` and are audited."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sqlalchemy import select

from desktop_app.domain.permissions import Actor, Permission
from desktop_app.domain.settings import StoreSettings
from desktop_app.services.base import Service
from desktop_app.store.models import Setting


class SettingsService(Service):
    def current(self) -> StoreSettings:
        settings = StoreSettings()
        with self._db.read() as session:
            for row in session.scalars(select(Setting)):
                if row.key in StoreSettings.field_names():
                    settings = settings.with_value(row.key, row.value)
        return settings

    def change(self, actor: Actor, key: str, value: Any) -> StoreSettings:
        old = self.current()
        new = old.with_value(key, value)  # validates before anything is written
        with self._authorised(actor, Permission.SETTINGS_MANAGE) as uow:
            row = uow.session.get(Setting, key)
            if row is None:
                uow.session.add(Setting(key=key, value=value, updated_at=uow.now))
            else:
                row.value, row.updated_at = value, uow.now
            op = uow.op("settings.change.v1", {"key": key, "value": value})
            uow.audit(
                "settings.change",
                entity="setting",
                entity_id=None,
                details={"key": key, "old": asdict(old)[key], "new": value},
                op=op,
            )
        return new
