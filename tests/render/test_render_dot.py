"""The flow diagram: DOT from `to_dot`, checked in the DOT and in the SVG drawn by the real `dot`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from paths.formats.files import builtin_paths
from paths.model.schema import ServicePath
from paths.render.dot import BULB, TITLE_WIDTH, Handoff, handoffs, to_dot, wrap
from paths.render.image import render_dot
from tests.support.factories import branching_path

SVG = "{http://www.w3.org/2000/svg}"

HOSTILE = [
    '"><script>alert(1)</script>',
    r"\N \l \G \E \T \H \L back\slash",
    "<b>bold</b>",
    "&amp; &lt; &#60;",
    "javascript:alert(1)",
    "it's \"quoted\" 🙂👩‍👩‍👧",
]
LONG_WORD = "työkyvyntukipalvelukokonaisuussuunnitelma"


def svg_of(dot: str) -> ET.Element:
    """The SVG that the real `dot` draws, parsed (raises when it is not well-formed XML)."""
    return ET.fromstring(render_dot(dot, "svg"))  # noqa: S314 - our own dot output, no entities


def edge_labels(root: ET.Element) -> list[str]:
    """Each arrow's label, its wrapped lines joined by spaces."""
    return [
        " ".join(texts(group)) for group in root.iter(f"{SVG}g") if "edge" in (group.get("class") or "").split()
    ]


def texts(root: ET.Element) -> list[str]:
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def node_groups(root: ET.Element) -> dict[str, list[str]]:
    """Each drawn step: its title line(s) joined -> all its text lines."""
    groups = {}
    for group in root.iter(f"{SVG}g"):
        if "step" in (group.get("class") or "").split():
            lines = texts(group)
            groups[" | ".join(lines)] = lines
    return groups


def lines_of_step(root: ET.Element, title: str) -> list[str]:
    matches = [lines for lines in node_groups(root).values() if title in lines]
    assert len(matches) == 1, (title, list(node_groups(root)))
    return matches[0]


def bulb_count(root: ET.Element) -> int:
    return sum(text.count(BULB) for text in texts(root))


def hostile_path() -> ServicePath:
    """The test path with hostile text in titles, actor names, stage titles and conditions."""
    path = branching_path()
    steps = list(path.steps)
    for i, title in enumerate(HOSTILE):
        steps[i] = steps[i].model_copy(update={"title": steps[i].title.model_copy(update={"fi": title})})
    steps[6] = steps[6].model_copy(update={"title": steps[6].title.model_copy(update={"fi": LONG_WORD})})
    stages = list(path.stages)
    stages[0] = stages[0].model_copy(update={"title": stages[0].title.model_copy(update={"fi": "<i>vaihe</i> & \\N"})})
    actors = list(path.actors)
    actors[2] = actors[2].model_copy(update={"name": actors[2].name.model_copy(update={"fi": "Sote \"&\" <u>x</u>"})})
    transitions = list(path.transitions)
    transitions[2] = transitions[2].model_copy(
        update={"condition": transitions[2].condition.model_copy(update={"fi": "ehto <script>x</script> \\E"})}
    )
    return path.model_copy(
        update={
            "title": path.title.model_copy(update={"fi": "Polku \\G javascript:alert(2) \x01"}),
            "steps": steps,
            "stages": stages,
            "actors": actors,
            "transitions": transitions,
        }
    )


@pytest.fixture(scope="module")
def path() -> ServicePath:
    return branching_path()


@pytest.fixture(scope="module")
def professional_svg(path: ServicePath) -> ET.Element:
    return svg_of(to_dot(path))


@pytest.fixture(scope="module")
def hostile_svg() -> tuple[str, ET.Element]:
    dot = to_dot(hostile_path())
    return dot, svg_of(dot)


def test_light_bulb_on_exactly_the_coordinator_steps(path: ServicePath, professional_svg: ET.Element) -> None:
    coordinator = {step.title.fi for step in path.steps if step.coordinator}
    assert len(coordinator) == 3
    assert bulb_count(professional_svg) == len(coordinator) + 1  # one in the legend
    for step in path.steps:
        lines = lines_of_step(professional_svg, step.title.fi)
        has_bulb = any(BULB in line for line in lines)
        assert has_bulb == step.coordinator, step.id
        if step.coordinator:  # icon and words, not colour alone
            assert f"{BULB} Koordinaattorin askel" in lines


