"""The path's picture in Chromium (issue 10): the flow diagram drawn on the server and shown by the
components-v2 component, at four viewports, clicked and reached with the keyboard.

Measured in the real page: every text of the drawing at least 12 CSS px at its natural size, no sideways
overflow of the page on a 390 px phone for the built-in paths (the automatic choice takes the portrait
layout there), the blueprint's drawn texts never overlapping, and a click (or Tab and Enter) on a step
opening its details and putting `?step=` in the URL."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from paths.formats.files import builtin_paths
from paths.i18n.catalog import t
from tests.support.browser import wait_idle

pytestmark = pytest.mark.browser

VIEWPORTS = [(390, 844), (768, 1024), (1280, 720), (1920, 1080)]
BUILTIN = {path.id: path for path in builtin_paths()}
SLOW = 60_000
FLOW_SVG = ".polku-flow svg"
SHOWN = ".polku-flow:visible"  # with the automatic layout both drawings are in the page, one of them shown


def open_page(chromium, url: str, width: int, height: int):  # noqa: ANN001, ANN201 - Playwright types
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="fi-FI")
    page = context.new_page()
    page.goto(url)
    wait_idle(page, SLOW)
    page.wait_for_selector(f"{SHOWN} svg", timeout=SLOW)
    if page.locator(".polku-flow-frame").count():  # the markup's steps answer once the page's listener is there
        page.wait_for_selector("html[data-polku-steps='listening']", state="attached", timeout=SLOW)
        wait_idle(page, SLOW)
    return context, page


def drawing_facts(page) -> dict:  # noqa: ANN001
    """The drawing's layout, the smallest rendered text size and how far the page scrolls sideways."""
    return drawing_facts_of(page, FLOW_SVG)


def drawing_facts_of(page, selector: str) -> dict:  # noqa: ANN001
    """`drawing_facts` of the drawing at `selector`."""
    return page.evaluate(
        """(selector) => { const svg = [...document.querySelectorAll(selector)].find(e => e.checkVisibility());
            const root = svg.closest('.polku-flow');
            const sizes = [...svg.querySelectorAll('text')].map(text => {
              const box = text.getBoundingClientRect(); const scale = svg.getBoundingClientRect().width
                / svg.viewBox.baseVal.width; return parseFloat(text.getAttribute('font-size')) * scale; });
            return { layout: root.dataset.layout, smallest: Math.min(...sizes), count: sizes.length,
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
              svgWidth: svg.getBoundingClientRect().width, rootWidth: root.clientWidth,
              height: svg.getBoundingClientRect().height,
              steps: svg.querySelectorAll('g.node[data-step]').length }; }""",
        selector,
    )


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
@pytest.mark.parametrize("path_id", sorted(BUILTIN))
def test_flow_diagram_text_sizes_and_overflow(chromium, app_url: str, path_id: str, width: int, height: int) -> None:
    context, page = open_page(chromium, f"{app_url}/path?path={path_id}", width, height)
    try:
        facts = drawing_facts(page)
        assert facts["count"] > 10 and facts["steps"] == len(BUILTIN[path_id].steps)
        assert facts["smallest"] >= 12 - 0.01, facts  # at natural size, never under 12 CSS px
        if width < 768:
            assert facts["layout"] == "portrait", facts
            assert facts["overflow"] <= 0, facts  # the page itself never scrolls sideways
            assert facts["svgWidth"] <= facts["rootWidth"] + 0.5, facts  # no sideways scrolling of the picture
        if width >= 1920:
            assert facts["layout"] == "wide", facts
    finally:
        context.close()


def test_fit_at_1920_shows_every_step_readable(chromium, app_url: str) -> None:
    """On a full-HD screen "fit" shows the whole wide drawing at once, every step on the screen (no wider than
    the page, no taller than the window), with the step titles at least 12 px."""
    context, page = open_page(chromium, f"{app_url}/path?path=pohjanmaa&layout=wide", 1920, 1080)
    try:
        page.get_by_text(t("pathpage.fit", "fi"), exact=True).click()
        wait_idle(page, SLOW)
        page.wait_for_selector(".polku-fit .polku-flow svg", timeout=SLOW)
        page.locator(".polku-flow svg").evaluate("svg => svg.scrollIntoView({block: 'start'})")
        facts = page.evaluate(
            """() => { const svg = document.querySelector('.polku-flow svg');
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                const box = svg.getBoundingClientRect();
                const steps = [...svg.querySelectorAll('g.node[data-step]')].map(node => node.getBoundingClientRect());
                return { scale, right: box.right, vw: window.innerWidth, height: box.height, vh: window.innerHeight,
                  outside: steps.filter(b => b.left < 0 || b.top < 0 || b.right > innerWidth || b.bottom > innerHeight)
                    .length, steps: steps.length,
                  titles: Math.min(...[...svg.querySelectorAll('g.node text[font-weight="bold"]')].map(
                    text => parseFloat(text.getAttribute('font-size')) * scale)) }; }"""
        )
        assert facts["right"] <= facts["vw"] and facts["height"] <= facts["vh"], facts  # the whole drawing fits
        assert facts["steps"] == len(BUILTIN["pohjanmaa"].steps) and facts["outside"] == 0, facts  # all on screen
        assert facts["titles"] >= 12, facts
    finally:
        context.close()


