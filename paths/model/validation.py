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
    check = _Check(path, lang)
    check.names_and_ids()
    check.references()
    check.transitions()
    if not path.steps:
        check.add("no_steps")
        return check.problems
    graph = to_graph(path)
    check.start_and_reach(graph)
    check.ends(graph)
    check.decisions(graph)
    return check.problems


class _Check:
    """One validation run: the problems found so far, in the user's language."""

    def __init__(self, path: ServicePath, lang: str) -> None:
        self.path = path
        self.lang = lang
        self.problems: list[Problem] = []
        self.steps_by_id = {step.id: step for step in path.steps}

    def add(self, code: str, step: str | None = None, stage: str | None = None, **params: object) -> None:
        self.problems.append(Problem(code, t(f"problem.{code}", self.lang, **params), step, stage))

    def step_name(self, step_id: str) -> str:
        step = self.steps_by_id.get(step_id)
        title = step.title.get(self.lang) if step else ""
        return f"“{title}” ({step_id})" if title else step_id

    def names_and_ids(self) -> None:
        """Titles that must be there and ids that must be unique."""
        path = self.path
        if not path.title:
            self.add("empty_path_title")
        groups = (("stage", path.stages), ("actor", path.actors), ("step", path.steps), ("contact", path.contacts))
        for kind, items in groups:
            for item_id, count in Counter(item.id for item in items).items():
                if count > 1:
                    self.add(f"duplicate_{kind}", id=item_id, count=count)
        for stage in path.stages:
            if not stage.title:
                self.add("empty_stage_title", stage=stage.id, id=stage.id)

    def references(self) -> None:
        """Each step's stage, actors and contacts exist."""
        stage_ids = {stage.id for stage in self.path.stages}
        actor_ids = {actor.id for actor in self.path.actors}
        contact_ids = {contact.id for contact in self.path.contacts}
        for step in self.path.steps:
            name = self.step_name(step.id)
            if not step.title:
                self.add("empty_step_title", step=step.id, id=step.id)
            if step.stage not in stage_ids:
                self.add("unknown_stage", step=step.id, name=name, ref=step.stage)
            for actor in step.actors:
                if actor not in actor_ids:
                    self.add("unknown_actor", step=step.id, name=name, ref=actor)
            for contact in step.contacts:
                if contact not in contact_ids:
                    self.add("unknown_contact", step=step.id, name=name, ref=contact)

    def transitions(self) -> None:
        """Transitions join existing steps, each pair once."""
        step_ids = set(self.steps_by_id)
        seen_edges: set[tuple[str, str]] = set()
        for transition in self.path.transitions:
            for end in (transition.source, transition.target):
                if end not in step_ids:
                    self.add("unknown_step_in_transition", ref=end, source=transition.source, target=transition.target)
            edge = (transition.source, transition.target)
            if edge in seen_edges:
                source, target = self.step_name(transition.source), self.step_name(transition.target)
                self.add("duplicate_transition", source=source, target=target)
            seen_edges.add(edge)

    def start_and_reach(self, graph: nx.DiGraph) -> None:
        """One start, from which every step can be reached."""
        starts = start_steps(graph)
        if not starts:
            self.add("no_start")
        elif len(starts) > 1:
            self.add("several_starts", names=", ".join(self.step_name(s) for s in starts))
        else:
            reachable = nx.descendants(graph, starts[0]) | {starts[0]}
            for step in self.path.steps:
                if step.id not in reachable and step.id in graph:
                    self.add("unreachable", step=step.id, name=self.step_name(step.id))

    def ends(self, graph: nx.DiGraph) -> None:
        """From every step some end can be reached."""
        can_end = _reaching(graph, end_steps(graph))
        for node in graph.nodes:
            if node not in can_end:
                self.add("no_way_to_end", step=node, name=self.step_name(node))

    def decisions(self, graph: nx.DiGraph) -> None:
        """A decision has at least two ways out, each with a condition."""
        for step in self.path.steps:
            if step.kind != StepKind.decision or step.id not in graph:
                continue
            ways = list(graph.out_edges(step.id, data="condition"))
            if len(ways) < 2:
                self.add("decision_ways", step=step.id, name=self.step_name(step.id), count=len(ways))
            elif any(not condition for _, _, condition in ways):
                self.add("decision_labels", step=step.id, name=self.step_name(step.id))


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
