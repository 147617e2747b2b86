"""Views for each audience: what each one sees, the facilitator's settings, and their validation."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from paths.editing.translations import describe_where, missing_translations, translation_coverage
from paths.formats.files import dump_json, dump_yaml, load_path_bytes
from paths.model.graph import walk_order
from paths.model.schema import AudienceView, LocalText, ServicePath, json_schema
from paths.render.dot import handoffs
from paths.views.configured import (
    VIEW_NAMES,
    apply_view,
    focus_actor_for,
    renderer_audience,
    view_problems,
    without_steps,
)
from tests.support.factories import views_path


def edges(path: ServicePath) -> set[tuple[str, str]]:
    return {(t.source, t.target) for t in path.transitions}


def step_ids(path: ServicePath) -> list[str]:
    return [s.id for s in path.steps]


def test_views_field_is_optional_and_round_trips_through_files():
    plain = views_path()
    assert plain.views == {}
    assert "views" not in dump_yaml(plain)
    configured = views_path({"client": {"hidden_steps": ["s4"], "texts": {"s2": {"fi": "Oma teksti"}}},
                         "partner": {"focus_actor": "kela"}})
    again = load_path_bytes(dump_json(configured).encode(), "sample.json")
    assert again.views == configured.views
    assert again.views["client"].texts["s2"].fi == "Oma teksti"
    again_yaml = load_path_bytes(dump_yaml(configured).encode(), "sample.yaml")
    assert again_yaml.views["partner"].focus_actor == "kela"


def test_unknown_view_name_and_unknown_key_are_errors():
    with pytest.raises(ValidationError):
        views_path({"customers": {}})
    with pytest.raises(ValidationError):
        views_path({"client": {"hidden_stepz": ["s1"]}})


def test_json_schema_describes_views():
    schema = json_schema()
    views = schema["properties"]["views"]
    assert set(views["propertyNames"]["enum"]) == set(VIEW_NAMES)
    view = schema["$defs"]["AudienceView"]
    assert set(view["properties"]) == {"hidden_steps", "hidden_actors", "texts", "focus_actor"}
    assert view["additionalProperties"] is False
    json.dumps(schema)


def test_professional_view_without_settings_is_the_whole_path():
    path = views_path()
    assert apply_view(path, "professional") is path
    assert apply_view(path, "print") is path
    assert apply_view(path, "nonsense") is path


def test_client_view_hides_back_office_and_joins_around_it():
    view = apply_view(views_path(), "client")
    assert step_ids(view) == ["s1", "s2", "s4", "s5"]
    assert ("s2", "s4") in edges(view)
    joined = next(t for t in view.transitions if (t.source, t.target) == ("s2", "s4"))
    assert joined.condition.fi == "Tarvitaan selvitys"
    assert "back" not in [stage.id for stage in view.stages]


def test_hidden_steps_are_joined_around_and_audience_marks_kept():
    path = views_path({"professional": {"hidden_steps": ["s2"]}})
    view = apply_view(path, "professional")
    assert step_ids(view) == ["s1", "s3", "s4", "s5"]
    assert ("s1", "s3") in edges(view)
    assert not any("s2" in pair for pair in edges(view))
    assert view.step("s3").audience.value == "professionals"
    assert "contact" not in [stage.id for stage in view.stages]
    assert walk_order(view)[0] == "s1"


def test_hiding_a_start_step_makes_the_next_one_the_start():
    view = without_steps(views_path(), {"s1"})
    assert step_ids(view)[0] == "s2"
    assert all(t.target != "s2" for t in view.transitions)


def test_hidden_actor_leaves_lane_and_steps_with_only_that_actor():
    path = views_path({"client": {"hidden_actors": ["social"]}})
    view = apply_view(path, "client")
    assert "social" not in [a.id for a in view.actors]
    assert step_ids(view) == ["s1", "s2", "s4"]
    assert view.step("s4").actors == ["client", "coord"]
    assert view.step("s4").responsible == "client"


def test_client_texts_replace_client_text_language_by_language():
    path = views_path({"client": {"texts": {"s2": {"sv": "Samordnaren ringer upp dig inom en vecka."}}}})
    view = apply_view(path, "client")
    step = view.step("s2")
    assert step.client_text.sv == "Samordnaren ringer upp dig inom en vecka."
    assert step.client_text.fi == "Koordinaattori soittaa sinulle."
    assert step.description.fi == "Koordinaattori soittaa."
    assert apply_view(path, "professional").step("s2").client_text.sv == "Samordnaren ringer dig."


def test_partner_texts_replace_the_description():
    path = views_path({"partner": {"texts": {"s3": {"fi": "Kelan osuus kumppanille."}}}})
    assert apply_view(path, "partner").step("s3").description.fi == "Kelan osuus kumppanille."
    assert apply_view(path, "professional").step("s3").description.fi == ""


def test_partner_view_keeps_its_focus_actor_even_if_hidden():
    path = views_path({"partner": {"focus_actor": "kela", "hidden_actors": ["kela", "social"]}})
    assert focus_actor_for(path) == "kela"
    assert focus_actor_for(path, "coord") == "coord"
    assert focus_actor_for(path, "nobody") is None
    view = apply_view(path, "partner")
    assert "kela" in [a.id for a in view.actors]
    assert "social" not in [a.id for a in view.actors]
    assert "s3" in step_ids(view)
    assert "s5" not in step_ids(view)


def test_renderer_audience():
    assert renderer_audience("client") == "client"
    assert {renderer_audience(v) for v in ("professional", "partner", "print")} == {"professional"}


def test_the_original_path_is_never_changed():
    path = views_path({"client": {"hidden_steps": ["s2"], "hidden_actors": ["client"], "texts": {"s1": {"fi": "X"}}}})
    before = path.model_dump()
    for name in VIEW_NAMES:
        apply_view(path, name, "kela")
    assert path.model_dump() == before


def test_view_problems_name_unknown_ids_in_the_users_language():
    path = views_path({
        "client": {"hidden_steps": ["ghost"], "texts": {"phantom": {"fi": "x"}}, "focus_actor": "kela"},
        "partner": {"hidden_actors": ["nobody"], "focus_actor": "missing"},
    })
    problems = view_problems(path, "en")
    codes = [p.code for p in problems]
    assert codes == ["view_unknown_step", "view_unknown_text_step", "view_focus_not_partner",
                     "view_unknown_actor", "view_unknown_focus"]
    assert "ghost" in problems[0].message and "Client" in problems[0].message
    assert problems[0].step == "ghost"
    assert "missing" in view_problems(path, "sv")[-1].message
    assert all(p.message.endswith(".") for p in problems)


def test_a_view_that_hides_everything_is_a_problem():
    path = views_path({"print": {"hidden_steps": ["s1", "s2", "s3", "s4", "s5"]}})
    assert apply_view(path, "print").steps == []
    assert [p.code for p in view_problems(path, "fi")] == ["view_hides_everything"]
    assert view_problems(views_path(), "fi") == []


def test_handoffs_of_a_view_and_coordinator_cover():
    view = apply_view(views_path(), "client")
    found = {(h.source, h.target): h for h in handoffs(view)}
    assert found[("s1", "s2")].covered_by_coordinator is True
    assert ("s2", "s4") in found and found[("s2", "s4")].covered_by_coordinator is True
    assert ("s4", "s5") not in found  # the same responsible actor: no hand-off
    professional = {(h.source, h.target): h for h in handoffs(apply_view(views_path(), "professional"))}
    assert professional[("s3", "s4")].covered_by_coordinator is False
    assert (professional[("s3", "s4")].from_actor, professional[("s3", "s4")].to_actor) == ("kela", "social")


def test_missing_translations_lists_only_texts_that_exist():
    path = views_path({"client": {"texts": {"s1": {"fi": "Näkymän teksti"}}}})
    missing = missing_translations(path)
    assert ("title", "sv") not in missing
    assert ("steps.s2.client_text", "en") in missing
    assert ("steps.s2.client_text", "sv") not in missing
    assert ("steps.s3.description", "fi") not in missing  # empty everywhere: nothing to translate
    assert ("steps.s2.description", "sv") in missing
    assert ("transitions.2.condition", "en") in missing
    assert ("views.client.texts.s1", "sv") in missing
    assert all(lang in ("fi", "sv", "en") for _, lang in missing)


def test_translation_coverage_and_places_in_words():
    path = views_path()
    coverage = translation_coverage(path)
    assert coverage["fi"] == 1.0
    assert 0 < coverage["en"] < 1
    assert describe_where("steps.s2.client_text", path, "en") == "Step “Call”: plain-language text"
    assert describe_where("title", path, "sv") == "Servicestigens rubrik"
    assert "2" in describe_where("transitions.2.condition", path, "fi")
    assert describe_where("views.client.texts.s1", path, "en") == "The Client view's text for the step “Need seen”"


def test_local_text_views_do_not_leak_between_audiences():
    path = views_path({"client": {"texts": {"s1": LocalText(fi="Vain asiakkaalle").model_dump()}}})
    assert apply_view(path, "client").step("s1").client_text.fi == "Vain asiakkaalle"
    assert apply_view(path, "print").step("s1").client_text.fi == "Huomaat tarpeen."
    assert isinstance(path.views["client"], AudienceView)
