"""`python -m paths`: the command line for administrators, batch work and scripted checks.

Exit codes are a contract: 0 all well, 1 problems found (validation problems, a conflicting
save), 2 the input could not be used (unreadable file, unknown path, bad arguments, the
store cannot be reached), 3 an unexpected internal error. A user error is always one line
on stderr, in the chosen language, never a traceback.

More subcommands come from `paths.cli_<area>` modules listed in `COMMAND_MODULES`: each has
`register(subparsers)` that adds its parsers and sets `func` (a function `args -> int`, the
exit code) with `parser.set_defaults(func=...)`. Help texts use `t(key, help_lang())`;
handlers use `args.lang` and raise `CliError` for a one-line user error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from paths.i18n.catalog import DEFAULT_LANG, UserError, t
from paths.model.schema import LANGS, ServicePath

COMMAND_MODULES: tuple[str, ...] = (
    "paths.cli.personal", "paths.cli.editing", "paths.cli.users", "paths.cli.stats", "paths.cli.publish",
    "paths.cli.ops",
)
FORMATS = ("svg", "png", "pdf", "dot", "txt")
AUDIENCES = ("professional", "client")

_help_lang = DEFAULT_LANG


class CliError(UserError):
    """A user error: one sentence from the catalog and the exit code to leave with."""

    def __init__(self, key: str, code: int = 2, **params: object) -> None:
        super().__init__(key, **params)
        self.code = code


def help_lang() -> str:
    """The language the help texts are being built in (from `--lang` on the command line)."""
    return _help_lang


def add_command(subparsers: argparse._SubParsersAction, name: str, help_key: str) -> argparse.ArgumentParser:
    """A (sub)command whose help line and description are one catalog sentence in the help language."""
    text = t(help_key, _help_lang)
    return subparsers.add_parser(name, help=text, description=text)


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors as one line through the catalog (argparse's detail is English)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(t("cli.error.usage", _help_lang, detail=message, prog=self.prog), file=sys.stderr)
        raise SystemExit(2)


def _open_path(args: argparse.Namespace) -> ServicePath:
    """The path a command works on: from FILE, or with `--id` from the store."""
    from paths.formats.files import load_path_file

    if getattr(args, "id", None):
        if args.file:
            raise CliError("cli.error.file_and_id")
        from paths.store.library import get_store

        store = get_store()
        store.ensure_seeded()
        path = store.get_path(args.id, args.version)
        if path is None:
            raise CliError("cli.error.unknown_path", id=args.id)
        return path
    if not args.file:
        raise CliError("cli.error.no_source")
    return load_path_file(args.file)


def write_output(
    data: bytes, out: str, lang: str, *, mode: int = 0o644, written_key: str = "cli.render.written"
) -> None:
    """Write `data` to `out` (`-` is stdout) whole or not at all: a temporary file, then a rename."""
    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = Path(out)
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        raise CliError("cli.error.write", name=out) from None
    print(t(written_key, lang, name=out, size=len(data)))


def cmd_validate(args: argparse.Namespace) -> int:
    from paths.formats.files import PathFileError, load_path_file
    from paths.model.validation import validate

    worst = 0
    for file in args.files:
        try:
            path = load_path_file(file)
        except PathFileError as exc:
            print(f"{file}: {exc.message(args.lang)}", file=sys.stderr)
            worst = 2
            continue
        problems = validate(path, args.lang)
        for problem in problems:
            print(f"{file}: {problem.message}")
        if problems:
            worst = max(worst, 1)
        else:
            print(f"{file}: {t('cli.validate.ok', args.lang, steps=len(path.steps))}")
    return worst


def cmd_render(args: argparse.Namespace) -> int:
    path = _open_path(args)
    if args.format == "txt":
        from paths.render.text import to_text

        data = to_text(path, args.lang, args.audience).encode("utf-8")
    elif args.format == "dot":
        from paths.render.dot import to_dot

        data = to_dot(path, args.lang, args.audience).encode("utf-8")
    else:
        from paths.render.image import RenderError, render_path

        try:
            data = render_path(path, args.format, args.lang, args.audience)
        except RenderError as exc:
            print(exc.message(args.lang), file=sys.stderr)
            return 2
    write_output(data, args.output, args.lang)
    return 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def cmd_list(args: argparse.Namespace) -> int:
    from paths.store.library import get_store

    store = get_store()
    store.ensure_seeded()
    for item in store.list_paths():
        print(f"{item.id}\t{_one_line(item.title.get(args.lang))}\t{item.n_steps}\t{item.n_coordinator}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from paths.model.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return 0


def _register_builtin(subparsers: argparse._SubParsersAction, lang: str) -> None:
    def add(name: str) -> argparse.ArgumentParser:
        return add_command(subparsers, name, f"cli.help.{name}")

    validate = add("validate")
    validate.add_argument("files", nargs="+", metavar="FILE", help=t("cli.help.files", lang))
    validate.set_defaults(func=cmd_validate)

    render = add("render")
    render.add_argument("file", nargs="?", metavar="FILE", help=t("cli.help.file", lang))
    render.add_argument("--id", help=t("cli.help.id", lang))
    render.add_argument("--version", type=int, default=None, help=t("cli.help.version", lang))
    render.add_argument("--format", "-f", required=True, choices=FORMATS, help=t("cli.help.format", lang))
    render.add_argument(
        "--audience", "-a", choices=AUDIENCES, default="professional", help=t("cli.help.audience", lang)
    )
    render.add_argument("--output", "-o", default="-", metavar="OUT", help=t("cli.help.output", lang))
    render.set_defaults(func=cmd_render)

    listing = add("list")
    listing.set_defaults(func=cmd_list)

    schema = add("schema")
    schema.set_defaults(func=cmd_schema)


def build_parser(lang: str = DEFAULT_LANG) -> argparse.ArgumentParser:
    """The whole parser, help texts in `lang`, with every module of COMMAND_MODULES registered."""
    global _help_lang
    _help_lang = lang
    parser = _Parser(prog="python -m paths", description=t("cli.help.description", lang))
    parser.add_argument("--lang", choices=LANGS, default=DEFAULT_LANG, help=t("cli.help.lang", lang))
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    _register_builtin(subparsers, lang)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    for sub in subparsers.choices.values():
        try:
            sub.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli.help.lang", lang))
        except argparse.ArgumentError:
            pass
    return parser


def _peek_lang(argv: Sequence[str]) -> str:
    """`--lang` from the arguments before parsing, so that help and errors are in that language."""
    peek = argparse.ArgumentParser(add_help=False)
    peek.add_argument("--lang", default=DEFAULT_LANG)
    known, _ = peek.parse_known_args(list(argv))
    return known.lang if known.lang in LANGS else DEFAULT_LANG


def _report(exc: Exception, lang: str) -> int:
    """One line on stderr for a user error and its exit code (3 for an unexpected error).

    The store's and SQLAlchemy's error classes are looked up only when their modules are
    loaded (an error from them means they are), so that `validate` and `schema` stay fast.
    """
    from paths.formats.files import PathFileError

    store = sys.modules.get("paths.store.records")
    sa_errors = sys.modules.get("sqlalchemy.exc")
    if isinstance(exc, CliError):
        print(exc.message(lang), file=sys.stderr)
        return exc.code
    if isinstance(exc, PathFileError):
        print(exc.message(lang), file=sys.stderr)
        return 2
    if store is not None and isinstance(exc, store.StoreError):
        print(exc.message(lang), file=sys.stderr)
        return 1 if isinstance(exc, store.StaleVersionError) else 2
    if sa_errors is not None and isinstance(exc, sa_errors.ArgumentError | sa_errors.DBAPIError):
        print(t("cli.error.database", lang), file=sys.stderr)
        return 2
    if os.environ.get("POLKU_DEBUG"):
        raise exc
    print(t("cli.error.unexpected", lang, kind=type(exc).__name__), file=sys.stderr)
    return 3


def main(argv: Sequence[str] | None = None) -> int:
    """Parse, dispatch, and turn every user error into one line on stderr and an exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _peek_lang(argv)
    args = build_parser(lang).parse_args(argv)
    lang = args.lang
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(t("cli.error.interrupted", lang), file=sys.stderr)
        return 130
    except Exception as exc:
        return _report(exc, lang)