def test_coordinator_steps_are_coloured_too(path: ServicePath) -> None:
    dot = to_dot(path)
    coordinator_nodes = [line for line in dot.splitlines() if "coordinator" in line and "class=" in line]
    assert len(coordinator_nodes) == 3
    assert all('fillcolor="#FFE08A"' in line for line in coordinator_nodes)


def test_without_legend_only_the_steps_carry_bulbs(path: ServicePath) -> None:
    root = svg_of(to_dot(path, legend=False))
    assert bulb_count(root) == 3
    assert "Selite" not in texts(root)


def test_legend_in_each_language(path: ServicePath) -> None:
    for lang, title, bulb_text, decision in (
        ("fi", "Selite", "Työkykykoordinaattorin askel (hehkulamppu)", "vinoneliö"),
        ("sv", "Teckenförklaring", "Steg för samordnaren för arbetsförmågan (glödlampa)", "romb"),
        ("en", "Legend", "Work-ability coordinator's step (light bulb)", "diamond"),
    ):
        all_text = texts(svg_of(to_dot(path, lang)))
        assert title in all_text
        assert bulb_text in all_text
        assert any(decision in text for text in all_text)
        assert BULB in all_text  # the legend's own light bulb swatch


def test_branch_labels_in_each_language(path: ServicePath) -> None:
    for lang in ("fi", "sv", "en"):
        labels = edge_labels(svg_of(to_dot(path, lang)))
        expected = [tr.condition.get(lang) for tr in path.transitions if tr.condition]
        assert len(expected) == 3
        for label in expected:
            assert label in labels, (lang, label, labels)


def test_decisions_are_diamonds(path: ServicePath, professional_svg: ET.Element) -> None:
    dot = to_dot(path)
    decision_lines = [line for line in dot.splitlines() if "class=" in line and "decision" in line]
    assert len(decision_lines) == 1 and 'shape="diamond"' in decision_lines[0]
    assert sum('shape="diamond"' in line for line in dot.splitlines()) == 1
    for group in professional_svg.iter(f"{SVG}g"):
        if "decision" in (group.get("class") or "").split():
            polygon = group.find(f"{SVG}polygon")
            points = {tuple(p.split(",")) for p in polygon.get("points").split()}
            assert len(points) == 4
            assert len({x for x, _ in points}) == 3  # left, centre (top and bottom), right: a diamond
            break
    else:
        pytest.fail("no decision drawn")


def test_network_meeting_and_end_have_text_cues(professional_svg: ET.Element) -> None:
    meeting = lines_of_step(professional_svg, "Verkostokokous")
    assert "👥 Verkostokokous" in meeting
    assert "🏁 Polun loppu" in lines_of_step(professional_svg, "Asiakkuus päättyy")
    assert "🏁 Polun loppu" not in lines_of_step(professional_svg, "Seuranta")


def test_network_meeting_bold_and_highlighted(path: ServicePath) -> None:
    line = next(line for line in to_dot(path).splitlines() if "network_meeting" in line and "class=" in line)
    assert 'color="#0B57B3"' in line and 'penwidth="3.5"' in line


def test_stage_titles_and_responsible_actor(professional_svg: ET.Element) -> None:
    all_text = texts(professional_svg)
    for stage in ("Tunnistus", "Yhteys", "Verkosto", "Päättyminen"):
        assert stage in all_text
    assert "Sote" in lines_of_step(professional_svg, "Kirjaus")
    assert "Asiakas" in lines_of_step(professional_svg, "Tarve tunnistetaan")


def cluster_spans(root: ET.Element) -> dict[str, tuple[float, float]]:
    spans = {}
    for group in root.iter(f"{SVG}g"):
        if "cluster" not in (group.get("class") or ""):
            continue
        title = group.find(f"{SVG}title").text
        shape = group.find(f"{SVG}path")
        if shape is None:
            shape = group.find(f"{SVG}polygon")
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points"))]
        xs = numbers[0::2]
        spans[title] = (min(xs), max(xs))
    return spans


