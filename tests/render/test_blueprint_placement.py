"""Where the blueprint's texts go (`paths.render.blueprint.placement`): by its own measure no step label or
condition runs into another or into a marker, and the x axis holds every label. The real boxes in Chromium:
tests/app/test_browser_picture.py::test_blueprint_texts_never_overlap."""

from __future__ import annotations

import pytest

from paths.formats.files import builtin_paths
from paths.model.schema import ServicePath
from paths.render.blueprint import blueprint_figure, layout
from paths.render.blueprint.geometry import Layout
from paths.render.blueprint.labels import CONDITION_FONT, STEP_FONT, condition_label, step_label
from paths.render.blueprint.placement import CONDITION_PAD_PX, Box, centred, label_box, marker_half, text_size
from paths.render.text_words import local
from tests.support.factories import branching_path, sample_path

BUILTIN = {path.id: path for path in builtin_paths()}


def crowded_path() -> ServicePath:
    """One lane, a branch with long conditions to steps close by and a way back over two steps."""
    steps = [
        {"id": f"s{i}", "stage": "only", "title": f"Askel numero {i} pitkällä nimellä", "actors": ["a"]}
        for i in range(5)
    ]
    transitions = [
        {"source": "s0", "target": "s1", "condition": "Ensimmäinen vaihtoehto pitkästi kerrottuna"},
        {"source": "s0", "target": "s3", "condition": "Toinen vaihtoehto myös pitkästi"},
        {"source": "s1", "target": "s2"},
        {"source": "s2", "target": "s3"},
        {"source": "s3", "target": "s4"},
        {"source": "s4", "target": "s1", "condition": "Takaisin alkuun, jos tarvitaan vielä"},
    ]
    actors = [{"id": "a", "name": "Aktori", "group": "professional"}]
    stages = [{"id": "only", "title": "Ainoa vaihe"}]
    return branching_path(stages=stages, actors=actors, steps=steps, transitions=transitions)


CASES = {**BUILTIN, "branching": branching_path(), "sample": sample_path()}


def drawn_boxes(plan: Layout, lang: str) -> list[tuple[str, Box]]:
    """Every marker, step label and condition box as the placement measures them."""
    boxes = []
    for step_id, (x, y) in plan.positions.items():
        boxes.append((f"marker {step_id}", centred(x, y, tuple(2 * h for h in marker_half(step_id, plan)))))
        size = text_size(step_label(plan.view.step(step_id), lang), STEP_FONT)
        boxes.append((f"label {step_id}", label_box(step_id, plan.label_positions[step_id], size, plan)))
    for transition in plan.view.transitions:
        route = plan.routes.get((transition.source, transition.target))
        condition = local(transition.condition, lang).text
        if route and route.label and condition:
            size = text_size(condition_label(condition), CONDITION_FONT, CONDITION_PAD_PX)
            boxes.append((f"condition {transition.source}->{transition.target}", centred(*route.label, size)))
    return boxes


@pytest.mark.parametrize("path", list(CASES.values()), ids=list(CASES))
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_condition_runs_into_a_text_or_a_marker_and_no_label_into_a_marker(path: ServicePath, lang: str) -> None:
    plan = layout(path, lang)
    boxes = drawn_boxes(plan, lang)
    # Two step labels may touch by this measure (it is wider than the drawn text): the browser test measures them.
    hits = [
        (a, b)
        for i, (a, box) in enumerate(boxes)
        for b, other in boxes[i + 1 :]
        if box.overlap(other) > 1e-9 and ("condition" in a + b or (a + b).count("marker") == 1)
    ]
    assert hits == []
    left, right = plan.x_range
    assert all(left <= box.left and box.right <= right for _, box in boxes)  # the axis holds every text
    conditions = [box for name, box in boxes if name.startswith("condition")]
    assert all(-0.05 <= box.top and box.bottom <= plan.height + 0.05 for box in conditions)  # inside the plot


def test_a_crowded_lane_still_gets_each_condition_on_its_own_arrow_or_way() -> None:
    """Where nothing is free (one lane, long conditions close together) each condition still sits on its arrow
    or on the way its arrow takes, the least in the way of the other texts."""
    plan = layout(crowded_path(), "fi")
    for (source, target), route in plan.routes.items():
        if route.label is None:
            continue
        (sx, sy), (tx, _ty) = plan.positions[source], plan.positions[target]
        low, high = sorted((sx, tx))
        assert low <= route.label[0] <= high
        assert route.label[1] == (route.lift if route.lift is not None else route.label[1])
        assert route.lift is not None or abs(route.label[1] - sy) <= 0.12 + 1e-9  # on the straight arrow or beside
    back = plan.routes[("s4", "s1")]
    assert back.lift is not None  # a way back over the steps between
    figure = blueprint_figure(crowded_path(), "fi")
    drawn = {a.name: a for a in figure.layout.annotations if a.name and a.name.startswith("condition:")}
    assert (drawn["condition:s4->s1"].x, drawn["condition:s4->s1"].y) == back.label
    assert list(figure.layout.xaxis.range) == list(plan.x_range)


