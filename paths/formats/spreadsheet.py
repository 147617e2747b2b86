"""Paths as spreadsheets: one row per step, read from and written to CSV, XLSX and ODS.

Workshops draft paths in Excel or LibreOffice; this module turns such a sheet into a
`ServicePath` and back. Reading the cells, with its limits, is `paths.formats.sheet_read`; matching
the headers, with synonyms in each language and a user's mapping, is `paths.formats.headers`; the
one rule for cells the app writes is `paths.formats.cells`. Nothing is half-built: a sheet either
becomes a whole path or fails with one `SpreadsheetError` sentence that names the row.

Format (docs/file-formats.md):
- columns `stage`, `step`, `next` are required; `description`, `client_text`, `actors`,
  `kind`, `coordinator` and `id` are optional; headers in Finnish, Swedish or English (or
  mapped), and the headers' language is the language the texts are in;
- an empty `stage` cell continues the stage of the row above; stages keep the order in which
  they first appear;
- `actors` are names separated by `;`, the first is responsible; an unknown name becomes a
  new actor whose group is guessed from the name (see `guess_group`);
- `next` lists the next steps by id or name, separated by `;`, each optionally prefixed by a
  condition label and `:` (`several services needed: network meeting`);
- two steps may share a name when the `id` column tells them apart (then refer to them by id);
- fully empty rows at the end are ignored; an empty row between steps, or a row with cells
  but no step name, is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pydantic import ValidationError

from paths.editing.experience import EXPERIENCE_COLUMNS, CellError, experience_from_cells
from paths.formats.cells import unguard
from paths.formats.headers import COLUMNS, HEADERS, match_headers
from paths.formats.sheet_read import (
    MAX_ROWS,
    Sheet,
    SpreadsheetError,
    column_letter,
    read_cells,
    read_csv_cells,
    read_xlsx_cells,
)
from paths.formats.sheet_words import (
    CLIENT_SIDE_NAMES,
    KIND_WORDS,
    YES_NO,
    _norm,
    guess_group,
    kind_word,
    parse_flag,
    parse_kind,
)
from paths.formats.sheet_write import (
    TEMPLATE_COLUMNS,
    rows_to_csv,
    rows_to_ods,
    rows_to_xlsx,
    template_csv,
    template_ods,
    template_path,
    template_xlsx,
    to_csv,
    to_ods,
    to_rows,
    to_xlsx,
)
from paths.i18n.catalog import normalise_lang
from paths.model.ids import is_item_id, is_path_id, slugify, unique_id
from paths.model.schema import LANGS, Actor, LocalText, ServicePath, Stage, Status, Step, Transition
from paths.model.text_rules import TextRuleError, clean_text

# The writers and the cell words live in their own modules; these names stay importable from here.
__all__ = [
    "CLIENT_SIDE_NAMES", "COLUMNS", "HEADERS", "KIND_WORDS", "MAX_ROWS", "TEMPLATE_COLUMNS", "YES_NO", "Sheet",
    "SpreadsheetError", "SpreadsheetMappingNeeded", "guess_group", "kind_word", "parse_flag", "parse_kind",
    "path_from_spreadsheet", "read_cells", "read_csv_cells", "read_xlsx_cells", "rows_to_csv", "rows_to_ods",
    "rows_to_xlsx", "template_csv", "template_ods", "template_path", "template_xlsx", "to_csv", "to_ods",
    "to_rows", "to_xlsx",
]

MAX_CELL_CHARS = 20_000


class SpreadsheetMappingNeeded(SpreadsheetError):
    """A header row with columns no word matched: the app shows its column-mapping step, the CLI
    names the column and the `--map` option. `header` and `unknown` (indices) say what to map."""

    def __init__(self, name: str, header: list[str], unknown: list[int], lang: str) -> None:
        expected = ", ".join(HEADERS[lang][column] for column in COLUMNS)
        super().__init__("needs_mapping", name=name, column=header[unknown[0]].strip(), expected=expected)
        self.header, self.unknown = header, unknown


# ---------------------------------------------------------------------------------------------
# Cells to a path


@dataclass
class _Row:
    number: int
    stage: str
    step: str
    values: dict[str, str]


def map_header(sheet: Sheet, name: str, mapping: dict[str, str] | None = None) -> tuple[dict[str, int], str]:
    """Column name → index, and the language the headers are in (Finnish wins a tie: the source).

    Linear in the cells: the columns that hold data are found in one pass, not once per empty
    header cell (a 20,000-column header made that quadratic)."""
    match = match_headers(sheet.header, mapping)
    used = sheet.used_columns()
    named = {index for index, label in enumerate(sheet.header) if label.strip()}
    unnamed = sorted(used - named)
    if unnamed:
        raise SpreadsheetError("unnamed_column", name=name, column=column_letter(unnamed[0]))
    if match.unknown:
        raise SpreadsheetMappingNeeded(name, sheet.header, match.unknown, match.lang)
    if match.duplicates:
        raise SpreadsheetError("duplicate_column", name=name, column=sheet.header[match.duplicates[0]].strip())
    missing = [HEADERS[match.lang][column] for column in match.missing()]
    if missing:
        raise SpreadsheetError("missing_columns", name=name, columns=", ".join(missing))
    return match.columns, match.lang


def _cell_value(value: str, name: str, row: int) -> str:
    """A cell's text through the one text rule, as the path will store it (so an empty-looking cell
    is seen as empty here, not after the import); NUL or a lone surrogate is one sentence."""
    try:
        return clean_text(value).strip()
    except TextRuleError:
        raise SpreadsheetError("bad_text", name=name, row=row) from None


def _rows(sheet: Sheet, columns: dict[str, int], name: str) -> list[_Row]:
    data = list(sheet.rows)
    while data and not any(cell.strip() for cell in data[-1][1]):
        data.pop()
    if not data:
        raise SpreadsheetError("no_rows", name=name)
    rows: list[_Row] = []
    stage = ""
    for number, cells in data:
        if not any(cell.strip() for cell in cells):
            raise SpreadsheetError("empty_row", name=name, row=number)
        values = {}
        for column, index in columns.items():
            value = cells[index].strip() if index < len(cells) else ""
            value = _cell_value(unguard(value) if sheet.guarded else value, name, number)
            if len(value) > MAX_CELL_CHARS:
                raise SpreadsheetError("cell_too_long", name=name, row=number, limit=MAX_CELL_CHARS)
            values[column] = value
        if not values["step"]:
            raise SpreadsheetError("no_step_name", name=name, row=number)
        stage = values["stage"] or stage
        if not stage:
            raise SpreadsheetError("no_stage", name=name, row=number)
        rows.append(_Row(number, stage, values["step"], values))
    return rows


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _find_by_text(items: Iterable, attr: str, text: str, lang: str) -> object | None:
    """An item whose text `attr` matches `text` in `lang` (or, failing that, in any language)."""
    key = _norm(text)
    items = list(items)
    for item in items:
        if _norm(getattr(item, attr).get(lang, fallback=False)) == key:
            return item
    for item in items:
        local = getattr(item, attr)
        if any(_norm(getattr(local, code)) == key for code in LANGS):
            return item
    return None


def _with_text(base: LocalText | None, lang: str, value: str) -> LocalText:
    """`base` with `value` in `lang`; unchanged when `value` is what the export wrote for it
    (the Finnish fallback of a missing translation), so a round trip adds no false translation."""
    if base is None:
        return LocalText(**{lang: value}) if value else LocalText()
    if not base.get(lang, fallback=False) and value == base.get(lang):
        return base
    return base.model_copy(update={lang: value})


@dataclass
class _Build:
    """What the sheet's rows have become so far: shared by the steps of `path_from_spreadsheet`."""

    name: str
    lang: str
    base: ServicePath | None
    columns: dict[str, int]
    rows: list[_Row]


