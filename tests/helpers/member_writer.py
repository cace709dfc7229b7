"""A writer process for crash tests: creates and edits members as fast as it can and prints
`committed <member id>` after each commit returns. The test kills it with SIGKILL."""

from __future__ import annotations

import sys
from pathlib import Path

from argon2 import PasswordHasher

from desktop_app.domain.clock import SystemClock
from desktop_app.services.members import MemberDraft
from desktop_app.services.registry import Services


def main(db_path: str, tag: str) -> None:
    fast = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    services = Services.open(Path(db_path), SystemClock(), pin_hasher=fast)
    actor = services.auth.sign_in("admin", "1111")
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        m = services.members.create(actor, MemberDraft(name=f"{tag} 会员 {i}",
                                                       notes="x" * (i % 500)))
        print(f"committed {m.id}", flush=True)
        if i % 3 == 0:
            services.members.edit(actor, m.id, {"notes": f"edited {i}"})


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
