"""BPMN XML bytes → the elements the reader needs, or one `BpmnError` sentence.

Parsed with defusedxml: a DTD, an entity declaration (the XML bomb and the external-entity
attack both need one) or an external reference is refused with its own sentence, before any of
it is expanded. The size is checked before parsing, the number of BPMN elements right after,
and every reference between flows, lanes, associations and nodes is checked before mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree import ElementTree as ET  # noqa: S405 - types and ParseError only; parsing is defusedxml's

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from paths.formats.bpmn.common import DC, MAX_ELEMENTS, MODEL, BpmnError, local_name, namespace_of, q
from paths.formats.files import MAX_FILE_BYTES

MAX_XML_ELEMENTS = 40 * MAX_ELEMENTS  # diagram interchange included: shapes, bounds, waypoints
NODE_TAGS = frozenset({
    "task", "userTask", "manualTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask",
    "subProcess", "callActivity", "transaction", "adHocSubProcess",
    "exclusiveGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway", "parallelGateway",
    "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
})


@dataclass
class Node:
    id: str
    tag: str
    name: str
    element: ET.Element
    process: str


@dataclass
class Flow:
    id: str
    source: str
    target: str
    name: str
    element: ET.Element | None = None


@dataclass
class Parsed:
    """The semantic part of a BPMN file, with diagram bounds where the file has them."""

    root: ET.Element
    nodes: dict[str, Node] = field(default_factory=dict)
    flows: list[Flow] = field(default_factory=list)
    message_flows: list[Flow] = field(default_factory=list)
    participants: dict[str, ET.Element] = field(default_factory=dict)
    processes: list[ET.Element] = field(default_factory=list)
    bounds: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)
    other: list[ET.Element] = field(default_factory=list)


def parse_xml(data: bytes, name: str) -> ET.Element:
    """The root element, or the sentence that says which kind of unsafe or broken XML it is."""
    if len(data) > MAX_FILE_BYTES:
        raise BpmnError("too_large", name=name, limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    if not data.strip():
        raise BpmnError("empty", name=name)
    try:
        return fromstring(data, forbid_dtd=True)
    except DTDForbidden:
        pass
    except (EntitiesForbidden, ExternalReferenceForbidden):
        raise BpmnError("entities", name=name) from None
    except (ET.ParseError, ValueError, LookupError):  # LookupError: an encoding Python does not know
        raise BpmnError("not_xml", name=name) from None
    # A DTD: say whether it declares entities (a bomb or an external entity) or is only a DTD.
    try:
        fromstring(data, forbid_dtd=False)
    except (EntitiesForbidden, ExternalReferenceForbidden):
        raise BpmnError("entities", name=name) from None
    except (ET.ParseError, ValueError, LookupError):  # LookupError: an encoding Python does not know
        raise BpmnError("not_xml", name=name) from None
    raise BpmnError("dtd", name=name)


def _bounds(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    found: dict[str, tuple[float, float, float, float]] = {}
    for shape in root.iter():
        if local_name(shape.tag) != "BPMNShape":
            continue
        box = shape.find(q(DC, "Bounds"))
        element = shape.get("bpmnElement", "")
        if box is None or not element:
            continue
        try:
            found[element] = tuple(float(box.get(key, "0")) for key in ("x", "y", "width", "height"))
        except ValueError:
            continue
    return found


def _flow(element: ET.Element) -> Flow:
    return Flow(element.get("id", ""), element.get("sourceRef", ""), element.get("targetRef", ""),
                " ".join(element.get("name", "").split()), element)


def shown_ref(value: str) -> str:
    """An id from the file as a sentence may show it: id characters only, and short."""
    kept = "".join(char for char in value if char.isalnum() or char in "_.:-")[:60]
    return kept or "?"


def _collect(parsed: Parsed, container: ET.Element, process_id: str) -> None:
    """Flow nodes and sequence flows of a process (a sub-process's own inside is not walked: it
    becomes one step, and its content is listed in the report)."""
    for element in container:
        if namespace_of(element.tag) != MODEL:
            continue
        tag = local_name(element.tag)
        element_id = element.get("id", "")
        if tag in NODE_TAGS:
            parsed.nodes[element_id] = Node(element_id, tag, " ".join(element.get("name", "").split()), element,
                                            process_id)
        elif tag == "sequenceFlow":
            parsed.flows.append(_flow(element))
        elif tag not in ("laneSet", "documentation", "extensionElements", "textAnnotation", "association",
                         "group", "ioSpecification", "property"):
            parsed.other.append(element)


def parse_bpmn(data: bytes, name: str) -> Parsed:
    root = parse_xml(data, name)
    if namespace_of(root.tag) != MODEL or local_name(root.tag) != "definitions":
        raise BpmnError("not_bpmn", name=name)
    count = 0
    semantic = 0
    for element in root.iter():
        count += 1
        semantic += namespace_of(element.tag) == MODEL
        if count > MAX_XML_ELEMENTS or semantic > MAX_ELEMENTS:
            raise BpmnError("too_many_elements", name=name, limit=MAX_ELEMENTS)
    parsed = Parsed(root=root, bounds=_bounds(root))
    for element in root:
        tag = local_name(element.tag)
        if tag == "process":
            parsed.processes.append(element)
            _collect(parsed, element, element.get("id", ""))
        elif tag == "collaboration":
            for child in element:
                if local_name(child.tag) == "participant":
                    parsed.participants[child.get("id", "")] = child
                elif local_name(child.tag) == "messageFlow":
                    parsed.message_flows.append(_flow(child))
    if not parsed.processes:
        raise BpmnError("no_process", name=name)
    _check_references(parsed, name)
    return parsed


def _check_references(parsed: Parsed, name: str) -> None:
    """Every flow, lane and association points at something that exists."""
    for flow in parsed.flows:
        for ref in (flow.source, flow.target):
            if ref not in parsed.nodes:
                raise BpmnError("broken_reference", name=name, element=shown_ref(flow.id), ref=shown_ref(ref))
    targets = set(parsed.nodes) | set(parsed.participants)
    for flow in parsed.message_flows:
        for ref in (flow.source, flow.target):
            if ref not in targets:
                raise BpmnError("broken_reference", name=name, element=shown_ref(flow.id), ref=shown_ref(ref))
    ids = {element.get("id") for element in parsed.root.iter() if element.get("id")}
    for element in parsed.root.iter():
        tag = local_name(element.tag)
        if tag == "flowNodeRef" and (element.text or "").strip() not in parsed.nodes:
            raise BpmnError("broken_reference", name=name, element="lane", ref=shown_ref(element.text or ""))
        if tag == "association":
            for ref in (element.get("sourceRef", ""), element.get("targetRef", "")):
                if ref not in ids:
                    raise BpmnError("broken_reference", name=name, element=shown_ref(element.get("id", "")),
                                    ref=shown_ref(ref))
        if tag == "boundaryEvent" and element.get("attachedToRef", "") not in parsed.nodes:
            raise BpmnError("broken_reference", name=name, element=shown_ref(element.get("id", "")),
                            ref=shown_ref(element.get("attachedToRef", "")))