def _stages(build: _Build) -> tuple[list[Stage], dict[str, str]]:
    """Stages in first-appearance order (the base's ids kept) and stage text key → stage id."""
    stages: list[Stage] = []
    stage_of: dict[str, str] = {}
    base, lang = build.base, build.lang
    for row in build.rows:
        key = _norm(row.stage)
        if key in stage_of:
            continue
        old = (_find_by_text(base.stages, "title", row.stage, lang) or base.stage(row.stage)) if base else None
        if old is not None and old.id not in {stage.id for stage in stages}:
            # Matched case-insensitively: keep the stored spelling unless the text really changed.
            same = _norm(old.title.get(lang)) == key
            stages.append(old if same else old.model_copy(update={"title": _with_text(old.title, lang, row.stage)}))
        else:
            stages.append(Stage(id=unique_id(row.stage, {s.id for s in stages}, "stage"), title={lang: row.stage}))
        stage_of[key] = stages[-1].id
    return stages, stage_of


def _actors(build: _Build) -> tuple[list[Actor], dict[str, str]]:
    """The base's actors, then new names in order of appearance; actor name key → actor id."""
    actors: list[Actor] = list(build.base.actors) if build.base else []
    actor_of: dict[str, str] = {}
    for row in build.rows:
        for actor_name in _split(row.values.get("actors", "")):
            key = _norm(actor_name)
            if key in actor_of:
                continue
            found = next((a for a in actors if a.id == actor_name), None)
            found = found or _find_by_text(actors, "name", actor_name, build.lang)
            if found is None:
                found = Actor(id=unique_id(actor_name, {a.id for a in actors}, "actor"), name={build.lang: actor_name},
                              group=guess_group(actor_name))
                actors.append(found)
            actor_of[key] = found.id
    return actors, actor_of


