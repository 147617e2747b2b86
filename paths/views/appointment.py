"""The appointment mode's content: one stage at a time, in the client's plain language.

Pure data for `components/appointment_page.py`: the client view of the path (back-office steps
hidden, the facilitator's client-view settings applied), its stages in order with their steps in
reading order, and — when opened from a personal path — where the client is and each step's status.
"""

from __future__ import annotations

from dataclasses import dataclass

from paths.model.graph import walk_order
from paths.model.schema import Channel, ServicePath, Step, StepKind
from paths.views.configured import apply_view

CLOSED_STATUSES = frozenset({"done", "not_for_me"})


@dataclass(frozen=True)
class StepCard:
    """One step as the client reads it."""

    id: str
    title: str
    text: str
    kind: StepKind
    coordinator: bool
    status: str | None = None
    channels: tuple[Channel, ...] = ()
    duration: str = ""
    links: tuple[tuple[str, str], ...] = ()
    contacts: tuple[tuple[str, bool], ...] = ()  # (label, is a placeholder)
    ways: tuple[tuple[str, str], ...] = ()  # a branch: (condition, next step's title) for each way out


@dataclass(frozen=True)
class StageCard:
    """One stage: its title, plain description and the client's steps in it."""

    id: str
    number: int
    title: str
    description: str
    steps: tuple[StepCard, ...]

    @property
    def has_here(self) -> bool:
        return any(step.status == "here" for step in self.steps)

    @property
    def done(self) -> bool:
        """Every step of the stage is done or not for this client (and at least one is done)."""
        statuses = [step.status for step in self.steps]
        return bool(statuses) and all(s in CLOSED_STATUSES for s in statuses) and "done" in statuses

    @property
    def has_coordinator(self) -> bool:
        return any(step.coordinator for step in self.steps)


def _ways(step: Step, path: ServicePath, lang: str) -> tuple[tuple[str, str], ...]:
    """The ways out of a branching step, so the client sees what happens next in each case."""
    outgoing = [t for t in path.transitions if t.source == step.id]
    if len(outgoing) < 2:
        return ()
    ways = []
    for transition in outgoing:
        target = path.step(transition.target)
        ways.append((transition.condition.get(lang), target.title.get(lang) if target else transition.target))
    return tuple(ways)


def _card(step: Step, path: ServicePath, lang: str, statuses: dict[str, str]) -> StepCard:
    contacts = []
    for contact_id in step.contacts:
        contact = path.contact(contact_id)
        if contact is not None:
            contacts.append((contact.label.get(lang), contact.placeholder))
    return StepCard(
        id=step.id,
        title=step.title.get(lang),
        text=step.client_text.get(lang),
        kind=step.kind,
        coordinator=step.coordinator,
        status=statuses.get(step.id),
        channels=tuple(step.channels),
        duration=step.duration.get(lang),
        links=tuple((link.label.get(lang) or link.url, link.url) for link in step.links),
        contacts=tuple(contacts),
        ways=_ways(step, path, lang),
    )


def appointment_stages(path: ServicePath, lang: str = "fi", statuses: dict[str, str] | None = None) -> list[StageCard]:
    """The client view's stages in order, each with its steps in the reading order of every view.

    `statuses` (step id -> done | here | next | not_for_me) come from a personal path; statuses of
    steps the client view does not show are ignored.
    """
    view = apply_view(path, "client")
    statuses = statuses or {}
    order = {step_id: i for i, step_id in enumerate(walk_order(view))}
    cards: list[StageCard] = []
    for stage in view.stages:
        steps = sorted(view.steps_in_stage(stage.id), key=lambda s: order.get(s.id, len(order)))
        if not steps:
            continue
        cards.append(
            StageCard(
                id=stage.id,
                number=len(cards) + 1,
                title=stage.title.get(lang),
                description=stage.description.get(lang),
                steps=tuple(_card(step, view, lang, statuses) for step in steps),
            )
        )
    return cards


def stage_index(stages: list[StageCard], stage_id: str | None, here: str | None = None) -> int:
    """Where to open: the stage asked for, else the stage with the client's "here", else the first."""
    ids = [stage.id for stage in stages]
    if stage_id in ids:
        return ids.index(stage_id)
    if here:
        for i, stage in enumerate(stages):
            if any(step.id == here for step in stage.steps):
                return i
    return 0


def here_stage(stages: list[StageCard]) -> str | None:
    """The id of the stage holding the client's "I am here" step, if any."""
    return next((stage.id for stage in stages if stage.has_here), None)
