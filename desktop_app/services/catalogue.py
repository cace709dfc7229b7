"""Products: find by barcode or name, and import a CSV file (UTF-8 or GB18030), idempotent
by barcode, with a dry run that reports what it would do and every bad row. Importing needs
`settings.manage` (the catalogue is store configuration)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop_app.domain.catalogue import BadRow, parse_products
from desktop_app.domain.ids import new_id
from desktop_app.domain.permissions import Actor, Permission
from desktop_app.services.base import Service
from desktop_app.store.checkout_models import Product

_FIELDS = ("name", "price_minor", "category", "points_multiplier_pct")


@dataclass(frozen=True, slots=True)
class ProductInfo:
    id: str
    barcode: str
    name: str
    price: int
    category: str | None
    points_multiplier_pct: int | None


@dataclass(frozen=True, slots=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    bad: tuple[BadRow, ...]
    dry_run: bool


def _info(p: Product) -> ProductInfo:
    return ProductInfo(p.id, p.barcode, p.name, p.price_minor, p.category, p.points_multiplier_pct)


class CatalogueService(Service):
    def by_barcode(self, barcode: str) -> ProductInfo | None:
        with self._db.read() as session:
            p = session.scalar(
                select(Product).where(Product.barcode == barcode.strip(), Product.active.is_(True))
            )
            return _info(p) if p else None

    def search(self, text: str, limit: int = 20) -> list[ProductInfo]:
        text = text.strip()
        if not text:
            return []
        with self._db.read() as session:
            rows = session.scalars(
                select(Product)
                .where(
                    Product.active.is_(True),
                    Product.name.contains(text, autoescape=True)
                    | Product.barcode.startswith(text, autoescape=True),
                )
                .order_by(Product.name)
                .limit(limit)
            )
            return [_info(p) for p in rows]

    def import_csv(self, actor: Actor, data: bytes, dry_run: bool = False) -> ImportReport:
        rows, bad = parse_products(data)
        with self._authorised(actor, Permission.SETTINGS_MANAGE) as uow:
            existing = {
                p.barcode: p
                for p in uow.session.scalars(
                    select(Product).where(Product.barcode.in_([r.barcode for r in rows]))
                )
            }
            created = updated = unchanged = 0
            changed: list[dict[str, object]] = []
            for r in rows:
                values = {
                    "name": r.name,
                    "price_minor": r.price,
                    "category": r.category,
                    "points_multiplier_pct": r.points_multiplier_pct,
                }
                product = existing.get(r.barcode)
                if product is None:
                    created += 1
                    product = Product(barcode=r.barcode, active=True, **values)
                    uow.stamp_new(product, new_id())
                    if not dry_run:
                        uow.session.add(product)
                elif any(getattr(product, f) != values[f] for f in _FIELDS):
                    updated += 1
                    if not dry_run:
                        for f in _FIELDS:
                            setattr(product, f, values[f])
                        uow.stamp_changed(product)
                else:
                    unchanged += 1
                    continue
                changed.append({"id": product.id, "barcode": r.barcode, **values})
            if dry_run:
                uow.session.rollback()  # nothing of a dry run is kept
            elif changed:
                op = uow.op("product.import.v1", {"products": changed})
                uow.audit(
                    "product.import",
                    entity="product",
                    entity_id=None,
                    details={"created": created, "updated": updated, "bad": len(bad)},
                    op=op,
                )
            return ImportReport(created, updated, unchanged, tuple(bad), dry_run)
