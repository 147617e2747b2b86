"""Two paths side by side, typically the current state (as-is) and the target state (to-be) of one service.

What differs is said step by step: steps added, removed, moved (to another stage, or to another place in
the reading order) or changed (any other field, named), and hand-offs added or removed; then the figures
of both (`paths.analytics.figures`) with the change. Steps are matched by id, so a target path made as a
copy of the current one compares cleanly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from paths.analytics.figures import FIGURE_NAMES, Figures, figures, view_parts
from paths.model.graph import walk_order
from paths.model.schema import LocalText, ServicePath, Step
from paths.render.dot import Handoff

# Fields that are not a "change" of a step on their own: identity, and the stage (that is a move).
_NOT_CHANGES = frozenset({"id", "stage"})


@dataclass(frozen=True)
class StepChange:
    """One step's difference. `op`: added | removed | moved | changed; `fields` names what changed."""

    op: str
    step_id: str
    fields: tuple[str, ...] = ()
    old_stage: str = ""
    new_stage: str = ""


@dataclass(frozen=True)
class HandoffChange:
    op: str  # added | removed
    source: str
    target: str
    from_actor: str
    to_actor: str


@dataclass
class Comparison:
    current: ServicePath
    target: ServicePath
    view: str
    steps: list[StepChange] = field(default_factory=list)
    handoffs: list[HandoffChange] = field(default_factory=list)
    current_figures: Figures | None = None
    target_figures: Figures | None = None

    def count(self, op: str) -> int:
        return sum(1 for change in self.steps if change.op == op)

    def figure_rows(self) -> list[tuple[str, object, object, object]]:
        """(figure name, current, target, change) for every figure; the change is None where it cannot be told."""
        rows = []
        for name in FIGURE_NAMES:
            before = self.current_figures.value(name) if self.current_figures else None
            after = self.target_figures.value(name) if self.target_figures else None
            change = None
            if isinstance(before, int | float) and isinstance(after, int | float):
                change = round(after - before, 3)
            rows.append((name, before, after, change))
        return rows


def _first(steps: list[Step]) -> dict[str, Step]:
    by_id: dict[str, Step] = {}
    for step in steps:
        by_id.setdefault(step.id, step)
    return by_id


def _same_step(old: Step, new: Step) -> bool:
    """`old == new`, about twice as fast: texts are compared by their three strings, not through pydantic."""
    other = new.__dict__
    for name, value in old.__dict__.items():
        theirs = other[name]
        if value is theirs:
            continue
        if type(value) is LocalText:
            if value.__dict__ != theirs.__dict__:
                return False
        elif value != theirs:
            return False
    return True


def _changed_fields(old: Step, new: Step) -> tuple[str, ...]:
    if _same_step(old, new):
        return ()
    before, after = old.model_dump(), new.model_dump()
    return tuple(name for name in before if name not in _NOT_CHANGES and before[name] != after.get(name))


def _relative_order(order: list[str], common: set[str]) -> dict[str, int]:
    return {step_id: i for i, step_id in enumerate(s for s in order if s in common)}


def step_changes(current: ServicePath, target: ServicePath, current_order: list[str] | None = None,
                 target_order: list[str] | None = None) -> list[StepChange]:
    """Added, removed, moved and changed steps, in the target's reading order (removed ones last).

    A step is *moved* when its stage differs, or when its place among the steps both paths share is
    different in the reading order; a moved step whose other fields differ too is listed once as moved,
    with those fields named."""
    current_order = walk_order(current) if current_order is None else current_order
    target_order = walk_order(target) if target_order is None else target_order
    old, new = _first(current.steps), _first(target.steps)
    common = set(old) & set(new)
    old_rank = _relative_order(current_order, common)
    new_rank = _relative_order(target_order, common)
    changes: list[StepChange] = []
    for step_id in target_order:
        after = new[step_id]
        before = old.get(step_id)
        if before is None:
            changes.append(StepChange("added", step_id, new_stage=after.stage))
            continue
        fields = _changed_fields(before, after)
        if before.stage != after.stage or old_rank.get(step_id) != new_rank.get(step_id):
            changes.append(StepChange("moved", step_id, fields, before.stage, after.stage))
        elif fields:
            changes.append(StepChange("changed", step_id, fields, before.stage, after.stage))
    for step_id in current_order:
        if step_id not in new:
            changes.append(StepChange("removed", step_id, old_stage=old[step_id].stage))
    return changes


def handoff_changes(current: list[Handoff], target: list[Handoff]) -> list[HandoffChange]:
    """Hand-offs (source step, target step, from actor, to actor) in one list and not in the other."""
    def keyed(found: list[Handoff]) -> dict[tuple[str, str, str, str], None]:
        return {(h.source, h.target, h.from_actor, h.to_actor): None for h in found}

    before, after = keyed(current), keyed(target)
    return [HandoffChange("added", *key) for key in after if key not in before] + [
        HandoffChange("removed", *key) for key in before if key not in after
    ]


def compare(current: ServicePath, target: ServicePath, view: str = "professional") -> Comparison:
    """What differs between `current` and `target` as `view` shows them, and the figures of both."""
    before, after = view_parts(current, view), view_parts(target, view)
    return Comparison(
        current=current,
        target=target,
        view=view,
        steps=step_changes(before.shown, after.shown, before.order, after.order),
        handoffs=handoff_changes(before.handoffs, after.handoffs),
        current_figures=figures(current, view, before),
        target_figures=figures(target, view, after),
    )