def test_click_a_step_opens_its_details_and_puts_it_in_the_url(chromium, app_url: str) -> None:
    path = BUILTIN["ari"]
    step = next(step for step in path.steps if step.coordinator)
    context, page = open_page(chromium, f"{app_url}/path?path=ari&layout=portrait", 1280, 900)
    try:
        node = page.locator(f'{SHOWN} g.node[data-step="{step.id}"]')
        assert node.get_attribute("role") == "button"
        shown = [text.strip() for text in node.locator("text").all_text_contents() if text.strip()]
        assert node.get_attribute("aria-label") == " ".join(shown)  # its name holds all it shows (WCAG 2.5.3)
        assert step.title.fi.split()[0] in node.get_attribute("aria-label")
        node.click()
        page.wait_for_url(re.compile(rf"[?&]step={re.escape(step.id)}"), timeout=SLOW)
        wait_idle(page, SLOW)
        details = page.locator(".st-key-_polku_flow_step_details")
        details.wait_for(timeout=SLOW)
        assert step.title.fi in details.inner_text()
        assert page.locator(f'{SHOWN} g.node.polku-selected[data-step="{step.id}"]').count() == 1
        # A link with ?step= opens the same details (the box may come a moment before its text: wait for both).
        page.goto(page.url)
        expect(page.locator(".st-key-_polku_flow_step_details")).to_contain_text(step.title.fi, timeout=SLOW)
    finally:
        context.close()


def test_keyboard_tab_and_enter_choose_a_step(chromium, app_url: str) -> None:
    path = BUILTIN["maija"]
    context, page = open_page(chromium, f"{app_url}/path?path=maija", 1280, 900)
    try:
        first = page.locator(f"{SHOWN} g.node[data-step]").first
        first.focus()
        chosen = page.evaluate("() => document.activeElement && document.activeElement.dataset.step")
        assert chosen in {step.id for step in path.steps}
        page.keyboard.press("Tab")
        second = page.evaluate("() => document.activeElement && document.activeElement.dataset.step")
        assert second and second != chosen  # Tab moves from step to step
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(rf"[?&]step={re.escape(second)}"), timeout=SLOW)
        wait_idle(page, SLOW)
        title = next(step.title.fi for step in path.steps if step.id == second)
        page.locator(".st-key-_polku_flow_step_details").wait_for(timeout=SLOW)
        assert title in page.locator(".st-key-_polku_flow_step_details").inner_text()
    finally:
        context.close()


OVERLAPS_JS = """() => {
    const chart = document.querySelector('[data-testid="stPlotlyChart"]');
    const kindOf = t => t.closest('g.xtick') ? 'stage' : t.closest('g.ytick') ? 'lane'
      : t.closest('g.annotation') ? 'condition' : t.closest('g.legend') ? 'legend'
      : t.closest('g.scatterlayer') ? 'step' : 'other';
    const boxes = [...chart.querySelectorAll('svg text')].filter(t => t.textContent.trim())
      .map(t => ({text: t.textContent.trim(), b: t.getBoundingClientRect(), kind: kindOf(t)}))
      .filter(({b}) => b.width > 0 && b.height > 0);
    const found = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i].b, c = boxes[j].b;
      const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
      const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
      if (w > 1 && h > 1) found.push(`${boxes[i].kind} "${boxes[i].text}" / ${boxes[j].kind} "${boxes[j].text}"`);
    }
    const count = kind => boxes.filter(box => box.kind === kind).length;
    return {count: boxes.length, stages: count('stage'), lanes: count('lane'), steps: count('step'),
            conditions: count('condition'), found};
}"""


