"""The `frontdesk` command: starts the desk, or runs a maintenance subcommand.

Qt is imported only when the desk starts, so `check-db` and `demo-data` run on machines (and
in CI steps) without a display."""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path

from desktop_app import __version__
from desktop_app.paths import DataPaths


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="frontdesk", description="Frontdesk: the front desk.")
    p.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    p.add_argument("--data-dir", help="folder for the database, backups, logs and config")
    p.add_argument("--db", help="database file (default: frontdesk.sqlite3 in the data folder)")
    p.add_argument("--lang", choices=["en", "zh_CN"], help="language (default: the system's)")
    p.add_argument(
        "--demo", action="store_true", help="start on the demo database, creating it on first run"
    )
    sub = p.add_subparsers(dest="command")
    chk = sub.add_parser("check-db", help="integrity check and audit chain verification")
    chk.add_argument("--db", dest="sub_db", help="database file")
    demo = sub.add_parser("demo-data", help="write a deterministic demo database")
    demo.add_argument("--members", type=int, default=10_000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--out", required=True, help="database file to create")
    return p


def main(argv: list[str] | None = None) -> int:
    multiprocessing.freeze_support()  # the bundled desk starts worker processes (search_bulk)
    args = _parser().parse_args(argv)
    paths = DataPaths.resolve(args.data_dir)
    if args.command == "check-db":
        return _check_db(Path(args.sub_db or args.db or paths.database))
    if args.command == "demo-data":
        from desktop_app.store.demo import write_demo_database

        stats = write_demo_database(Path(args.out), members=args.members, seed=args.seed)
        print(f"wrote {stats.members} members to {args.out} in {stats.seconds:.1f} s")
        return 0
    paths.ensure()
    db_path = Path(args.db) if args.db else paths.database
    if args.demo and not args.db:
        db_path = paths.demo_database
        if not db_path.exists():
            from desktop_app.store.demo import write_demo_database

            print(f"Creating the demo database at {db_path} …", flush=True)
            write_demo_database(db_path, members=10_000, seed=1)
    from desktop_app.qt.app import run

    return run(paths, db_path, args.lang)


def _check_db(path: Path) -> int:
    from desktop_app.store.checks import check_database
    from desktop_app.store.db import Database

    if not path.exists():
        print(f"no database at {path}", file=sys.stderr)
        return 2
    db = Database(path, migrate=False)
    try:
        problems = check_database(db)
    finally:
        db.close()
    for problem in problems:
        print(problem)
    print("check-db: ok" if not problems else f"check-db: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
