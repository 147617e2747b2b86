"""`python -m paths import|export|history|template`: paths in and out of the store from the shell.

`import` reads YAML, JSON, CSV, XLSX, ODS or BPMN 2.0 and stores it as a new path or as the next
version of an existing one (a spreadsheet onto an existing path keeps the ids and what a sheet
cannot hold; `--map "header=column"` maps headers Polku does not know). A BPMN import prints the
report of the elements it did not map. Nothing is stored when the file cannot be read. `export`
writes any stored version (YAML, JSON, CSV, XLSX, ODS, BPMN, Mermaid); `history` lists the
versions with who, when and what changed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from paths.cli.main import CliError, add_command, help_lang, write_output
from paths.i18n.catalog import t

SHEET_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls", ".ods")
BPMN_SUFFIXES = (".bpmn", ".bpmn2", ".bpmn20.xml")
EXPORT_FORMATS = ("yaml", "json", "csv", "xlsx", "ods", "bpmn", "mermaid-flowchart", "mermaid-journey")


def _store():  # noqa: ANN202 - paths.store.library's Store
    from paths.store.library import get_store

    store = get_store()
    store.ensure_seeded()
    return store


def _read_file(name: str) -> bytes:
    from paths.formats.files import MAX_FILE_BYTES, PathFileError

    file = Path(name)
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            raise PathFileError("too_large", name=file.name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        return file.read_bytes()
    except OSError:
        raise PathFileError("unreadable", name=file.name) from None


def parse_mappings(items: list[str] | None) -> dict[str, str]:
    """`--map "header=column"` options → {header: column}; `-` (or nothing) after `=` skips the column."""
    from paths.formats.headers import COLUMNS, parse_column
    from paths.formats.sheet_read import SpreadsheetError

    mapping: dict[str, str] = {}
    for item in items or []:
        header, sep, column = item.rpartition("=")
        found = parse_column(column) if sep and header.strip() else None
        if found is None:
            raise SpreadsheetError("bad_mapping", item=item[:80], expected=", ".join(COLUMNS))
        mapping[header.strip()] = found
    return mapping


def _import_bpmn(args: argparse.Namespace, data: bytes, file: Path):  # noqa: ANN202 - a ServicePath
    """A BPMN file as a draft path; the report of what was not mapped goes to stdout with the result."""
    from paths.formats.bpmn import read_bpmn
    from paths.model.ids import slugify

    result = read_bpmn(data, file.name, path_id=args.id or slugify(file.name.split(".")[0], "path"),
                       lang=args.sheet_lang or "fi")  # the texts are Finnish unless --sheet-lang says
    lines = result.report(args.lang)
    print(t("formats.bpmn.report_heading", args.lang, count=len(lines)) if lines
          else t("formats.bpmn.report_none", args.lang))
    for line in lines:
        print(f"- {line}")
    path = result.path
    if args.title:
        path = path.model_copy(update={"title": path.title.model_copy(update={args.lang: args.title})})
    return path
def _shown(value: str) -> str:
    """A refused id as it can be shown on one line: a newline or other control as its escape."""
    return value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value


def cmd_import(args: argparse.Namespace) -> int:
    from paths.formats.files import load_path_bytes, path_from_data
    from paths.model.diff import diff_paths
    from paths.model.ids import is_path_id, slugify
    from paths.model.validation import validate

    file = Path(args.file)
    data = _read_file(args.file)
    store = _store()
    if args.id and not is_path_id(args.id):
        raise CliError("cli_editing.error.bad_id", id=_shown(args.id))
    if file.suffix.lower() in SHEET_SUFFIXES:
        from paths.formats.spreadsheet import path_from_spreadsheet

        path_id = args.id or slugify(file.stem, "path")
        if not is_path_id(path_id):
            raise CliError("cli_editing.error.bad_id", id=_shown(path_id))
        base = store.get_path(path_id)
        path = path_from_spreadsheet(data, file.name, path_id=path_id, title=args.title, lang=args.sheet_lang,
                                     base=base, mapping=parse_mappings(args.map))
    elif file.name.lower().endswith(BPMN_SUFFIXES):
        path = _import_bpmn(args, data, file)
    else:
        path = load_path_bytes(data, file.name)
        if args.id and args.id != path.id and not is_path_id(args.id):
            raise CliError("cli_editing.error.bad_id", id=_shown(args.id))
        if args.id or args.title:
            # Validated as a file would be (not `model_copy`, which skips the id and text checks).
            raw = path.model_dump(mode="json") | {"id": args.id or path.id}
            if args.title:
                raw["title"] = raw["title"] | {args.lang: args.title}
            path = path_from_data(raw, file.name)
    latest = store.latest_version(path.id)
    current = store.get_path(path.id) if latest is not None else None
    if current is not None and current == path:
        print(t("cli_editing.import.unchanged", args.lang, id=path.id, version=latest))
        return 0
    author = args.author or t("cli_editing.default_author", args.lang)
    version = store.save_path(path, author, args.summary or "", base_version=latest)
    if current is not None:
        what = diff_paths(current, path).summary(args.lang)
    else:
        what = t("cli_editing.import.new", args.lang)
    print(t("cli_editing.import.saved", args.lang, id=path.id, version=version, summary=what))
    problems = validate(path, args.lang)
    if problems:
        print(t("cli_editing.import.problems", args.lang, count=len(problems)))
    return 0


def export_bytes(path, fmt: str, lang: str) -> bytes:  # noqa: ANN001 - a ServicePath
    """The path in one of EXPORT_FORMATS (the CLI's export and the tests use this one table)."""
    from paths.formats import bpmn, files, mermaid, spreadsheet

    writers = {
        "yaml": lambda: files.dump_yaml(path).encode("utf-8"),
        "json": lambda: files.dump_json(path).encode("utf-8"),
        "csv": lambda: spreadsheet.to_csv(path, lang),
        "xlsx": lambda: spreadsheet.to_xlsx(path, lang),
        "ods": lambda: spreadsheet.to_ods(path, lang),
        "bpmn": lambda: bpmn.to_bpmn(path, lang),
        "mermaid-flowchart": lambda: mermaid.to_mermaid_flowchart(path, lang).encode("utf-8"),
        "mermaid-journey": lambda: mermaid.to_mermaid_journey(path, lang).encode("utf-8"),
    }
    return writers[fmt]()


def cmd_export(args: argparse.Namespace) -> int:
    store = _store()
    path = store.get_path(args.id, args.version)
    if path is None:
        raise CliError("cli.error.unknown_path", id=args.id if args.version is None else f"{args.id} v{args.version}")
    write_output(export_bytes(path, args.format, args.lang), args.output, args.lang)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    store = _store()
    versions = store.history(args.id, args.lang)
    if not versions:
        raise CliError("cli.error.unknown_path", id=args.id)
    for info in versions:
        when = info.created_at.strftime("%Y-%m-%d %H:%M UTC")
        author = " ".join(info.author.split()) or "–"
        print(f"{info.version}\t{when}\t{author}\t{' '.join(info.summary.split())}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from paths.formats.spreadsheet import template_csv, template_xlsx

    if args.format == "ods":
        from paths.formats.spreadsheet import template_ods

        data = template_ods(args.lang)
    else:
        data = template_csv(args.lang) if args.format == "csv" else template_xlsx(args.lang)
    write_output(data, args.output, args.lang)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    lang = help_lang()

    imp = add_command(subparsers, "import", "formats.cli.help.import")
    imp.add_argument("file", metavar="FILE", help=t("cli_editing.help.import_file", lang))
    imp.add_argument("--author", help=t("cli_editing.help.author", lang))
    imp.add_argument("--id", help=t("cli_editing.help.import_id", lang))
    imp.add_argument("--title", help=t("cli_editing.help.title", lang))
    imp.add_argument("--summary", help=t("cli_editing.help.summary", lang))
    imp.add_argument(
        "--sheet-lang", choices=("fi", "sv", "en"), default=None, help=t("cli_editing.help.sheet_lang", lang)
    )
    imp.add_argument("--map", action="append", metavar="HEADER=COLUMN", help=t("formats.cli.help.map", lang))
    imp.set_defaults(func=cmd_import)

    exp = add_command(subparsers, "export", "cli_editing.help.export")
    exp.add_argument("id", metavar="ID", help=t("cli_editing.help.path_id", lang))
    exp.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS, help=t("cli_editing.help.format", lang))
    exp.add_argument("--version", type=int, default=None, help=t("cli_editing.help.version", lang))
    exp.add_argument("--output", "-o", default="-", metavar="OUT", help=t("cli_editing.help.output", lang))
    exp.set_defaults(func=cmd_export)

    hist = add_command(subparsers, "history", "cli_editing.help.history")
    hist.add_argument("id", metavar="ID", help=t("cli_editing.help.path_id", lang))
    hist.set_defaults(func=cmd_history)

    tmpl = add_command(subparsers, "template", "cli_editing.help.template")
    tmpl.add_argument("--format", "-f", required=True, choices=("csv", "xlsx", "ods"),
                      help=t("cli_editing.help.format", lang))
    tmpl.add_argument("--output", "-o", default="-", metavar="OUT", help=t("cli_editing.help.output", lang))
    tmpl.set_defaults(func=cmd_template)
