"""The hand-offs of a path as a list in words: who passes responsibility to whom, and whether the
coordinator's step supports it (the partner view and the print view)."""

from __future__ import annotations

from components import diagrams
from components.memo import memo
from components.templating import render
from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.render.dot import Handoff
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
    none = t("pathview.handoffs_none_for", lang, actor=names.get(actor, actor)) if actor else ""
    items = [handoff_item(shown, handoff, names, lang) for handoff in found]
    return render("handoffs.html", lang=lang, heading=heading, none=none or t("views.handoffs_none", lang),
                  intro=t("pathview.handoffs_intro", lang), items=items, icon=HANDOFF_ICON)


def handoff_item(shown: ServicePath, handoff: Handoff, names: dict[str, str], lang: str, *extra: str) -> dict:
    """One hand-off for the list template: both actors and steps by name, and in words whether a
    coordinator's step supports it (with `extra` cues after that)."""

    def title(step_id: str) -> str:
        step = shown.step(step_id)
        return (step.title.get(lang) if step else "") or step_id

    covered = handoff.covered_by_coordinator
    cues = [t("views.handoff.covered_yes" if covered else "views.handoff.covered_no", lang), *extra]
    return {"covered": covered, "cues": " · ".join(cues),
            "from_actor": names.get(handoff.from_actor, handoff.from_actor), "from_step": title(handoff.source),
            "to_actor": names.get(handoff.to_actor, handoff.to_actor), "to_step": title(handoff.target)}
