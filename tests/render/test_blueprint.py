"""The Plotly service blueprint: lanes, markers, light bulbs, arrows, escaping, and the click details."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from paths.formats.files import DATA_DIR, builtin_paths
from paths.i18n.catalog import t
from paths.model.schema import LANGS, ServicePath
from paths.render.blueprint import MARKERS, UNASSIGNED, blueprint_figure, layout, step_details
from paths.views.audience import audience_view
from tests.support.factories import (
    PLACEHOLDER_EMAIL,
    PLACEHOLDER_PHONE,
    hostile_path,
    sample_path,
    unfinished_path,
)


def lanes(fig: go.Figure) -> dict[str, float]:
    """Lane label (line breaks undone) -> y of the lane centre, from the y axis."""
    labels = [label.replace("<br>", " ") for label in fig.layout.yaxis.ticktext]
    return dict(zip(labels, fig.layout.yaxis.tickvals, strict=True))


def step_traces(fig: go.Figure) -> list:
    return [trace for trace in fig.data if (trace.meta or {}).get("polku") in MARKERS]


def trace(fig: go.Figure, name: str):
    return next(trace for trace in fig.data if (trace.meta or {}).get("polku") == name)


def step_points(fig: go.Figure) -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    for item in step_traces(fig):
        for x, y, step_id in zip(item.x, item.y, item.customdata, strict=True):
            assert step_id not in points, f"{step_id} drawn twice"
            points[step_id] = (x, y)
    return points


def arrows(fig: go.Figure) -> list:
    return [a for a in fig.layout.annotations if (a.name or "").startswith("transition:")]


def test_one_lane_per_actor_sorted_client_side_first() -> None:
    fig = blueprint_figure(sample_path(), "en")
    assert list(fig.layout.yaxis.ticktext) == ["Client", "Coordinator", "Worker", "Kela"]
    ys = list(fig.layout.yaxis.tickvals)
    assert ys == sorted(ys) and len(set(ys)) == 4
    assert list(fig.layout.yaxis.range) == sorted(fig.layout.yaxis.range, reverse=True)  # client side on top


def test_client_view_has_lanes_only_for_actors_it_meets() -> None:
    data = sample_path().model_dump()
    data["actors"].append({"id": "idle", "name": {"fi": "Idle"}, "group": "professional"})
    path = ServicePath.model_validate(data)
    assert "Idle" in blueprint_figure(path, "en").layout.yaxis.ticktext
    assert "Idle" not in blueprint_figure(path, "en", "client").layout.yaxis.ticktext


@pytest.mark.parametrize("audience", ["professional", "client"])
def test_each_step_is_in_its_responsible_actors_lane_once(audience: str) -> None:
    path = sample_path()
    fig = blueprint_figure(path, "en", audience)
    lane_y = lanes(fig)
    points = step_points(fig)
    view = audience_view(path, audience)
    assert set(points) == {step.id for step in view.steps}
    for step in view.steps:
        responsible = path.actor(step.actors[0]).name.get("en")
        assert points[step.id][1] == lane_y[responsible], step.id


def test_steps_sharing_a_lane_and_stage_do_not_overlap() -> None:
    path = ServicePath.model_validate({
        "id": "crowd", "title": "Crowd",
        "stages": [{"id": "s1", "title": "One"}, {"id": "s2", "title": "Two"}],
        "actors": [{"id": "a", "name": "A", "group": "coordinator"}, {"id": "b", "name": "B", "group": "client_side"}],
        "steps": [
            {"id": "start", "stage": "s1", "actors": ["b"], "title": "Start"},
            *[{"id": f"p{i}", "stage": "s1", "actors": ["a"], "title": f"Parallel {i}"} for i in range(4)],
            {"id": "end", "stage": "s2", "actors": ["a"], "title": "End", "kind": "end"},
        ],
        "transitions": [*[{"source": "start", "target": f"p{i}"} for i in range(4)],
                        *[{"source": f"p{i}", "target": "end"} for i in range(4)]],
    })
    points = step_points(blueprint_figure(path, "en"))
    xs = sorted(points[f"p{i}"][0] for i in range(4))
    assert all(b - a >= 1 for a, b in zip(xs, xs[1:], strict=False))
    assert len({points[f"p{i}"][1] for i in range(4)}) == 1
    assert min(xs) > points["start"][0]  # the x axis reads as time: after their predecessor
    plan = layout(path, "en")
    stage_one, stage_two = plan.columns
    assert all(stage_one.start <= x < stage_one.start + stage_one.width for x in xs)
    assert stage_two.start <= points["end"][0] < stage_two.start + stage_two.width


def test_light_bulb_trace_holds_exactly_the_coordinator_steps() -> None:
    path = sample_path()
    for audience in ("professional", "client"):
        fig = blueprint_figure(path, "fi", audience)
        bulbs = trace(fig, "coordinator")
        assert set(bulbs.customdata) == {step.id for step in path.steps if step.coordinator}
        assert bulbs.marker.symbol == "star"
        assert bulbs.name == f"💡 {t(f'text.lightbulb.{audience}', 'fi')}"
        assert all(label.startswith("💡 ") for label in bulbs.text)
        assert all("💡" in hover for hover in bulbs.hovertext)
        others = [item for item in step_traces(fig) if item is not bulbs]
        assert all(item.marker.symbol != "star" for item in others)
        assert not any("💡" in label for item in others for label in item.text)


def test_network_meeting_is_distinct_when_it_is_not_a_coordinator_step() -> None:
    path = sample_path()
    steps = [step.model_copy(update={"coordinator": False}) if step.id == "meeting" else step for step in path.steps]
    fig = blueprint_figure(path.model_copy(update={"steps": steps}), "en")
    meeting = trace(fig, "network_meeting")
    assert list(meeting.customdata) == ["meeting"]
    assert meeting.marker.symbol == "hexagon" and meeting.text[0].startswith("👥 ")


def test_one_arrow_per_transition_with_condition_labels() -> None:
    path = sample_path()
    for audience in ("professional", "client"):
        view = audience_view(path, audience)
        fig = blueprint_figure(path, "en", audience)
        drawn = [a.name for a in arrows(fig)]
        assert sorted(drawn) == sorted(f"transition:{tr.source}->{tr.target}" for tr in view.transitions)
        conditions = {a.name: a.text for a in fig.layout.annotations if (a.name or "").startswith("condition:")}
        assert conditions["condition:decide->consult"] == "One<br>consultation<br>is enough"
        assert len(conditions) == sum(bool(tr.condition) for tr in view.transitions)
    # The hidden back-office step is joined around in the client view.
    assert "transition:consent->decide" in [a.name for a in arrows(blueprint_figure(path, "en", "client"))]


def test_hand_offs_are_thicker_than_arrows_within_a_lane() -> None:
    fig = blueprint_figure(sample_path(), "en")
    by_name = {a.name: a for a in arrows(fig)}
    assert by_name["transition:start->consent"].arrowwidth > by_name["transition:decide->consult"].arrowwidth


def test_a_loop_back_in_one_lane_goes_over_the_steps_between() -> None:
    path = ServicePath.model_validate({
        "id": "loop", "title": "Loop", "stages": [{"id": "s", "title": "S"}],
        "actors": [{"id": "a", "name": "A", "group": "coordinator"}],
        "steps": [{"id": i, "stage": "s", "actors": ["a"], "title": i} for i in ("one", "two", "three")],
        "transitions": [{"source": "one", "target": "two"}, {"source": "two", "target": "three"},
                        {"source": "three", "target": "one", "condition": "again"}],
    })
    fig = blueprint_figure(path, "en")
    back = next(a for a in arrows(fig) if a.name == "transition:three->one")
    points = step_points(fig)
    assert back.ax == back.x == points["one"][0]  # the arrow head comes down onto the step
    assert back.ay < points["one"][1]  # from above the lane's line of steps
    assert any(shape.type == "path" for shape in fig.layout.shapes)


def test_user_text_is_escaped_everywhere_plotly_renders_it() -> None:
    fig = blueprint_figure(hostile_path(), "en", here="x1")
    escaped = "&lt;script&gt;alert('x')&lt;/script&gt; &amp;"
    texts = [*fig.layout.yaxis.ticktext, *fig.layout.xaxis.ticktext]
    texts += [a.text or "" for a in fig.layout.annotations] + [a.hovertext or "" for a in fig.layout.annotations]
    for item in fig.data:
        texts += list(item.hovertext or []) + list(item.text or [])
        assert item.hovertemplate is None  # user text never goes into a template (%{x} would be substituted)
    joined = " ".join(texts)
    assert "<script>" not in joined and "</script>" not in joined
    assert escaped in joined.replace("<br>", " ")
    assert "%{x}" in joined
    assert "مرحبا" in joined and "💡" in joined
    bulbs = trace(fig, "coordinator")
    assert bulbs.customdata == ("x1",)
    assert "&lt;script&gt;" in bulbs.hovertext[0]
    # Only Plotly's own tags are left once the escaped text is taken out.
    stripped = joined.replace("&lt;", "").replace("&gt;", "")
    for tag in ("<b>", "</b>", "<br>"):
        stripped = stripped.replace(tag, "")
    assert "<" not in stripped and ">" not in stripped


def test_steps_without_actors_go_to_an_unassigned_lane() -> None:
    path = ServicePath.model_validate({
        "id": "loose", "title": "Loose", "stages": [{"id": "s", "title": "S"}],
        "actors": [{"id": "a", "name": "A", "group": "client_side"}],
        "steps": [{"id": "one", "stage": "s", "actors": ["a"], "title": "One"},
                  {"id": "two", "stage": "s", "title": "Two"}],
        "transitions": [{"source": "one", "target": "two"}],
    })
    fig = blueprint_figure(path, "fi")
    lane_y = lanes(fig)
    assert list(lane_y) == ["A", t("blueprint.unassigned", "fi")]
    assert step_points(fig)["two"][1] == lane_y[t("blueprint.unassigned", "fi")]
    assert layout(path).lanes[-1].key == UNASSIGNED


def test_an_unfinished_draft_still_draws() -> None:
    fig = blueprint_figure(unfinished_path(), "en")
    assert list(fig.layout.yaxis.ticktext) == ["ghost", t("blueprint.unassigned", "en")]
    assert list(fig.layout.xaxis.ticktext) == ["<b>1.</b> S", "<b>2.</b> Empty stage", t("text.other_steps", "en")]
    assert set(step_points(fig)) == {"a", "b", "c"}
    assert sorted(a.name for a in arrows(fig)) == ["transition:a->b", "transition:b->a", "transition:c->c"]
    loop = next(a for a in arrows(fig) if a.name == "transition:c->c")
    assert (loop.x, loop.y) == step_points(fig)["c"] and loop.ax > loop.x and loop.ay < loop.y
    go.Figure(fig.to_dict())


def test_actor_filter_dims_the_other_steps_and_marks_the_lane() -> None:
    path = sample_path()
    fig = blueprint_figure(path, "en", actor_filter="kela")
    assert "<b>▶ Kela</b>" in fig.layout.yaxis.ticktext
    for item in step_traces(fig):
        for step_id, opacity, size in zip(item.customdata, item.marker.opacity, item.marker.size, strict=True):
            involved = "kela" in path.step(step_id).actors
            assert (opacity == 1.0) == involved, step_id
            assert (size == MARKERS[item.meta["polku"]][3]) == involved
    consult = trace(fig, "coordinator")
    hover = dict(zip(consult.customdata, consult.hovertext, strict=True))
    assert "Not a step of Kela" in hover["consult"] and "Not a step of Kela" not in hover["meeting"]
    unfiltered = blueprint_figure(path, "en", actor_filter="nobody")
    assert all(opacity == 1.0 for item in step_traces(unfiltered) for opacity in item.marker.opacity)


def test_here_ring_and_participants_carry_step_ids() -> None:
    fig = blueprint_figure(sample_path(), "fi", "client", here="decide")
    here = trace(fig, "here")
    assert here.customdata == ("decide",) and here.name == "📍 Olet tässä"
    assert step_points(fig)["decide"] == (here.x[0], here.y[0])
    participants = trace(fig, "participant")
    lane_y = lanes(fig)
    pairs = set(zip(participants.customdata, participants.y, strict=True))
    assert ("meeting", lane_y["Kela"]) in pairs and ("meeting", lane_y["Asiakas"]) in pairs
    assert ("meeting", lane_y["Koordinaattori"]) not in pairs  # the responsible lane has the step itself


def test_height_grows_with_lanes_and_fonts_are_large() -> None:
    small = ServicePath.model_validate({
        "id": "small", "title": "S", "stages": [{"id": "s", "title": "S"}],
        "actors": [{"id": "a", "name": "A", "group": "client_side"}],
        "steps": [{"id": "one", "stage": "s", "actors": ["a"], "title": "One"}],
    })
    big = blueprint_figure(sample_path(), "en")
    assert big.layout.height > blueprint_figure(small, "en").layout.height
    assert big.layout.font.size >= 18 and big.layout.xaxis.tickfont.size >= 18


def test_figure_passes_plotlys_full_validation() -> None:
    """The figure is built without Plotly's slow per-property checks; here every property is checked."""
    for fig in (
        blueprint_figure(sample_path(), "sv", actor_filter="kela", here="meeting"),
        blueprint_figure(hostile_path(), "en", "client", here="x1"),
        blueprint_figure(ServicePath(id="empty", title="Tyhjä"), "fi"),
    ):
        checked = go.Figure(fig.to_dict())  # raises ValueError on any invalid property or value
        assert checked.to_dict() == fig.to_dict()


