"""The three built-in paths (ari, maija, pohjanmaa) and the published JSON Schema.

These pin down what the seed texts say: who carries the light bulb, where the network meeting
is, the Pohjanmaa branch and its ends, the Y 100 and Kykyviisari links, the placeholder
contact details, and that the committed schema is exactly what the model generates.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
import yaml

from paths.formats.files import DATA_DIR, builtin_paths, dump_yaml, load_path_bytes, load_path_file
from paths.formats.json_schema import SCHEMA_FILE, schema_text, write_schema
from paths.model.graph import end_steps, start_steps, to_graph
from paths.model.schema import LANGS, ActorGroup, Audience, Channel, ServicePath, StepKind, json_schema
from paths.model.validation import validate
from paths.views.audience import audience_view

IDS = ("ari", "maija", "pohjanmaa")
Y100_URL = "https://www.kela.fi/documents/10192/3861304/Y100.pdf"
KYKYVIISARI_URL = "https://kykyviisari.fi"

LIGHT_BULBS = {
    "ari": {"coordinator-meeting", "assemble-expert-group", "expert-group-meeting", "guidance-to-rehabilitation"},
    "maija": {"mapping", "network-needed", "assemble-network", "network-meeting", "strengthening"},
    "pohjanmaa": {
        "coordinator-assessment",
        "consultation",
        "gather-team",
        "network-meeting",
        "name-responsible-worker",
    },
}
NETWORK_MEETINGS = {
    "ari": {"expert-group-meeting"},
    "maija": {"network-meeting"},
    "pohjanmaa": {"network-meeting"},
}
BACK_OFFICE = {
    "ari": {"assemble-expert-group"},
    "maija": {"assemble-network"},
    "pohjanmaa": {"consultation", "gather-team", "record-information"},
}


@pytest.fixture(scope="module")
def paths() -> dict[str, ServicePath]:
    return {path.id: path for path in builtin_paths()}


def assert_shortest_route(graph: nx.DiGraph, route: list[str]) -> None:
    """The shortest way through `graph` from the route's first step to its last is exactly `route`."""
    assert nx.shortest_path(graph, route[0], route[-1]) == route


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _texts(path: ServicePath) -> list[tuple[str, object]]:
    """Every text a user sees that must exist in fi, sv and en, with a name for the failure message."""
    texts: list[tuple[str, object]] = [
        ("title", path.title),
        ("summary", path.summary),
        ("persona", path.persona),
        ("provenance", path.provenance),
    ]
    texts += [(f"stage {s.id}", s.title) for s in path.stages]
    texts += [(f"actor {a.id}", a.name) for a in path.actors]
    texts += [(f"contact {c.id}", c.label) for c in path.contacts]
    for step in path.steps:
        texts += [(f"step {step.id} title", step.title), (f"step {step.id} client_text", step.client_text)]
        texts += [(f"step {step.id} link {link.url}", link.label) for link in step.links]
    texts += [(f"transition {t.source}->{t.target}", t.condition) for t in path.transitions if t.condition]
    return texts


def test_the_three_files_load_one_by_one_and_as_builtins(paths: dict[str, ServicePath]) -> None:
    assert sorted(paths) == list(IDS)
    for path_id in IDS:
        loaded = load_path_file(DATA_DIR / f"{path_id}.yaml")
        assert loaded == paths[path_id]
        assert loaded.status.value == "published"
        assert loaded.source_language == "fi"


@pytest.mark.parametrize("path_id", IDS)
@pytest.mark.parametrize("lang", LANGS)
def test_validates_clean_for_both_audiences(paths: dict[str, ServicePath], path_id: str, lang: str) -> None:
    path = paths[path_id]
    assert validate(path, lang) == []
    assert validate(audience_view(path, "client"), lang) == []


@pytest.mark.parametrize("path_id", IDS)
def test_every_visible_text_in_three_languages(paths: dict[str, ServicePath], path_id: str) -> None:
    path = paths[path_id]
    missing = [(name, text.missing()) for name, text in _texts(path) if not text or text.missing()]
    assert missing == []
    for step in path.steps:
        assert step.description.fi, step.id
        assert step.client_text.fi, step.id
    assert path.notes.fi and path.notes.sv and path.notes.en


@pytest.mark.parametrize("path_id", IDS)
def test_light_bulb_on_exactly_the_coordinator_steps(paths: dict[str, ServicePath], path_id: str) -> None:
    path = paths[path_id]
    assert {step.id for step in path.coordinator_steps} == LIGHT_BULBS[path_id]
    coordinators = {actor.id for actor in path.actors if actor.group == ActorGroup.coordinator}
    for step in path.coordinator_steps:
        assert step.responsible in coordinators, step.id


