"""Views for each audience and purpose, as the facilitator configures them per path.

Four views: *professional* (everything), *client* (plain language, only what the client meets),
*partner* (a network partner: one chosen actor's steps and hand-offs highlighted — the highlighting
itself is the renderers' `actor_filter`), and *print* (everything, without interactive bits). Each
view may hide steps and actors and carry its own texts (`ServicePath.views`). Steps hidden by a view
are joined around exactly like back-office steps in the client view, so every view reads as one path.
"""

from __future__ import annotations

from paths.i18n.catalog import t
from paths.model.schema import Audience, AudienceView, LocalText, ServicePath, Step, ViewName
from paths.model.validation import Problem
from paths.views.audience import audience_view, renderer_audience  # noqa: F401 - pages import it from here

VIEW_NAMES: tuple[ViewName, ...] = ("professional", "client", "partner", "print")


def normalise_view(audience: str | None) -> ViewName:
    """A known view name; anything else is the professional view (the whole path)."""
    return audience if audience in VIEW_NAMES else "professional"  # type: ignore[return-value]


def view_config(path: ServicePath, audience: str) -> AudienceView:
    """The facilitator's settings for `audience`, or an empty one (nothing hidden)."""
    return path.views.get(normalise_view(audience)) or AudienceView()


def focus_actor_for(path: ServicePath, focus_actor: str | None = None) -> str | None:
    """The partner view's actor: the one asked for, else the configured one, if the path knows it."""
    chosen = focus_actor or view_config(path, "partner").focus_actor
    return chosen if chosen and path.actor(chosen) else None


def without_steps(path: ServicePath, hidden: set[str]) -> ServicePath:
    """`path` without the `hidden` steps, transitions joined around them.

    Reuses the client view's join (`paths.views.audience.audience_view`) by marking the hidden steps as
    back-office ones, so there is one rule for how paths are joined; the audience marks are restored.
    """
    hidden = hidden & {step.id for step in path.steps}
    if not hidden:
        return path
    original = {step.id: step.audience for step in path.steps}
    marked = path.model_copy(
        update={
            "steps": [
                step.model_copy(
                    update={"audience": Audience.professionals if step.id in hidden else Audience.everyone}
                )
                for step in path.steps
            ]
        }
    )
    joined = audience_view(marked, "client")
    return joined.model_copy(
        update={"steps": [step.model_copy(update={"audience": original[step.id]}) for step in joined.steps]}
    )


def _without_actors(path: ServicePath, hidden_actors: set[str]) -> ServicePath:
    """Drop hidden actors' lanes; a step all of whose actors are hidden goes too."""
    hidden_actors = hidden_actors & {actor.id for actor in path.actors}
    if not hidden_actors:
        return path
    gone = {step.id for step in path.steps if step.actors and set(step.actors) <= hidden_actors}
    path = without_steps(path, gone)
    return path.model_copy(
        update={
            "actors": [actor for actor in path.actors if actor.id not in hidden_actors],
            "steps": [
                step.model_copy(update={"actors": [a for a in step.actors if a not in hidden_actors]})
                for step in path.steps
            ],
        }
    )


def _with_texts(path: ServicePath, texts: dict[str, LocalText], field: str) -> ServicePath:
    """The view's own texts in place of `field` (client_text or description), language by language."""
    if not texts:
        return path

    def merged(step: Step) -> Step:
        own = texts.get(step.id)
        if not own:
            return step
        base: LocalText = getattr(step, field)
        combined = LocalText(**{lang: own.get(lang, fallback=False) or base.get(lang, fallback=False)
                                for lang in ("fi", "sv", "en")})
        return step.model_copy(update={field: combined})

    return path.model_copy(update={"steps": [merged(step) for step in path.steps]})


def apply_view(path: ServicePath, audience: str, focus_actor: str | None = None) -> ServicePath:
    """A copy of `path` as `audience` sees it, with the facilitator's view settings applied.

    The partner view keeps the focus actor's lane even when the settings would hide it; the caller
    highlights that actor with the renderers' `actor_filter` (see `focus_actor_for`).
    """
    name = normalise_view(audience)
    config = view_config(path, name)
    base = audience_view(path, "client") if name == "client" else path
    hidden_actors = set(config.hidden_actors)
    if name == "partner":
        hidden_actors.discard(focus_actor_for(path, focus_actor) or "")
    viewed = without_steps(base, set(config.hidden_steps))
    viewed = _without_actors(viewed, hidden_actors)
    viewed = _with_texts(viewed, config.texts, "client_text" if name == "client" else "description")
    if len(viewed.steps) != len(base.steps):
        used_stages = {step.stage for step in viewed.steps}
        viewed = viewed.model_copy(update={"stages": [s for s in viewed.stages if s.id in used_stages]})
    return viewed


def view_problems(path: ServicePath, lang: str = "fi") -> list[Problem]:
    """Problems in the view settings: unknown step or actor ids, a view that hides everything.

    One sentence each, through the catalog; never raises.
    """
    problems: list[Problem] = []
    step_ids = {step.id for step in path.steps}
    actor_ids = {actor.id for actor in path.actors}

    def add(code: str, step: str | None = None, **params: object) -> None:
        problems.append(Problem(f"view_{code}", t(f"view.problem.{code}", lang, **params), step=step))

    for name in VIEW_NAMES:
        config = path.views.get(name)
        if config is None:
            continue
        view = t(f"view.name.{name}", lang)
        for step_id in config.hidden_steps:
            if step_id not in step_ids:
                add("unknown_step", step=step_id, view=view, id=step_id)
        for step_id in config.texts:
            if step_id not in step_ids:
                add("unknown_text_step", step=step_id, view=view, id=step_id)
        for actor_id in config.hidden_actors:
            if actor_id not in actor_ids:
                add("unknown_actor", view=view, id=actor_id)
        if config.focus_actor and config.focus_actor not in actor_ids:
            add("unknown_focus", view=view, id=config.focus_actor)
        if config.focus_actor and name != "partner":
            add("focus_not_partner", view=view)
        if path.steps and not apply_view(path, name).steps:
            add("hides_everything", view=view)
    return problems
