"""Two issue checks in Chromium against a real `streamlit run`: a client fills in a personal path with
the keyboard alone (issue 5), and a click on a coordinator step's marker in the Path page's blueprint
shows that step's details in a dialog (issue 2)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from paths.formats.files import builtin_paths
from paths.i18n.catalog import t
from paths.personal.model import StepStatus
from paths.personal.store import get_personal_store
from paths.store.library import get_store
from tests.support.browser import streamlit_server, wait_idle

pytestmark = pytest.mark.browser

PATH_ID = "pohjanmaa"
NOTE = "Kysyn kuntoutuksesta näppäimistöllä"
MAX_TABS = 80
SLOW = 120_000
BUILTIN = {path.id: path for path in builtin_paths()}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """A server on stores this test can reach: the personal path is made directly in the personal store."""
    tmp = tmp_path_factory.mktemp("keyboard_fill")
    store = get_store(f"sqlite:///{tmp / 'polku.db'}")
    store.ensure_seeded()
    personal_store = get_personal_store(f"sqlite:///{tmp / 'polku-personal.db'}")
    personal, token = personal_store.create(
        store.get_path(PATH_ID), store.latest_version(PATH_ID), owner="tester", display_name="Kokeilija", lang="fi"
    )
    with streamlit_server(tmp) as url:
        yield {"url": url, "store": personal_store, "id": personal.id, "token": token}


def focused(page) -> dict:  # noqa: ANN001 - Playwright's Page
    """What has the keyboard focus: its tag, labels, text, checked state and which step card holds it."""
    return page.evaluate(
        """() => { const e = document.activeElement; const label = e.closest('label');
            const card = e.closest('[class*="_step"]');
            const step = card ? [...card.classList].find(c => /_step\\d+$/.test(c)) || '' : '';
            return { tag: e.tagName, type: e.getAttribute('type') || '', label: e.getAttribute('aria-label') || '',
              labelText: label ? label.innerText.trim() : '', text: (e.innerText || '').trim(),
              checked: !!e.checked, step: step.replace(/^.*_step/, 'step') }; }"""
    )


def tab_to(page, matches, key: str = "Tab", limit: int = MAX_TABS) -> dict:  # noqa: ANN001
    """Press Tab (or Shift+Tab) until the focused element satisfies `matches`; fail if it never does."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        element = focused(page)
        if matches(element):
            return element
        name = element["label"][:30] or element["labelText"][:30] or element["text"][:30]
        seen.append(f"{element['step']}:{element['type'] or element['tag']}:{name}")
    pytest.fail(f"keyboard focus never reached the element; focus went through {seen}")


def open_personal(page, url: str | None = None) -> None:  # noqa: ANN001
    """Go to the client link (or stay, after a reload) and wait until the fill-in form is drawn."""
    if url:
        page.goto(url)
    page.get_by_role("heading", name="Minun polkuni: Kokeilija").wait_for(timeout=SLOW)
    page.locator("[data-testid='stForm'] textarea").first.wait_for(timeout=SLOW)
    wait_idle(page, SLOW)


def test_client_fills_in_a_step_with_the_keyboard_alone(server, page) -> None:  # noqa: ANN001
    store = server["store"]
    first = store.get(server["id"]).client_steps()[0]
    done_label = f"✓ {t('personal.status.done', 'fi')}"
    note_label = t("personal.field.note", "fi")
    open_personal(page, f"{server['url']}/?token={server['token']}")

    # The status group is one Tab stop (its chosen option, "not chosen" at first); arrows move the choice.
    tab_to(page, lambda e: e["step"] == "step0" and e["type"] == "radio")
    for _ in range(6):
        if focused(page)["labelText"] == done_label:
            break
        page.keyboard.press("ArrowDown")
    element = focused(page)
    assert element["labelText"] == done_label and element["checked"]
    wait_idle(page, SLOW)  # the chosen status's rerun draws the step's note field: Tab to it after that

    tab_to(page, lambda e: e["step"] == "step0" and e["tag"] == "TEXTAREA" and e["label"] == note_label)
    page.keyboard.type(NOTE)
    # Back to the status with Shift+Tab: it is still "done".
    back = tab_to(page, lambda e: e["step"] == "step0" and e["type"] == "radio", key="Shift+Tab", limit=10)
    assert back["labelText"] == done_label and back["checked"]

    tab_to(page, lambda e: e["tag"] == "BUTTON" and t("personal.save", "fi") in e["text"], limit=200)
    page.keyboard.press("Enter")
    page.get_by_text(t("personal.message.saved", "fi")).wait_for(timeout=SLOW)
    wait_idle(page, SLOW)
    entry = store.get(server["id"]).fill.entries[first.id]
    assert entry.status == StepStatus.done
    assert entry.note == NOTE

    page.reload()
    open_personal(page)
    card = page.locator("[data-testid='stForm'] [class*='_step0']").first
    assert first.title.fi in card.inner_text()
    expect(card.get_by_role("radio", name=done_label)).to_be_checked()
    expect(card.get_by_label(note_label)).to_have_value(NOTE)


def test_clicking_a_coordinator_step_in_the_path_pages_blueprint_shows_its_details(app_url: str, page) -> None:  # noqa: ANN001
    ari = BUILTIN["ari"]
    target = ari.coordinator_steps[0]
    page.goto(f"{app_url}/path?path=ari")
    page.get_by_role("heading", name=ari.title.fi, level=1).wait_for(timeout=SLOW)
    wait_idle(page, SLOW)
    page.get_by_role("radio", name=t("pathpage.shown.blueprint", "fi")).click()
    plot = page.locator("[data-testid='stPlotlyChart']").first
    plot.wait_for(timeout=SLOW)
    wait_idle(page, SLOW)
    plot.scroll_into_view_if_needed()
    points = plot.locator("g.scatterlayer g.trace path.point")
    expect(points.first).to_be_attached(timeout=SLOW)
    assert page.get_by_role("dialog").count() == 0
    # Which step each drawn marker stands for: the trace's customdata at the point's index.
    step_ids = points.evaluate_all(
        """els => els.map(el => {
            const trace = el.closest('g.trace').__data__[0].trace;
            const data = trace.customdata ? trace.customdata[el.__data__.i] : null;
            return Array.isArray(data) ? data[0] : data;
        })"""
    )
    index = max(i for i, step_id in enumerate(step_ids) if step_id == target.id)
    marker = points.nth(index)
    marker.scroll_into_view_if_needed()
    box = marker.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=SLOW)
    expect(dialog).to_contain_text(target.title.fi, timeout=SLOW)
