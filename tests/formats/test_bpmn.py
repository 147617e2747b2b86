"""BPMN 2.0 in and out: the export is valid against the OMG schema, a round trip keeps the path,
files from several modelers map as the table in docs/file-formats.md says, and every kind of
unsafe or broken file is one sentence."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml import etree

from paths.formats.bpmn import BpmnError, read_bpmn, to_bpmn
from paths.formats.bpmn.common import MAX_ELEMENTS
from paths.formats.files import MAX_FILE_BYTES, PathFileError, builtin_paths
from paths.model.schema import ActorGroup, LocalText, StepKind
from tests.support.factories import branching_path

FIXTURES = Path(__file__).with_name("fixtures") / "bpmn"
HANG_BOUND_S = 20


def _schema() -> etree.XMLSchema:
    """The OMG BPMN 2.0 XSDs (BPMN20.xsd importing Semantic, BPMNDI, DC, DI) as SpiffWorkflow ships them."""
    import SpiffWorkflow

    folder = Path(SpiffWorkflow.__file__).parent / "bpmn" / "parser" / "schema"
    return etree.XMLSchema(etree.parse(str(folder / "BPMN20.xsd")))


SCHEMA = _schema()


def assert_valid(data: bytes) -> None:
    document = etree.fromstring(data)
    assert SCHEMA.validate(document), [str(e) for e in SCHEMA.error_log][:5]


def hostile_path():  # noqa: ANN201 - test helper
    """Texts that must stay text in XML: markup, quotes, control characters, an RTL override."""
    path = branching_path()
    nasty = LocalText(fi='<script>alert("x")</script> & ]]> \x0b\x01 \u202e käänteinen', sv="'; DROP", en="💡 ok")
    steps = [s.model_copy(update={"title": nasty, "description": nasty}) if s.id == "tarve" else s for s in path.steps]
    return path.model_copy(update={"steps": steps, "title": nasty})


@pytest.mark.parametrize("path", [*builtin_paths(), branching_path(), hostile_path()], ids=lambda p: p.id)
def test_export_is_valid_bpmn_with_diagram_interchange(path) -> None:  # noqa: ANN001
    data = to_bpmn(path, "fi")
    assert_valid(data)
    document = etree.fromstring(data)
    ns = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL", "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI"}
    assert len(document.findall(".//bpmn:participant", ns)) == 1
    lanes = document.findall(".//bpmn:lane", ns)
    assert {lane.get("{urn:polku:bpmn:1}actor-id") for lane in lanes} >= {a.id for a in path.actors}
    shapes = {s.get("bpmnElement") for s in document.findall(".//bpmndi:BPMNShape", ns)}
    for step in path.steps:
        assert f"Step_{step.id}" in shapes


def test_light_bulb_is_an_attribute_and_a_visible_annotation() -> None:
    path = branching_path()
    document = etree.fromstring(to_bpmn(path, "fi"))
    bulbs = [s for s in path.steps if s.coordinator]
    assert bulbs
    for step in bulbs:
        element = document.find(f".//*[@id='Step_{step.id}']")
        assert element.get("{urn:polku:bpmn:1}coordinator") == "true"
        note = document.find(f".//*[@id='Bulb_{step.id}']")
        assert note is not None and "💡" in "".join(note.itertext())
        assert document.find(f".//*[@bpmnElement='Bulb_{step.id}']") is not None


def test_stages_are_laid_out_left_to_right() -> None:
    path = builtin_paths()[2]
    document = etree.fromstring(to_bpmn(path, "fi"))
    xs = [float(document.find(f".//*[@bpmnElement='Group_{s.id}']")[0].get("x")) for s in path.stages]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)


def round_trip_summary(path):  # noqa: ANN001, ANN201 - test helper
    steps = {s.id: (s.title, s.kind, s.coordinator, tuple(s.actors), s.stage) for s in path.steps}
    transitions = sorted((t.source, t.target, t.condition.model_dump_json()) for t in path.transitions)
    actors = sorted((a.id, a.group, a.name.model_dump_json()) for a in path.actors)
    return steps, transitions, actors, [(s.id, s.title) for s in path.stages]


@pytest.mark.parametrize("path", [*builtin_paths(), branching_path()], ids=lambda p: p.id)
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_round_trip_keeps_steps_actors_transitions_conditions_bulbs_and_stage_order(path, lang: str) -> None:  # noqa: ANN001
    result = read_bpmn(to_bpmn(path, lang), "x.bpmn")
    assert round_trip_summary(result.path) == round_trip_summary(path)
    assert result.path.id == path.id and result.stage_source == "groups"
    assert result.unmapped == []


def test_camunda_style_pools_lanes_gateway_message_flow_timer() -> None:
    result = read_bpmn((FIXTURES / "camunda_referral.bpmn").read_bytes(), "camunda_referral.bpmn")
    path = result.path
    by_title = {s.title.fi: s for s in path.steps}
    assert by_title["Yhteydenotto koordinaattoriin"].kind == StepKind.contact
    assert by_title["Ensitapaaminen"].kind == StepKind.meeting
    assert by_title["Ensitapaaminen"].description.fi.startswith("Koordinaattori ja asiakas")
    assert by_title["Verkostokokous"].kind == StepKind.network_meeting
    assert by_title["Verkostokokous"].coordinator  # 💡 in an associated annotation
    assert by_title["Tarvitaanko useita palveluja?"].kind == StepKind.decision
    assert by_title["Odotetaan päätöstä"].duration.fi == "P14D"
    assert by_title["Asiakas kuntoutuksessa"].kind == StepKind.end
    groups = {a.name.fi: a.group for a in path.actors}
    assert groups == {"Asiakas": ActorGroup.client_side, "Työkykykoordinaattori": ActorGroup.coordinator,
                      "Kela": ActorGroup.organisation}
    assert by_title["Ensitapaaminen"].actors == [path.actors[1].id]
    conditions = {(path.step(t.source).title.fi, path.step(t.target).title.fi): t.condition.fi
                  for t in path.transitions}
    assert conditions[("Tarvitaanko useita palveluja?", "Verkostokokous")] == "kyllä"
    assert conditions[("Tarvitaanko useita palveluja?", "Lausunto Kelalle")] == "ei"
    assert conditions[("Lausunto Kelalle", "Kela käsittelee hakemuksen")] == "Lausuntopyyntö"  # message flow
    assert "Tapaaminen voi olla myös etänä" in path.notes.fi
    assert result.stage_source == "position"
    stage_of = {s.title.fi: path.stage_index()[s.stage] for s in path.steps}
    assert stage_of["Yhteydenotto koordinaattoriin"] <= stage_of["Verkostokokous"] <= stage_of["Asiakas kuntoutuksessa"]
    report = "\n".join(result.report("en"))
    assert "Asiakassuunnitelma" in report and "Tiedote" in report


def test_signavio_style_groups_nested_lanes_and_parallel_gateways() -> None:
    result = read_bpmn((FIXTURES / "signavio_groups.bpmn").read_bytes(), "signavio.bpmn")
    path = result.path
    assert result.stage_source == "groups"
    assert [s.title.fi for s in path.stages] == ["Alkuvaihe", "Suunnittelu"]  # by the groups' x, not file order
    by_title = {s.title.fi: s for s in path.steps}
    assert path.stage(by_title["Itsearviointi"].stage).title.fi == "Alkuvaihe"
    assert path.stage(by_title["Kurssi"].stage).title.fi == "Suunnittelu"
    assert by_title["Itsearviointi"].kind == StepKind.self_assessment
    assert [a.name.fi for a in path.actors] == ["Ohjaamo", "TE-toimisto", "Nuori"]  # the lane of lanes is no actor
    pairs = {(path.step(t.source).title.fi, path.step(t.target).title.fi) for t in path.transitions}
    assert ("Ohjaamon vastaanotto", "Itsearviointi") in pairs
    assert ("Ohjaamon vastaanotto", "Ilmoittautuminen TE-toimistoon") in pairs
    assert ("Itsearviointi", "Mitä seuraavaksi?") in pairs
    assert "2" in path.notes.fi and "AND" in path.notes.fi
    assert [u.reason for u in result.unmapped] == ["parallel", "parallel"]


def test_bizagi_style_pool_without_lanes_boundary_event_and_sub_process() -> None:
    result = read_bpmn((FIXTURES / "bizagi_like.bpmn").read_bytes(), "bizagi.bpmn")
    path = result.path
    assert [a.name.fi for a in path.actors] == ["Aikuissosiaalityö"]
    assert all(s.actors == [path.actors[0].id] for s in path.steps)
    by_title = {s.title.fi: s for s in path.steps}
    assert by_title["Asiakas vastaa"].kind == StepKind.contact
    assert by_title["Tukijakso"].kind == StepKind.action
    branch = [t for t in path.transitions if path.step(t.target).title.fi == "Muistutus asiakkaalle"]
    assert branch and branch[0].condition.fi == "Yli 7 päivää"
    reasons = {(u.reason, u.label) for u in result.unmapped}
    assert ("boundary", "Yli 7 päivää") in reasons
    assert ("inside_subprocess", "Kotikäynti") in reasons
    assert ("event", "Catch_link") in reasons
    assert path.summary.fi == "Kuvitteellinen esimerkki."


def test_without_diagram_interchange_stages_come_from_the_flow_and_unnamed_gateways_fold() -> None:
    result = read_bpmn((FIXTURES / "no_di.bpmn").read_bytes(), "no_di.bpmn", lang="fi")
    path = result.path
    assert result.stage_source == "order" and "järjestyksestä" in path.notes.fi
    titles = [s.title.fi for s in path.steps]
    assert "Neuvontakeskustelu" in titles and not any("g_1" in t for t in titles)
    conditions = {path.step(t.target).title.fi: t.condition.fi for t in path.transitions
                  if path.step(t.source).title.fi == "Neuvontakeskustelu"}
    assert conditions == {"Kotikäynti": "tarvitsee apua kotona", "Kerhotoiminta": "haluaa seuraa"}
    assert result.unmapped == []


def test_the_report_is_in_the_asked_language() -> None:
    result = read_bpmn((FIXTURES / "bizagi_like.bpmn").read_bytes(), "bizagi.bpmn")
    assert all("sub-process" in line or "event" in line for line in result.report("en"))
    assert any("delprocess" in line for line in result.report("sv"))


# -- bad input: one sentence each, a PathFileError the CLI and the app already report ---------------


def error_of(data: bytes, name: str = "x.bpmn") -> BpmnError:
    started = time.monotonic()
    with pytest.raises(BpmnError) as info:
        read_bpmn(data, name)
    assert time.monotonic() - started < HANG_BOUND_S
    assert isinstance(info.value, PathFileError)
    for lang in ("fi", "sv", "en"):
        message = info.value.message(lang)
        assert message.count(". ") == 0 and "\n" not in message and "Traceback" not in message
    return info.value


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&lol4;"/></definitions>"""
EXTERNAL = b"""<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p" name="&x;"/></definitions>"""
DTD_ONLY = b"""<?xml version="1.0"?><!DOCTYPE definitions [<!ELEMENT definitions ANY>]>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p"/></definitions>"""
MODEL_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL"


