"""Alembic environment: the connection is handed in by desktop_app.store.migrate."""

from __future__ import annotations

from alembic import context

from desktop_app.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through desktop_app.store.migrate")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
