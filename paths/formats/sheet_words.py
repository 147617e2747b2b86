"""The words of a path sheet's cells, in Finnish, Swedish and English: step kinds, the light bulb's
yes/no, and how a new actor's group is guessed from its name (spreadsheets and BPMN share it)."""

from __future__ import annotations

from paths.model.schema import ActorGroup, StepKind

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
    "omaiset", "omainen", "närstående", "anhöriga", "nuori", "young person", "den unga", "ung",
})
COORDINATOR_WORDS: tuple[str, ...] = ("coordinator", "koordinaattori", "samordnare", "koordinator")
ORGANISATION_NAMES = frozenset({
    "kela", "fpa", "te-toimisto", "te toimisto", "te office", "arbets- och näringsbyrå", "järjestöt", "järjestö",
    "kolmas sektori", "third sector", "tredje sektorn", "organisationer", "ngos", "ngo",
})


def _norm(text: str) -> str:
    """Case-, space- and dash-insensitive form used to match kinds and names."""
    text = text.replace("\ufeff", "").replace("\ufe0f", "").replace("_", " ").replace("-", " ")
    return " ".join(text.casefold().split())


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