def conditions_of(path) -> int:  # noqa: ANN001 - a ServicePath
    """How many arrows of the blueprint carry a condition (each is one drawn text)."""
    shown = {step.id for step in path.steps}
    drawn = {(tr.source, tr.target) for tr in path.transitions if tr.condition.fi and {tr.source, tr.target} <= shown}
    return len(drawn)


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
@pytest.mark.parametrize("path_id", sorted(BUILTIN))
def test_blueprint_texts_never_overlap(chromium, app_url: str, path_id: str, width: int, height: int) -> None:
    """No two drawn texts of the blueprint overlap: step labels, the arrows' conditions, the stage titles on
    the top axis and the lane names (stage titles ran into each other: "2. Työkykykoordinaattoriasiantuntija-
    ryhmä"; step labels ran under the conditions of Maija's and Pohjanmaa's branches)."""
    context, page = open_page(chromium, f"{app_url}/path?path={path_id}", width, height)
    try:
        page.get_by_role("radio", name=t("pathpage.shown.blueprint", "fi")).click()
        wait_idle(page, SLOW)
        page.wait_for_selector('[data-testid="stPlotlyChart"] svg text', timeout=SLOW)
        facts = page.evaluate(OVERLAPS_JS)
        path = BUILTIN[path_id]
        assert facts["stages"] >= len(path.stages) and facts["steps"] >= len(path.steps), facts
        assert facts["lanes"] >= 2 and facts["conditions"] == conditions_of(path), facts
        assert facts["found"] == [], facts["found"][:10]
    finally:
        context.close()


@pytest.mark.parametrize(("width", "height"), [(390, 844), (768, 1024)])
@pytest.mark.parametrize("path_id", sorted(BUILTIN))
def test_appointment_picture_is_portrait_readable_and_never_scrolls_sideways(
    chromium, app_url: str, path_id: str, width: int, height: int
) -> None:
    """The appointment mode's picture of the whole path (a phone, a tablet held upright): the portrait layout,
    every text at least 12 CSS px, nothing wider than the screen, the stage shown now framed."""
    stage = BUILTIN[path_id].stages[1]
    context = chromium.new_context(viewport={"width": width, "height": height}, locale="fi-FI")
    page = context.new_page()
    try:
        page.goto(f"{app_url}/appointment?path={path_id}&stage={stage.id}")
        wait_idle(page, SLOW)
        selector = f".st-key-appt_picture {FLOW_SVG}"
        page.wait_for_selector(selector, timeout=SLOW)
        page.locator(selector).scroll_into_view_if_needed()
        facts = drawing_facts_of(page, selector)
        assert facts["count"] > 10 and facts["steps"] == 0, facts  # a picture, nothing to click
        assert facts["smallest"] >= 12 - 0.01, facts
        assert facts["overflow"] <= 0, facts
        assert facts["svgWidth"] <= facts["rootWidth"] + 0.5, facts
        assert facts["height"] > facts["svgWidth"], facts  # stages from top to bottom
        framed = page.locator(f"{selector} g.cluster.current").text_content() or ""
        assert t("appointment.shown_now", "fi") in framed and stage.title.fi.split()[0] in framed
        label = t("appointment.picture_alt", "fi", title=BUILTIN[path_id].title.fi, stage=stage.title.fi)
        assert page.locator(selector).get_attribute("aria-label") == label
    finally:
        context.close()


