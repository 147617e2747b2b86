"""A path as BPMN 2.0 XML with diagram interchange, so that bpmn.io and the other modelers open it
laid out: one pool, one lane per actor (a step sits in its responsible actor's lane), stages as
BPMN groups side by side from left to right, a step as a task, its branches through an exclusive
gateway whose flows are named with the conditions, and the light bulb as a `polku:coordinator`
attribute plus a visible text annotation. Texts in other languages, kinds, ids and secondary
actors go in `polku:` attributes so the import restores them. Valid against the OMG schema
(tests/formats/test_bpmn.py validates it with the XSDs SpiffWorkflow ships).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET  # noqa: S405 - writing only

from paths.formats.bpmn.common import BPMNDI, DC, DI, MODEL, POLKU, q
from paths.formats.cells import cell_text
from paths.i18n.catalog import normalise_lang
from paths.model.graph import walk_order
from paths.model.schema import LANGS, LocalText, ServicePath, Step, StepKind
from paths.render.text_words import lightbulb_words

TASK_W, TASK_H = 100, 80
GATEWAY = 50
SLOT_W = 200
LANE_H = 170
LABEL_W = 30
ORIGIN_X, ORIGIN_Y = 100, 80
UNASSIGNED = "_unassigned"
TASK_TYPES = {StepKind.contact: "sendTask", StepKind.end: "task"}


def _xml_id(prefix: str, item_id: str) -> str:
    """BPMN ids are XML NCNames; Polku ids may start with a digit, so every id gets a prefix."""
    return f"{prefix}_{item_id}"


def _text(value: str) -> str:
    return cell_text(value)


def _set_texts(element: ET.Element, attribute: str, text: LocalText, lang: str) -> None:
    """`attribute` (e.g. `name`) in `lang`, the other languages as `polku:<attribute>-<lang>`."""
    if text.get(lang):
        element.set(attribute, _text(text.get(lang)))
    for code in LANGS:
        if getattr(text, code):
            element.set(q(POLKU, f"{attribute}-{code}"), _text(getattr(text, code)))


@dataclass
class _Layout:
    """Where each step and lane goes: stage columns left to right, lanes top to bottom."""

    lanes: list[str]
    stage_x: dict[str, int] = field(default_factory=dict)
    stage_w: dict[str, int] = field(default_factory=dict)
    step_xy: dict[str, tuple[int, int]] = field(default_factory=dict)
    width: int = 0

    @property
    def height(self) -> int:
        return LANE_H * len(self.lanes)


def _lane_of(path: ServicePath, step: Step) -> str:
    return step.actors[0] if step.actors and path.actor(step.actors[0]) else UNASSIGNED


def _layout(path: ServicePath) -> _Layout:
    """Steps of one stage and one lane side by side in the stage's column, in reading order."""
    order = {step_id: index for index, step_id in enumerate(walk_order(path))}
    used = {_lane_of(path, step) for step in path.steps}
    lanes = [actor.id for actor in path.actors] + ([UNASSIGNED] if UNASSIGNED in used else [])
    layout = _Layout(lanes=lanes)
    x = ORIGIN_X + LABEL_W * 2
    for stage in path.stages:
        steps = sorted(path.steps_in_stage(stage.id), key=lambda s: order.get(s.id, len(order)))
        slots: dict[str, int] = {}
        for step in steps:
            lane = _lane_of(path, step)
            slot = slots.get(lane, 0)
            slots[lane] = slot + 1
            lane_y = ORIGIN_Y + LANE_H * lanes.index(lane)
            layout.step_xy[step.id] = (x + 20 + SLOT_W * slot, lane_y + 55)
        layout.stage_x[stage.id] = x
        layout.stage_w[stage.id] = SLOT_W * max(slots.values(), default=1)
        x += layout.stage_w[stage.id]
    layout.width = max(x - ORIGIN_X, SLOT_W)
    return layout


def _shape(plane: ET.Element, element_id: str, x: float, y: float, w: float, h: float, **attrs: str) -> None:
    shape = ET.SubElement(plane, q(BPMNDI, "BPMNShape"), {"id": f"{element_id}_di", "bpmnElement": element_id, **attrs})
    ET.SubElement(shape, q(DC, "Bounds"), {"x": str(x), "y": str(y), "width": str(w), "height": str(h)})


def _edge(plane: ET.Element, element_id: str, points: list[tuple[float, float]]) -> None:
    edge = ET.SubElement(plane, q(BPMNDI, "BPMNEdge"), {"id": f"{element_id}_di", "bpmnElement": element_id})
    for x, y in points:
        ET.SubElement(edge, q(DI, "waypoint"), {"x": str(x), "y": str(y)})


def _route(start: tuple[float, float], end: tuple[float, float]) -> list[tuple[float, float]]:
    """Right side of the source to the left side of the target, with an elbow when they differ in height."""
    (sx, sy), (ex, ey) = start, end
    if sy == ey:
        return [start, end]
    middle = sx + 20 if ex <= sx else (sx + ex) / 2
    return [start, (middle, sy), (middle, ey), end]


