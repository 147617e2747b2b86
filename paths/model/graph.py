"""The stage graph: a path's steps as a networkx DiGraph, and the walks views need."""

from __future__ import annotations

import networkx as nx

from paths.model.schema import ServicePath, StepKind


def to_graph(path: ServicePath) -> nx.DiGraph:
    """Steps as nodes (attribute `step`), transitions between known steps as edges
    (attribute `condition`). Dangling references are left out: validation reports them."""
    graph = nx.DiGraph()
    for step in path.steps:
        if step.id not in graph:
            graph.add_node(step.id, step=step)
    for transition in path.transitions:
        if transition.source in graph and transition.target in graph:
            graph.add_edge(transition.source, transition.target, condition=transition.condition)
    return graph


def start_steps(graph: nx.DiGraph) -> list[str]:
    """Steps with no way in: where a client enters the path."""
    return [node for node, degree in graph.in_degree() if degree == 0]


def end_steps(graph: nx.DiGraph) -> list[str]:
    """Steps of kind `end`, and steps with no way out."""
    return [
        node
        for node, data in graph.nodes(data=True)
        if data["step"].kind == StepKind.end or graph.out_degree(node) == 0
    ]


def walk_order(path: ServicePath) -> list[str]:
    """Step ids in reading order: by stage, then breadth-first from the starts, then file order.

    Used by the text version and every list so that all views read the same way.
    """
    graph = to_graph(path)
    stage_rank = path.stage_index()
    file_rank = {step.id: i for i, step in enumerate(path.steps)}
    depth: dict[str, int] = {}
    frontier = sorted(start_steps(graph), key=file_rank.get) or ([path.steps[0].id] if path.steps else [])
    for node in frontier:
        depth[node] = 0
    while frontier:
        nxt = []
        for node in frontier:
            for succ in sorted(graph.successors(node), key=file_rank.get):
                if succ not in depth:
                    depth[succ] = depth[node] + 1
                    nxt.append(succ)
        frontier = nxt
    unseen = len(path.steps) + 1
    seen: set[str] = set()
    ordered = []
    for step in sorted(
        path.steps,
        key=lambda s: (stage_rank.get(s.stage, len(stage_rank)), depth.get(s.id, unseen), file_rank[s.id]),
    ):
        if step.id not in seen:
            seen.add(step.id)
            ordered.append(step.id)
    return ordered
