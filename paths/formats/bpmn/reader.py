"""BPMN 2.0 XML → a draft path, with one report of everything that was not mapped.

The mapping (docs/file-formats.md has the table):
- pools and lanes → actors (the innermost lane of a node is its responsible actor; a pool without
  lanes is one actor); groups guessed from the names as for spreadsheets;
- tasks of every type, sub-processes and call activities → steps; the kind from the BPMN type and
  the name (`kinds.guess_kind`);
- named exclusive, inclusive, event-based and complex gateways → decision steps; an unnamed one is
  folded into the step before it; either way its outgoing flows' names become condition labels;
- parallel gateways are folded away (each branch becomes a next step) and the notes say so;
- named start events and all end events → steps (the end as an `end` step); a timer → a wait
  step; a named message event → a contact step; other intermediate events are folded away;
- boundary events → a branch from the step they sit on, labelled with the event's name;
- message flows between nodes of different pools → transitions (hand-offs between actors);
- documentation → description; text annotations → the path's notes (💡 in one marks the light bulb);
- stages from BPMN groups when there are any, else from the diagram's left-to-right position, else
  from the order of the flow; the path's notes say which.
Polku's own `polku:` attributes (written by `to_bpmn`) restore what BPMN cannot say.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET  # noqa: S405 - types only

from pydantic import ValidationError

from paths.formats.bpmn.common import MODEL, POLKU, BpmnError, local_name, namespace_of, q
from paths.formats.bpmn.kinds import guess_kind, role_of
from paths.formats.bpmn.parse import Flow, Node, Parsed, parse_bpmn
from paths.formats.bpmn.stages import StagePlan, plan_stages
from paths.formats.sheet_words import guess_group
from paths.i18n.catalog import normalise_lang, t
from paths.model.ids import is_item_id, is_path_id, slugify, unique_id
from paths.model.schema import LANGS, Actor, ActorGroup, LocalText, ServicePath, Status, Step, Transition

BULB = "💡"
SUPPORT_DEFINITIONS = frozenset({
    "message", "signal", "error", "escalation", "itemDefinition", "interface", "resource", "dataStore",
    "category", "extension", "import", "process", "collaboration", "BPMNDiagram", "documentation",
    "extensionElements", "relationship",
})


@dataclass
class Unmapped:
    """An element the path does not hold: its BPMN type, its name or id, and why (a catalog key)."""

    element: str
    label: str
    reason: str


@dataclass
class BpmnImport:
    """The draft path and the report of what was not mapped (shown with the result)."""

    path: ServicePath
    unmapped: list[Unmapped] = field(default_factory=list)
    stage_source: str = "groups"

    def report(self, lang: str) -> list[str]:
        """One line per element not mapped, in the file's order."""
        return [t(f"formats.bpmn.unmapped.{item.reason}", lang, element=item.element, label=item.label)
                for item in self.unmapped]


def texts(element: ET.Element | None, attribute: str, lang: str) -> LocalText:
    """`attribute` as a LocalText: Polku's `polku:<attribute>-<lang>` when present, else the plain one."""
    if element is None:
        return LocalText()
    own = {code: element.get(q(POLKU, f"{attribute}-{code}"), "") for code in LANGS}
    if any(own.values()):
        return LocalText(**own)
    plain = " ".join(element.get(attribute, "").split()) if attribute == "name" else element.get(attribute, "")
    return LocalText(**{lang: plain.strip()}) if plain.strip() else LocalText()


def documentation(element: ET.Element) -> str:
    return "\n\n".join((doc.text or "").strip() for doc in element.findall(q(MODEL, "documentation"))
                       if (doc.text or "").strip())


