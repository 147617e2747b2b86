"""What a BPMN flow node becomes in a path: its role (a step, folded away, or an event that means
nothing to a client) and, for a step, its kind from the BPMN type and the words of its name."""

from __future__ import annotations

from paths.formats.bpmn.common import MODEL, POLKU, q
from paths.formats.bpmn.parse import Node
from paths.model.schema import StepKind

TASKS = frozenset({
    "task", "userTask", "manualTask", "serviceTask", "scriptTask", "businessRuleTask", "sendTask", "receiveTask",
    "subProcess", "callActivity", "transaction", "adHocSubProcess",
})
DECISIONS = frozenset({"exclusiveGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"})
INTERMEDIATE = frozenset({"intermediateCatchEvent", "intermediateThrowEvent"})
# Words in a name, any of fi/sv/en, lower case; the first list that matches wins.
NAME_KINDS: tuple[tuple[StepKind, tuple[str, ...]], ...] = (
    (StepKind.network_meeting, ("verkostokokous", "verkostopalaveri", "verkostotapaaminen", "nätverksmöte",
                                "network meeting", "moniammatillinen", "multiprofessional", "multi-professional")),
    (StepKind.meeting, ("tapaaminen", "palaveri", "kokous", "neuvottelu", "vastaanotto", "möte", "träff",
                        "meeting", "appointment")),
    (StepKind.self_assessment, ("itsearvio", "självskattning", "självbedömning", "self-assessment",
                                "self assessment")),
    (StepKind.document, ("lomake", "hakemus", "lausunto", "blankett", "ansökan", "utlåtande", "form",
                         "application", "statement")),
    (StepKind.decision, ("päätös", "päättää", "beslut", "decision", "decide")),
    (StepKind.contact, ("yhteydenotto", "soitto", "soittaa", "kontakt", "ringer", "contact", "call")),
)


def role_of(node: Node) -> str:
    """`step`, `pass` (folded: its flows join its neighbours) or `event` (folded and reported)."""
    element, tag = node.element, node.tag
    if tag in TASKS:
        return "step"
    if tag in DECISIONS:
        return "step" if node.name else "pass"
    if tag == "startEvent":
        return "step" if node.name else "pass"
    if tag == "endEvent":
        return "pass" if element.get(q(POLKU, "generated")) == "true" else "step"
    if tag in INTERMEDIATE:
        if element.find(q(MODEL, "timerEventDefinition")) is not None:
            return "step"
        if node.name and element.find(q(MODEL, "messageEventDefinition")) is not None:
            return "step"
        return "event"
    return "pass"


def guess_kind(node: Node) -> StepKind:
    """Polku's own `polku:kind`; else an end or decision by type; else the name's words; else the type."""
    own = node.element.get(q(POLKU, "kind"), "")
    if own in StepKind.__members__:
        return StepKind(own)
    if node.tag == "endEvent":
        return StepKind.end
    if node.tag in DECISIONS:
        return StepKind.decision
    if node.element.find(q(MODEL, "timerEventDefinition")) is not None:
        return StepKind.action  # a wait
    name = node.name.casefold()
    for kind, words in NAME_KINDS:
        if any(word in name for word in words):
            return kind
    if node.tag in ("sendTask", "receiveTask") or node.element.find(q(MODEL, "messageEventDefinition")) is not None:
        return StepKind.contact
    if node.tag == "businessRuleTask":
        return StepKind.decision
    return StepKind.action