def _step_ids(build: _Build) -> tuple[list[str], list[Step | None]]:
    """Each row's step id (from the `id` column, the base by name, or the name) and its base step.

    Two rows may share a name only when both have an id: the id column tells them apart."""
    seen_names: dict[str, int] = {}
    given_ids = {row.values.get("id", "") for row in build.rows} - {""}
    step_ids: list[str] = []
    bases: list[Step | None] = []
    base, name = build.base, build.name
    for row in build.rows:
        key = _norm(row.step)
        given = row.values.get("id", "")
        if key in seen_names and not (given and seen_names[key] > 0):
            first = abs(seen_names[key])
            raise SpreadsheetError("duplicate_step", name=name, row=row.number, step=row.step, first=first)
        seen_names[key] = row.number if given else -row.number
        old: Step | None = None
        if given:
            if not is_item_id(given):
                raise SpreadsheetError("bad_id", name=name, row=row.number, id=given)
            if given in step_ids:
                raise SpreadsheetError("duplicate_id", name=name, row=row.number, id=given)
            step_id = given
            old = base.step(given) if base else None
        else:
            old = _find_by_text(base.steps, "title", row.step, build.lang) if base else None
            if old is not None and old.id in step_ids:
                old = None
            step_id = old.id if old else unique_id(row.step, set(step_ids) | given_ids, "step")
        step_ids.append(step_id)
        bases.append(old)
    return step_ids, bases


def _resolver(build: _Build, step_ids: list[str]) -> Callable[[str, int], str | None]:
    """A next-step reference → step id: by id first, then by a name only one step has."""
    by_name: dict[str, list[str]] = {}
    for row, step_id in zip(build.rows, step_ids, strict=True):
        by_name.setdefault(_norm(row.step), []).append(step_id)
    known = set(step_ids)

    def resolve(reference: str, row_number: int) -> str | None:
        if reference in known:
            return reference
        found = by_name.get(_norm(reference), [])
        if len(found) > 1:
            raise SpreadsheetError("ambiguous_next", name=build.name, row=row_number, ref=reference)
        return found[0] if found else None

    return resolve


def _step(build: _Build, row: _Row, step_id: str, old: Step | None, stage_id: str, actor_of: dict[str, str]) -> Step:
    values, lang = row.values, build.lang
    kind = parse_kind(values.get("kind", ""))
    if kind is None:
        raise SpreadsheetError("bad_kind", name=build.name, row=row.number, value=values["kind"])
    light = parse_flag(values.get("coordinator", ""))
    if light is None:
        raise SpreadsheetError("bad_flag", name=build.name, row=row.number, value=values["coordinator"])
    fields: dict[str, object] = {
        "id": step_id, "stage": stage_id, "title": _with_text(old.title if old else None, lang, row.step),
        "kind": kind, "coordinator": light,
    }
    for column in ("description", "client_text"):
        if column in build.columns:
            fields[column] = _with_text(getattr(old, column) if old else None, lang, values[column])
    if "actors" in build.columns:
        fields["actors"] = list(dict.fromkeys(actor_of[_norm(a)] for a in _split(values["actors"])))
    try:
        fields |= experience_from_cells(values, set(build.columns) & set(EXPERIENCE_COLUMNS), old, lang)
    except CellError as exc:
        raise SpreadsheetError("bad_experience_cell", name=build.name, row=row.number,
                               column=HEADERS[lang][exc.column], value=exc.value) from None
    return old.model_copy(update=fields) if old else Step(**fields)


