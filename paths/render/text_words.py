"""The words every text version of a path shares, and `describe`, the diagrams' short text alternative.

One language's text of a user field (`local`: control characters dropped, the language it really
is in kept), the marks and kinds in words, branch conditions as phrases, and the one paragraph
(`describe`) that every picture of the path carries as its text alternative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paths.i18n.catalog import normalise_lang, t
from paths.model.graph import end_steps, start_steps, to_graph, walk_order
from paths.model.schema import LANGS, LocalText, ServicePath, Step, StepKind
from paths.render import marks
from paths.views.audience import audience_view, renderer_audience

# The marks' icons, written once in paths/render/marks.py (the same in every picture).
LIGHT_BULB = marks.LIGHT_BULB
NETWORK_ICON = marks.NETWORK_ICON
STATUS_ICONS = marks.STATUS_ICONS
STATUSES = marks.STATUSES
MAX_LISTED = 3

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Txt:
    """A user text and the language it really is in (a missing translation falls back to Finnish)."""

    text: str
    lang: str

    def __bool__(self) -> bool:
        return bool(self.text)


def _clean(text: str) -> str:
    return _CONTROL.sub("", text)


def local(text: LocalText, lang: str) -> Txt:
    """`text` in `lang`, falling back like `LocalText.get`, remembering which language it is in."""
    own = text.get(lang, fallback=False)
    if own:
        return Txt(_clean(own), lang)
    for other in LANGS:
        value = getattr(text, other)
        if value:
            return Txt(_clean(value), other)
    return Txt("", lang)


def step_text(step: Step, lang: str, audience: str) -> Txt:
    """The step's main text: plain-language client text (else the title) for clients, the description for
    professionals."""
    if renderer_audience(audience) == "client":
        return local(step.client_text, lang) or local(step.title, lang)
    return local(step.description, lang)


def actor_name(path: ServicePath, actor_id: str, lang: str) -> Txt:
    """An actor's name; an actor the path does not define is named by its id."""
    actor = path.actor(actor_id)
    return local(actor.name, lang) if actor and actor.name else Txt(_clean(actor_id), lang)


def lightbulb_words(lang: str, audience: str) -> str:
    """The words that always stand beside the light bulb 💡."""
    return t(f"text.lightbulb.{renderer_audience(audience)}", lang)


def network_words(lang: str, audience: str) -> str:
    return t(f"text.network.{renderer_audience(audience)}", lang)


def kind_words(kind: StepKind, lang: str) -> str:
    return t(f"text.kind.{kind.value}", lang)


def status_words(status: str, lang: str) -> str:
    return t(f"text.status.{status}", lang)


def proper_words(path: ServicePath, lang: str) -> set[str]:
    """Words that keep their capital letter: organisations' names (Kela) and the persona's name (Ari)."""
    names = [local(actor.name, lang).text for actor in path.actors if actor.group.value == "organisation"]
    names.append(local(path.persona, lang).text)
    return {name.split()[0].strip(",.:;()") for name in names if name.split()}


def condition_phrase(text: str, proper: set[str] = frozenset()) -> str:
    """A branch condition to follow "If": an ordinary capitalised first word is lower-cased so that
    "If the client needs several services" reads as one sentence; acronyms and names are kept."""
    words = text.split(maxsplit=1)
    word = words[0].strip(",.:;()") if words else ""
    if len(word) > 1 and word[0].isupper() and word[1:].isalpha() and word[1:].islower() and word not in proper:
        return text[0].lower() + text[1:]
    return text


# --- The short description (the diagrams' text alternative) ------------------------------------


def _count(key: str, n: int, lang: str) -> str:
    return t(f"{key}.{'one' if n == 1 else 'other'}", lang, n=n)


def _plural_sentence(key: str, n: int, lang: str, **params: object) -> str:
    variant = "zero" if n == 0 else "one" if n == 1 else "other"
    return t(f"{key}.{variant}", lang, n=n, **params)


def _quoted(text: str, lang: str) -> str:
    return t("text.quote", lang, text=text)


def _join_or(items: list[str], lang: str) -> str:
    if len(items) > MAX_LISTED:
        items = [*items[:MAX_LISTED], t("text.more", lang, n=len(items) - MAX_LISTED)]
        return ", ".join(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('text.or', lang)} {items[-1]}"


def describe(path: ServicePath, lang: str = "fi", audience: str = "professional") -> str:
    """One paragraph describing the diagram: counts of stages, steps and light-bulb steps, where it
    starts and ends, where it branches. The short text alternative of every picture of the path."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    view = audience_view(path, audience)
    title = _quoted(local(path.title, lang).text, lang)
    if not view.steps:
        return t("text.describe.empty", lang, title=title)
    graph = to_graph(view)
    order = walk_order(view)
    rank = {step_id: i for i, step_id in enumerate(order)}

    def name(step_id: str) -> str:
        step = view.step(step_id)
        return _quoted(local(step.title, lang).text if step else step_id, lang)

    sentences = [
        t(
            "text.describe.intro",
            lang,
            title=title,
            stages=_count("text.count.stages", len(view.stages), lang),
            steps=_count("text.count.steps", len(order), lang),
        ),
        _plural_sentence("text.describe.lightbulbs", sum(view.step(s).coordinator for s in order), lang),
    ]
    network = sum(view.step(s).kind == StepKind.network_meeting for s in order)
    if network:
        sentences.append(_count("text.describe.network", network, lang))
    starts = sorted(start_steps(graph), key=rank.__getitem__)
    ends = sorted(end_steps(graph), key=rank.__getitem__)
    start = (
        t("text.describe.start", lang, steps=_join_or([name(s) for s in starts], lang))
        if starts
        else t("text.describe.no_start", lang)
    )
    end = (
        t("text.describe.end", lang, steps=_join_or([name(s) for s in ends], lang))
        if ends
        else t("text.describe.no_end", lang)
    )
    sentences.append(f"{start} {end}")
    branches = []
    for node in sorted(graph.nodes, key=rank.__getitem__):
        if graph.out_degree(node) < 2:
            continue
        options = []
        for target in sorted(graph.successors(node), key=rank.__getitem__):
            condition = local(graph.edges[node, target]["condition"], lang).text
            options.append(condition or name(target))
        branches.append(t("text.describe.branch", lang, step=name(node), options=" / ".join(options)))
    listed = branches[:MAX_LISTED]
    if len(branches) > MAX_LISTED:
        listed.append(t("text.more", lang, n=len(branches) - MAX_LISTED))
    sentences.append(_plural_sentence("text.describe.branches", len(branches), lang, branches="; ".join(listed)))
    return " ".join(sentences)
