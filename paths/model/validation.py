"""Validation: a list of problems, each one sentence in the user's language. Never raises.

A path with problems can still be stored as a draft and drawn; publishing needs none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from paths.i18n.catalog import t
from paths.model.graph import end_steps, start_steps, to_graph
from paths.model.schema import ServicePath, StepKind


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    step: str | None = None
    stage: str | None = None


def validate(path: ServicePath, lang: str = "fi") -> list[Problem]:
    """Every problem found in `path`, in a stable order."""
    problems: list[Problem] = []

    def add(code: str, step: str | None = None, stage: str | None = None, **params: object) -> None:
        problems.append(Problem(code, t(f"problem.{code}", lang, **params), step, stage))

    steps_by_id = {step.id: step for step in path.steps}

    def step_name(step_id: str) -> str:
        step = steps_by_id.get(step_id)
        title = step.title.get(lang) if step else ""
        return f"“{title}” ({step_id})" if title else step_id

    if not path.title:
        add("empty_path_title")
    groups = (("stage", path.stages), ("actor", path.actors), ("step", path.steps), ("contact", path.contacts))
    for kind, items in groups:
        for item_id, count in Counter(item.id for item in items).items():
            if count > 1:
                add(f"duplicate_{kind}", id=item_id, count=count)
    for stage in path.stages:
        if not stage.title:
            add("empty_stage_title", stage=stage.id, id=stage.id)

    stage_ids = {stage.id for stage in path.stages}
    actor_ids = {actor.id for actor in path.actors}
    contact_ids = {contact.id for contact in path.contacts}
    step_ids = {step.id for step in path.steps}
    for step in path.steps:
        name = step_name(step.id)
        if not step.title:
            add("empty_step_title", step=step.id, id=step.id)
        if step.stage not in stage_ids:
            add("unknown_stage", step=step.id, name=name, ref=step.stage)
        for actor in step.actors:
            if actor not in actor_ids:
                add("unknown_actor", step=step.id, name=name, ref=actor)
        for contact in step.contacts:
            if contact not in contact_ids:
                add("unknown_contact", step=step.id, name=name, ref=contact)

    seen_edges: set[tuple[str, str]] = set()
    for transition in path.transitions:
        for end in (transition.source, transition.target):
            if end not in step_ids:
                add("unknown_step_in_transition", ref=end, source=transition.source, target=transition.target)
        edge = (transition.source, transition.target)
        if edge in seen_edges:
            add("duplicate_transition", source=step_name(transition.source), target=step_name(transition.target))
        seen_edges.add(edge)

    if not path.steps:
        add("no_steps")
        return problems

    graph = to_graph(path)
    starts = start_steps(graph)
    if not starts:
        add("no_start")
    elif len(starts) > 1:
        add("several_starts", names=", ".join(step_name(s) for s in starts))
    else:
        reachable = nx.descendants(graph, starts[0]) | {starts[0]}
        for step in path.steps:
            if step.id not in reachable and step.id in graph:
                add("unreachable", step=step.id, name=step_name(step.id))

    can_end = _reaching(graph, end_steps(graph))
    for node in graph.nodes:
        if node not in can_end:
            add("no_way_to_end", step=node, name=step_name(node))

    for step in path.steps:
        if step.kind != StepKind.decision or step.id not in graph:
            continue
        ways = list(graph.out_edges(step.id, data="condition"))
        if len(ways) < 2:
            add("decision_ways", step=step.id, name=step_name(step.id), count=len(ways))
        elif any(not condition for _, _, condition in ways):
            add("decision_labels", step=step.id, name=step_name(step.id))
    return problems


def _reaching(graph: nx.DiGraph, targets: list[str]) -> set[str]:
    """Every node from which one of `targets` can be reached: one backward search from all of them."""
    seen = set(targets)
    frontier = list(targets)
    while frontier:
        node = frontier.pop()
        for pred in graph.predecessors(node):
            if pred not in seen:
                seen.add(pred)
                frontier.append(pred)
    return seen
