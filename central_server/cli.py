"""`frontdesk-server`: serve, init (first admin and store), enrol-code, add-store, revoke,
prune. Database from FRONTDESK_SERVER_DB_URL (default an SQLite file in the data folder)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from central_server import logs
from central_server.accounts import (
    create_admin,
    create_store,
    new_enrolment_code,
    revoke,
    server_epoch,
    store_by_code,
)
from central_server.changes import prune
from central_server.db import ServerDatabase
from central_server.migrate import upgrade
from central_server.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="frontdesk-server", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the HTTP server")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    init = sub.add_parser("init", help="create the database, the first admin and a store")
    init.add_argument("--admin-code", default="admin")
    init.add_argument("--admin-name", default="Administrator")
    init.add_argument("--store", default="S1", help="store code")
    init.add_argument("--store-name", default="Main store")
    add = sub.add_parser("add-store", help="add a store")
    add.add_argument("--store", required=True)
    add.add_argument("--store-name", default="")
    code = sub.add_parser("enrol-code", help="print a one-time enrolment code for a store")
    code.add_argument("--store", required=True)
    rev = sub.add_parser("revoke", help="revoke a device")
    rev.add_argument("--device", required=True)
    sub.add_parser("prune", help="drop superseded changes and old tombstones")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings.from_env()
    logs.configure()
    if args.command == "serve":
        import uvicorn

        from central_server.app import create_app

        uvicorn.run(create_app(settings), host=args.host, port=args.port, log_config=None)
        return 0
    db = ServerDatabase(settings.database_url)
    upgrade(db)
    now = datetime.now(UTC)
    try:
        with db.write() as session:
            if args.command == "init":
                server_epoch(session)
                admin = create_admin(session, args.admin_code, args.admin_name, now)
                store = create_store(session, args.store, args.store_name, now)
                print(f"admin {admin.code} ({admin.id}); store {store.code} ({store.id})")
            elif args.command == "add-store":
                store = create_store(session, args.store, args.store_name or args.store, now)
                print(f"store {store.code} ({store.id})")
            elif args.command == "enrol-code":
                print(new_enrolment_code(session, store_by_code(session, args.store), now))
            elif args.command == "revoke":
                revoke(session, args.device)
                print(f"revoked {args.device}")
            elif args.command == "prune":
                dropped = prune(session, now=now, tombstone_days=settings.tombstone_days)
                print(f"dropped {dropped} change rows")
    except Exception as exc:
        code = getattr(exc, "code", None)
        if code is None:
            raise
        print(f"error: {code}: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