class _Reader:
    """Turns a parsed file into actors, steps, transitions and stages; collects the report and notes."""

    def __init__(self, parsed: Parsed, lang: str) -> None:
        self.parsed, self.lang = parsed, lang
        self.unmapped: list[Unmapped] = []
        self.notes: list[str] = []
        self.roles = {node_id: role_of(node) for node_id, node in parsed.nodes.items()}
        self.actors: list[Actor] = []
        self.actor_of_node: dict[str, str] = {}
        self.step_of_node: dict[str, str] = {}
        self.steps: dict[str, Step] = {}

    # -- actors --------------------------------------------------------------------------------

    def _actor(self, name: LocalText, element: ET.Element | None) -> str | None:
        if element is not None and element.get(q(POLKU, "unassigned")) == "true":
            return None
        key = " ".join(name.get(self.lang).casefold().split())
        for actor in self.actors:
            if " ".join(actor.name.get(self.lang).casefold().split()) == key:
                return actor.id
        wanted = element.get(q(POLKU, "actor-id"), "") if element is not None else ""
        taken = {actor.id for actor in self.actors}
        if not (is_item_id(wanted) and wanted not in taken):
            wanted = unique_id(name.get(self.lang), taken, "actor")
        actor_id = wanted
        group_value = element.get(q(POLKU, "group"), "") if element is not None else ""
        group = ActorGroup(group_value) if group_value in ActorGroup.__members__ else guess_group(name.get(self.lang))
        self.actors.append(Actor(id=actor_id, name=name, group=group))
        return actor_id

    def lanes(self) -> None:
        """Each node's innermost lane (deeper lanes are met later and win), else its pool."""
        pools = {p.get("processRef", ""): p for p in self.parsed.participants.values()}
        for process in self.parsed.processes:
            pool = pools.get(process.get("id", ""))
            pool_name = texts(pool, "name", self.lang) or texts(process, "name", self.lang)
            lane_number = 0
            for lane in process.iter(q(MODEL, "lane")):
                lane_number += 1
                if lane.find(f"{q(MODEL, 'childLaneSet')}/{q(MODEL, 'lane')}") is not None:
                    continue  # a lane of lanes: its nodes belong to the inner lanes' actors
                name = texts(lane, "name", self.lang)
                if not name:
                    name = LocalText(**{self.lang: t("formats.bpmn.lane_n", self.lang, n=lane_number)})
                actor_id = self._actor(name, lane)
                for ref in lane.findall(q(MODEL, "flowNodeRef")):
                    node_id = (ref.text or "").strip()
                    if actor_id:
                        self.actor_of_node[node_id] = actor_id
                    else:
                        self.actor_of_node.pop(node_id, None)
            if lane_number == 0 and pool_name:
                actor_id = self._actor(pool_name, pool)
                for node in self.parsed.nodes.values():
                    if node.process == process.get("id", "") and actor_id:
                        self.actor_of_node.setdefault(node.id, actor_id)

    # -- steps ---------------------------------------------------------------------------------

    def _title(self, node: Node) -> LocalText:
        title = texts(node.element, "name", self.lang)
        if not title:
            default = {"endEvent": "end_default", "intermediateCatchEvent": "wait_default"}.get(node.tag)
            if node.tag.endswith("Gateway"):
                default = "decision_default"
            words = t(f"formats.bpmn.{default}", self.lang) if default else node.id
            title = LocalText(**{self.lang: words})
        return LocalText(**{code: " ".join(getattr(title, code).replace(BULB, " ").split()) for code in LANGS})

    def _annotated_bulbs(self) -> set[str]:
        """Nodes that a text annotation with 💡 is associated with."""
        bulbs = {a.get("id") for a in self.parsed.root.iter(q(MODEL, "textAnnotation"))
                 if BULB in "".join(a.itertext()) or a.get(q(POLKU, "light-bulb")) == "true"}
        marked: set[str] = set()
        for link in self.parsed.root.iter(q(MODEL, "association")):
            source, target = link.get("sourceRef", ""), link.get("targetRef", "")
            if target in bulbs:
                marked.add(source)
            if source in bulbs:
                marked.add(target)
        return marked

    def steps_from_nodes(self) -> None:
        bulbs = self._annotated_bulbs()
        for node in self.parsed.nodes.values():
            if self.roles[node.id] != "step":
                continue
            element = node.element
            wanted = element.get(q(POLKU, "id"), "")
            taken = set(self.steps)
            title = self._title(node)
            if not (is_item_id(wanted) and wanted not in taken):
                wanted = unique_id(title.get(self.lang), taken, "step")
            step_id = wanted
            actors = [a for a in element.get(q(POLKU, "actors"), "").split() if a in {x.id for x in self.actors}]
            if not actors and node.id in self.actor_of_node:
                actors = [self.actor_of_node[node.id]]
            description = texts(element, "description", self.lang)
            if not description and documentation(element):
                description = LocalText(**{self.lang: documentation(element)})
            self.steps[step_id] = Step(
                id=step_id, stage="pending", title=title, kind=guess_kind(node), actors=actors,
                description=description, client_text=texts(element, "client-text", self.lang),
                coordinator=element.get(q(POLKU, "coordinator")) == "true" or BULB in node.name or node.id in bulbs,
                duration=self._wait(element),
            )
            self.step_of_node[node.id] = step_id

    def _wait(self, element: ET.Element) -> LocalText:
        timer = element.find(q(MODEL, "timerEventDefinition"))
        if timer is None:
            return LocalText()
        spec = " ".join("".join(timer.itertext()).split())
        return LocalText(**{self.lang: spec}) if spec else LocalText()

    # -- transitions ---------------------------------------------------------------------------

    def _outgoing(self) -> dict[str, list[Flow]]:
        outgoing: dict[str, list[Flow]] = {}
        for flow in self.parsed.flows:
            outgoing.setdefault(flow.source, []).append(flow)
        for node in self.parsed.nodes.values():
            if node.tag == "boundaryEvent":
                attached = node.element.get("attachedToRef", "")
                outgoing.setdefault(attached, []).append(Flow(node.id, attached, node.id, node.name, node.element))
        return outgoing

    def _label(self, flow: Flow) -> LocalText:
        return texts(flow.element, "name", self.lang) if flow.element is not None else LocalText()

    def transitions(self) -> list[Transition]:
        """From each step through folded nodes to the next steps; a branch's label is the name
        nearest to the step it leads to. Iterative, so a chain of 2,000 gateways is no recursion."""
        outgoing = self._outgoing()
        found: dict[tuple[str, str], LocalText] = {}
        for node_id, step_id in self.step_of_node.items():
            stack = [(flow.target, self._label(flow)) for flow in reversed(outgoing.get(node_id, []))]
            seen: set[str] = set()
            while stack:
                target, label = stack.pop()
                if target in self.step_of_node:
                    found.setdefault((step_id, self.step_of_node[target]), label)
                    continue
                if target in seen:
                    continue
                seen.add(target)
                for flow in reversed(outgoing.get(target, [])):
                    stack.append((flow.target, self._label(flow) or label))
        for flow in self.parsed.message_flows:
            source, target = self.step_of_node.get(flow.source), self.step_of_node.get(flow.target)
            if source and target:
                found.setdefault((source, target), self._label(flow))
            else:
                self.unmapped.append(Unmapped("messageFlow", flow.name or flow.id, "message_pool"))
        return [Transition(source=s, target=g, condition=label) for (s, g), label in found.items()]

    # -- the report and the notes --------------------------------------------------------------

    def report_unmapped(self) -> None:
        parallel = [node for node in self.parsed.nodes.values() if node.tag == "parallelGateway"]
        if parallel:
            self.notes.append(t("formats.bpmn.note_parallel", self.lang, count=len(parallel)))
        for node in self.parsed.nodes.values():
            role = self.roles[node.id]
            if role == "step":
                inner = [e for e in node.element.iter() if e is not node.element and local_name(e.tag) in
                         {"task", "userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "subProcess",
                          "callActivity", "scriptTask", "businessRuleTask"}]
                self.unmapped += [Unmapped(local_name(e.tag), e.get("name") or e.get("id", ""), "inside_subprocess")
                                  for e in inner]
            elif role == "event":
                self.unmapped.append(Unmapped(node.tag, node.name or node.id, "event"))
            elif node.tag == "boundaryEvent":
                self.unmapped.append(Unmapped(node.tag, node.name or node.id, "boundary"))
            elif node.tag == "parallelGateway":
                self.unmapped.append(Unmapped(node.tag, node.name or node.id, "parallel"))
        for element in self.parsed.other:
            label = element.get("name") or element.get("id", "")
            self.unmapped.append(Unmapped(local_name(element.tag), label, "other"))
        for element in self.parsed.root:
            tag = local_name(element.tag)
            if namespace_of(element.tag) == MODEL and tag not in SUPPORT_DEFINITIONS:
                self.unmapped.append(Unmapped(tag, element.get("name") or element.get("id", ""), "other"))

    def annotation_notes(self) -> None:
        """Text annotations (other than the light bulb's) → the path's notes, naming their step."""
        links: dict[str, str] = {}
        for link in self.parsed.root.iter(q(MODEL, "association")):
            links[link.get("targetRef", "")] = link.get("sourceRef", "")
            links.setdefault(link.get("sourceRef", ""), link.get("targetRef", ""))
        for note in self.parsed.root.iter(q(MODEL, "textAnnotation")):
            text = " ".join("".join(note.itertext()).split())
            if not text or BULB in text or note.get(q(POLKU, "light-bulb")) == "true":
                continue
            step = self.steps.get(self.step_of_node.get(links.get(note.get("id", ""), ""), ""))
            if step is not None:
                self.notes.append(t("formats.bpmn.note_annotation", self.lang, step=step.title.get(self.lang),
                                    text=text))
            else:
                self.notes.append(text)