def test_columns_stay_in_stage_order_with_loops_and_scrambled_steps() -> None:
    """Steps listed out of order, a step of the first stage reached last, a loop back: the
    stage columns still run left to right without overlapping."""
    path = ServicePath.model_validate(
        {
            "id": "jarjestys",
            "title": "Järjestys",
            "stages": [{"id": s, "title": f"Vaihe {s}"} for s in ("a", "b", "c", "d")],
            "actors": [{"id": "x", "name": "X", "group": "professional"}],
            "steps": [
                {"id": "d1", "stage": "d", "title": "D1", "kind": "end", "actors": ["x"]},
                {"id": "c1", "stage": "c", "title": "C1", "actors": ["x"]},
                {"id": "a2", "stage": "a", "title": "A2", "actors": ["x"]},
                {"id": "b1", "stage": "b", "title": "B1", "actors": ["x"]},
                {"id": "a1", "stage": "a", "title": "A1", "actors": ["x"]},
                {"id": "c2", "stage": "c", "title": "C2", "kind": "decision", "actors": ["x"]},
            ],
            "transitions": [
                {"source": "a1", "target": "b1"},
                {"source": "b1", "target": "c1"},
                {"source": "c1", "target": "a2"},
                {"source": "a2", "target": "c2"},
                {"source": "c2", "target": "b1", "condition": "Uudelleen"},
                {"source": "c2", "target": "d1", "condition": "Valmis"},
            ],
        }
    )
    spans = cluster_spans(svg_of(to_dot(path)))
    order = ["cluster_s0", "cluster_s1", "cluster_s2", "cluster_s3", "cluster_legend"]
    assert list(spans) == order
    for left, right in zip(order, order[1:], strict=False):
        assert spans[left][1] <= spans[right][0], (left, right, spans)


def test_big_synthetic_path_keeps_its_columns_in_order() -> None:
    from bench.synthetic import synthetic_path

    path = synthetic_path(120, seed=3)
    spans = cluster_spans(svg_of(to_dot(path)))
    stage_clusters = [f"cluster_s{i}" for i in range(len(path.stages))]
    assert [name for name in spans if name in stage_clusters] == stage_clusters
    for left, right in zip(stage_clusters, stage_clusters[1:], strict=False):
        assert spans[left][1] <= spans[right][0], (left, right)


def test_empty_and_unknown_stages_are_drawn() -> None:
    path = branching_path(
        stages=[
            {"id": "tunnistus", "title": "Tunnistus"},
            {"id": "tyhja", "title": "Tyhjä vaihe"},
        ],
        steps=[
            {"id": "a", "stage": "tunnistus", "title": "Alku"},
            {"id": "b", "stage": "puuttuu", "title": "Orpo askel", "kind": "end"},
        ],
        transitions=[{"source": "a", "target": "b"}, {"source": "a", "target": "zzz"}],
        actors=[],
    )
    all_text = texts(svg_of(to_dot(path)))
    assert {"Tyhjä vaihe", "(ei vielä askelia)", "Tuntematon vaihe", "Orpo askel"} <= set(all_text)


@pytest.mark.parametrize(("lang", "words"), [("fi", "Näytetään nyt"), ("sv", "Visas nu"), ("en", "Shown now")])
def test_the_current_stage_is_framed_and_says_so(path: ServicePath, lang: str, words: str) -> None:
    """The appointment mode's stage: a thick ink frame and "▶ shown now" in words, on that stage alone."""
    stage = path.stages[1]
    svg = svg_of(to_dot(path, lang, "client", layout="portrait", current_stage=stage.id))
    framed = [g for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "cluster stage current"]
    assert len(framed) == 1
    assert texts(framed[0])[:2] == [f"▶ {words}", stage.title.get(lang)]
    assert framed[0].find("{http://www.w3.org/2000/svg}path").get("stroke-width") == "4"
    assert texts(svg).count(f"▶ {words}") == 1
    assert "current" not in to_dot(path, lang, "client", current_stage="no-such-stage")


# --- escaping ---------------------------------------------------------------------------


def test_hostile_text_comes_out_literally(hostile_svg: tuple[str, ET.Element]) -> None:
    _, root = hostile_svg
    all_text = texts(root)
    joined_nodes = [" ".join(lines) for lines in node_groups(root).values()]
    for title in HOSTILE:
        assert any(title in joined for joined in joined_nodes), title
    assert '"><script>alert(1)</script>' in all_text  # a whole line, not split
    assert "<i>vaihe</i> & \\N" in all_text
    assert 'Sote "&" <u>x</u>' in all_text
    assert "ehto <script>x</script> \\E" in edge_labels(root)
    assert "Polku \\G javascript:alert(2)" in all_text  # the control character is dropped


def test_hostile_text_adds_no_markup_or_links(hostile_svg: tuple[str, ET.Element]) -> None:
    dot, root = hostile_svg
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in {"script", "a", "foreignObject", "i", "u", "b"}, tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1]
            assert "href" not in local and not local.startswith("on"), (tag, name, value)
            assert "javascript" not in value.lower(), (tag, name, value)
    assert not re.search(r"\b(URL|href|tooltip|target)\s*=", dot)
    # Bold in the SVG comes from our own title lines only, never from the user's <b>.
    assert all(element.get("font-weight") in (None, "bold") for element in root.iter(f"{SVG}text"))