@pytest.mark.parametrize("path_id", IDS)
def test_network_meetings(paths: dict[str, ServicePath], path_id: str) -> None:
    path = paths[path_id]
    meetings = {step.id for step in path.steps if step.kind == StepKind.network_meeting}
    assert meetings == NETWORK_MEETINGS[path_id]
    for step_id in meetings:
        step = path.step(step_id)
        assert step.coordinator
        assert "client" in step.actors
        assert step.audience == Audience.everyone


@pytest.mark.parametrize("path_id", IDS)
def test_back_office_steps_hidden_from_the_client_view(paths: dict[str, ServicePath], path_id: str) -> None:
    path = paths[path_id]
    hidden = {step.id for step in path.steps if step.audience == Audience.professionals}
    assert hidden == BACK_OFFICE[path_id]
    client = audience_view(path, "client")
    assert hidden.isdisjoint(step.id for step in client.steps)
    graph = to_graph(client)
    assert len(start_steps(graph)) == 1
    assert nx.is_weakly_connected(graph)


def test_ari_follows_the_seed_order(paths: dict[str, ServicePath]) -> None:
    path = paths["ari"]
    graph = to_graph(path)
    assert_shortest_route(graph, [
        "referral-to-coordinator",
        "coordinator-meeting",
        "assemble-expert-group",
        "expert-group-meeting",
        "rehabilitation-need",
        "guidance-to-rehabilitation",
        "end",
    ])
    assert path.step("referral-to-coordinator").responsible == "employment-pilot"
    assert "kuntakokeilu" in path.step("referral-to-coordinator").title.fi


def test_maija_maps_and_strengthens_with_an_optional_network(paths: dict[str, ServicePath]) -> None:
    path = paths["maija"]
    graph = to_graph(path)
    assert path.step("need-identified").responsible == "sote-worker"
    ways = {target: cond for _, target, cond in graph.out_edges("network-needed", data="condition")}
    assert set(ways) == {"assemble-network", "strengthening"}
    assert all(not cond.missing() and cond for cond in ways.values())
    assert nx.has_path(graph, "network-meeting", "strengthening")
    assert end_steps(graph) == ["end"]


def test_pohjanmaa_branch(paths: dict[str, ServicePath]) -> None:
    path = paths["pohjanmaa"]
    graph = to_graph(path)
    decisions = [step.id for step in path.steps if step.kind == StepKind.decision]
    assert decisions == ["coordinator-assessment"]
    ways = {target: cond for _, target, cond in graph.out_edges("coordinator-assessment", data="condition")}
    assert set(ways) == {"consultation", "gather-team"}
    assert "konsultaatio riittää" in ways["consultation"].fi
    assert "useita palveluita" in ways["gather-team"].fi
    for cond in ways.values():
        assert cond.missing() == []

    # One consultation is enough: it ends there, without the network.
    minor = nx.descendants(graph, "consultation")
    assert minor == {"minor-need-solved"}
    assert path.step("minor-need-solved").kind == StepKind.end
    assert graph.out_degree("minor-need-solved") == 0

    # Several services: network meeting, then a client-responsible worker, walking alongside, the end.
    assert_shortest_route(graph, [
        "gather-team",
        "network-meeting",
        "name-responsible-worker",
        "walk-alongside",
        "record-information",
        "follow-up",
        "end-client-relationship",
    ])
    assert path.step("end-client-relationship").kind == StepKind.end
    assert path.step("end-client-relationship").responsible == "client-responsible-worker"
    assert sorted(end_steps(graph)) == ["end-client-relationship", "minor-need-solved"]

    # The follow-up loop returns to walking alongside; the validation above proves an end stays reachable.
    assert graph.has_edge("follow-up", "walk-alongside")
    assert graph.edges["follow-up", "walk-alongside"]["condition"].fi
    assert graph.edges["follow-up", "end-client-relationship"]["condition"].fi
    assert list(nx.simple_cycles(graph)) != []


def test_pohjanmaa_order_of_the_first_stages(paths: dict[str, ServicePath]) -> None:
    path = paths["pohjanmaa"]
    graph = to_graph(path)
    assert start_steps(graph) == ["need-identified"]
    assert_shortest_route(graph, [
        "need-identified",
        "kykyviisari",
        "consent-y100",
        "contact-coordinator",
        "coordinator-assessment",
    ])
    assert [stage.id for stage in path.stages] == ["identify", "contact", "network", "alongside", "ending"]


