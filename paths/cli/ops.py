"""`python -m paths backup|restore|ready|migrate`: operating a Polku installation.

- `backup DIR`: both databases (library and personal) into the new directory DIR, while the app runs;
- `restore DIR [--yes]`: replace both databases' contents with a backup (asks unless `--yes`);
- `ready`: exit 0 when both databases answer and their schema is current, else 2 with one line per store;
- `migrate`: create or upgrade both schemas and seed an empty library; safe when several app servers
  run it at the same moment (the stores migrate under a database lock). The container runs it at start.

Messages never carry a database URL (it may hold a password) nor anything from the data.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from paths.cli.main import CliError, add_command, help_lang
from paths.i18n.catalog import t


def _databases():  # noqa: ANN202 - list[paths.ops.databases.StoreDatabase], imported late to keep `--help` fast
    from paths.ops.databases import configured_databases

    return configured_databases()


def store_word(name: str, lang: str) -> str:
    """The store's name in the user's language ("polkukirjasto", "personal paths", ...)."""
    return t(f"ops.store.{name}", lang)


def _ops_error(exc: Exception, lang: str) -> CliError:
    params = dict(exc.params)  # type: ignore[attr-defined]
    if "store" in params:
        params["store"] = store_word(str(params["store"]), lang)
    return CliError(exc.key_prefix + exc.key, **params)  # type: ignore[attr-defined]


def cmd_backup(args: argparse.Namespace) -> int:
    from paths.ops.backup import backup
    from paths.ops.databases import OpsError

    try:
        saved = backup(Path(args.directory), _databases())
    except OpsError as exc:
        raise _ops_error(exc, args.lang) from None
    for item in saved:
        print(t("ops.backup.saved", args.lang, store=store_word(item.name, args.lang), kind=item.kind, file=item.file))
    print(t("ops.backup.done", args.lang, name=args.directory))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from paths.ops.backup import read_manifest, restore
    from paths.ops.databases import OpsError

    try:
        stores = read_manifest(Path(args.directory))
        if not args.yes:
            if not sys.stdin.isatty():
                raise CliError("ops.restore.needs_yes")
            words = ", ".join(store_word(name, args.lang) for name in sorted(stores))
            answer = input(t("ops.restore.confirm", args.lang, stores=words) + " ")
            if answer.strip().lower() not in ("k", "kyllä", "j", "ja", "y", "yes"):
                print(t("ops.restore.cancelled", args.lang))
                return 1
        restored = restore(Path(args.directory), _databases())
    except OpsError as exc:
        raise _ops_error(exc, args.lang) from None
    for item in restored:
        print(t("ops.restore.restored", args.lang, store=store_word(item.name, args.lang), kind=item.kind))
    return 0


def cmd_ready(args: argparse.Namespace) -> int:
    from paths.ops.readiness import check_all

    states = check_all(_databases())
    for state in states:
        key = "ops.ready.ok" if state.ready else f"ops.ready.{state.problem}"
        line = t(key, args.lang, store=store_word(state.name, args.lang))
        print(line, file=sys.stdout if state.ready else sys.stderr)
    return 0 if all(state.ready for state in states) else 2


def cmd_migrate(args: argparse.Namespace) -> int:
    from paths.ops.databases import upgrade

    for database in _databases():
        upgrade(database, seed=True)
        print(t("ops.migrate.done", args.lang, store=store_word(database.name, args.lang)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = help_lang()

    def add(name: str) -> argparse.ArgumentParser:
        return add_command(subparsers, name, f"ops.help.{name}")

    backup = add("backup")
    backup.add_argument("directory", metavar="DIR", help=t("ops.help.backup_dir", lang))
    backup.set_defaults(func=cmd_backup)
    restore = add("restore")
    restore.add_argument("directory", metavar="DIR", help=t("ops.help.restore_dir", lang))
    restore.add_argument("--yes", action="store_true", help=t("ops.help.yes", lang))
    restore.set_defaults(func=cmd_restore)
    add("ready").set_defaults(func=cmd_ready)
    add("migrate").set_defaults(func=cmd_migrate)
