"""What the BPMN reader and writer share: namespaces, the Polku extension attributes, the error."""

from __future__ import annotations

from paths.formats.cells import one_line
from paths.formats.files import PathFileError

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Polku's own attributes on BPMN elements (BPMN allows attributes of other namespaces on every
# element): what a BPMN element cannot say, kept so that Polku → BPMN → Polku loses nothing.
POLKU = "urn:polku:bpmn:1"
MAX_ELEMENTS = 2000


class BpmnError(PathFileError):
    """A BPMN file that cannot become a path: one sentence, and nothing is stored (a kind of
    `PathFileError`, so every place that reports an unreadable path file reports this one too)."""

    key_prefix = "bpmn_error."

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, **{k: one_line(v) if isinstance(v, str) else v for k, v in params.items()})


def q(namespace: str, name: str) -> str:
    """ElementTree's `{namespace}name`."""
    return f"{{{namespace}}}{name}"


def local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace_of(tag: object) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""
