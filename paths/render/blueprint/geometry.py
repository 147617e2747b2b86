"""Where the blueprint's parts go: one lane per actor (centre `y`, the axis reversed), the stages as columns
of slots (x), and each step's (x, y); `paths.render.blueprint.placement` then puts the texts where they fit.

Units: x in stage slots, y in lanes (a lane with only "takes part" markers is `THIN_LANE` high)."""

from __future__ import annotations

from dataclasses import dataclass, field

from paths.i18n.catalog import normalise_lang, t
from paths.model.graph import to_graph, walk_order
from paths.model.schema import ActorGroup, ServicePath, Step
from paths.render.blueprint.labels import OTHER_STAGE
from paths.render.blueprint.placement import Box, Route, place_texts
from paths.render.text_words import actor_name, local
from paths.views.audience import audience_view, renderer_audience

GROUP_ORDER = {group.value: i for i, group in enumerate(ActorGroup)}
UNASSIGNED = "__unassigned__"  # not a valid actor id, so it never collides with one
THIN_LANE = 0.45
MIN_STAGE_SLOTS = 2


@dataclass
class Lane:
    key: str
    label: str
    group: str | None
    y: float = 0.0
    height: float = 1.0  # in lane units; lanes with only "takes part" markers are thinner (no labels)


@dataclass
class Column:
    key: str
    title: str
    start: float
    width: int


@dataclass
class Layout:
    """Where everything goes: lanes (centre `y`, reversed axis), stage columns (x) and each step's (x, y)."""

    view: ServicePath
    lanes: list[Lane]
    columns: list[Column]
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    label_positions: dict[str, str] = field(default_factory=dict)
    routes: dict[tuple[str, str], Route] = field(default_factory=dict)  # (source, target) -> its arrow's way
    text_boxes: list[Box] = field(default_factory=list)  # the step labels and conditions, as placement measures them
    x_range: tuple[float, float] = (0.0, 1.0)  # the slots and room for labels that reach past the first or last
    step_lane: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    def lane(self, key: str) -> Lane:
        return next(lane for lane in self.lanes if lane.key == key)

    @property
    def width(self) -> float:
        return sum(column.width for column in self.columns) or 1

    @property
    def height(self) -> float:
        return sum(lane.height for lane in self.lanes) or 1


def _step_lanes(step: Step, known: set[str]) -> list[str]:
    """The lanes a step touches, responsible first, each once."""
    keys = [actor for actor in dict.fromkeys(step.actors) if actor in known]
    return keys or [UNASSIGNED]


def layout(path: ServicePath, lang: str = "fi", audience: str = "professional") -> Layout:
    """Lanes, columns and positions for `audience`.

    Within a stage each step takes a slot to the right of its predecessors (two slots after a labelled
    branch, so the condition fits) and of anything else in the lanes it touches, so steps in one lane
    and stage never overlap and the x axis reads as time."""
    lang = normalise_lang(lang)
    audience = renderer_audience(audience)
    view = audience_view(path, audience)
    order = walk_order(view)
    steps = {step_id: view.step(step_id) for step_id in order}

    lanes = _lanes(view, lang, audience)
    lane_of = {lane.key: lane for lane in lanes}
    known = set(lane_of) - {UNASSIGNED}

    by_stage: dict[str, list[str]] = {stage.id: [] for stage in view.stages}
    for step_id in order:
        step = steps[step_id]
        by_stage.setdefault(step.stage if step.stage in by_stage else OTHER_STAGE, []).append(step_id)

    graph = to_graph(view)
    result = Layout(view, lanes, [], order=order)
    start = 0.0
    for key, step_ids in by_stage.items():
        next_free: dict[str, int] = {}
        slots: dict[str, int] = {}
        for step_id in step_ids:
            touched = _step_lanes(steps[step_id], known)
            after = [0]
            for p in graph.predecessors(step_id):
                labelled = bool(local(graph.edges[p, step_id]["condition"], lang))
                if p in slots:
                    after.append(slots[p] + (2 if labelled else 1))
                elif labelled and p in result.positions and start - result.positions[p][0] < 1:
                    after.append(1)  # room for the condition right after the stage boundary
            slot = max([next_free.get(lane, 0) for lane in touched] + after)
            slots[step_id] = slot
            for lane in touched:
                next_free[lane] = slot + 1
        used = max(slots.values(), default=0) + 1
        width = max(used, MIN_STAGE_SLOTS)
        offset = (width - used) / 2
        for step_id, slot in slots.items():
            lane = lane_of[_step_lanes(steps[step_id], known)[0]]
            result.positions[step_id] = (start + offset + slot + 0.5, lane.y)
            result.step_lane[step_id] = lane.key
        stage = view.stage(key)
        title = local(stage.title, lang).text if stage else t("text.other_steps", lang)
        result.columns.append(Column(key, title, start, width))
        start += width

    place_texts(result, lang)
    return result


def _lanes(view: ServicePath, lang: str, audience: str) -> list[Lane]:
    """One lane per actor (the client's view: only those with a step), by group then file order, with their
    heights and centres; an "unassigned" lane last when a step has no actor. Lanes with only "takes part"
    markers are thinner."""
    referenced = list(dict.fromkeys(actor for step in view.steps for actor in step.actors))
    if audience == "client":
        candidates = referenced
    else:
        candidates = list(dict.fromkeys([actor.id for actor in view.actors] + referenced))
    position = {actor_id: i for i, actor_id in enumerate(candidates)}

    def group_of(actor_id: str) -> str | None:
        actor = view.actor(actor_id)
        return actor.group.value if actor else None

    candidates.sort(key=lambda a: (GROUP_ORDER.get(group_of(a) or "", len(GROUP_ORDER)), position[a]))
    responsible = {step.actors[0] if step.actors else UNASSIGNED for step in view.steps}
    lanes = [Lane(a, actor_name(view, a, lang).text, group_of(a)) for a in candidates]
    if UNASSIGNED in responsible:
        lanes.append(Lane(UNASSIGNED, t("blueprint.unassigned", lang), None))
    y = 0.0
    for lane in lanes:
        lane.height = 1.0 if lane.key in responsible else THIN_LANE
        lane.y = y + lane.height / 2
        y += lane.height
    return lanes
