"""Matching a sheet's header row to Polku's columns, as people write headers.

A header is compared by `header_key`: case, accents, spaces and punctuation do not count, so
`Seuraava askel`, `seuraava_askel` and `SEURAAVA-ASKEL!` are the same. Each column has its own
word and everyday synonyms and abbreviations in Finnish, Swedish and English (`SYNONYMS`); a
header that still matches nothing needs a mapping (`header → column`), which the app asks for in
a column-mapping step and the CLI takes as `--map "header=column"`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from paths.editing.experience import EXPERIENCE_COLUMNS
from paths.model.schema import LANGS

COLUMNS: tuple[str, ...] = (
    "stage", "step", "description", "client_text", "actors", "kind", "coordinator", "next", "id",
)
# The optional experience columns (`paths.editing.experience` reads and writes their cells).
ALL_COLUMNS: tuple[str, ...] = (*COLUMNS, *EXPERIENCE_COLUMNS)
REQUIRED: tuple[str, ...] = ("stage", "step", "next")
IGNORE = "-"
MAX_COLUMNS = 100

# Our own header words: the export writes these.
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
# Other words people use for the same column, by language (None: says nothing about the language).
SYNONYMS: dict[str, dict[str | None, tuple[str, ...]]] = {
    "stage": {
        "fi": ("vaiheet", "palveluvaihe", "polun vaihe", "jakso", "osio", "vaihe nimi"),
        "sv": ("faser", "skede", "etapp", "del"),
        "en": ("phase", "stages", "section", "stage name"),
    },
    "step": {
        "fi": ("askeleet", "askel nimi", "tehtävä", "palvelu", "toiminto", "nimi", "otsikko"),
        "sv": ("moment", "aktivitet", "uppgift", "namn", "rubrik", "tjänst"),
        "en": ("step name", "task", "activity", "name", "title", "service"),
    },
    "description": {
        "fi": ("selite", "selitys", "lisätiedot", "lisätieto", "tarkennus", "sisältö", "kuv"),
        "sv": ("förklaring", "tilläggsinformation", "mer information", "innehåll", "beskr"),
        "en": ("details", "desc", "descr", "notes", "explanation"),
    },
    "client_text": {
        "fi": ("asiakkaan teksti", "selkoteksti", "asiakkaalle", "teksti asiakkaalle", "selkokieli"),
        "sv": ("text för klienten", "klientens text", "lättläst", "till klienten", "kundtext"),
        "en": ("client text", "plain language", "for the client", "text for client", "client version"),
    },
    "actors": {
        "fi": ("toimija", "vastuutaho", "kuka vastaa", "vastuussa", "tekijä", "tekijät", "kuka", "vastuuhenkilö",
               "vastaava", "osallistujat"),
        "sv": ("aktör", "ansvarig", "vem ansvarar", "vem", "utförare", "deltagare", "roll"),
        "en": ("actor", "who", "who is responsible", "responsible party", "responsible", "owner", "role", "roles",
               "participants"),
    },
    "kind": {
        "fi": ("laji", "askeleen tyyppi", "muoto"),
        "sv": ("sort", "art", "stegtyp"),
        "en": ("type", "step type", "category"),
    },
    "coordinator": {
        "fi": ("lamppu", "hehkulamppu", "työkykykoordinaattori", "tyk", "koord"),
        "sv": ("lampa", "glödlampa", "arbetsförmågesamordnare", "samordn"),
        "en": ("light bulb", "lightbulb", "bulb", "work ability coordinator", "coord"),
    },
    "next": {
        "fi": ("seuraavat", "seuraava askel", "seuraavat askeleet", "jatko", "jatkuu", "mihin", "sitten", "seur"),
        "sv": ("nästa steg", "följande", "sedan", "fortsätter", "därefter"),
        "en": ("next steps", "next step", "then", "goes to", "successors", "followed by"),
    },
    "id": {
        "fi": ("tunnus", "avain"),
        "sv": ("nyckel", "identifierare"),
        "en": ("key", "identifier", "step id"),
    },
}
BULB = "💡"


def header_key(label: str) -> str:
    """A header as compared: accents folded, case folded, punctuation and spaces squeezed."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = "".join(char if char.isalnum() else " " for char in letters)
    return " ".join(words.split())


def _table() -> dict[str, tuple[str, str | None]]:
    """header key → (column, the language the word says, or None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for lang, names in HEADERS.items():
        for column, name in names.items():
            key = header_key(name)
            # `id` is the same word in Swedish and English: it says nothing about the language.
            table[key] = (column, None if key in table or column == "id" else lang)
    for column, by_lang in SYNONYMS.items():
        for lang, words in by_lang.items():
            for word in words:
                table.setdefault(header_key(word), (column, lang))
    return table


_TABLE = _table()


def match_header(label: str) -> tuple[str, str | None] | None:
    """(column, language) for a header, or None when no word of any language matches."""
    if BULB in label:
        return ("coordinator", None)
    return _TABLE.get(header_key(label))


def parse_column(name: str) -> str | None:
    """A column given by a user in a mapping: Polku's column name, a header word of any language,
    or `-`/empty to ignore the column; None when it is none of these."""
    key = name.strip()
    if key in ("", IGNORE):
        return IGNORE
    if key in ALL_COLUMNS:
        return key
    found = match_header(key)
    return found[0] if found else None


@dataclass
class HeaderMatch:
    """What a header row maps to: column → index, the headers' language, the indices no word matched."""

    columns: dict[str, int] = field(default_factory=dict)
    lang: str = "fi"
    unknown: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)

    def missing(self) -> list[str]:
        return [column for column in REQUIRED if column not in self.columns]


def shape_key(header: list[str]) -> tuple[str, ...]:
    """What makes two sheets 'the same shape' for a remembered mapping: their header keys in order."""
    return tuple(header_key(label) for label in header)


def match_headers(header: list[str], mapping: dict[str, str] | None = None) -> HeaderMatch:
    """Map a header row; `mapping` (header as written or its key → column or `-`) wins over the words.

    The headers' language is the one most of their words are in (Finnish wins a tie: the source).
    Empty header cells are left to the caller (they matter only when their column has data)."""
    wanted = {header_key(label): column for label, column in (mapping or {}).items()}
    votes = dict.fromkeys(LANGS, 0)
    result = HeaderMatch()
    for index, label in enumerate(header):
        key = header_key(label)
        if not key and BULB not in label:
            continue
        found = match_header(label)
        column = wanted.get(key, found[0] if found else None)
        if column == IGNORE:
            continue
        if column is None:
            result.unknown.append(index)
            continue
        if found and found[1] and found[0] == column:
            votes[found[1]] += 1
        if column in result.columns:
            result.duplicates.append(index)
            continue
        result.columns[column] = index
    result.lang = max(LANGS, key=lambda code: (votes[code], code == "fi"))
    return result
