"""A writer process for crash tests: finalises member sales (some paying part in points) as
fast as it can and prints `committed <sale id>` after each commit returns."""

from __future__ import annotations

import sys
from pathlib import Path

from argon2 import PasswordHasher

from desktop_app.domain.clock import SystemClock
from desktop_app.domain.sales import SaleLine, Tender, TenderKind
from desktop_app.services.checkout import Cart
from desktop_app.services.registry import Services


def main(db_path: str, member_id: str) -> None:
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    services = Services.open(Path(db_path), SystemClock(), pin_hasher=fast)
    actor = services.auth.sign_in("admin", "1111")
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        price = 1000 + (i % 50) * 100
        tenders = [Tender(TenderKind.CASH, price)]
        if i % 2 and services.sales.points.view(member_id).balance >= 400:
            tenders = [Tender(TenderKind.POINTS, 400, points=400),
                       Tender(TenderKind.CARD, price - 400)]
        sale = services.sales.checkout.finalize_sale(
            actor, Cart((SaleLine(f"item {i}", 1, price),), tuple(tenders), member_id))
        print(f"committed {sale.sale_id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
