"""Which path texts still lack a language: the editor's list of missing translations.

A field counts only when it has a text in some language (an empty description is not
"untranslated"). Places are dotted field paths such as `steps.kela.client_text`, stable enough
for the editor to jump to; `describe_where` turns one into words for the user.
"""

from __future__ import annotations

from collections.abc import Iterator

from paths.i18n.catalog import t
from paths.model.schema import LocalText, ServicePath

PATH_FIELDS = ("title", "summary", "persona", "provenance", "notes")
STEP_FIELDS = ("title", "description", "client_text", "duration")


def _texts(path: ServicePath) -> Iterator[tuple[str, LocalText]]:
    """Every LocalText of the path with its place, in reading order of the file."""
    for name in PATH_FIELDS:
        yield name, getattr(path, name)
    for stage in path.stages:
        yield f"stages.{stage.id}.title", stage.title
        yield f"stages.{stage.id}.description", stage.description
    for actor in path.actors:
        yield f"actors.{actor.id}.name", actor.name
    for contact in path.contacts:
        yield f"contacts.{contact.id}.label", contact.label
    for step in path.steps:
        for name in STEP_FIELDS:
            yield f"steps.{step.id}.{name}", getattr(step, name)
        for i, link in enumerate(step.links, start=1):
            yield f"steps.{step.id}.links.{i}.label", link.label
    for i, transition in enumerate(path.transitions, start=1):
        yield f"transitions.{i}.condition", transition.condition
    for view_name, view in path.views.items():
        for step_id, text in view.texts.items():
            yield f"views.{view_name}.texts.{step_id}", text


def missing_translations(path: ServicePath, langs: tuple[str, ...] = ("fi", "sv", "en")) -> list[tuple[str, str]]:
    """(place, language) for every text that exists in some language but not in `lang`."""
    return [(where, lang) for where, text in _texts(path) for lang in text.missing() if lang in langs]


def translation_coverage(path: ServicePath) -> dict[str, float]:
    """Share (0..1) of the path's non-empty texts present in each language."""
    present = [text for _, text in _texts(path) if text]
    if not present:
        return {lang: 1.0 for lang in ("fi", "sv", "en")}
    return {
        lang: sum(1 for text in present if text.get(lang, fallback=False)) / len(present) for lang in ("fi", "sv", "en")
    }


def describe_where(where: str, path: ServicePath, lang: str = "fi") -> str:
    """A place like `steps.kela.client_text` in words: "Step “Kela” — plain-language text"."""
    parts = where.split(".")
    head = parts[0]
    if head in PATH_FIELDS:
        return t(f"translation.path.{head}", lang)
    if head in ("stages", "actors", "contacts", "steps") and len(parts) >= 3:
        item_id, field = parts[1], parts[2]
        item = {"stages": path.stage, "actors": path.actor, "contacts": path.contact, "steps": path.step}[head](item_id)
        label = getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "label", None)
        name = label.get(lang) if isinstance(label, LocalText) and label else item_id
        field_key = "link_label" if field == "links" else field
        return t(f"translation.place.{head}", lang, name=name, field=t(f"translation.item.{field_key}", lang))
    if head == "transitions" and len(parts) >= 2:
        return t("translation.place.transition", lang, number=parts[1])
    if head == "views" and len(parts) >= 4:
        step = path.step(parts[3])
        name = step.title.get(lang) if step else parts[3]
        return t("translation.place.view_text", lang, view=t(f"view.name.{parts[1]}", lang), name=name)
    return where