def looping_path() -> ServicePath:
    """A step that leads back to itself, a way back over a step and a hand-off down and up again."""
    steps = [
        {"id": "a", "stage": "one", "title": "Alkuhaastattelu asiakkaan kanssa", "actors": ["p"]},
        {"id": "b", "stage": "one", "title": "Selvitys tehdään uudelleen", "actors": ["p"]},
        {"id": "c", "stage": "two", "title": "Päätös palvelusta", "actors": ["q", "p"]},
        {"id": "d", "stage": "two", "title": "Palvelu alkaa", "actors": ["p"]},
    ]
    transitions = [
        {"source": "a", "target": "b"},
        {"source": "b", "target": "b", "condition": "Kunnes selvitys on valmis"},
        {"source": "b", "target": "c"},
        {"source": "c", "target": "d", "condition": "Myönteinen päätös"},
        {"source": "d", "target": "a", "condition": "Palataan alkuun"},
    ]
    actors = [
        {"id": "p", "name": "Ammattilainen", "group": "professional"},
        {"id": "q", "name": "Organisaatio", "group": "organisation"},
    ]
    stages = [{"id": "one", "title": "Ensimmäinen"}, {"id": "two", "title": "Toinen"}]
    return branching_path(stages=stages, actors=actors, steps=steps, transitions=transitions)


def back(arrow: str) -> str:
    """ "b->a" for "a->b": the arrow back is drawn on the same line."""
    return "->".join(reversed(arrow.split("->")))


def drawn_lines(figure) -> list[tuple[str, tuple[float, float], tuple[float, float]]]:  # noqa: ANN001 - a Figure
    """Every straight piece of the figure's arrows and drawn lines, each with its arrow ("a->b", else "") — the
    arrows' lines as annotations draw them, the ways over the steps, the dotted and the separating lines."""
    lines = []
    for note in figure.layout.annotations:
        if note.showarrow and (note.name or "").startswith("transition:"):
            lines.append((note.name.split(":", 1)[1], (note.ax, note.ay), (note.x, note.y)))
    for shape in figure.layout.shapes:
        owner = (shape.name or ":").split(":", 1)[1]
        if shape.type == "line":
            lines.append((owner, (shape.x0, shape.y0), (shape.x1, shape.y1)))
        elif shape.type == "path":
            points = [tuple(float(n) for n in point.split(",")) for point in shape.path[2:].split(" L ")]
            lines += [(owner, a, b) for a, b in zip(points, points[1:], strict=False)]
    return lines


# Not yet: one lane of three-line labels a slot apart, three conditions about half a lane high and four ways over
# or under the steps. The search (`blueprint.search`: each label's six places, each way's eight heights, moved
# alone, in pairs and in chains) ends with two ways under the steps through the label of s1; a longer random search
# (simulated annealing, tried by hand), and the search with lines weighed ten times more, found placements without
# a crossing only with the condition of s0->s1 on the marker and label of s1, which the other test here forbids
# and the measure weighs more (`search.HIT_WEIGHT`).
CROWDED = pytest.mark.xfail(
    reason="no placement found for the crowded lane has neither a way through a label nor a condition on a text",
    strict=True,
)
LINE_CASES = [*CASES.items(), ("crowded", crowded_path()), ("looping", looping_path())]


@pytest.mark.parametrize(
    "path",
    [pytest.param(path, id=name, marks=[CROWDED] if name == "crowded" else []) for name, path in LINE_CASES],
)
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_no_arrow_or_drawn_line_runs_through_a_label(path: ServicePath, lang: str) -> None:
    """No arrow, way over the steps, dotted "takes part" line or line between lanes and stages crosses a step's
    label or a condition — but an arrow its own condition, which sits on it with a white background (or that of
    the arrow back, drawn on the same line)."""
    plan = layout(path, lang)
    texts = [(name, box) for name, box in drawn_boxes(plan, lang) if not name.startswith("marker")]
    crossings = [
        f"{owner or 'line'} {a}-{b} / {name}"
        for owner, a, b in drawn_lines(blueprint_figure(path, lang))
        for name, box in texts
        if box.crossed(a, b) > 1e-9 and name not in (f"condition {owner}", f"condition {back(owner)}")
    ]
    assert crossings == []


def test_the_search_stops_at_its_budget_and_still_places_every_text(monkeypatch) -> None:  # noqa: ANN001
    """Long texts on a crowded path made the search weigh options for minutes (the fuzzer's page never finished);
    past its budget it stops where it is, and every label and condition still has its place."""
    from paths.render.blueprint import search

    asked = []
    original = search._Search.__init__

    def counting(self, pieces) -> None:  # noqa: ANN001
        original(self, pieces)
        asked.append(self)

    monkeypatch.setattr(search, "BUDGET", 2_000)
    monkeypatch.setattr(search._Search, "__init__", counting)
    path = BUILTIN["pohjanmaa"]
    figure = blueprint_figure(path, "fi")
    assert asked and all(found.spent for found in asked)  # it ran out...
    assert max(found.asked for found in asked) < 50 * search.BUDGET  # ...and stopped soon after
    labels = [a for a in figure.layout.annotations if (a.name or "").startswith("condition:")]
    assert len(labels) == len({(t.source, t.target) for t in path.transitions if t.condition.fi})