class _Writer:
    """Builds the XML for one path: the semantic part and its diagram interchange side by side."""

    def __init__(self, path: ServicePath, lang: str) -> None:
        self.path, self.lang = path, lang
        self.layout = _layout(path)
        for prefix, namespace in (("bpmn", MODEL), ("bpmndi", BPMNDI), ("dc", DC), ("di", DI), ("polku", POLKU)):
            ET.register_namespace(prefix, namespace)
        self.root = ET.Element(q(MODEL, "definitions"), {
            "id": "Definitions_polku", "targetNamespace": f"urn:polku:path:{path.id}",
            "exporter": "Polku", "exporterVersion": "1", q(POLKU, "path-id"): path.id,
        })
        self.category = ET.SubElement(self.root, q(MODEL, "category"), {"id": "Category_stages"})
        self.collaboration = ET.SubElement(self.root, q(MODEL, "collaboration"), {"id": "Collaboration_polku"})
        self.process = ET.SubElement(self.root, q(MODEL, "process"), {"id": "Process_polku", "isExecutable": "false"})
        diagram = ET.SubElement(self.root, q(BPMNDI, "BPMNDiagram"), {"id": "Diagram_polku"})
        self.plane = ET.SubElement(diagram, q(BPMNDI, "BPMNPlane"),
                                   {"id": "Plane_polku", "bpmnElement": "Collaboration_polku"})
        self.artifacts: list[ET.Element] = []

    def _documentation(self, element: ET.Element, text: LocalText) -> None:
        if text.get(self.lang):
            ET.SubElement(element, q(MODEL, "documentation")).text = _text(text.get(self.lang))

    def pool(self) -> None:
        participant = ET.SubElement(self.collaboration, q(MODEL, "participant"),
                                    {"id": "Participant_polku", "processRef": "Process_polku"})
        _set_texts(participant, "name", self.path.title, self.lang)
        _set_texts(self.process, "name", self.path.title, self.lang)
        self._documentation(self.process, self.path.summary)
        width = self.layout.width + LABEL_W * 2
        _shape(self.plane, "Participant_polku", ORIGIN_X, ORIGIN_Y, width, max(self.layout.height, LANE_H),
               isHorizontal="true")
        lane_set = ET.SubElement(self.process, q(MODEL, "laneSet"), {"id": "LaneSet_polku"})
        for index, lane_id in enumerate(self.layout.lanes):
            lane = ET.SubElement(lane_set, q(MODEL, "lane"), {"id": _xml_id("Lane", lane_id)})
            actor = self.path.actor(lane_id)
            if actor is None:
                lane.set(q(POLKU, "unassigned"), "true")
            else:
                _set_texts(lane, "name", actor.name, self.lang)
                lane.set(q(POLKU, "actor-id"), actor.id)
                lane.set(q(POLKU, "group"), actor.group.value)
            for step in self.path.steps:
                if _lane_of(self.path, step) == lane_id:
                    ET.SubElement(lane, q(MODEL, "flowNodeRef")).text = _xml_id("Step", step.id)
            _shape(self.plane, lane.get("id"), ORIGIN_X + LABEL_W, ORIGIN_Y + LANE_H * index, width - LABEL_W, LANE_H,
                   isHorizontal="true")

    def stages(self) -> None:
        """A BPMN group per stage, spanning the pool's height over the stage's column."""
        for stage in self.path.stages:
            value = ET.SubElement(self.category, q(MODEL, "categoryValue"), {"id": _xml_id("Stage", stage.id)})
            _set_texts(value, "value", stage.title, self.lang)
            group = ET.Element(q(MODEL, "group"), {"id": _xml_id("Group", stage.id),
                                                   "categoryValueRef": value.get("id"), q(POLKU, "stage"): stage.id})
            self.artifacts.append(group)
            _shape(self.plane, group.get("id"), self.layout.stage_x[stage.id], ORIGIN_Y - 10,
                   self.layout.stage_w[stage.id], max(self.layout.height, LANE_H) + 20)

    def steps(self) -> None:
        outgoing: dict[str, list] = {}
        for transition in self.path.transitions:
            outgoing.setdefault(transition.source, []).append(transition)
        for step in self.path.steps:
            ends = step.kind == StepKind.end and not outgoing.get(step.id)
            tag = "endEvent" if ends else TASK_TYPES.get(step.kind, "userTask")
            element = ET.SubElement(self.process, q(MODEL, tag), {"id": _xml_id("Step", step.id)})
            _set_texts(element, "name", step.title, self.lang)
            self._documentation(element, step.description)
            self._step_attributes(element, step)
            x, y = self.layout.step_xy.get(step.id, (ORIGIN_X, ORIGIN_Y))
            if ends:
                _shape(self.plane, element.get("id"), x + 32, y + 22, 36, 36)
            else:
                _shape(self.plane, element.get("id"), x, y, TASK_W, TASK_H)
            if step.coordinator:
                self._light_bulb(step, x, y)

    def _step_attributes(self, element: ET.Element, step: Step) -> None:
        element.set(q(POLKU, "id"), step.id)
        element.set(q(POLKU, "kind"), step.kind.value)
        element.set(q(POLKU, "stage"), step.stage)
        if step.coordinator:
            element.set(q(POLKU, "coordinator"), "true")
        if step.actors:
            element.set(q(POLKU, "actors"), " ".join(step.actors))
        for code in LANGS:
            if getattr(step.client_text, code):
                element.set(q(POLKU, f"client-text-{code}"), _text(getattr(step.client_text, code)))
            if getattr(step.description, code):
                element.set(q(POLKU, f"description-{code}"), _text(getattr(step.description, code)))

    def _light_bulb(self, step: Step, x: int, y: int) -> None:
        note_id = _xml_id("Bulb", step.id)
        note = ET.Element(q(MODEL, "textAnnotation"), {"id": note_id, q(POLKU, "light-bulb"): "true"})
        ET.SubElement(note, q(MODEL, "text")).text = "💡 " + lightbulb_words(self.lang, "professional")
        link = ET.Element(q(MODEL, "association"), {"id": _xml_id("BulbLink", step.id),
                                                    "sourceRef": _xml_id("Step", step.id), "targetRef": note_id})
        self.artifacts += [note, link]
        _shape(self.plane, note_id, x, y - 45, TASK_W + 40, 30)
        _edge(self.plane, link.get("id"), [(x + TASK_W / 2, y), (x + TASK_W / 2, y - 15)])

    def flows(self) -> None:
        """Sequence flows; a step with several next steps, or a conditional one, goes through a gateway."""
        by_source: dict[str, list] = {}
        for transition in self.path.transitions:
            by_source.setdefault(transition.source, []).append(transition)
        for source, transitions in by_source.items():
            if self.path.step(source) is None:
                continue
            start_id, start_xy = _xml_id("Step", source), self._right(source)
            if len(transitions) > 1 or any(t.condition for t in transitions):
                start_id, start_xy = self._gateway(source)
            for transition in transitions:
                if self.path.step(transition.target) is None:
                    continue
                self._flow(start_id, start_xy, transition)

    def _gateway(self, source: str) -> tuple[str, tuple[float, float]]:
        gateway_id = _xml_id("Branch", source)
        ET.SubElement(self.process, q(MODEL, "exclusiveGateway"), {"id": gateway_id, q(POLKU, "generated"): "true"})
        x, y = self.layout.step_xy.get(source, (ORIGIN_X, ORIGIN_Y))
        gx, gy = x + TASK_W + 25, y + TASK_H / 2 - GATEWAY / 2
        _shape(self.plane, gateway_id, gx, gy, GATEWAY, GATEWAY, isMarkerVisible="true")
        self._sequence(f"Flow_{source}_branch", _xml_id("Step", source), gateway_id,
                       [self._right(source), (gx, gy + GATEWAY / 2)])
        return gateway_id, (gx + GATEWAY, gy + GATEWAY / 2)

    def _flow(self, start_id: str, start_xy: tuple[float, float], transition) -> None:  # noqa: ANN001 - Transition
        flow = self._sequence(f"Flow_{transition.source}_to_{transition.target}", start_id,
                              _xml_id("Step", transition.target), _route(start_xy, self._left(transition.target)))
        _set_texts(flow, "name", transition.condition, self.lang)

    def _sequence(self, flow_id: str, source: str, target: str, points: list[tuple[float, float]]) -> ET.Element:
        flow = ET.SubElement(self.process, q(MODEL, "sequenceFlow"),
                             {"id": flow_id, "sourceRef": source, "targetRef": target})
        _edge(self.plane, flow_id, points)
        return flow

    def _right(self, step_id: str) -> tuple[float, float]:
        x, y = self.layout.step_xy.get(step_id, (ORIGIN_X, ORIGIN_Y))
        step = self.path.step(step_id)
        width = 68 if step and step.kind == StepKind.end else TASK_W
        return (x + width, y + TASK_H / 2)

    def _left(self, step_id: str) -> tuple[float, float]:
        x, y = self.layout.step_xy.get(step_id, (ORIGIN_X, ORIGIN_Y))
        return (x, y + TASK_H / 2)

    def finish(self) -> bytes:
        self.process.extend(self.artifacts)
        # The diagram comes after every root element (the schema's order).
        diagram = self.root.find(q(BPMNDI, "BPMNDiagram"))
        self.root.remove(diagram)
        self.root.append(diagram)
        ET.indent(self.root)
        return ET.tostring(self.root, encoding="utf-8", xml_declaration=True)


def to_bpmn(path: ServicePath, lang: str = "fi") -> bytes:
    """The path as BPMN 2.0 XML (UTF-8), texts in `lang` (the others kept in `polku:` attributes)."""
    writer = _Writer(path, normalise_lang(lang))
    writer.pool()
    writer.stages()
    writer.steps()
    writer.flows()
    return writer.finish()