def test_pohjanmaa_actor_list(paths: dict[str, ServicePath]) -> None:
    groups = {actor.id: actor.group.value for actor in paths["pohjanmaa"].actors}
    assert groups == {
        "client": "client_side",
        "close-ones": "client_side",
        "client-coordinator": "coordinator",
        "client-responsible-worker": "professional",
        "worker": "professional",
        "social-services": "organisation",
        "health-care": "organisation",
        "employment-services": "organisation",
        "education": "organisation",
        "kela": "organisation",
        "third-sector": "organisation",
        "culture-education": "organisation",
    }
    meeting = paths["pohjanmaa"].step("network-meeting")
    assert set(groups) - set(meeting.actors) == {"client-responsible-worker", "worker"}


def test_pohjanmaa_links(paths: dict[str, ServicePath]) -> None:
    path = paths["pohjanmaa"]
    consent = path.step("consent-y100")
    assert consent.kind == StepKind.document
    assert [link.url for link in consent.links] == [Y100_URL]
    assert "Y 100" in consent.links[0].label.fi
    assessment = path.step("kykyviisari")
    assert assessment.kind == StepKind.self_assessment
    assert [link.url for link in assessment.links] == [KYKYVIISARI_URL]
    every_url = {link.url for p in builtin_paths() for step in p.steps for link in step.links}
    assert every_url == {Y100_URL, KYKYVIISARI_URL}


def test_placeholder_contacts_are_flagged(paths: dict[str, ServicePath]) -> None:
    path = paths["pohjanmaa"]
    assert [c.id for c in path.contacts] == ["client-coordinator-contact"]
    contact = path.contacts[0]
    assert contact.placeholder is True
    assert contact.email == "asiakaskoordinaattori.xxx@xxxx.fi"
    assert contact.phone == "000 000 0000"
    step = path.step("contact-coordinator")
    assert step.contacts == ["client-coordinator-contact"]
    assert set(step.channels) == {Channel.email, Channel.phone}
    assert step.coordinator is False
    for other in paths.values():
        assert all(c.placeholder for c in other.contacts)


def test_persona_and_provenance(paths: dict[str, ServicePath]) -> None:
    assert "fictional" in paths["ari"].persona.en
    assert "fictional" in paths["maija"].persona.en
    assert "Pohjanmaan hyvinvointialueen asiakas" in paths["pohjanmaa"].persona.fi
    assert "PALO" in paths["pohjanmaa"].provenance.fi and "Oulu" in paths["pohjanmaa"].provenance.fi
    for path_id in ("ari", "maija"):
        assert "työkykykoordinaattori" in paths[path_id].provenance.fi
    assert "asiakaskoordinaattori" in paths["pohjanmaa"].notes.fi.lower()
    assert "työkykykoordinaattori" in paths["pohjanmaa"].notes.fi.lower()


@pytest.mark.parametrize("path_id", IDS)
def test_yaml_round_trip(paths: dict[str, ServicePath], path_id: str) -> None:
    path = paths[path_id]
    assert load_path_bytes(dump_yaml(path).encode("utf-8"), f"{path_id}.yaml") == path


def test_committed_schema_is_the_generated_one() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == schema_text(), "regenerate with: python -m paths.formats.json_schema"
    assert json.loads(committed) == json_schema()
    assert SCHEMA_FILE.relative_to(DATA_DIR) == Path("schema/service-path.schema.json")
    assert SCHEMA_FILE not in set(DATA_DIR.glob("*.yaml"))


def test_write_schema(tmp_path: Path) -> None:
    target = write_schema(tmp_path / "nested" / "schema.json")
    assert target.read_text(encoding="utf-8") == schema_text()
    assert json.loads(target.read_text(encoding="utf-8"))["$schema"].endswith("2020-12/schema")


@pytest.mark.parametrize("path_id", IDS)
def test_yaml_matches_the_json_schema(validator: jsonschema.Draft202012Validator, path_id: str) -> None:
    raw = yaml.safe_load((DATA_DIR / f"{path_id}.yaml").read_text(encoding="utf-8"))
    assert [error.message for error in validator.iter_errors(raw)] == []


def test_json_schema_rejects_what_the_loader_rejects(validator: jsonschema.Draft202012Validator) -> None:
    raw = yaml.safe_load((DATA_DIR / "ari.yaml").read_text(encoding="utf-8"))
    raw["steps"][0]["colour"] = "red"
    assert not validator.is_valid(raw)
    raw = yaml.safe_load((DATA_DIR / "ari.yaml").read_text(encoding="utf-8"))
    raw["steps"][0]["kind"] = "party"
    assert not validator.is_valid(raw)
    raw = yaml.safe_load((DATA_DIR / "ari.yaml").read_text(encoding="utf-8"))
    raw["title"] = "Arin polku"
    assert validator.is_valid(raw)
    assert load_path_bytes(json.dumps(raw).encode(), "ari.json").title.fi == "Arin polku"
