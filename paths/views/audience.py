"""Audience views: which steps each audience meets.

The client view keeps only the steps a client meets (audience `everyone`) and joins the
transitions around hidden back-office steps, so that the client still sees one path.
"""

from __future__ import annotations

from typing import Literal

from paths.model.schema import Audience, LocalText, ServicePath, Transition

# "Audience" in a renderer's sense: who reads the picture or the text. A step's own `audience`
# (paths.model.schema.Audience) says who meets it; a view (paths.views.configured) is one of four.
AudienceName = Literal["professional", "client"]
AUDIENCES: tuple[AudienceName, ...] = ("professional", "client")


def renderer_audience(asked: str | None) -> AudienceName:
    """What every renderer draws for a view or audience a user asked for: the client's version for
    `client`, else the professional's (the partner and print views draw the professional's)."""
    return "client" if asked == "client" else "professional"


def audience_view(path: ServicePath, audience: str = "professional") -> ServicePath:
    """A copy of `path` as `audience` sees it; the professional view is the whole path."""
    if audience != "client":
        return path
    visible = {step.id for step in path.steps if step.audience == Audience.everyone}
    if len(visible) == len(path.steps):
        return path
    outgoing: dict[str, list[Transition]] = {}
    for transition in path.transitions:
        outgoing.setdefault(transition.source, []).append(transition)

    transitions: list[Transition] = []
    seen: set[tuple[str, str]] = set()
    for transition in path.transitions:
        if transition.source not in visible:
            continue
        # Follow hidden steps until visible ones are reached; keep the first condition label.
        stack: list[tuple[str, LocalText]] = [(transition.target, transition.condition)]
        walked: set[str] = set()
        while stack:
            target, condition = stack.pop()
            if target in visible:
                if (transition.source, target) not in seen:
                    seen.add((transition.source, target))
                    transitions.append(Transition(source=transition.source, target=target, condition=condition))
                continue
            if target in walked:
                continue
            walked.add(target)
            for onward in outgoing.get(target, []):
                stack.append((onward.target, condition if condition else onward.condition))
    steps = [step for step in path.steps if step.id in visible]
    used_stages = {step.stage for step in steps}
    return path.model_copy(
        update={
            "steps": steps,
            "transitions": transitions,
            "stages": [stage for stage in path.stages if stage.id in used_stages],
        }
    )
