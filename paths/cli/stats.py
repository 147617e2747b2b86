"""`python -m paths stats ID [--compare OTHER_ID] --format txt|json|csv`: a stored path's figures.

The figures are those of the dashboard (`paths.analytics.figures`); with `--compare` the other path
is compared with this one (this one as the current state, the other as the target) and both paths'
figures are printed with the change. `--view` picks the view (professional, client, partner, print).
"""

from __future__ import annotations

import argparse

from paths.cli.main import CliError, add_command, help_lang, write_output
from paths.i18n.catalog import t
from paths.views.configured import VIEW_NAMES

STATS_FORMATS = ("txt", "json", "csv")


def _stored(path_id: str):  # noqa: ANN202 - a ServicePath
    from paths.store.library import get_store

    store = get_store()
    store.ensure_seeded()
    path = store.get_path(path_id)
    if path is None:
        raise CliError("cli.error.unknown_path", id=path_id)
    return path


def cmd_stats(args: argparse.Namespace) -> int:
    from paths.analytics.compare import compare
    from paths.analytics.figures import figures
    from paths.analytics.output import stats_csv, stats_json, stats_text

    path = _stored(args.id)
    comparison = compare(path, _stored(args.compare), args.view) if args.compare else None
    found = comparison.current_figures if comparison else figures(path, args.view)
    if args.format == "json":
        data = stats_json(found, comparison, args.lang).encode("utf-8")
    elif args.format == "csv":
        data = stats_csv(found, args.lang, comparison)
    else:
        data = stats_text(found, path, args.lang, comparison).encode("utf-8")
    write_output(data, args.output, args.lang)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = help_lang()
    stats = add_command(subparsers, "stats", "cli_stats.help.stats")
    stats.add_argument("id", metavar="ID", help=t("cli_stats.help.id", lang))
    stats.add_argument("--compare", metavar="OTHER_ID", default=None, help=t("cli_stats.help.compare", lang))
    stats.add_argument("--format", "-f", choices=STATS_FORMATS, default="txt", help=t("cli_stats.help.format", lang))
    stats.add_argument("--view", choices=VIEW_NAMES, default="professional", help=t("cli_stats.help.view", lang))
    stats.add_argument("--output", "-o", default="-", metavar="OUT", help=t("cli_stats.help.output", lang))
    stats.set_defaults(func=cmd_stats)
