"""The stages of a path read from BPMN: from its groups when it has any, else from the diagram's
left-to-right position, else from the order of the flow (the path's notes say which)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from paths.formats.bpmn.common import MODEL, POLKU, q
from paths.formats.bpmn.parse import Parsed
from paths.i18n.catalog import t
from paths.model.ids import is_item_id, unique_id
from paths.model.schema import LANGS, LocalText, Stage, Step

STEPS_PER_STAGE = 4
MAX_GUESSED_STAGES = 6


@dataclass
class StagePlan:
    """The stages in order, each step's stage, the steps in stage order, and how it was decided."""

    source: str
    stages: list[Stage] = field(default_factory=list)
    stage_of: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)


def _centre(box: tuple[float, float, float, float]) -> tuple[float, float]:
    x, y, w, h = box
    return (x + w / 2, y + h / 2)


def _flow_order(parsed: Parsed, step_of_node: dict[str, str]) -> list[str]:
    """Nodes in breadth-first order from the nodes nothing flows into; the rest in file order."""
    outgoing: dict[str, list[str]] = {}
    incoming: set[str] = set()
    for flow in parsed.flows:
        outgoing.setdefault(flow.source, []).append(flow.target)
        incoming.add(flow.target)
    queue = [node for node in parsed.nodes if node not in incoming]
    seen: set[str] = set()
    order: list[str] = []
    while queue:
        node = queue.pop(0)
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        queue += outgoing.get(node, [])
    order += [node for node in parsed.nodes if node not in seen]
    return [node for node in order if node in step_of_node]


def _group_titles(parsed: Parsed, lang: str) -> dict[str, LocalText]:
    """categoryValue id → its text (Polku's `polku:value-<lang>` when present)."""
    titles: dict[str, LocalText] = {}
    for value in parsed.root.iter(q(MODEL, "categoryValue")):
        own = {code: value.get(q(POLKU, f"value-{code}"), "") for code in LANGS}
        text = LocalText(**own) if any(own.values()) else LocalText(**{lang: " ".join(value.get("value", "").split())})
        titles[value.get("id", "")] = text
    return titles


def _from_groups(parsed: Parsed, step_of_node: dict[str, str], lang: str) -> StagePlan | None:
    groups = list(parsed.root.iter(q(MODEL, "group")))
    if not groups:
        return None
    titles = _group_titles(parsed, lang)
    if all(g.get("id") in parsed.bounds for g in groups):
        groups.sort(key=lambda g: parsed.bounds[g.get("id")][0])
    plan = StagePlan(source="groups")
    by_own_id: dict[str, str] = {}
    for number, group in enumerate(groups, start=1):
        title = titles.get(group.get("categoryValueRef", "")) or LocalText(
            **{lang: group.get("name") or t("formats.bpmn.stage_n", lang, n=number)})
        wanted = group.get(q(POLKU, "stage"), "")
        taken = {s.id for s in plan.stages}
        stage_id = wanted if is_item_id(wanted) and wanted not in taken else unique_id(title.get(lang), taken, "stage")
        plan.stages.append(Stage(id=stage_id, title=title))
        by_own_id[wanted] = stage_id
    for node_id in _flow_order(parsed, step_of_node):
        stage_id = by_own_id.get(parsed.nodes[node_id].element.get(q(POLKU, "stage"), "") or "\0")
        if stage_id is None:
            stage_id = _containing_group(parsed, node_id, groups, plan)
        if stage_id is None:
            return None
        plan.stage_of[step_of_node[node_id]] = stage_id
    return plan


def _containing_group(parsed: Parsed, node_id: str, groups: list, plan: StagePlan) -> str | None:
    """The stage of the smallest group whose box holds the node's centre, else the nearest by x."""
    if node_id not in parsed.bounds or not all(g.get("id") in parsed.bounds for g in groups):
        return None
    cx, cy = _centre(parsed.bounds[node_id])
    best: tuple[float, int] | None = None
    for index, group in enumerate(groups):
        x, y, w, h = parsed.bounds[group.get("id")]
        inside = x <= cx <= x + w and y <= cy <= y + h
        distance = 0.0 if x <= cx <= x + w else min(abs(cx - x), abs(cx - x - w))
        score = (w * h if inside else math.inf, distance)
        if best is None or score < best[0]:
            best = (score, index)
    return plan.stages[best[1]].id if best else None


def _guessed(source: str, ordered: list[str], positions: list[float] | None, lang: str) -> StagePlan:
    """Stages cut where the steps are furthest apart (by x), or in even runs of the flow's order."""
    count = min(MAX_GUESSED_STAGES, max(1, math.ceil(len(ordered) / STEPS_PER_STAGE)))
    if positions is not None and count > 1:
        gaps = sorted(range(1, len(ordered)), key=lambda i: positions[i] - positions[i - 1], reverse=True)
        cuts = sorted(gaps[: count - 1])
    else:
        cuts = [round(i * len(ordered) / count) for i in range(1, count)]
    plan = StagePlan(source=source)
    bounds = [0, *cuts, len(ordered)]
    for number in range(1, len(bounds)):
        stage = Stage(id=f"stage-{number}", title={lang: t("formats.bpmn.stage_n", lang, n=number)})
        plan.stages.append(stage)
        for step_id in ordered[bounds[number - 1]: bounds[number]]:
            plan.stage_of[step_id] = stage.id
    return plan


def plan_stages(parsed: Parsed, step_of_node: dict[str, str], steps: dict[str, Step], lang: str) -> StagePlan:
    plan = _from_groups(parsed, step_of_node, lang)
    if plan is None:
        nodes = _flow_order(parsed, step_of_node)
        if all(node in parsed.bounds for node in nodes):
            nodes.sort(key=lambda node: _centre(parsed.bounds[node])[0])
            positions = [_centre(parsed.bounds[node])[0] for node in nodes]
            plan = _guessed("position", [step_of_node[n] for n in nodes], positions, lang)
        else:
            plan = _guessed("order", [step_of_node[n] for n in nodes], None, lang)
    index = {stage.id: i for i, stage in enumerate(plan.stages)}
    file_order = list(step_of_node.values())
    plan.order = sorted(steps, key=lambda s: (index[plan.stage_of[s]], file_order.index(s)))
    return plan
