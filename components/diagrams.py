"""Cached wrappers around the renderers in paths/, so a rerun never redraws an unchanged path.

Every wrapper is keyed on `key` = (store URL, path id, version) plus the language, the view
(professional, client, partner or print: `paths.views.configured`) and the actor filter; the path itself
is passed as `_path` and is not part of the key (a stored version never changes).

The cache is `components.memo` (an in-process LRU) rather than `st.cache_data`. Values are shared,
so callers treat them as read-only.
"""

from __future__ import annotations

from plotly.graph_objects import Figure

from components.memo import memo
from paths.formats.files import dump_json, dump_yaml
from paths.model.graph import walk_order
from paths.model.schema import ActorGroup, ServicePath
from paths.model.validation import Problem, validate
from paths.render import blueprint
from paths.render import image as render_image
from paths.render.dot import Handoff, handoffs, node_names, to_dot
from paths.render.experience import with_experience_labels
from paths.render.text_html import to_html
from paths.render.text_markdown import to_markdown
from paths.render.text_words import describe
from paths.views.configured import apply_view, focus_actor_for, normalise_view, renderer_audience, view_problems

Key = tuple[str, str, int]


@memo(256)
def viewed(key: Key, view: str, actor: str | None, _path: ServicePath) -> ServicePath:
    """The path as `view` shows it (the facilitator's settings applied); `actor` is the partner's focus."""
    return apply_view(_path, normalise_view(view), actor if view == "partner" else None)


@memo(512)
def problems(key: Key, lang: str, _path: ServicePath) -> list[Problem]:
    """The path's validation problems followed by those of its view settings."""
    return validate(_path, lang) + view_problems(_path, lang)


@memo(256)
def actor_choices(key: Key, view: str, _path: ServicePath) -> list[str]:
    """The actors a view can be filtered by: those with a step in it, in the path's actor order."""
    shown = viewed(key, view, None, _path)
    used = {actor for step in shown.steps for actor in step.actors}
    return [actor.id for actor in shown.actors if actor.id in used]


@memo(256)
def default_partner_actor(key: Key, _path: ServicePath) -> str | None:
    """The partner view's actor when none is asked for: the configured one, else the first network
    partner (a professional or an organisation) that takes part in a hand-off, else the first actor in one."""
    configured = focus_actor_for(_path)
    if configured:
        return configured
    shown = viewed(key, "partner", None, _path)
    involved = {actor for handoff in handoffs(shown) for actor in (handoff.from_actor, handoff.to_actor)}
    partners = (ActorGroup.professional, ActorGroup.organisation)
    ordered = [actor for actor in shown.actors if actor.id in involved]
    for actor in ordered:
        if actor.group in partners:
            return actor.id
    if ordered:
        return ordered[0].id
    choices = actor_choices(key, "partner", _path)
    return choices[0] if choices else None


@memo(512)
def flow_dot(key: Key, lang: str, audience: str, _path: ServicePath, actor: str | None = None) -> str:
    """For the browser: the page shows the legend beside the chart, so the drawing stays narrower.

    `audience` is a view name (the renderers' two audiences are views too); `actor` filters the diagram.
    """
    shown = viewed(key, audience, actor, _path)
    return to_dot(shown, lang, renderer_audience(audience), actor_filter=actor, legend=False)


@memo(512)
def view_handoffs(key: Key, view: str, actor: str | None, _path: ServicePath) -> list[Handoff]:
    """The hand-offs of the view: those touching `actor` when it is given, else all."""
    found = handoffs(viewed(key, view, actor, _path))
    return [h for h in found if actor in (h.from_actor, h.to_actor)] if actor else found


# The blueprint is as wide as its stage slots need (a stage title wraps at about 8 characters a slot),
# never narrower than a tablet; a wider one scrolls sideways instead of squeezing its labels.
BLUEPRINT_PX_PER_SLOT = 90
BLUEPRINT_LABEL_PX = 200
BLUEPRINT_MIN_PX = 720


@memo(512)
def blueprint_width(key: Key, lang: str, view: str, actor: str | None, _path: ServicePath,
                    stage: str | None = None) -> int:
    shown = stage_view(key, view, actor, stage, _path) if stage else viewed(key, view, actor, _path)
    slots = blueprint.layout(shown, lang, renderer_audience(view)).width
    return max(BLUEPRINT_MIN_PX, round(BLUEPRINT_LABEL_PX + BLUEPRINT_PX_PER_SLOT * slots))


@memo(128)
def blueprint_figure(key: Key, lang: str, view: str, actor: str | None, _path: ServicePath,
                     stage: str | None = None) -> Figure:
    """Shared, not copied: Streamlit only reads the figure when it serialises it. `stage` draws that stage
    alone (a large path, as the flow diagram)."""
    shown = stage_view(key, view, actor, stage, _path) if stage else viewed(key, view, actor, _path)
    return blueprint.blueprint_figure(shown, lang, renderer_audience(view), actor_filter=actor)


@memo(512)
def step_detail(key: Key, step_id: str, lang: str, view: str, actor: str | None, _path: ServicePath) -> dict | None:
    """What a click on a step shows (None when the view does not show the step)."""
    return blueprint.step_details(viewed(key, view, actor, _path), step_id, lang, renderer_audience(view))


