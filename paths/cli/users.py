"""`python -m paths users add|list|remove|password`: the facilitators' local accounts.

The password is asked twice without echo (getpass), or read from standard input with
`--password-stdin` for scripts; it never appears in the arguments (they show in `ps` and shell
history). With no account at all, the app runs in its single-user demo mode.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from paths.cli.main import CliError, add_command, help_lang
from paths.i18n.catalog import t


def _accounts():  # noqa: ANN202 - paths.accounts.auth.Accounts, imported late to keep `--help` fast
    from paths.accounts.auth import Accounts
    from paths.store.library import get_store

    return Accounts(get_store())


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line[:-1] if line.endswith("\n") else line
    first = getpass.getpass(t("auth.cli.prompt.password", args.lang))
    second = getpass.getpass(t("auth.cli.prompt.again", args.lang))
    if first != second:
        raise CliError("auth.cli.mismatch")
    return first


def _auth_error(exc: Exception) -> CliError:
    return CliError(exc.key, **exc.params)  # type: ignore[attr-defined]


def cmd_add(args: argparse.Namespace) -> int:
    from paths.accounts.auth import AuthError, validate_name, validate_password

    try:
        validate_name(args.name)
        password = _read_password(args)
        validate_password(password)
        name = _accounts().add_user(args.name, password)
    except AuthError as exc:
        raise _auth_error(exc) from None
    print(t("auth.cli.added", args.lang, name=name))
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    from paths.accounts.auth import AuthError, clean_name

    accounts = _accounts()
    if not accounts.exists(args.name):
        raise CliError("auth.error.unknown_user", name=clean_name(args.name))
    try:
        accounts.set_password(args.name, _read_password(args))
    except AuthError as exc:
        raise _auth_error(exc) from None
    print(t("auth.cli.password_set", args.lang, name=clean_name(args.name)))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    users = _accounts().list_users()
    if not users:
        print(t("auth.cli.none", args.lang))
    for user in users:
        print(f"{user.name}\t{user.created_at:%Y-%m-%d %H:%M} UTC")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from paths.accounts.auth import clean_name

    if not _accounts().remove_user(args.name):
        raise CliError("auth.error.unknown_user", name=clean_name(args.name))
    print(t("auth.cli.removed", args.lang, name=clean_name(args.name)))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = help_lang()
    users = add_command(subparsers, "users", "auth.cli.help.users")
    commands = users.add_subparsers(dest="users_command", required=True, metavar="COMMAND", parser_class=type(users))

    add = add_command(commands, "add", "auth.cli.help.add")
    add.add_argument("name", metavar="NAME", help=t("auth.cli.help.name", lang))
    add.add_argument("--password-stdin", action="store_true", help=t("auth.cli.help.password_stdin", lang))
    add.set_defaults(func=cmd_add)

    password = add_command(commands, "password", "auth.cli.help.password")
    password.add_argument("name", metavar="NAME", help=t("auth.cli.help.name", lang))
    password.add_argument("--password-stdin", action="store_true", help=t("auth.cli.help.password_stdin", lang))
    password.set_defaults(func=cmd_password)

    listing = add_command(commands, "list", "auth.cli.help.list")
    listing.set_defaults(func=cmd_list)

    remove = add_command(commands, "remove", "auth.cli.help.remove")
    remove.add_argument("name", metavar="NAME", help=t("auth.cli.help.name", lang))
    remove.set_defaults(func=cmd_remove)

    from paths.model.schema import LANGS

    for sub in (add, password, listing, remove):
        sub.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli.help.lang", lang))
