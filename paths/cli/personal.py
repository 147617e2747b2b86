"""`python -m paths personal ...` and `python -m paths worksheet ...`: personal paths on the command line.

`personal create` prints the new personal link's token once (it is stored only as a hash);
`pdf`, `export`, `delete` and `purge` do what the app's buttons do. Personal data is written
only to the files asked for (readable by the owner only), never to the messages.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from paths.cli.main import CliError, add_command, help_lang, write_output
from paths.i18n.catalog import t
from paths.model.schema import LANGS, ServicePath


def _store():  # noqa: ANN202 - imported lazily: `--help` must not open a database
    from paths.personal.store import get_personal_store

    return get_personal_store()


def _library():  # noqa: ANN202
    from paths.store.library import get_store

    store = get_store()
    store.ensure_seeded()
    return store


def _write_private(data: bytes, out: str, lang: str) -> None:
    """Write whole or not at all, readable only by the owner (the file holds personal data)."""
    write_output(data, out, lang, mode=0o600, written_key="personal.cli.written")


def _personal_error(exc: Exception, lang: str) -> int:
    print(exc.message(lang), file=sys.stderr)  # type: ignore[attr-defined]
    return 2


def cmd_create(args: argparse.Namespace) -> int:
    from paths.personal.model import PersonalDataError

    library = _library()
    version = args.version or library.latest_version(args.path)
    path = library.get_path(args.path, version) if version else None
    if path is None or version is None:
        raise CliError("cli.error.unknown_path", id=args.path)
    try:
        personal, token = _store().create(
            path, version, owner=args.owner, display_name=args.name, lang=args.client_lang or args.lang,
            pin=args.pin or None,
        )
    except PersonalDataError as exc:
        return _personal_error(exc, args.lang)
    print(t("personal.cli.created", args.lang, id=personal.id, path=path.id, version=version))
    print(t("personal.cli.token", args.lang, token=token))
    print(t("personal.cli.token_once", args.lang))
    return 0


def _get(personal_id: str):  # noqa: ANN202
    personal = _store().get(personal_id)
    if personal is None:
        raise CliError("personal.cli.not_found")
    return personal


def cmd_list(args: argparse.Namespace) -> int:
    for item in _store().list_for(args.owner):
        name = " ".join(item.display_name.split())
        link = t("personal.cli.link_active" if item.has_link else "personal.cli.link_none", args.lang)
        print(f"{item.id}\t{name}\t{item.source_path_id}@{item.source_version}\tv{item.version}\t{link}")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    from paths.personal.pdf import personal_pdf

    personal = _get(args.personal_id)
    latest = _library().latest_version(personal.source_path_id)
    _write_private(personal_pdf(personal, latest), args.output, args.lang)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    data = _store().export(args.personal_id)
    if data is None:
        raise CliError("personal.cli.not_found")
    _write_private(json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"), args.output, args.lang)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError("personal.cli.confirm_delete")
    if not _store().erase(args.personal_id):
        raise CliError("personal.cli.not_found")
    print(t("personal.cli.deleted", args.lang))
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from paths.personal.model import PersonalDataError

    try:
        count = _store().purge_expired(args.months)
    except PersonalDataError as exc:
        return _personal_error(exc, args.lang)
    print(t("personal.cli.purged", args.lang, count=count, months=args.months))
    return 0


def _worksheet_source(ref: str, version: int | None) -> ServicePath:
    """A library path by id, or a path file when `ref` names one."""
    from paths.formats.files import load_path_file

    if ref.lower().endswith((".yaml", ".yml", ".json")) and Path(ref).exists():
        return load_path_file(ref)
    path = _library().get_path(ref, version)
    if path is None:
        raise CliError("cli.error.unknown_path", id=ref)
    return path


def cmd_worksheet(args: argparse.Namespace) -> int:
    from paths.cli.main import write_output
    from paths.personal.pdf import blank_worksheet

    path = _worksheet_source(args.path, args.version)
    write_output(blank_worksheet(path, args.lang, fillable=args.fillable), args.output, args.lang)
    return 0


def _lang_option(parser: argparse.ArgumentParser, lang: str) -> None:
    parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli.help.lang", lang))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `personal` (create, list, pdf, export, delete, purge) and `worksheet`."""
    lang = help_lang()
    personal = add_command(subparsers, "personal", "personal.cli.help")
    actions = personal.add_subparsers(dest="personal_command", required=True, metavar="ACTION",
                                      parser_class=type(personal))

    create = add_command(actions, "create", "personal.cli.help_create")
    create.add_argument("--path", required=True, metavar="ID", help=t("personal.cli.help_path", lang))
    create.add_argument("--version", type=int, default=None, help=t("cli.help.version", lang))
    create.add_argument("--name", required=True, help=t("personal.cli.help_name", lang))
    create.add_argument("--owner", required=True, help=t("personal.cli.help_owner", lang))
    create.add_argument("--client-lang", choices=LANGS, default=None, help=t("personal.cli.help_client_lang", lang))
    create.add_argument("--pin", default=None, help=t("personal.cli.help_pin", lang))
    create.set_defaults(func=cmd_create)

    listing = add_command(actions, "list", "personal.cli.help_list")
    listing.add_argument("--owner", default=None, help=t("personal.cli.help_owner_filter", lang))
    listing.set_defaults(func=cmd_list)

    for name, func, key in (("pdf", cmd_pdf, "help_pdf"), ("export", cmd_export, "help_export")):
        sub = add_command(actions, name, f"personal.cli.{key}")
        sub.add_argument("personal_id", metavar="PERSONAL_ID", help=t("personal.cli.help_id", lang))
        sub.add_argument("--output", "-o", required=True, metavar="OUT", help=t("cli.help.output", lang))
        sub.set_defaults(func=func)

    remove = add_command(actions, "delete", "personal.cli.help_delete")
    remove.add_argument("personal_id", metavar="PERSONAL_ID", help=t("personal.cli.help_id", lang))
    remove.add_argument("--yes", action="store_true", help=t("personal.cli.help_yes", lang))
    remove.set_defaults(func=cmd_delete)

    purge = add_command(actions, "purge", "personal.cli.help_purge")
    purge.add_argument("--months", type=int, required=True, help=t("personal.cli.help_months", lang))
    purge.set_defaults(func=cmd_purge)

    for sub in actions.choices.values():
        _lang_option(sub, lang)

    worksheet = add_command(subparsers, "worksheet", "personal.cli.help_worksheet")
    worksheet.add_argument("path", metavar="ID", help=t("personal.cli.help_worksheet_id", lang))
    worksheet.add_argument("--version", type=int, default=None, help=t("cli.help.version", lang))
    worksheet.add_argument("--output", "-o", required=True, metavar="OUT", help=t("cli.help.output", lang))
    worksheet.add_argument("--fillable", action="store_true", help=t("personal.cli.help_fillable", lang))
    worksheet.set_defaults(func=cmd_worksheet)