CROSSINGS_JS = """(tolerance) => {
    const chart = document.querySelector('[data-testid="stPlotlyChart"]');
    const plot = chart.querySelector('.js-plotly-plot');
    const notes = plot.layout.annotations || [], shapes = plot.layout.shapes || [];
    const arrowOf = name => (name || '').split(':')[1] || '';
    const back = arrow => arrow.split('->').reverse().join('->');
    const texts = [...chart.querySelectorAll('g.scatterlayer text')].map(t => ({t, arrow: ''}));
    const lines = [];
    for (const g of chart.querySelectorAll('g.annotation')) {
      const note = notes[+g.dataset.index] || {};
      if ((note.name || '').startsWith('condition:'))
        texts.push({t: g.querySelector('text'), arrow: arrowOf(note.name)});
      if (note.showarrow) for (const p of g.querySelectorAll('.annotation-arrow-g path'))
        lines.push({p, arrow: arrowOf(note.name), what: note.name});
    }
    for (const p of chart.querySelectorAll('.shapelayer path')) {
      const shape = shapes[+p.dataset.index] || {};
      if (shape.type === 'line' || shape.type === 'path')
        lines.push({p, arrow: arrowOf(shape.name), what: shape.name || `${shape.type} ${p.dataset.index}`});
    }
    const boxes = texts.filter(({t}) => t && t.textContent.trim())
      .map(({t, arrow}) => ({text: t.textContent.trim(), b: t.getBoundingClientRect(), arrow}))
      .filter(({b}) => b.width > 0 && b.height > 0);
    const found = [];
    for (const {p, arrow, what} of lines) {
      const matrix = p.getScreenCTM(), length = p.getTotalLength(), points = [];
      for (let at = 0; at <= length; at += 1) {
        const q = p.getPointAtLength(at);
        points.push(new DOMPoint(q.x, q.y).matrixTransform(matrix));
      }
      for (const box of boxes) {
        if (box.arrow && (box.arrow === arrow || box.arrow === back(arrow))) continue;  // its own condition
        const b = box.b, hit = points.find(q => q.x > b.left + tolerance && q.x < b.right - tolerance
          && q.y > b.top + tolerance && q.y < b.bottom - tolerance);
        if (hit) found.push(`${what} through "${box.text}" at ${Math.round(hit.x)},${Math.round(hit.y)}`);
      }
    }
    return {lines: lines.length, texts: boxes.length, found};
}"""


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
@pytest.mark.parametrize("path_id", sorted(BUILTIN))
def test_blueprint_lines_never_run_through_a_label(
    chromium, app_url: str, path_id: str, width: int, height: int
) -> None:
    """No arrow, way over the steps, dotted "takes part" line or line between lanes or stages runs through a
    step's label or a condition in the drawn SVG (sampled every pixel along each path, a label's box 1.5 px in
    from its edges) — but an arrow under its own condition, which sits on it with a white box."""
    context, page = open_page(chromium, f"{app_url}/path?path={path_id}", width, height)
    try:
        page.get_by_role("radio", name=t("pathpage.shown.blueprint", "fi")).click()
        wait_idle(page, SLOW)
        page.wait_for_selector('[data-testid="stPlotlyChart"] svg text', timeout=SLOW)
        facts = page.evaluate(CROSSINGS_JS, 1.5)
        path = BUILTIN[path_id]
        assert facts["lines"] >= len(path.transitions) and facts["texts"] >= len(path.steps), facts
        assert facts["found"] == [], facts["found"][:10]
    finally:
        context.close()


def test_fit_keeps_a_tall_portrait_drawing_inside_the_window(chromium, app_url: str) -> None:
    """"Fit" with the portrait layout on a laptop: the tall drawing is shrunk to the window's height (it was
    stretched to the page's width, three screens tall), so the whole path is on the screen at once."""
    context, page = open_page(chromium, f"{app_url}/path?path=pohjanmaa&layout=portrait", 1280, 720)
    try:
        page.get_by_text(t("pathpage.fit", "fi"), exact=True).click()
        wait_idle(page, SLOW)
        page.wait_for_selector(".polku-fit .polku-flow svg", timeout=SLOW)
        box = page.locator(".polku-flow svg").evaluate(
            "svg => { svg.scrollIntoView({block: 'start'}); const b = svg.getBoundingClientRect();"
            " return {top: b.top, bottom: b.bottom, right: b.right, vw: innerWidth, vh: innerHeight}; }"
        )
        assert box["bottom"] - box["top"] <= box["vh"] and box["right"] <= box["vw"], box
    finally:
        context.close()


def test_a_step_of_a_large_drawing_is_clicked_through_the_component(chromium, tmp_path) -> None:  # noqa: ANN001
    """Drawings too large for markup (components.flow_diagram.MARKUP_LIMIT) go through the component, which
    wires the steps itself: a click still opens the step's details and puts it in the URL."""
    from bench.synthetic import synthetic_path
    from tests.support.browser import seeded_server

    large = synthetic_path(100, seed=2).model_copy(update={"id": "sata"})
    step = large.steps[5]
    with seeded_server(tmp_path, large) as (url, _database):
        context, page = open_page(chromium, f"{url}/path?path=sata", 1280, 900)  # automatic: both drawings
        try:
            assert page.locator(".polku-flow-frame").count() == 0  # not the markup
            node = page.locator(f'.polku-flow g.node[data-step="{step.id}"]')
            assert node.get_attribute("role") == "button"
            node.click()
            page.wait_for_url(re.compile(rf"[?&]step={re.escape(step.id)}"), timeout=SLOW)
            page.locator(".st-key-_polku_flow_step_details").wait_for(timeout=SLOW)
            assert step.title.fi in page.locator(".st-key-_polku_flow_step_details").inner_text()
        finally:
            context.close()


