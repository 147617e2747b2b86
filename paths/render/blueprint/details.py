"""What the blueprint (and the flow diagram) shows when a step is clicked: the step as plain text, from the
text version's outline."""

from __future__ import annotations

from paths.i18n.catalog import normalise_lang, t
from paths.model.schema import ServicePath, Step
from paths.render.escape import safe_href
from paths.render.text_html import step_to_html
from paths.render.text_outline import ContactLine, outline
from paths.render.text_words import (
    LIGHT_BULB,
    NETWORK_ICON,
    actor_name,
    lightbulb_words,
    local,
    network_words,
    step_text,
)
from paths.views.audience import renderer_audience


def step_details(path: ServicePath, step_id: str, lang: str = "fi", audience: str = "professional") -> dict | None:
    """Everything the UI shows when a step is clicked, as plain (unescaped) text; None when `audience`
    does not see the step. Placeholder contacts carry only their label and the placeholder notice; `html`
    is the step's escaped block of the text version, ready to show as it is."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    doc = outline(path, lang, audience)
    for stage in doc.stages:
        for block in stage.steps:
            if block.step.id != step_id:
                continue
            step = block.step
            actors = _detail_actors(doc.path, step, lang)
            return {
                "id": step.id,
                "number": block.number,
                "title": block.title.text,
                "stage": stage.title.text,
                "stage_number": stage.number,
                "actors": actors,
                "kind": step.kind.value,
                "kind_words": block.kind,
                "coordinator": step.coordinator,
                "lightbulb": f"{LIGHT_BULB} {lightbulb_words(lang, audience)}" if step.coordinator else "",
                "network_meeting": block.network,
                "network": f"{NETWORK_ICON} {network_words(lang, audience)}" if block.network else "",
                "text": step_text(step, lang, audience).text,
                "description": local(step.description, lang).text if audience == "professional" else "",
                "client_text": local(step.client_text, lang).text,
                "channels": block.channels,
                "duration": block.duration.text,
                "links": [
                    {"label": label.text, "url": url, "safe": safe_href(url) is not None} for label, url in block.links
                ],
                "contacts": [_detail_contact(contact, lang) for contact in block.contacts],
                "next": [
                    {
                        "step_id": line.target_id,
                        "title": line.heading.text,
                        "condition": line.condition.text if line.condition else "",
                    }
                    for line in block.next
                ],
                "html": step_to_html(path, step_id, lang, audience),
            }
    return None


def _detail_actors(path: ServicePath, step: Step, lang: str) -> list[dict]:
    """A step's actors for its details: id, name, group, and whether it is the responsible one (the first)."""
    actors = []
    for i, actor_id in enumerate(step.actors):
        actor = path.actor(actor_id)
        actors.append({
            "id": actor_id,
            "name": actor_name(path, actor_id, lang).text,
            "group": actor.group.value if actor else None,
            "responsible": i == 0,
        })
    return actors


def _detail_contact(contact: ContactLine, lang: str) -> dict:
    """A contact of a step's details; a placeholder contact carries only its label and the notice."""
    return {
        "label": contact.label.text,
        "email": contact.email,
        "phone": contact.phone,
        "placeholder": contact.placeholder,
        "known": contact.known,
        "text": t("text.contact.placeholder", lang) if contact.placeholder else "",
    }
