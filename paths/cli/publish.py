"""`python -m paths publish ID --view client|professional --lang fi|sv|en -o DIR`: the path's
self-contained static page (`paths.formats.publish`) written to DIR as `<id>-<view>-<lang>.html`."""

from __future__ import annotations

import argparse
from pathlib import Path

from paths.cli.main import CliError, add_command, help_lang, write_output
from paths.i18n.catalog import t


def cmd_publish(args: argparse.Namespace) -> int:
    from paths.formats.publish import page_filename, publish_page
    from paths.store.library import get_store

    store = get_store()
    store.ensure_seeded()
    path = store.get_path(args.id, args.version)
    if path is None:
        raise CliError("cli.error.unknown_path", id=args.id)
    version = args.version or store.latest_version(args.id)
    page = publish_page(path, args.view, args.lang, version=version)
    out_dir = Path(args.output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise CliError("formats.cli.error.out_dir", name=str(out_dir)) from None
    write_output(page.encode("utf-8"), str(out_dir / page_filename(path, args.view, args.lang)), args.lang)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = help_lang()
    pub = add_command(subparsers, "publish", "formats.cli.help.publish")
    pub.add_argument("id", metavar="ID", help=t("cli_editing.help.path_id", lang))
    pub.add_argument("--view", choices=("client", "professional"), default="client",
                     help=t("formats.cli.help.view", lang))
    pub.add_argument("--version", type=int, default=None, help=t("cli_editing.help.version", lang))
    pub.add_argument("--output", "-o", required=True, metavar="DIR", help=t("formats.cli.help.out_dir", lang))
    pub.set_defaults(func=cmd_publish)