CLICK_AND_LOOK = """(name) => {
  const option = [...document.querySelectorAll("[role='radio']")].find(button => button.innerText.trim() === name);
  option.click();
  // Read in the click's own task, before any answer from the server can have come.
  return [...document.querySelectorAll('.polku-flow')].filter(root => root.checkVisibility())
    .map(root => ({view: root.dataset.version.split('|')[2], copy: !!root.closest('.polku-quick')}));
}"""
FOCUS_AND_WATCH = """(name) => {
  const option = [...document.querySelectorAll("[role='radio']")].find(button => button.innerText.trim() === name);
  option.focus();
  // Registered after the page's listener, so it reads the screen right after it, in the key's own task.
  document.addEventListener('keydown', () => { window.polkuAfterKey = [...document.querySelectorAll('.polku-flow')]
    .filter(root => root.checkVisibility())
    .map(root => ({view: root.dataset.version.split('|')[2], copy: !!root.closest('.polku-quick')})); },
    {capture: true, once: true});
}"""
TWICE_AND_LOOK = """([first, second]) => {
  const option = (name) => [...document.querySelectorAll("[role='radio']")].find(b => b.innerText.trim() === name);
  option(first).click();
  option(second).click();  // before the server has answered the first
  return [...document.querySelectorAll('.polku-flow')].filter(root => root.checkVisibility())
    .map(root => ({view: root.dataset.version.split('|')[2], copy: !!root.closest('.polku-quick')}));
}"""
LIVE_VIEW = """(view) => !document.querySelector('[data-polku-quick-hidden], .polku-quick')
  && [...document.querySelectorAll('.polku-flow-frame .polku-flow')].some(root => root.checkVisibility()
     && root.dataset.version.split('|')[2] === view)"""


def test_the_view_switch_shows_a_picture_seen_before_at_once(chromium, app_url: str) -> None:
    """The quick switch (components/static/flow_clicks.js): a view shown before is back in the click's own
    task; a view not shown yet waits for the server; either way the page ends with Streamlit's own drawing."""
    words = {view: t(f"pathpage.audience.{view}", "fi") for view in ("professional", "client", "partner")}
    context, page = open_page(chromium, f"{app_url}/path?path=ari&layout=wide", 1280, 900)
    try:
        assert page.evaluate(CLICK_AND_LOOK, words["client"]) == [{"view": "professional", "copy": False}]
        page.wait_for_function(LIVE_VIEW, arg="client", timeout=SLOW)
        assert page.evaluate(CLICK_AND_LOOK, words["professional"]) == [{"view": "professional", "copy": True}]
        page.wait_for_function(LIVE_VIEW, arg="professional", timeout=SLOW)
        wait_idle(page, SLOW)
        assert page.locator(f"{SHOWN}").count() == 1 and page.locator(".polku-quick").count() == 0
        assert page.evaluate(CLICK_AND_LOOK, words["client"]) == [{"view": "client", "copy": True}]
        page.wait_for_function(LIVE_VIEW, arg="client", timeout=SLOW)
        assert page.evaluate(CLICK_AND_LOOK, words["partner"]) == [{"view": "client", "copy": False}]  # not yet seen
        page.wait_for_function(LIVE_VIEW, arg="partner", timeout=SLOW)
        wait_idle(page, SLOW)
        # The keyboard: Enter on an option (Streamlit's switch handles the key itself, with no click).
        page.evaluate(FOCUS_AND_WATCH, words["client"])
        page.keyboard.press("Enter")
        assert page.evaluate("() => window.polkuAfterKey") == [{"view": "client", "copy": True}]
        page.wait_for_function(LIVE_VIEW, arg="client", timeout=SLOW)
        wait_idle(page, SLOW)
        # A second choice back to the picture Streamlit drew, before the first is answered: that picture again.
        twice = page.evaluate(TWICE_AND_LOOK, [words["partner"], words["client"]])
        assert twice == [{"view": "client", "copy": False}], twice
        page.wait_for_function(LIVE_VIEW, arg="client", timeout=SLOW)
        wait_idle(page, SLOW)
        # The picture the server drew after a quick switch answers a click on a step as before.
        step = BUILTIN["ari"].steps[0]
        page.locator(f'{SHOWN} g.node[data-step="{step.id}"]').click()
        page.wait_for_url(re.compile(rf"[?&]step={re.escape(step.id)}"), timeout=SLOW)
    finally:
        context.close()