@memo(512)
def text_html(key: Key, lang: str, view: str, actor: str | None, _path: ServicePath) -> str:
    return to_html(viewed(key, view, actor, _path), lang, renderer_audience(view))


@memo(512)
def text_markdown(key: Key, lang: str, view: str, actor: str | None, _path: ServicePath) -> str:
    return to_markdown(viewed(key, view, actor, _path), lang, renderer_audience(view))


@memo(512)
def description(key: Key, lang: str, view: str, actor: str | None, _path: ServicePath) -> str:
    return describe(viewed(key, view, actor, _path), lang, renderer_audience(view))


@memo(256)
def stage_walk(key: Key, view: str, actor: str | None, stage: str, _path: ServicePath) -> list[str]:
    """The step ids of `stage` the view shows, in the view's reading order (a large path, one stage at a time)."""
    ids = {step.id for step in stage_view(key, view, actor, stage, _path).steps}
    return [step_id for step_id in walk(key, view, actor, _path) if step_id in ids]


@memo(512)
def walk(key: Key, view: str, actor: str | None, _path: ServicePath) -> list[str]:
    """The step ids the view shows, in reading order (for the step picker)."""
    return walk_order(viewed(key, view, actor, _path))


@memo(64)
def image(
    key: Key, fmt: str, lang: str, view: str, actor: str | None, _path: ServicePath, layout: str = "wide"
) -> bytes:
    """SVG, PNG or PDF (with the legend) from the `dot` binary, in `layout`; raises render_image.RenderError."""
    shown = viewed(key, view, actor, _path)
    return render_image.render_path(shown, fmt, lang, renderer_audience(view), actor_filter=actor, layout=layout)


@memo(128)
def as_yaml(key: Key, _path: ServicePath) -> str:
    return dump_yaml(_path)


@memo(128)
def as_json(key: Key, _path: ServicePath) -> str:
    return dump_json(_path)


def dot_available() -> bool:
    return render_image.dot_binary() is not None


# A path with more steps than this is drawn one stage at a time on the page (an overview of the stages and a
# step search above it): a 2,000-step drawing would take dot half a minute and the browser a screen of kilometres.
LARGE_PATH_STEPS = 300


def is_large(key: Key, audience: str, actor: str | None, _path: ServicePath) -> bool:
    return len(viewed(key, audience, actor, _path).steps) > LARGE_PATH_STEPS


@memo(256)
def stage_view(key: Key, audience: str, actor: str | None, stage: str, _path: ServicePath) -> ServicePath:
    """The view with only the steps of `stage` and the arrows between them (a large path, one stage at a time)."""
    shown = viewed(key, audience, actor, _path)
    steps = [step for step in shown.steps if step.stage == stage]
    ids = {step.id for step in steps}
    transitions = [tr for tr in shown.transitions if tr.source in ids and tr.target in ids]
    stages = [item for item in shown.stages if item.id == stage]
    return shown.model_copy(update={"steps": steps, "transitions": transitions, "stages": stages})


@memo(512)
def flow_svg(
    key: Key, lang: str, audience: str, actor: str | None, layout: str, _path: ServicePath, stage: str | None = None,
    experience: bool = False,
) -> tuple[str, float]:
    """The flow diagram drawn by `dot` for the page (no legend: the page shows it beside the picture), ready to
    inline, with its natural width in points; `stage` draws that stage alone, `experience` writes each scored
    step's feeling in words under its title. Raises render_image.RenderError."""
    shown = stage_view(key, audience, actor, stage, _path) if stage else viewed(key, audience, actor, _path)
    if experience:
        shown = with_experience_labels(shown, lang)
    dot = to_dot(shown, lang, renderer_audience(audience), actor_filter=actor, legend=False, layout=layout)
    svg = render_image.inline_svg(render_image.render_dot(dot, "svg"))
    return svg, render_image.svg_size(svg)[0]


@memo(512)
def flow_steps(
    key: Key, lang: str, audience: str, actor: str | None, _path: ServicePath, stage: str | None = None
) -> dict[str, list[str]]:
    """Which drawn node is which step, with the step's title: what a click means and what a screen reader says."""
    shown = stage_view(key, audience, actor, stage, _path) if stage else viewed(key, audience, actor, _path)
    names = node_names(shown, renderer_audience(audience))
    return {node: [step_id, (shown.step(step_id).title.get(lang) or step_id)] for node, step_id in names.items()}


@memo(256)
def personal_svg(
    key: tuple[str, int], lang: str, layout: str, here: str | None, statuses: tuple[tuple[str, str], ...],
    _path: ServicePath,
) -> tuple[str, float]:
    """A personal path's picture (the client view with its statuses and "I am here"), drawn by `dot`, for
    the personal page. `key` is (personal path id, saved version): a saved version never changes."""
    dot = to_dot(_path, lang, "client", here=here, statuses=dict(statuses), layout=layout)
    svg = render_image.inline_svg(render_image.render_dot(dot, "svg"))
    return svg, render_image.svg_size(svg)[0]
