"""Work the wizard and the Settings page hand to the task runner: plain functions over the
services (no widgets), run off the GUI thread, returning immutable values.

Enrolment builds an engine for the call; the running desk's engine (qt.desk_sync) reads
the enrolment from the database and starts syncing within seconds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.devices.device_config import DeviceConfigStore
from desktop_app.domain.device_settings import DeviceSettings
from desktop_app.domain.permissions import Actor
from desktop_app.domain.settings import StoreSettings
from desktop_app.sync.engine import SyncEngine

if TYPE_CHECKING:
    from desktop_app.services.registry import Services
    from desktop_app.store.backup import BackupFile


@dataclass(frozen=True, slots=True)
class SyncSummary:
    enrolled: bool
    server_url: str
    device_id: str
    pending: int


def save_store_details(services: Services, actor: Actor, name: str,
                       address: str) -> StoreSettings:
    """Two audited settings changes, made as the (new) administrator."""
    settings = services.settings.change(actor, "store_name", name)
    if address != settings.store_address:
        settings = services.settings.change(actor, "store_address", address)
    return settings


def save_devices(store: DeviceConfigStore, settings: DeviceSettings) -> DeviceSettings:
    store.save(settings)
    return settings


def change_store_settings(services: Services, actor: Actor,
                          changes: dict[str, object]) -> StoreSettings:
    """Each change is its own audited ``settings.change``; stops at the first refusal."""
    settings = services.settings.current()
    for key, value in changes.items():
        settings = services.settings.change(actor, key, value)
    return settings


def enrol_desk(services: Services, server_url: str, code: str, device_name: str) -> SyncSummary:
    engine = SyncEngine(services.db, services.clock)
    try:
        engine.enrol(server_url, code, device_name)
    finally:
        engine.close()
    return sync_summary(services)


def sync_summary(services: Services) -> SyncSummary:
    engine = SyncEngine(services.db, services.clock)
    try:
        enrolment = engine.store.enrolment()
        return SyncSummary(enrolment is not None,
                           enrolment.server_url if enrolment else "",
                           enrolment.device_id if enrolment else "",
                           engine.status.pending)
    finally:
        engine.close()


def list_backups(services: Services) -> list[BackupFile]:
    return services.backups.backups()


def support_bundle(services: Services, log_dir: Path, dest: Path) -> Path:
    return services.backups.support_bundle(log_dir, dest)