def test_node_names_are_generated_not_user_ids() -> None:
    path = branching_path()
    renamed = {step.id: f"userid{i}x" for i, step in enumerate(path.steps)}
    path = path.model_copy(
        update={
            "steps": [step.model_copy(update={"id": renamed[step.id]}) for step in path.steps],
            "transitions": [
                tr.model_copy(update={"source": renamed[tr.source], "target": renamed[tr.target]})
                for tr in path.transitions
            ],
        }
    )
    dot = to_dot(path, here="userid2x", statuses={"userid0x": "done"}, actor_filter="sote")
    assert "userid" not in dot
    assert re.search(r"^\s+n0 \[", dot, re.MULTILINE)
    assert "📍" in dot and "✓" in dot


def test_long_finnish_words_wrap_with_a_hyphen(hostile_svg: tuple[str, ET.Element]) -> None:
    _, root = hostile_svg
    head = LONG_WORD[: TITLE_WIDTH - 1]
    pieces = lines_of_step(root, head + "-")
    assert LONG_WORD[len(head) :] in pieces
    assert all(len(line) <= 32 for lines in node_groups(root).values() for line in lines)
    lines = wrap(f"{LONG_WORD} {LONG_WORD}", 24, 6)
    assert "".join(line.replace("-", "") for line in lines).replace(" ", "") == LONG_WORD * 2
    assert all(len(line) <= 24 for line in lines)


def test_wrap_keeps_short_words_and_cuts_very_long_text() -> None:
    assert wrap("Työkykykoordinaattori kutsuu verkoston koolle", 24, 6) == [
        "Työkykykoordinaattori",
        "kutsuu verkoston koolle",
    ]
    lines = wrap("sana " * 200, 24, 3)
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert wrap("", 24, 3) == []
    assert wrap("a\tb\nc\x00d", 24, 3) == ["a b c d"]


# --- audiences, statuses, actor filter --------------------------------------------------


def test_client_audience_hides_back_office_steps(path: ServicePath) -> None:
    root = svg_of(to_dot(path, "fi", "client"))
    all_text = texts(root)
    assert "Kirjaus" not in all_text  # professionals only
    assert "Tarve tunnistetaan" in all_text and "Yhteydenotto" in all_text
    coordinator_visible = [s for s in path.steps if s.coordinator and s.audience.value == "everyone"]
    assert bulb_count(root) == len(coordinator_visible) + 1
    assert f"{BULB} Koordinaattori auttaa sinua tässä" in lines_of_step(root, "Yhteydenotto")
    assert "Hehkulamppu: koordinaattori auttaa sinua tässä askeleessa" in all_text
    # The hidden step's arrows are joined: the client still sees one path.
    assert "n0 -> n1" in to_dot(path, "fi", "client")


def test_here_marker_in_each_language(path: ServicePath) -> None:
    for lang, cue in (("fi", "Olet tässä"), ("sv", "Du är här"), ("en", "You are here")):
        root = svg_of(to_dot(path, lang, "client", here="kokous"))
        title = path.step("kokous").title.get(lang)
        assert f"📍 {cue}" in lines_of_step(root, title)
        assert sum("📍" in text for text in texts(root)) == 2  # the step and the legend
        assert cue in texts(root)  # legend row
    dot = to_dot(path, here="kokous")
    here_line = next(line for line in dot.splitlines() if "status-here" in line)
    assert 'fillcolor="#FFD1DC"' in here_line and 'color="#A3123A"' in here_line


def test_statuses_marked_with_icon_text_and_colour(path: ServicePath) -> None:
    statuses = {"tarve": "done", "yhteydenotto": "here", "kokous": "next", "konsultaatio": "not_for_me", "x": "done"}
    dot = to_dot(path, "fi", "client", statuses=statuses)
    root = svg_of(dot)
    assert "✓ Tehty" in lines_of_step(root, "Tarve tunnistetaan")
    assert "📍 Olet tässä" in lines_of_step(root, "Yhteydenotto")
    assert "➜ Seuraavaksi" in lines_of_step(root, "Verkostokokous")
    assert "– Ei koske minua" in lines_of_step(root, "Konsultaatio riittää")
    assert not any("Tehty" in line or "Seuraavaksi" in line for line in lines_of_step(root, "Seuranta"))
    for legend_text in ("Tehty", "Olet tässä", "Seuraava askel", "Ei koske minua (katkoviiva)"):
        assert legend_text in texts(root)
    not_for_me = next(line for line in dot.splitlines() if "status-not_for_me" in line)
    assert "dashed" in not_for_me
    done = next(line for line in dot.splitlines() if "status-done" in line)
    assert 'color="#2E6B2E"' in done
    # Without statuses the legend has no status rows.
    assert "Tehty" not in texts(svg_of(to_dot(path, "fi", "client")))