def _path_title(parsed: Parsed, lang: str, filename: str) -> LocalText:
    for element in [*parsed.participants.values(), *parsed.processes, parsed.root]:
        title = texts(element, "name", lang)
        if title:
            return title
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0] if filename else ""
    return LocalText(**{lang: stem or "BPMN"})


def _assemble(reader: _Reader, plan: StagePlan, path_id: str | None, filename: str) -> ServicePath:
    lang, parsed = reader.lang, reader.parsed
    title = _path_title(parsed, lang, filename)
    wanted = parsed.root.get(q(POLKU, "path-id"), "")
    new_id = path_id or (wanted if is_path_id(wanted) else slugify(title.get(lang), "path"))
    summary = texts(parsed.processes[0], "summary", lang) or LocalText(**{lang: documentation(parsed.processes[0])})
    notes = [t(f"formats.bpmn.note_stages_{plan.source}", lang), *reader.notes]
    steps = [reader.steps[step_id].model_copy(update={"stage": plan.stage_of[step_id]}) for step_id in plan.order]
    return ServicePath(
        id=new_id, title=title, summary=summary, source_language=lang, status=Status.draft,
        notes=LocalText(**{lang: "\n\n".join(notes)}), stages=plan.stages, actors=reader.actors, steps=steps,
        transitions=reader.transitions(),
    )


def read_bpmn(data: bytes, filename: str = "", *, path_id: str | None = None, lang: str | None = None) -> BpmnImport:
    """A draft path from BPMN 2.0 XML bytes and the report of what was not mapped; `BpmnError`
    (one sentence) when the file is unsafe, not BPMN, too big or broken."""
    name = filename or "-"
    if path_id is not None and not is_path_id(path_id):
        raise BpmnError("bad_path_id", name=name, id=path_id)
    lang = normalise_lang(lang)
    parsed = parse_bpmn(data, name)
    reader = _Reader(parsed, lang)
    try:
        reader.lanes()
        reader.steps_from_nodes()
        if not reader.steps:
            raise BpmnError("no_steps", name=name)
        reader.report_unmapped()
        reader.annotation_notes()
        plan = plan_stages(parsed, reader.step_of_node, reader.steps, lang)
        path = _assemble(reader, plan, path_id, filename)
    except ValidationError as exc:
        raise BpmnError("invalid", name=name, detail=exc.errors()[0]["msg"]) from None
    return BpmnImport(path=path, unmapped=reader.unmapped, stage_source=plan.source)
