"""The model, the stage graph and validation."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from paths.model.graph import end_steps, start_steps, to_graph, walk_order
from paths.model.schema import LocalText, ServicePath, json_schema
from paths.model.validation import validate
from tests.support.factories import branching_path


def codes(path: ServicePath) -> list[str]:
    return [problem.code for problem in validate(path, "en")]


def test_valid_path_with_loop_has_no_problems():
    assert validate(branching_path()) == []


def test_plain_string_is_finnish_and_fallback_works():
    text = LocalText.model_validate("Hei")
    assert text.fi == "Hei"
    assert text.get("sv") == "Hei"
    assert text.get("sv", fallback=False) == ""
    assert text.missing() == ["sv", "en"]


def test_unknown_keys_are_rejected():
    with pytest.raises(ValidationError, match="Extra inputs"):
        ServicePath.model_validate({"id": "x", "title": "X", "colour": "red"})


def test_links_must_be_web_or_mail():
    with pytest.raises(ValidationError, match="https://"):
        branching_path(
            steps=[
                {"id": "a", "stage": "tunnistus", "title": "A", "links": [{"label": "x", "url": "javascript:alert(1)"}]}
            ]
        )


def test_graph_starts_ends_and_reading_order():
    path = branching_path()
    graph = to_graph(path)
    assert start_steps(graph) == ["tarve"]
    assert set(end_steps(graph)) == {"konsultaatio", "loppu"}
    order = walk_order(path)
    assert order[0] == "tarve"
    assert order.index("kokous") < order.index("seuranta") < order.index("loppu")
    assert sorted(order) == sorted(step.id for step in path.steps)


def test_dangling_references_are_named():
    path = branching_path()
    path.steps[0].stage = "nowhere"
    path.steps[1].actors = ["ghost"]
    path.transitions.append(path.transitions[0].model_copy(update={"target": "missing"}))
    problems = validate(path, "en")
    messages = " ".join(p.message for p in problems)
    assert {"unknown_stage", "unknown_actor", "unknown_step_in_transition"} <= {p.code for p in problems}
    assert "nowhere" in messages and "ghost" in messages and "missing" in messages


def test_duplicates_and_empty_titles():
    path = branching_path()
    path.steps.append(path.steps[1].model_copy())
    path.stages[0].title = LocalText()
    found = codes(path)
    assert "duplicate_step" in found
    assert "empty_stage_title" in found


def test_several_starts_and_unreachable():
    path = branching_path()
    path.transitions = [t for t in path.transitions if t.source != "kirjaus"]
    problems = validate(path, "en")
    several = [p for p in problems if p.code == "several_starts"]
    assert len(several) == 1 and "tarve" in several[0].message and "yhteydenotto" in several[0].message


def test_detached_loop_is_unreachable():
    path = branching_path()
    path.steps.append(path.steps[1].model_copy(update={"id": "irti", "audience": "everyone"}))
    path.transitions.append(path.transitions[0].model_copy(update={"source": "irti", "target": "irti"}))
    problems = [p for p in validate(path, "en") if p.code in ("unreachable", "several_starts")]
    assert [(p.code, p.step) for p in problems] == [("unreachable", "irti")]


def test_closed_loop_cannot_reach_an_end():
    path = branching_path()
    path.transitions = [t for t in path.transitions if not (t.source == "seuranta" and t.target == "loppu")]
    path.transitions.append(path.transitions[0].model_copy(update={"source": "tarve", "target": "loppu"}))
    problems = [p for p in validate(path, "en") if p.code == "no_way_to_end"]
    assert {p.step for p in problems} == {"kokous", "seuranta"}


def test_decision_needs_two_labelled_ways():
    path = branching_path()
    path.transitions[2].condition = LocalText()
    assert "decision_labels" in codes(path)
    path.transitions = [t for t in path.transitions if t.target != "konsultaatio"]
    assert "decision_ways" in codes(path)


def test_no_start_when_every_step_has_a_way_in():
    path = branching_path()
    path.transitions.append(path.transitions[0].model_copy(update={"source": "loppu", "target": "tarve"}))
    assert "no_start" in codes(path)


def test_messages_follow_the_language():
    path = branching_path()
    path.steps[0].stage = "nowhere"
    fi, sv, en = (validate(path, lang)[0].message for lang in ("fi", "sv", "en"))
    assert "vaiheeseen" in fi and "fasen" in sv and "stage" in en


def test_empty_path_reports_no_steps():
    assert codes(ServicePath(id="tyhja", title="Tyhjä")) == ["no_steps"]


def test_json_schema_describes_steps_and_light_bulb():
    schema = json_schema()
    step = schema["$defs"]["Step"]
    assert "coordinator" in step["properties"]
    assert step["additionalProperties"] is False