def test_unknown_status_values_are_ignored(path: ServicePath) -> None:
    dot = to_dot(path, statuses={"tarve": "<script>", "kokous": "done"})
    assert "<script>" not in dot and "status-done" in dot


def test_handoffs(path: ServicePath) -> None:
    assert handoffs(path) == [
        Handoff("tarve", "kirjaus", "asiakas", "sote", False),
        Handoff("kirjaus", "yhteydenotto", "sote", "koordinaattori", True),
        Handoff("kokous", "seuranta", "koordinaattori", "sote", True),
        Handoff("seuranta", "kokous", "sote", "koordinaattori", True),
    ]


def test_actor_filter_emphasises_dims_and_marks_handoffs(path: ServicePath) -> None:
    dot = to_dot(path, actor_filter="asiakas")
    root = svg_of(dot)
    focus = [s for s in path.steps if "asiakas" in s.actors]
    for step in path.steps:
        lines = lines_of_step(root, step.title.fi)
        marker = "★ Valittu toimija" if step in focus else "○ Muu toimija"
        assert marker in lines, step.id
    # Only the hand-off that touches the client: Tarve -> Kirjaus, not covered by the coordinator.
    assert texts(root).count("⇄ Vastuu siirtyy") == 1
    assert not any("koordinaattori tukee" in text for text in texts(root))
    assert sum("dimmed" in line for line in dot.splitlines()) == len(path.steps) - len(focus)
    for legend_text in ("Valitun toimijan askel (paksu reuna)", "Vastuu siirtyy toiselle toimijalle (paksu nuoli)"):
        assert legend_text in texts(root)

    root = svg_of(to_dot(path, "en", actor_filter="sote"))
    all_text = texts(root)
    assert all_text.count("⇄ Hand-off") == 1
    assert all_text.count("⇄ Hand-off, the coordinator supports it") == 3


def test_here_stays_bright_under_the_actor_filter(path: ServicePath) -> None:
    dot = to_dot(path, here="yhteydenotto", actor_filter="asiakas")
    line = next(line for line in dot.splitlines() if "status-here" in line)
    assert 'fillcolor="#FFD1DC"' in line and "dashed" not in line and "○" in line


def test_builtin_paths_render_with_their_light_bulbs() -> None:
    paths = builtin_paths()
    assert {"ari", "maija", "pohjanmaa"} <= {p.id for p in paths}
    for path in paths:
        for lang in ("fi", "sv", "en"):
            root = svg_of(to_dot(path, lang))
            assert bulb_count(root) == len(path.coordinator_steps) + 1, (path.id, lang)


def test_unfinished_drafts_still_draw() -> None:
    """Workshops draw paths with problems: no steps, duplicate ids, self-loops, unknown refs."""
    drafts = [
        {"id": "tyhja", "title": "Tyhjä"},
        {"id": "vaiheet", "title": "", "stages": [{"id": "a", "title": ""}]},
        {
            "id": "tuplat",
            "title": "Tuplat",
            "stages": [{"id": "a", "title": "A"}, {"id": "a", "title": "A2"}],
            "steps": [
                {"id": "x", "stage": "a", "title": "X"},
                {"id": "x", "stage": "a", "title": "X2"},
                {"id": "y", "stage": "a", "title": "Y", "actors": ["tuntematon"]},
            ],
            "transitions": [
                {"source": "x", "target": "y"},
                {"source": "x", "target": "y"},
                {"source": "y", "target": "y"},
                {"source": "y", "target": "puuttuu"},
            ],
        },
    ]
    for draft in drafts:
        path = ServicePath.model_validate(draft)
        root = svg_of(to_dot(path, here="puuttuu", statuses={"x": "done"}, actor_filter="ei-ketaan"))
        assert "Selite" in texts(root)
    root = svg_of(to_dot(ServicePath.model_validate(drafts[2])))
    assert "X" in texts(root) and "X2" not in texts(root)  # a duplicated id draws once
    assert "A2" not in texts(root)
    assert "tuntematon" in texts(root)  # an unknown actor shows its id rather than nothing
