"""The exports in real Chromium: mermaid (from npm) renders both Mermaid texts and every step is in
the picture; bpmn-js (from npm) opens the exported BPMN laid out; the published page passes an axe
scan with no serious or critical violation and makes no request at all.

The JavaScript comes from node_modules (package.json pins it; `npm ci` installs it) and is put into
a blank page with Playwright's `add_script_tag(path=...)`: no CDN, no server.
"""

from __future__ import annotations

import json
import re

import pytest

from paths.formats.bpmn import to_bpmn
from paths.formats.files import builtin_paths
from paths.formats.mermaid import to_mermaid_flowchart, to_mermaid_journey
from paths.formats.publish import publish_page
from paths.views.audience import audience_view
from tests.support.browser import ROOT

pytestmark = pytest.mark.browser
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
BPMN_JS = ROOT / "node_modules" / "bpmn-js" / "dist" / "bpmn-viewer.production.min.js"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PATHS = builtin_paths()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def blank(chromium):
    """A blank page whose every request is recorded (a self-contained page makes none)."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    yield page
    context.close()


def require(file) -> None:  # noqa: ANN001 - a Path
    if not file.exists():
        pytest.fail(f"{file.relative_to(ROOT)} is missing: run `npm ci` in the repository root")


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.id)
def test_mermaid_renders_flowchart_and_journey_with_every_step(blank, path) -> None:  # noqa: ANN001
    require(MERMAID)
    blank.set_content("<!DOCTYPE html><html lang='fi'><body><div id='out'></div></body></html>")
    blank.add_script_tag(path=str(MERMAID))
    blank.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
    for name, text, audience in (("flowchart", to_mermaid_flowchart(path, "fi"), "professional"),
                                 ("journey", to_mermaid_journey(path, "fi", audience="client"), "client")):
        svg = blank.evaluate("async ([id, text]) => (await mermaid.render(id, text)).svg", [f"m-{name}", text])
        blank.evaluate("svg => { document.getElementById('out').innerHTML = svg; }", svg)
        shown = squeeze(blank.locator("#out svg").first.text_content())
        for step in audience_view(path, audience).steps:
            title = step.title.get("fi")
            if name == "journey":
                title = title.replace(":", "꞉")
            assert squeeze(title) in shown, (name, title)
        assert blank.locator("#out svg title").first.text_content().strip() == path.title.fi
        assert blank.locator("#out svg desc").count() == 1
    assert blank.requests == []


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.id)
def test_bpmn_js_opens_the_export_laid_out(blank, path) -> None:  # noqa: ANN001
    require(BPMN_JS)
    blank.set_content("<!DOCTYPE html><html lang='fi'><body><div id='canvas' style='width:1300px;height:800px'>"
                      "</div></body></html>")
    blank.add_script_tag(path=str(BPMN_JS))
    result = blank.evaluate(
        """async xml => {
            const viewer = new BpmnJS({container: '#canvas'});
            const {warnings} = await viewer.importXML(xml);
            const registry = viewer.get('elementRegistry');
            const shapes = registry.filter(e => e.type !== 'label').map(e => ({id: e.id, type: e.type,
                x: e.x, width: e.width}));
            return {warnings: warnings.map(w => w.message), shapes};
        }""",
        to_bpmn(path, "fi").decode("utf-8"),
    )
    assert result["warnings"] == []
    shapes = {shape["id"]: shape for shape in result["shapes"]}
    for step in path.steps:
        assert f"Step_{step.id}" in shapes
        assert shapes[f"Step_{step.id}"]["width"] > 0
    assert sum(1 for s in shapes.values() if s["type"] == "bpmn:Lane") == len(path.actors)
    stage_x = [shapes[f"Group_{stage.id}"]["x"] for stage in path.stages]
    assert stage_x == sorted(stage_x)
    text = squeeze(blank.locator("#canvas").text_content())
    for step in path.steps:
        assert squeeze(step.title.fi)[:20] in text
    assert blank.requests == []


@pytest.mark.parametrize(("view", "lang"), [("client", "fi"), ("professional", "sv"), ("client", "en")])
def test_published_page_passes_axe_and_makes_no_request(chromium, tmp_path, view: str, lang: str) -> None:
    require(AXE)
    path = next(p for p in PATHS if p.id == "pohjanmaa")
    file = tmp_path / "page.html"
    file.write_text(publish_page(path, view, lang, version=1), encoding="utf-8")
    # The page's own Content-Security-Policy would block axe's injection; bypassing it also shows that the
    # page's content itself asks for nothing (with the policy ignored, any reference would be fetched).
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(file.as_uri())
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").count() == 1
        assert page.locator("svg[role='img']").count() == 1
        page_requests = list(requests)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        context.close()
    assert page_requests == [file.as_uri()]
    blocking = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
                if v["impact"] in ("serious", "critical")]
    assert blocking == [], json.dumps(blocking, ensure_ascii=False)


def test_published_page_reads_without_javascript(chromium, tmp_path) -> None:
    path = next(p for p in PATHS if p.id == "ari")
    file = tmp_path / "page.html"
    file.write_text(publish_page(path, "client", "fi"), encoding="utf-8")
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(file.as_uri())
        text = squeeze(page.locator("#text-version").text_content())
        for step in audience_view(path, "client").steps:
            assert squeeze(step.title.fi) in text or squeeze(step.client_text.fi)[:30] in text
        page.emulate_media(media="print")
        assert page.evaluate("getComputedStyle(document.querySelector('.skip')).display") == "none"
    finally:
        context.close()
