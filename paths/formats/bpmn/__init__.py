"""BPMN 2.0 XML in and out: `read_bpmn` (as the common modelers save it) and `to_bpmn` (one pool,
a lane per actor, laid out by stage, valid against the OMG schema). See docs/file-formats.md."""

from paths.formats.bpmn.common import BpmnError
from paths.formats.bpmn.reader import BpmnImport, read_bpmn
from paths.formats.bpmn.writer import to_bpmn

__all__ = ["BpmnError", "BpmnImport", "read_bpmn", "to_bpmn"]
