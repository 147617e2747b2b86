"""What a path asks of the client, counted: the figures of one path in one view.

Definitions (docs/experience-and-analytics.md says them for users too):
- *client steps*: steps a client-side actor takes part in (any of the step's actors);
- *contacts*: client steps of kind `contact`: the contacts the client must make or answer;
- *hand-offs*: transitions where the responsible actor changes (`paths.render.dot.handoffs`), and how
  many of them a light-bulb step supports (either end carries the light bulb);
- *actors met*: the other actors on the client's steps;
- *loops*: transitions back to a step that comes earlier (or is the same) in reading order, as the text
  version calls them "back";
- *decisions*: steps of kind `decision`;
- *typical duration*: the structured durations summed along the main way, which starts at the first start
  step and always takes a step's first way out, until an end or a step already walked (no loop twice).

Everything is one pass over the steps and transitions of the view, so it costs about as much as validation.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from paths.model.graph import walk_order
from paths.model.schema import ActorGroup, ServicePath, Step, StepKind
from paths.render.dot import Handoff, handoffs
from paths.views.configured import apply_view, normalise_view

FIGURE_NAMES: tuple[str, ...] = (
    "steps", "client_steps", "contacts", "handoffs", "handoffs_supported", "handoff_support_share", "actors_met",
    "loops", "decisions", "scored_steps", "average_feeling", "pain_points", "opportunities", "timed_steps",
    "main_way_steps", "duration_days_min", "duration_days_max",
)


@dataclass
class StageFigures:
    stage_id: str
    steps: int = 0
    client_steps: int = 0
    handoffs: int = 0
    feelings: list[int] = field(default_factory=list)

    @property
    def average_feeling(self) -> float | None:
        return round(sum(self.feelings) / len(self.feelings), 2) if self.feelings else None


@dataclass
class Figures:
    """The figures of one path in one view (see the module's docstring for what each counts)."""

    path_id: str
    view: str
    steps: int
    client_steps: int
    contacts: int
    handoffs: int
    handoffs_supported: int
    actors_met: list[str]
    loops: int
    decisions: int
    scored_steps: int
    average_feeling: float | None
    pain_points: int
    opportunities: int
    timed_steps: int
    main_way_steps: int
    duration_days_min: float | None
    duration_days_max: float | None
    stages: list[StageFigures] = field(default_factory=list)

    @property
    def handoff_support_share(self) -> float | None:
        """Supported hand-offs as a share 0…1 (None when there are no hand-offs)."""
        return round(self.handoffs_supported / self.handoffs, 3) if self.handoffs else None

    def value(self, name: str) -> object:
        if name == "actors_met":
            return len(self.actors_met)
        return getattr(self, name)

    def as_dict(self) -> dict:
        data = asdict(self)
        data["handoff_support_share"] = self.handoff_support_share
        data["stages"] = [asdict(stage) | {"average_feeling": stage.average_feeling} for stage in self.stages]
        return data


def client_side_actors(path: ServicePath) -> set[str]:
    return {actor.id for actor in path.actors if actor.group == ActorGroup.client_side}


def _main_way(path: ServicePath, order: list[str], steps_by_id: dict[str, Step]) -> list[str]:
    """From the first step in reading order, always the first way out, until an end or a step seen."""
    first_out: dict[str, str] = {}
    for transition in path.transitions:
        first_out.setdefault(transition.source, transition.target)
    walked: list[str] = []
    seen: set[str] = set()
    current = order[0] if order else None
    while current is not None and current not in seen:
        seen.add(current)
        walked.append(current)
        step = steps_by_id.get(current)
        if step is not None and step.kind == StepKind.end:
            break
        current = first_out.get(current)
    return walked


def _durations(steps_by_id: dict[str, Step], way: list[str]) -> tuple[int, float | None, float | None]:
    low = high = 0.0
    timed = 0
    for step_id in way:
        step = steps_by_id.get(step_id)
        if step is None or step.duration_range is None:
            continue
        timed += 1
        shortest, longest = step.duration_range.days()
        low, high = low + shortest, high + longest
    return (timed, low, high) if timed else (0, None, None)


@dataclass
class ViewParts:
    """What both the figures and the compare need of a path in a view, computed once."""

    shown: ServicePath
    order: list[str]
    handoffs: list[Handoff]


def view_parts(path: ServicePath, view: str) -> ViewParts:
    shown = apply_view(path, normalise_view(view))
    return ViewParts(shown, walk_order(shown), handoffs(shown))


def figures(path: ServicePath, view: str = "professional", parts: ViewParts | None = None) -> Figures:
    """The figures of `path` as `view` (professional, client, partner, print) shows it (`parts`: already
    computed by `view_parts` for this path and view)."""
    view = normalise_view(view)
    parts = parts or view_parts(path, view)
    shown, order = parts.shown, parts.order
    steps_by_id: dict[str, Step] = {}
    for step in shown.steps:
        steps_by_id.setdefault(step.id, step)
    rank = {step_id: i for i, step_id in enumerate(order)}
    clients = client_side_actors(shown)
    stage_rows = {stage.id: StageFigures(stage.id) for stage in shown.stages}
    client_steps = contacts = decisions = pains = chances = 0
    met: dict[str, None] = {}
    feelings: list[int] = []
    for step in steps_by_id.values():
        row = stage_rows.get(step.stage) or stage_rows.setdefault(step.stage, StageFigures(step.stage))
        row.steps += 1
        if not clients.isdisjoint(step.actors):
            client_steps += 1
            row.client_steps += 1
            contacts += step.kind == StepKind.contact
            met.update((actor, None) for actor in step.actors if actor not in clients)
        decisions += step.kind == StepKind.decision
        if step.feeling is not None:
            feelings.append(step.feeling)
            row.feelings.append(step.feeling)
        pains += len(step.pain_points)
        chances += len(step.opportunities)
    found = parts.handoffs
    for handoff in found:
        source = steps_by_id.get(handoff.source)
        if source is not None and source.stage in stage_rows:
            stage_rows[source.stage].handoffs += 1
    loops = sum(
        1 for transition in shown.transitions
        if transition.source in rank and transition.target in rank
        and rank[transition.target] <= rank[transition.source]
    )
    way = _main_way(shown, order, steps_by_id)
    timed, low, high = _durations(steps_by_id, way)
    return Figures(
        path_id=path.id, view=view, steps=len(steps_by_id), client_steps=client_steps, contacts=contacts,
        handoffs=len(found), handoffs_supported=sum(1 for h in found if h.covered_by_coordinator),
        actors_met=list(met), loops=loops, decisions=decisions, scored_steps=len(feelings),
        average_feeling=round(sum(feelings) / len(feelings), 2) if feelings else None,
        pain_points=pains, opportunities=chances, timed_steps=timed, main_way_steps=len(way),
        duration_days_min=low, duration_days_max=high, stages=list(stage_rows.values()),
    )