def test_a_view_drawn_as_markup_after_one_drawn_by_the_component_shows_one_picture(chromium, tmp_path) -> None:  # noqa: ANN001
    """A 500-step path's stage: the professional view's drawings are too large for markup (the component
    draws them), the client view's are not. Switching between them leaves one picture on the screen, the
    view's own (the listener has a key of its own, so it never inherits the component's drawing)."""
    from bench.synthetic import synthetic_path
    from tests.support.browser import seeded_server

    large = synthetic_path(500, seed=5).model_copy(update={"id": "iso500"})
    words = {view: t(f"pathpage.audience.{view}", "fi") for view in ("professional", "client")}
    with seeded_server(tmp_path, large) as (url, _database):
        context, page = open_page(chromium, f"{url}/path?path=iso500&layout=wide", 1280, 900)
        try:
            assert page.locator(".polku-flow-frame").count() == 0  # the professional view: the component
            for view in ("client", "professional", "client"):
                page.get_by_role("radio", name=words[view]).click()
                page.wait_for_function(
                    "(view) => [...document.querySelectorAll('.polku-flow')].some(root => root.checkVisibility()"
                    " && root.dataset.version.split('|')[2] === view)", arg=view, timeout=SLOW)
                wait_idle(page, SLOW)
                shown = page.evaluate("() => [...document.querySelectorAll('.polku-flow')]"
                                      ".filter(root => root.checkVisibility()).map(root => root.dataset.version)")
                assert len(shown) == 1 and shown[0].split("|")[2] == view, shown
            assert page.locator(".polku-flow-frame").count() == 1  # the client view: markup
        finally:
            context.close()


def test_every_option_of_the_pages_switches_is_on_a_phones_screen(chromium, app_url: str) -> None:
    """A segmented control scrolls sideways on its own, with no sign of it on a phone: the path page's wrap."""
    context, page = open_page(chromium, f"{app_url}/path?path=ari", 390, 844)
    try:
        options = page.locator("[data-testid='stMain'] [role='radio']")
        assert options.count() == 10  # shown as (3), layout (3), view (4)
        outside = page.evaluate(
            "() => [...document.querySelectorAll(\"[data-testid='stMain'] [role='radio']\")].filter(option => {"
            " const box = option.getBoundingClientRect(); return box.left < 0 || box.right > innerWidth; })"
            ".map(option => option.innerText)"
        )
        assert outside == []
    finally:
        context.close()


STEP_THEN_VIEW = """([step, name]) => {
  const node = [...document.querySelectorAll(`.polku-flow-frame g.node[data-step="${step}"]`)]
    .find(found => found.checkVisibility());
  node.dispatchEvent(new MouseEvent('click', {bubbles: true}));  // marks the step at once, before the server
  [...document.querySelectorAll("[role='radio']")].find(button => button.innerText.trim() === name).click();
}"""


def test_a_picture_with_a_step_marked_before_the_server_drew_it_is_never_copied(chromium, app_url: str) -> None:
    """A click on a step marks it at once; a view chosen before the server has drawn that mark must not keep
    the marked picture as the copy of the unmarked one it still names."""
    step = BUILTIN["ari"].steps[0].id  # every view shows it
    words = {view: t(f"pathpage.audience.{view}", "fi") for view in ("professional", "client")}
    context, page = open_page(chromium, f"{app_url}/path?path=ari&layout=wide", 1280, 900)
    try:
        page.evaluate(STEP_THEN_VIEW, [step, words["client"]])  # the first picture, marked, is not kept
        page.wait_for_url(re.compile(rf"[?&]step={re.escape(step)}"), timeout=SLOW)
        page.wait_for_function(LIVE_VIEW, arg="client", timeout=SLOW)
        wait_idle(page, SLOW)
        page.locator(".st-key-_polku_flow_clear button").click()  # back to no chosen step
        page.wait_for_function("() => !location.search.includes('step=')", timeout=SLOW)
        wait_idle(page, SLOW)
        # The professional view with no step: its picture was only ever on the screen with the mark added.
        assert page.evaluate(CLICK_AND_LOOK, words["professional"]) == [{"view": "client", "copy": False}]
        page.wait_for_function(LIVE_VIEW, arg="professional", timeout=SLOW)
        wait_idle(page, SLOW)
        assert page.locator(f"{SHOWN} g.node.polku-selected").count() == 0
    finally:
        context.close()