def test_figure_serialises_and_an_empty_path_draws_a_message() -> None:
    json.loads(blueprint_figure(sample_path(), "sv").to_json())
    empty = blueprint_figure(ServicePath(id="empty", title="Tyhjä"), "en")
    assert not empty.data and empty.layout.annotations[0].text == t("blueprint.empty", "en")


def test_step_details_for_a_click() -> None:
    path = sample_path()
    details = step_details(path, "backoffice", "en")
    assert details["title"] == "Contacting the coordinator" and details["stage"] == "Beginning"
    assert [a["name"] for a in details["actors"]] == ["Worker", "Coordinator"]
    assert details["actors"][0]["responsible"] and not details["actors"][1]["responsible"]
    assert details["kind_words"] == "Contact" and details["channels"] == ["by e-mail", "by phone"]
    placeholder, real = details["contacts"]
    assert placeholder["placeholder"] and placeholder["email"] == "" and placeholder["phone"] == ""
    assert placeholder["text"] == t("text.contact.placeholder", "en")
    assert real["email"] == "neuvonta@example.org" and not real["placeholder"]
    assert PLACEHOLDER_EMAIL not in json.dumps(details) and PLACEHOLDER_PHONE not in json.dumps(details)
    decide = step_details(path, "decide", "en")
    assert decide["coordinator"] and decide["lightbulb"] == "💡 Coordinator step"
    assert [(n["step_id"], n["condition"]) for n in decide["next"]] == [
        ("consult", "One consultation is enough"), ("meeting", "The client needs several services")
    ]
    client = step_details(path, "start", "en", "client")
    assert client["text"] == "You tell us about your situation." and client["description"] == ""
    assert step_details(path, "consult", "en", "client")["text"] == "Consultation"  # no client text: the title
    assert step_details(path, "backoffice", "en", "client") is None
    assert step_details(path, "nope", "en") is None
    hostile = step_details(hostile_path(), "x1", "en")
    assert [link["safe"] for link in hostile["links"]] == [True, False]
    assert "<script>" not in hostile["html"]


def test_builtin_paths_draw_completely() -> None:
    """The real data/ files in every language and audience."""
    assert sorted(DATA_DIR.glob("*.yaml")), "data/ has no built-in paths"
    for path in builtin_paths():
        for lang in LANGS:
            for audience in ("professional", "client"):
                view = audience_view(path, audience)
                fig = blueprint_figure(path, lang, audience)
                points = step_points(fig)
                assert set(points) == {step.id for step in view.steps}
                lane_y = lanes(fig)
                for step in view.steps:
                    if step.actors:
                        assert points[step.id][1] == lane_y[path.actor(step.actors[0]).name.get(lang)]
                coordinator = {step.id for step in view.steps if step.coordinator}
                if coordinator:
                    assert set(trace(fig, "coordinator").customdata) == coordinator
                assert len(arrows(fig)) == len(view.transitions)
