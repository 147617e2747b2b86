"""The path page's network-partner view in headless Chromium, by keyboard: the drawn diagram marks
the chosen actor's hand-offs (⇄, in words and as a thick arrow) and the page lists them."""

from __future__ import annotations

import re

import pytest

from paths.formats.files import builtin_paths
from paths.i18n.catalog import t
from paths.render.dot import HANDOFF_ICON, handoffs
from tests.app.test_browser_axe import AXE, BLOCKING, allowed
from tests.support.browser import wait_idle

pytestmark = pytest.mark.browser

ARI = next(path for path in builtin_paths() if path.id == "ari")
DIAGRAM = ".polku-flow svg"


def expected_handoffs(actor: str) -> list:
    return [h for h in handoffs(ARI) if actor in (h.from_actor, h.to_actor)]


def drawn_handoffs(page) -> list[str]:  # noqa: ANN001 - Playwright's Page
    """The texts of the hand-off arrows in the drawn diagram."""
    return page.locator(f"{DIAGRAM} g.edge.handoff").all_text_contents()


def test_partner_view_by_keyboard_shows_the_handoffs_in_the_diagram(app_url: str, page) -> None:  # noqa: ANN001
    page.goto(f"{app_url}/path?path=ari&layout=wide")  # one drawing: the hand-offs counted once
    page.wait_for_selector("[data-testid='stApp']")
    wait_idle(page)
    page.locator(DIAGRAM).first.wait_for(timeout=30_000)
    assert drawn_handoffs(page) == []  # the whole path: no actor chosen, nothing marked

    # Move along the view switch with the arrow keys and choose the partner view with Space.
    page.get_by_role("radio", name=t("pathpage.audience.professional", "fi")).focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    partner = page.get_by_role("radio", name=t("pathpage.audience.partner", "fi"))
    assert page.evaluate("document.activeElement.textContent") == t("pathpage.audience.partner", "fi")
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"audience=partner"))
    wait_idle(page)
    assert partner.get_attribute("aria-checked") == "true"

    # The default partner (the first organisation in a hand-off) and its hand-offs, drawn and listed.
    default = expected_handoffs("employment-pilot")
    page.wait_for_function(
        f"document.querySelectorAll(\"{DIAGRAM} g.edge.handoff\").length === {len(default)}", timeout=30_000
    )
    marks = drawn_handoffs(page)
    covered = t("render.handoff_covered", "fi")
    assert all(HANDOFF_ICON in mark for mark in marks)
    assert sum(covered in mark for mark in marks) == sum(h.covered_by_coordinator for h in default)
    assert page.locator(f"{DIAGRAM} g.node.focus").count() == len(
        [step for step in ARI.steps if "employment-pilot" in step.actors]
    )
    assert page.locator(".polku-handoffs li").count() == len(default)

    # Another actor, chosen by typing into the picker and pressing Enter.
    coordinator = next(actor for actor in ARI.actors if actor.id == "coordinator")
    picker = page.get_by_role("combobox", name=t("pathview.partner_actor", "fi"))
    picker.focus()
    page.keyboard.type(coordinator.name.fi)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"actor=coordinator"))
    wait_idle(page)
    wanted = expected_handoffs("coordinator")
    page.wait_for_function(
        f"document.querySelectorAll(\"{DIAGRAM} g.edge.handoff\").length === {len(wanted)}", timeout=30_000
    )
    assert len(wanted) > len(default)
    assert page.locator(".polku-handoffs li").count() == len(wanted)
    heading = t("pathview.handoffs_of", "fi", actor=coordinator.name.fi)
    assert page.get_by_role("heading", name=heading, level=2).is_visible()


AXE_PAGES = [
    ("/", "library"),
    ("/path?path=pohjanmaa&audience=partner&actor=worker", "partner view"),
    ("/path?path=pohjanmaa&audience=print&lang=sv", "print view"),
    ("/path?path=ari&actor=client", "professional view filtered by actor"),
]


@pytest.mark.parametrize(("target", "name"), AXE_PAGES, ids=[name for _, name in AXE_PAGES])
def test_views_have_no_serious_violation_and_keep_the_heading_order(
    app_url: str, page, target: str, name: str  # noqa: ANN001
) -> None:
    """axe-core (npm) on the new views: nothing serious or critical from our code, and headings never skip a level."""
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci --no-audit --no-fund` in the repository root")
    page.goto(app_url + target)
    page.locator("h1").first.wait_for(timeout=60_000)
    wait_idle(page)
    page.wait_for_timeout(1500)  # the first run's elements settle (stale ones fade out)
    wait_idle(page)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = [
        f"{violation['id']} ({violation['impact']}) at {' '.join(map(str, node['target']))}: {node['html'][:160]}"
        for violation in result["violations"]
        for node in violation["nodes"]
        if (violation["impact"] in BLOCKING or violation["id"] == "heading-order")
        and not allowed(violation["id"], " ".join(map(str, node["target"])))
    ]
    assert not found, f"{name}:\n" + "\n".join(found)


def test_open_figures_follow_a_view_switch(app_url: str, page) -> None:  # noqa: ANN001
    """The figures sit outside the part a view switch reruns; while they are open, a switch reruns the whole
    page, so they are the new view's (they said the old view's when only the part with the picture ran)."""
    page.goto(f"{app_url}/path?path=ari&layout=wide")
    wait_idle(page)
    page.locator(".polku-flow:visible svg").wait_for(timeout=30_000)
    page.get_by_text(t("experience.dashboard.title", "fi")).click()
    wait_idle(page)
    intro = t("experience.dashboard.intro", "fi", view=t("pathpage.audience.professional", "fi"))
    page.get_by_text(intro).wait_for(timeout=30_000)
    page.get_by_role("radio", name=t("pathpage.audience.client", "fi")).click()
    wait_idle(page)
    client = t("experience.dashboard.intro", "fi", view=t("pathpage.audience.client", "fi"))
    page.get_by_text(client).wait_for(timeout=30_000)
    assert page.get_by_text(intro).count() == 0
    assert "audience=client" in page.url
