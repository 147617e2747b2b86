"""Paths as spreadsheets: one row per step, read from and written to CSV and XLSX.

Workshops draft paths in Excel; this module turns such a sheet into a `ServicePath` and
back. Everything from outside is distrusted: size and row limits, formulas refused, CSV
decoded as UTF-8 or Excel's cp1252, and each problem is one `SpreadsheetError` sentence
that names the row. Nothing is half-built: a sheet either becomes a whole path or fails.

Format (documented in the README):
- columns `stage`, `step`, `next` are required; `description`, `client_text`, `actors`,
  `kind`, `coordinator` and `id` are optional; headers in Finnish, Swedish or English, and
  the headers' language is the language the texts are in;
- an empty `stage` cell continues the stage of the row above; stages keep the order in which
  they first appear;
- `actors` are names separated by `;`, the first is responsible; an unknown name becomes a
  new actor whose group is guessed from the name (see `guess_group`);
- `next` lists the next steps by name or id, separated by `;`, each optionally prefixed by a
  condition label and `:` (`several services needed: network meeting`);
- fully empty rows at the end are ignored; an empty row between steps, or a row with cells
  but no step name, is an error.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from pydantic import ValidationError

from paths.editing.experience import EXPERIENCE_COLUMNS, CellError, experience_cells, experience_from_cells
from paths.formats.files import DATA_DIR, MAX_FILE_BYTES, MAX_STEPS, PathFileError, load_path_file
from paths.i18n.catalog import normalise_lang
from paths.model.graph import walk_order
from paths.model.ids import is_item_id, is_path_id, slugify, unique_id
from paths.model.schema import (
    LANGS,
    Actor,
    ActorGroup,
    LocalText,
    ServicePath,
    Stage,
    Status,
    Step,
    StepKind,
    Transition,
)
from paths.render.experience import has_experience

MAX_ROWS = MAX_STEPS
TEMPLATE_FILE = DATA_DIR / "templates" / "example.yaml"
MAX_XLSX_UNPACKED = 64 * 1024 * 1024
MAX_CELL_CHARS = 20_000
COLUMNS: tuple[str, ...] = (
    "stage", "step", "description", "client_text", "actors", "kind", "coordinator", "next", "id",
)
REQUIRED: tuple[str, ...] = ("stage", "step", "next")
TEMPLATE_COLUMNS: tuple[str, ...] = COLUMNS[:-1]

HEADERS: dict[str, dict[str, str]] = {
    "fi": {
        "stage": "vaihe", "step": "askel", "description": "kuvaus", "client_text": "asiakasteksti",
        "actors": "toimijat", "kind": "tyyppi", "coordinator": "koordinaattori", "next": "seuraava", "id": "tunniste",
        "feeling": "kokemus", "pain_points": "kipukohdat", "opportunities": "mahdollisuudet", "evidence": "perustelu",
        "evidence_source": "perustelun lähde", "duration_range": "rakenteinen kesto",
    },
    "sv": {
        "stage": "fas", "step": "steg", "description": "beskrivning", "client_text": "klienttext",
        "actors": "aktörer", "kind": "typ", "coordinator": "samordnare", "next": "nästa", "id": "id",
        "feeling": "upplevelse", "pain_points": "smärtpunkter", "opportunities": "möjligheter", "evidence": "underlag",
        "evidence_source": "underlagets källa", "duration_range": "strukturerad tid",
    },
    "en": {
        "stage": "stage", "step": "step", "description": "description", "client_text": "client_text",
        "actors": "actors", "kind": "kind", "coordinator": "coordinator", "next": "next", "id": "id",
        "feeling": "experience", "pain_points": "pain points", "opportunities": "opportunities", "evidence": "evidence",
        "evidence_source": "evidence source", "duration_range": "duration range",
    },
}
# Other spellings people type; normalised like headers (lower case, `_`/`-` as spaces).
HEADER_ALIASES: dict[str, tuple[str, str | None]] = {
    "client text": ("client_text", "en"),
    "asiakkaan teksti": ("client_text", "fi"),
    "selkoteksti": ("client_text", "fi"),
    "toimija": ("actors", "fi"),
    "actor": ("actors", "en"),
    "aktör": ("actors", "sv"),
    "seuraavat": ("next", "fi"),
    "seuraava askel": ("next", "fi"),
    "seuraavat askeleet": ("next", "fi"),
    "nästa steg": ("next", "sv"),
    "next steps": ("next", "en"),
    "next step": ("next", "en"),
    "laji": ("kind", "fi"),
    "type": ("kind", "en"),
    "lamppu": ("coordinator", "fi"),
    "light bulb": ("coordinator", "en"),
    "💡": ("coordinator", None),
}

KIND_WORDS: dict[StepKind, dict[str, tuple[str, ...]]] = {
    StepKind.action: {"fi": ("toiminta", "toimenpide"), "sv": ("åtgärd", "handling"), "en": ("action",)},
    StepKind.contact: {"fi": ("yhteydenotto", "yhteys"), "sv": ("kontakt",), "en": ("contact",)},
    StepKind.meeting: {"fi": ("tapaaminen",), "sv": ("möte", "träff"), "en": ("meeting",)},
    StepKind.network_meeting: {
        "fi": ("verkostokokous", "verkostopalaveri"), "sv": ("nätverksmöte",), "en": ("network meeting",),
    },
    StepKind.decision: {"fi": ("päätös",), "sv": ("beslut",), "en": ("decision",)},
    StepKind.document: {"fi": ("lomake", "asiakirja"), "sv": ("blankett", "dokument"), "en": ("form", "document")},
    StepKind.self_assessment: {"fi": ("itsearviointi",), "sv": ("självskattning",), "en": ("self assessment",)},
    StepKind.end: {"fi": ("päättyminen", "loppu"), "sv": ("avslut", "slut"), "en": ("end",)},
}
YES_WORDS = frozenset({"yes", "y", "true", "kyllä", "k", "tosi", "ja", "j", "sant", "1", "x", "💡"})
NO_WORDS = frozenset({"no", "n", "false", "ei", "e", "epätosi", "nej", "falskt", "0", ""})
YES_NO: dict[str, tuple[str, str]] = {"fi": ("kyllä", "ei"), "sv": ("ja", "nej"), "en": ("yes", "no")}

# How a new actor's group is guessed from its name (lower case, any language).
CLIENT_SIDE_NAMES = frozenset({
    "client", "asiakas", "klient", "kund", "klienten", "close ones", "relatives", "family", "läheiset", "läheinen",
    "omaiset", "omainen", "närstående", "anhöriga",
})
COORDINATOR_WORDS: tuple[str, ...] = ("coordinator", "koordinaattori", "samordnare", "koordinator")
ORGANISATION_NAMES = frozenset({
    "kela", "fpa", "te-toimisto", "te toimisto", "te office", "arbets- och näringsbyrå", "järjestöt", "järjestö",
    "kolmas sektori", "third sector", "tredje sektorn", "organisationer", "ngos", "ngo",
})
FORMULA_STARTS = ("=", "+", "-", "@")


class SpreadsheetError(PathFileError):
    """A sheet that cannot become a path; `message(lang)` is one sentence naming the row."""

    key_prefix = "sheet_error."


def _norm(text: str) -> str:
    """Case-, space- and dash-insensitive form used to match headers, kinds and names."""
    text = text.replace("\ufeff", "").replace("\ufe0f", "").replace("_", " ").replace("-", " ")
    return " ".join(text.casefold().split())


def _header_table() -> dict[str, tuple[str, str | None]]:
    table: dict[str, tuple[str, str | None]] = {}
    for lang, names in HEADERS.items():
        for column, name in names.items():
            key = _norm(name)
            # `id` is the same word in Swedish and English: it says nothing about the language.
            table[key] = (column, None if key in table or column == "id" else lang)
    table.update({_norm(name): value for name, value in HEADER_ALIASES.items()})
    return table


_HEADERS = _header_table()
_KINDS: dict[str, StepKind] = {
    _norm(word): kind for kind, by_lang in KIND_WORDS.items() for words in by_lang.values() for word in words
} | {_norm(kind.value): kind for kind in StepKind}


def guess_group(name: str) -> ActorGroup:
    """client/asiakas/close ones → client side; a *coordinator* → coordinator; Kela, TE office,
    NGOs → organisation; anyone else → professional."""
    key = " ".join(name.casefold().split())
    if key in CLIENT_SIDE_NAMES:
        return ActorGroup.client_side
    if any(word in key for word in COORDINATOR_WORDS):
        return ActorGroup.coordinator
    if key in ORGANISATION_NAMES:
        return ActorGroup.organisation
    return ActorGroup.professional


def parse_kind(value: str) -> StepKind | None:
    """A kind from its fi/sv/en word or model value; empty means `action`; None when unknown."""
    if not value.strip():
        return StepKind.action
    return _KINDS.get(_norm(value))


def kind_word(kind: StepKind, lang: str) -> str:
    return KIND_WORDS[kind][lang][0]


def parse_flag(value: str) -> bool | None:
    """The light-bulb cell: yes/no in fi/sv/en, 1/0, true/false, x or 💡; None when unknown."""
    key = _norm(value)
    if key in YES_WORDS or "💡" in value:
        return True
    if key in NO_WORDS:
        return False
    return None


# ---------------------------------------------------------------------------------------------
# Reading cells


@dataclass
class Sheet:
    """The cells of a sheet as text: the header row and the data rows with their row numbers."""

    name: str
    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    filled: int = 0

    def add(self, number: int, cells: list[str]) -> None:
        """Add a data row; refuse the sheet as soon as it has more steps than a path may have,
        so that a 10,000-row sheet is turned down without reading it all."""
        self.rows.append((number, cells))
        if any(cell.strip() for cell in cells):
            self.filled += 1
            if self.filled > MAX_ROWS:
                raise SpreadsheetError("too_many_rows", name=self.name, limit=MAX_ROWS)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _decode_csv(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Excel's Windows-1252 export."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SpreadsheetError("encoding", name=name) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise SpreadsheetError("encoding", name=name) from None
    if "\x00" in text:
        raise SpreadsheetError("encoding", name=name)
    return text


def _sniff_delimiter(text: str) -> str:
    """`;` (Excel in Finnish and Swedish locales), `,` or tab: whichever the header line has most of."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {sep: 0 for sep in (";", ",", "\t")}
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv_cells(data: bytes, name: str = "") -> Sheet:
    text = _decode_csv(data, name)
    if "\x00" in text:
        raise SpreadsheetError("encoding", name=name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    sheet: Sheet | None = None
    try:
        for number, row in enumerate(reader, start=1):
            if sheet is None:
                if not any(cell.strip() for cell in row):
                    continue
                sheet = Sheet(name=name, header=row)
                header_row = number
                continue
            sheet.add(number - header_row + 1, row)
    except csv.Error:
        raise SpreadsheetError("bad_csv", name=name) from None
    if sheet is None:
        raise SpreadsheetError("empty", name=name)
    for number, cells in sheet.rows:
        for column, cell in enumerate(cells):
            if cell.startswith("="):
                raise SpreadsheetError("formula", name=name, row=number, column=_column_name(sheet, column))
    return sheet


def _column_name(sheet: Sheet, index: int) -> str:
    label = sheet.header[index].strip() if index < len(sheet.header) else ""
    return label or _column_letter(index)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_xlsx_cells(data: bytes, name: str = "") -> Sheet:
    """The first worksheet, read without evaluating anything; formula cells are refused."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise SpreadsheetError("too_large", name=name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except SpreadsheetError:
        raise
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file; all mean the same
        raise SpreadsheetError("bad_xlsx", name=name) from None
    try:
        if not workbook.worksheets:
            raise SpreadsheetError("empty", name=name)
        sheet: Sheet | None = None
        for number, row in enumerate(workbook.worksheets[0].iter_rows(), start=1):
            cells: list[str] = []
            for column, cell in enumerate(row):
                if getattr(cell, "data_type", None) == "f":
                    header = sheet.header if sheet else []
                    label = header[column].strip() if column < len(header) and header[column].strip() else None
                    raise SpreadsheetError(
                        "formula", name=name, row=number, column=label or _column_letter(column)
                    )
                cells.append(_cell_text(cell.value))
            if sheet is None:
                if any(cell.strip() for cell in cells):
                    sheet = Sheet(name=name, header=cells)
                    header_row = number
                continue
            sheet.add(number - header_row + 1, cells)
    except SpreadsheetError:
        raise
    except Exception:  # noqa: BLE001 - a damaged sheet part
        raise SpreadsheetError("bad_xlsx", name=name) from None
    finally:
        workbook.close()
    if sheet is None:
        raise SpreadsheetError("empty", name=name)
    return sheet


def read_cells(data: bytes, filename: str) -> Sheet:
    """CSV or XLSX by the file name (or by the bytes when the name says neither)."""
    name = filename or "-"
    if len(data) > MAX_FILE_BYTES:
        raise SpreadsheetError("too_large", name=name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    if not data.strip():
        raise SpreadsheetError("empty", name=name)
    lower = filename.lower()
    if lower.endswith((".xls", ".ods", ".numbers")):
        raise SpreadsheetError("unsupported", name=name)
    if lower.endswith((".xlsx", ".xlsm")) or (not lower.endswith((".csv", ".txt")) and data[:4] == b"PK\x03\x04"):
        return read_xlsx_cells(data, name)
    return read_csv_cells(data, name)


# ---------------------------------------------------------------------------------------------
# Cells to a path


@dataclass
class _Row:
    number: int
    stage: str
    step: str
    values: dict[str, str]


def _map_header(sheet: Sheet, name: str) -> tuple[dict[str, int], str]:
    """Column name → index, and the language the headers are in (Finnish wins a tie: the source)."""
    votes: dict[str, int] = {lang: 0 for lang in LANGS}
    for label in sheet.header:
        lang = _HEADERS.get(_norm(label), (None, None))[1]
        if lang:
            votes[lang] += 1
    header_lang = max(LANGS, key=lambda code: (votes[code], code == "fi"))
    names = HEADERS[header_lang]
    columns: dict[str, int] = {}
    for index, label in enumerate(sheet.header):
        key = _norm(label)
        if not key:
            if any(index < len(cells) and cells[index].strip() for _, cells in sheet.rows):
                raise SpreadsheetError("unnamed_column", name=name, column=_column_letter(index))
            continue
        if key not in _HEADERS:
            expected = ", ".join(names[column] for column in COLUMNS)
            raise SpreadsheetError("unknown_column", name=name, column=label.strip(), expected=expected)
        column = _HEADERS[key][0]
        if column in columns:
            raise SpreadsheetError("duplicate_column", name=name, column=label.strip())
        columns[column] = index
    missing = [names[column] for column in REQUIRED if column not in columns]
    if missing:
        raise SpreadsheetError("missing_columns", name=name, columns=", ".join(missing))
    return columns, header_lang


def _clean(value: str) -> str:
    """Undo the export's formula guard (`'=x` → `=x`) and trim."""
    value = value.strip()
    if value.startswith("'") and value[1:2] in FORMULA_STARTS:
        value = value[1:]
    return value


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
            value = _clean(cells[index]) if index < len(cells) else ""
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


def path_from_spreadsheet(
    data: bytes,
    filename: str,
    *,
    path_id: str | None = None,
    title: str | None = None,
    lang: str | None = None,
    base: ServicePath | None = None,
) -> ServicePath:
    """A path from the bytes of a CSV or XLSX sheet.

    With `base` (the current version of the same path) the sheet becomes a new version of it:
    stages, actors and steps are matched by id or name so their ids stay, and what a sheet
    cannot hold (other languages, channels, links, contacts, audience) is kept.
    """
    name = filename or "-"
    if path_id is not None and not is_path_id(path_id):
        raise SpreadsheetError("bad_path_id", name=name, id=path_id)
    sheet = read_cells(data, filename)
    columns, header_lang = _map_header(sheet, name)
    lang = normalise_lang(lang) if lang else header_lang
    rows = _rows(sheet, columns, name)

    # Stages, in first-appearance order.
    stages: list[Stage] = []
    stage_of: dict[str, str] = {}
    for row in rows:
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

    # Actors: the base's, then new names in order of appearance.
    actors: list[Actor] = list(base.actors) if base else []
    actor_of: dict[str, str] = {}
    for row in rows:
        for actor_name in _split(row.values.get("actors", "")):
            key = _norm(actor_name)
            if key in actor_of:
                continue
            found = next((a for a in actors if a.id == actor_name), None)
            found = found or _find_by_text(actors, "name", actor_name, lang)
            if found is None:
                found = Actor(
                    id=unique_id(actor_name, {a.id for a in actors}, "actor"),
                    name={lang: actor_name},
                    group=guess_group(actor_name),
                )
                actors.append(found)
            actor_of[key] = found.id

    # Steps: ids from the `id` column, the base (by name) or the name.
    seen_names: dict[str, int] = {}
    given_ids = {row.values.get("id", "") for row in rows} - {""}
    step_ids: list[str] = []
    bases: list[Step | None] = []
    for row in rows:
        key = _norm(row.step)
        if key in seen_names:
            raise SpreadsheetError("duplicate_step", name=name, row=row.number, step=row.step, first=seen_names[key])
        seen_names[key] = row.number
        given = row.values.get("id", "")
        old: Step | None = None
        if given:
            if not is_item_id(given):
                raise SpreadsheetError("bad_id", name=name, row=row.number, id=given)
            if given in step_ids:
                raise SpreadsheetError("duplicate_id", name=name, row=row.number, id=given)
            step_id = given
            old = base.step(given) if base else None
        else:
            old = _find_by_text(base.steps, "title", row.step, lang) if base else None
            if old is not None and old.id in step_ids:
                old = None
            step_id = old.id if old else unique_id(row.step, set(step_ids) | given_ids, "step")
        step_ids.append(step_id)
        bases.append(old)

    by_name = {_norm(row.step): step_id for row, step_id in zip(rows, step_ids, strict=True)}

    def resolve(reference: str) -> str | None:
        """A next-step reference by id first, then by name."""
        return reference if reference in step_ids else by_name.get(_norm(reference))

    steps: list[Step] = []
    transitions: list[Transition] = []
    for row, step_id, old in zip(rows, step_ids, bases, strict=True):
        values = row.values
        kind = parse_kind(values.get("kind", ""))
        if kind is None:
            raise SpreadsheetError("bad_kind", name=name, row=row.number, value=values["kind"])
        light = parse_flag(values.get("coordinator", ""))
        if light is None:
            raise SpreadsheetError("bad_flag", name=name, row=row.number, value=values["coordinator"])
        fields = {
            "id": step_id,
            "stage": stage_of[_norm(row.stage)],
            "title": _with_text(old.title if old else None, lang, row.step),
            "kind": kind,
            "coordinator": light,
        }
        if "description" in columns:
            fields["description"] = _with_text(old.description if old else None, lang, values["description"])
        if "client_text" in columns:
            fields["client_text"] = _with_text(old.client_text if old else None, lang, values["client_text"])
        if "actors" in columns:
            fields["actors"] = list(dict.fromkeys(actor_of[_norm(a)] for a in _split(values["actors"])))
        try:
            fields |= experience_from_cells(values, set(columns) & set(EXPERIENCE_COLUMNS), old, lang)
        except CellError as exc:
            raise SpreadsheetError("bad_experience_cell", name=name, row=row.number,
                                   column=HEADERS[lang][exc.column], value=exc.value) from None
        steps.append(old.model_copy(update=fields) if old else Step(**fields))

        targets: set[str] = set()
        for item in _split(values["next"]):
            target = resolve(item)
            label = ""
            if target is None and ":" in item:
                label, _, rest = item.rpartition(":")
                label = label.strip()
                target = resolve(rest.strip())
            if target is None:
                raise SpreadsheetError("unknown_next", name=name, row=row.number, ref=item)
            if target in targets:
                raise SpreadsheetError("duplicate_next", name=name, row=row.number, ref=item)
            targets.add(target)
            old_condition = None
            if base:
                old_condition = next(
                    (t.condition for t in base.transitions if t.source == step_id and t.target == target), None
                )
            transitions.append(
                Transition(source=step_id, target=target, condition=_with_text(old_condition, lang, label))
            )

    try:
        return _assemble(base, path_id, title, filename, lang, stages, actors, steps, transitions)
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
    base: ServicePath | None,
    path_id: str | None,
    title: str | None,
    filename: str,
    lang: str,
    stages: list[Stage],
    actors: list[Actor],
    steps: list[Step],
    transitions: list[Transition],
) -> ServicePath:
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
    new_id = path_id or slugify(path_title, "path")
    return ServicePath(
        id=new_id,
        title={lang: path_title},
        source_language=lang,
        status=Status.draft,
        stages=stages,
        actors=actors,
        steps=steps,
        transitions=transitions,
    )


# ---------------------------------------------------------------------------------------------
# A path to cells


def _guard(value: str) -> str:
    """CSV formula-injection guard: a cell that a spreadsheet would run as a formula gets a `'`."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def to_rows(path: ServicePath, lang: str = "fi", *, with_ids: bool = True) -> list[list[str]]:
    """The header row and one row per step (in reading order), texts in `lang`."""
    lang = normalise_lang(lang)
    columns = COLUMNS if with_ids else TEMPLATE_COLUMNS
    if with_ids and any(has_experience(step) for step in path.steps):
        columns = (*COLUMNS[:-1], *EXPERIENCE_COLUMNS, COLUMNS[-1])
    names = {}
    title_count: dict[str, int] = {}
    for step in path.steps:
        title_count[_norm(step.title.get(lang))] = title_count.get(_norm(step.title.get(lang)), 0) + 1
    all_ids = {_norm(step.id) for step in path.steps}
    for step in path.steps:
        title = step.title.get(lang)
        key = _norm(title)
        usable = (
            key and title_count[key] == 1 and ";" not in title and ":" not in title
            and (key not in all_ids or key == _norm(step.id))
        )
        names[step.id] = title if usable or not with_ids else step.id
    yes, no = YES_NO[lang]
    outgoing: dict[str, list[Transition]] = {}
    for transition in path.transitions:
        outgoing.setdefault(transition.source, []).append(transition)
    rows = [[HEADERS[lang][column] for column in columns]]
    for step_id in walk_order(path):
        step = path.step(step_id)
        stage = path.stage(step.stage)
        nexts = []
        for transition in outgoing.get(step.id, []):
            target = names.get(transition.target, transition.target)
            label = transition.condition.get(lang).replace(";", ",")
            nexts.append(f"{label}: {target}" if label else target)
        actor_names = []
        for actor_id in step.actors:
            actor = path.actor(actor_id)
            actor_names.append((actor.name.get(lang) if actor else "") or actor_id)
        values = {
            "stage": stage.title.get(lang) if stage and stage.title else step.stage,
            "step": step.title.get(lang) or step.id,
            "description": step.description.get(lang),
            "client_text": step.client_text.get(lang),
            "actors": "; ".join(name.replace(";", ",") for name in actor_names),
            "kind": kind_word(step.kind, lang),
            "coordinator": yes if step.coordinator else no,
            "next": "; ".join(nexts),
            "id": step.id,
        } | experience_cells(step, lang)
        rows.append([values[column] for column in columns])
    return rows


def rows_to_csv(rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM (so Excel reads ä and ö), `;`-separated like Excel in fi/sv locales."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_guard(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def rows_to_xlsx(rows: list[list[str]], sheet_title: str = "Polku") -> bytes:
    """One sheet; every cell an explicit string so that nothing is ever stored as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (sheet_title or "Polku")[:31].translate({ord(c): " " for c in "[]:*?/\\"}) or "Polku"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"
            if r == 1:
                cell.font = Font(bold=True)
            else:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = {0: 24, 1: 30, 2: 40, 3: 40, 4: 28, 5: 16, 6: 14, 7: 40, 8: 24}
    for c in range(len(rows[0]) if rows else 0):
        sheet.column_dimensions[_column_letter(c)].width = widths.get(c, 20)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_csv(path: ServicePath, lang: str = "fi") -> bytes:
    return rows_to_csv(to_rows(path, lang))


def to_xlsx(path: ServicePath, lang: str = "fi") -> bytes:
    return rows_to_xlsx(to_rows(path, lang), path.title.get(lang))


def template_path() -> ServicePath:
    """The template's fictional example (`data/templates/example.yaml`): a branch, light bulbs, an end."""
    return load_path_file(TEMPLATE_FILE)


def template_csv(lang: str = "fi") -> bytes:
    return rows_to_csv(to_rows(template_path(), lang, with_ids=False))


def template_xlsx(lang: str = "fi") -> bytes:
    lang = normalise_lang(lang)
    example = template_path()
    return rows_to_xlsx(to_rows(example, lang, with_ids=False), example.title.get(lang))
