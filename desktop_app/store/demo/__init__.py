"""Deterministic demo data (docs/demo-data.md): `write_demo_database(path, members=N, seed=S)`
writes a complete demo database, from ten members to a million, in bounded memory.

- catalog: the stores, tiers, tags, staff (with their published PINs), names and products
- rows:    the member rows, generated block by block from the seed
- writer:  the database work (migrations, bulk load, audit entry, atomic rename)
"""

from __future__ import annotations

from desktop_app.store.demo.writer import DemoStats, default_anchor, write_demo_database

__all__ = ["DemoStats", "default_anchor", "write_demo_database"]
