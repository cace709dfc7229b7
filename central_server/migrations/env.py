"""Alembic environment of the central server: the connection is handed in by
central_server.migrate (or by the revision helper below)."""

from __future__ import annotations

from alembic import context

from central_server import gym_models, sales_models  # noqa: F401  (their tables join Base)
from central_server.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through central_server.migrate")

context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
