"""The hand-offs of a path as a list in words: who passes responsibility to whom, and whether the
coordinator's step supports it (the partner view and the print view)."""

from __future__ import annotations

import html

from components import diagrams
from components.memo import memo
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.render.marks import HANDOFF_ICON


@memo(256)
def handoff_html(key: diagrams.Key, lang: str, audience: str, actor: str | None, _path: ServicePath) -> str:
    """The view's hand-offs (those of `actor` when given) as a titled, escaped HTML list.

    Each item names both actors and both steps, and says in words (with the light bulb) whether a
    coordinator's step supports the hand-off; the drawn diagram marks the same arrows with ⇄."""
    shown = diagrams.viewed(key, audience, actor, _path)
    found = diagrams.view_handoffs(key, audience, actor, _path)
    names = {item.id: item.name.get(lang) or item.id for item in _path.actors}
    if actor:
        heading = t("pathview.handoffs_of", lang, actor=names.get(actor, actor))
    else:
        heading = t("pathview.handoffs_all", lang)
    parts = [f'<section class="polku-handoff-section" lang="{lang}"><h2>{html.escape(heading)}</h2>']
    if not found:
        none = t("pathview.handoffs_none_for", lang, actor=names.get(actor, actor)) if actor else ""
        parts.append(f"<p>{html.escape(none or t('views.handoffs_none', lang))}</p></section>")
        return "".join(parts)
    parts.append(f"<p>{html.escape(t('pathview.handoffs_intro', lang))}</p><ul class=\"polku-handoffs\">")

    def end(actor_id: str, step_id: str) -> str:
        step = shown.step(step_id)
        title = (step.title.get(lang) if step else "") or step_id
        return f"<strong>{html.escape(names.get(actor_id, actor_id))}</strong>: {html.escape(title)}"

    for handoff in found:
        covered = handoff.covered_by_coordinator
        cue = t("views.handoff.covered_yes" if covered else "views.handoff.covered_no", lang)
        parts.append(
            f'<li class="polku-handoff{" polku-handoff-covered" if covered else ""}">'
            f'<span aria-hidden="true">{HANDOFF_ICON}</span> {end(handoff.from_actor, handoff.source)} → '
            f"{end(handoff.to_actor, handoff.target)} — {html.escape(cue)}</li>"
        )
    parts.append("</ul></section>")
    return "".join(parts)