def test_xml_bomb_is_refused_before_expansion() -> None:
    assert error_of(BILLION_LAUGHS).key == "entities"


def test_external_entity_is_refused() -> None:
    err = error_of(EXTERNAL)
    assert err.key == "entities" and "passwd" not in err.message("en")


def test_a_dtd_alone_is_refused() -> None:
    assert error_of(DTD_ONLY).key == "dtd"


def test_oversize_file() -> None:
    assert error_of(b"<x>" + b" " * (MAX_FILE_BYTES + 1) + b"</x>").key == "too_large"


@pytest.mark.parametrize("data", [b"not xml at all", b"<definitions", b"\xff\xfe<\x00"])
def test_not_xml(data: bytes) -> None:
    assert error_of(data).key == "not_xml"


def test_xml_that_is_not_bpmn() -> None:
    assert error_of(b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>').key == "not_bpmn"
    assert error_of(b"<definitions><process id='p'/></definitions>").key == "not_bpmn"  # no namespace


def test_more_than_the_element_limit() -> None:
    tasks = "".join(f'<task id="t{i}" name="T{i}"/>' for i in range(MAX_ELEMENTS + 1))
    data = f'<definitions xmlns="{MODEL_NS}"><process id="p">{tasks}</process></definitions>'.encode()
    err = error_of(data)
    assert err.key == "too_many_elements" and "2000" in err.message("en").replace(",", "").replace("\u00a0", "")


@pytest.mark.parametrize("body", [
    '<task id="a" name="A"/><sequenceFlow id="f1" sourceRef="a" targetRef="nowhere"/>',
    '<laneSet><lane id="l" name="L"><flowNodeRef>ghost</flowNodeRef></lane></laneSet><task id="a" name="A"/>',
    '<task id="a" name="A"/><association id="as" sourceRef="a" targetRef="missing-note"/>',
    '<task id="a" name="A"/><boundaryEvent id="b" attachedToRef="zzz"/>',
])
def test_broken_references(body: str) -> None:
    data = f'<definitions xmlns="{MODEL_NS}"><process id="p">{body}</process></definitions>'.encode()
    err = error_of(data)
    assert err.key == "broken_reference"


def test_broken_message_flow() -> None:
    data = (f'<definitions xmlns="{MODEL_NS}"><collaboration id="c"><messageFlow id="m" sourceRef="a" '
            f'targetRef="nope"/></collaboration><process id="p"><task id="a" name="A"/></process></definitions>')
    assert error_of(data.encode()).key == "broken_reference"


def test_a_reference_in_the_sentence_is_cleaned() -> None:
    data = (f'<definitions xmlns="{MODEL_NS}"><process id="p"><task id="a" name="A"/>'
            f'<sequenceFlow id="f" sourceRef="a" targetRef="![x](https://e.invalid/p.png)"/></process></definitions>')
    message = error_of(data.encode()).message("en")
    shown = message.split("refers to")[1]
    assert not any(char in shown.split(",")[0] for char in "![]()/")


def test_no_process_and_no_steps() -> None:
    assert error_of(f'<definitions xmlns="{MODEL_NS}"/>'.encode()).key == "no_process"
    assert error_of(f'<definitions xmlns="{MODEL_NS}"><process id="p"/></definitions>'.encode()).key == "no_steps"


def test_a_chain_of_two_thousand_gateways_is_no_recursion() -> None:
    gateways = "".join(f'<parallelGateway id="g{i}"/>' for i in range(600))
    flows = "".join(f'<sequenceFlow id="f{i}" sourceRef="g{i}" targetRef="g{i + 1}"/>' for i in range(599))
    data = (f'<definitions xmlns="{MODEL_NS}"><process id="p"><task id="a" name="A"/><task id="b" name="B"/>'
            f'{gateways}{flows}<sequenceFlow id="s" sourceRef="a" targetRef="g0"/>'
            f'<sequenceFlow id="e" sourceRef="g599" targetRef="b"/></process></definitions>').encode()
    path = read_bpmn(data, "chain.bpmn").path
    assert [(t.source, t.target) for t in path.transitions] == [("a", "b")]