def _transitions(build: _Build, row: _Row, step_id: str, resolve: Callable[[str, int], str | None]) -> list[Transition]:
    """The row's `next` cell: `target` or `condition: target`, separated by `;`."""
    transitions: list[Transition] = []
    targets: set[str] = set()
    for item in _split(row.values["next"]):
        target = resolve(item, row.number)
        label = ""
        if target is None and ":" in item:
            label, _, rest = item.rpartition(":")
            label = label.strip()
            target = resolve(rest.strip(), row.number)
        if target is None:
            raise SpreadsheetError("unknown_next", name=build.name, row=row.number, ref=item)
        if target in targets:
            raise SpreadsheetError("duplicate_next", name=build.name, row=row.number, ref=item)
        targets.add(target)
        old_condition = None
        if build.base:
            old_condition = next(
                (t.condition for t in build.base.transitions if t.source == step_id and t.target == target), None
            )
        condition = _with_text(old_condition, build.lang, label)
        transitions.append(Transition(source=step_id, target=target, condition=condition))
    return transitions


def path_from_spreadsheet(
    data: bytes,
    filename: str,
    *,
    path_id: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    base: ServicePath | None = None,
    mapping: dict[str, str] | None = None,
) -> ServicePath:
    """A path from the bytes of a CSV, XLSX or ODS sheet.

    With `base` (the current version of the same path) the sheet becomes a new version of it:
    stages, actors and steps are matched by id or name so their ids stay, and what a sheet
    cannot hold (other languages, channels, links, contacts, audience) is kept. `mapping`
    (header → column or `-` to ignore) maps headers no word matches.
    """
    name = filename or "-"
    if path_id is not None and not is_path_id(path_id):
        raise SpreadsheetError("bad_path_id", name=name, id=path_id)
    sheet = read_cells(data, filename)
    columns, header_lang = map_header(sheet, name, mapping)
    build = _Build(name, normalise_lang(lang) if lang else header_lang, base, columns, _rows(sheet, columns, name))
    stages, stage_of = _stages(build)
    actors, actor_of = _actors(build)
    step_ids, bases = _step_ids(build)
    resolve = _resolver(build, step_ids)
    steps: list[Step] = []
    transitions: list[Transition] = []
    for row, step_id, old in zip(build.rows, step_ids, bases, strict=True):
        steps.append(_step(build, row, step_id, old, stage_of[_norm(row.stage)], actor_of))
        transitions += _transitions(build, row, step_id, resolve)
    try:
        return _assemble(build, path_id, title, filename, stages, actors, steps, transitions)
    except ValidationError as exc:
        raise SpreadsheetError("invalid", name=name, detail=exc.errors()[0]["msg"]) from None


def _in_base_order(items: list, base_keys: list, key: Callable) -> list:
    """Items the base already had in the base's order (a sheet's rows come in reading order),
    each new item right after the item that came before it in the sheet."""
    rank = {k: i for i, k in enumerate(base_keys)}
    known = sorted((item for item in items if key(item) in rank), key=lambda item: rank[key(item)])
    result = list(known)
    for position, item in enumerate(items):
        if key(item) in rank:
            continue
        before = next((key(other) for other in reversed(items[:position])), None)
        keys = [key(other) for other in result]
        result.insert(keys.index(before) + 1 if before in keys else 0, item)
    return result


def _assemble(
    build: _Build,
    path_id: str | None,
    title: str | None,
    filename: str,
    stages: list[Stage],
    actors: list[Actor],
    steps: list[Step],
    transitions: list[Transition],
) -> ServicePath:
    base, lang = build.base, build.lang
    if base is not None:
        return base.model_copy(
            update={
                "title": _with_text(base.title, lang, title) if title else base.title,
                "stages": stages,
                "actors": actors,
                "steps": _in_base_order(steps, [s.id for s in base.steps], lambda s: s.id),
                "transitions": _in_base_order(
                    transitions, [(t.source, t.target) for t in base.transitions], lambda t: (t.source, t.target)
                ),
            }
        )
    path_title = title or (filename.rsplit("/", 1)[-1].rsplit(".", 1)[0] if filename else "") or (path_id or "")
    return ServicePath(
        id=path_id or slugify(path_title, "path"),
        title={lang: path_title},
        source_language=lang,
        status=Status.draft,
        stages=stages,
        actors=actors,
        steps=steps,
        transitions=transitions,
    )
