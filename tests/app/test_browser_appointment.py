"""Keyboard alone, in Chromium against a real `streamlit run`: open a path from the library, switch the
audience and the language, and step through the appointment mode (Tab, Enter, Space, arrow keys).
No mouse clicks anywhere in this module."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from paths.i18n.catalog import t
from paths.model.schema import ServicePath
from paths.personal.model import PersonalFill, StepEntry, StepStatus
from paths.views.appointment import appointment_stages
from tests.support.browser import streamlit_server, wait_idle
from tests.support.sites import seeded_with_personal

pytestmark = pytest.mark.browser
PATH_ID = "pohjanmaa"
MAX_TABS = 80


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """One server for the module, on stores this test can also reach: a personal path is made
    directly in the personal store, as the professional's page would make it."""
    tmp = tmp_path_factory.mktemp("keyboard")

    def fill(path: ServicePath) -> PersonalFill:
        stages = appointment_stages(path, "fi")
        done = {step.id: StepEntry(status=StepStatus.done) for stage in stages[:2] for step in stage.steps}
        return PersonalFill(entries={**done, stages[2].steps[0].id: StepEntry(status=StepStatus.here)})

    path, token = seeded_with_personal(tmp, PATH_ID, fill)
    stages = appointment_stages(path, "fi")
    with streamlit_server(tmp) as url:
        yield {"url": url, "path": path, "token": token, "stages": stages}


def settle(page) -> None:  # noqa: ANN001 - Playwright's Page
    """Let a key press start its rerun, then wait for it to finish."""
    page.wait_for_timeout(400)
    wait_idle(page)
    page.wait_for_timeout(300)
    wait_idle(page)


def focused(page) -> dict:  # noqa: ANN001
    return page.evaluate(
        """() => { const e = document.activeElement; return {
            tag: e.tagName, text: (e.innerText || '').trim(), label: e.getAttribute('aria-label') || '',
            href: e.getAttribute('href') || '', role: e.getAttribute('role') || '',
            checked: e.getAttribute('aria-checked') || e.getAttribute('aria-pressed') || '' }; }"""
    )


def tab_to(page, matches, limit: int = MAX_TABS) -> dict:  # noqa: ANN001
    """Press Tab until the focused element satisfies `matches`; fail if it never does."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if matches(element):
            return element
        seen.append(element["text"][:30] or element["label"][:30] or element["tag"])
    pytest.fail(f"keyboard focus never reached the element; focus went through {seen}")


def choose_with_arrows(page, label: str, key: str) -> None:  # noqa: ANN001
    """From a focused option of a segmented control, ArrowRight to `label`, then choose it with `key`."""
    for _ in range(6):
        if focused(page)["text"] == label:
            break
        page.keyboard.press("ArrowRight")
    assert focused(page)["text"] == label
    page.keyboard.press(key)
    settle(page)


def query(page) -> dict[str, str]:  # noqa: ANN001
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def stage_heading(page) -> str:  # noqa: ANN001
    return page.locator("#polku-appt-stage").inner_text()


def open_appointment(page, url: str) -> None:  # noqa: ANN001
    """Go to the URL and wait until the stage and both buttons are drawn (their shortcuts listen then)."""
    page.goto(url)
    page.locator("#polku-appt-stage").wait_for()
    page.locator(".st-key-appt_next button").wait_for()
    wait_idle(page)


def press(page, key: str, expected_stage: str) -> None:  # noqa: ANN001
    """Press a key and wait for the appointment mode to show `expected_stage`."""
    page.keyboard.press(key)
    page.wait_for_function(
        "title => document.querySelector('#polku-appt-stage')?.innerText === title", arg=expected_stage,
        timeout=20_000,
    )
    wait_idle(page)


def test_open_a_path_switch_audience_and_language_by_keyboard(server, page) -> None:  # noqa: ANN001
    path = server["path"]
    page.goto(server["url"])
    wait_idle(page)
    open_label = t("library.open", "fi", title=path.title.fi)
    tab_to(page, lambda e: e["tag"] == "A" and open_label in e["text"])
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"/path\?.*path={PATH_ID}"))
    settle(page)
    page.get_by_role("heading", name=path.title.fi, level=1).wait_for()

    # A segmented control is one Tab stop (its chosen option); the arrow keys move within it.
    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == t("pathpage.audience.professional", "fi"))
    choose_with_arrows(page, t("pathpage.audience.client", "fi"), "Enter")
    assert query(page)["audience"] == "client"

    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"] == "Suomi")
    choose_with_arrows(page, "Svenska", "Space")
    assert query(page)["lang"] == "sv"
    assert query(page)["path"] == PATH_ID and query(page)["audience"] == "client"  # the page and selection stay
    page.get_by_role("heading", name=path.title.sv, level=1).wait_for()
    assert page.evaluate("document.documentElement.lang") == "sv"


def test_step_through_the_appointment_mode_by_keyboard(server, page) -> None:  # noqa: ANN001
    stages = server["stages"]
    open_appointment(page, f"{server['url']}/appointment?path={PATH_ID}")
    assert stage_heading(page) == stages[0].title
    assert query(page)["stage"] == stages[0].id

    press(page, "ArrowRight", stages[1].title)
    assert query(page)["stage"] == stages[1].id
    current = page.locator("[aria-current='step']")
    assert current.inner_text().startswith(f"2. {stages[1].title}")
    assert t("appointment.shown_now", "fi") in current.inner_text()  # told in words, not only by the border

    next_label = t("appointment.next", "fi")
    tab_to(page, lambda e: e["tag"] == "BUTTON" and e["text"].startswith(next_label))
    press(page, "Enter", stages[2].title)
    assert query(page) == {"path": PATH_ID, "stage": stages[2].id}
    assert focused(page)["text"].startswith(next_label)  # focus stays on the button: keep pressing
    press(page, "Space", stages[3].title)

    press(page, "ArrowLeft", stages[2].title)
    assert query(page)["stage"] == stages[2].id

    open_appointment(page, page.url)  # a reload: the URL holds the stage
    assert stage_heading(page) == stages[2].title

    body_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.polku-appt-steps p')).fontSize)"
    )
    assert body_size >= 24


def test_the_last_stage_and_a_shared_link_in_swedish(server, page) -> None:  # noqa: ANN001
    stages = server["stages"]
    swedish = appointment_stages(server["path"], "sv")
    open_appointment(page, f"{server['url']}/appointment?path={PATH_ID}&stage={stages[-1].id}&lang=sv")
    assert stage_heading(page) == swedish[-1].title
    assert page.get_by_role("button", name=re.compile(t("appointment.next", "sv"))).is_disabled()
    page.keyboard.press("ArrowRight")  # nothing after the last stage
    page.wait_for_timeout(1000)
    wait_idle(page)
    assert query(page)["stage"] == stages[-1].id
    press(page, "ArrowLeft", swedish[-2].title)
    assert query(page)["stage"] == stages[-2].id


def test_from_a_personal_path_it_shows_where_the_client_is(server, page) -> None:  # noqa: ANN001
    stages = server["stages"]
    open_appointment(page, f"{server['url']}/appointment?personal={server['token']}")
    assert stage_heading(page) == stages[2].title  # opens where the client is
    here_words = t("appointment.you_are_here", "fi")
    strip_here = page.locator(".polku-strip li.is-here")
    assert strip_here.count() == 1 and here_words in strip_here.inner_text()
    assert t("appointment.stage_done", "fi") in page.locator(".polku-strip li").first.inner_text()
    assert page.locator(".polku-appt-step.is-here").count() == 1

    press(page, "ArrowRight", stages[3].title)
    go_here = t("appointment.go_here", "fi")
    tab_to(page, lambda e: e["tag"] == "BUTTON" and go_here in e["text"])
    press(page, "Enter", stages[2].title)
    assert query(page)["personal"] == server["token"]


def test_screenshot_of_the_appointment_mode(server, page) -> None:  # noqa: ANN001
    """A picture for the README and for a human look; the assertions are above."""
    open_appointment(page, f"{server['url']}/appointment?personal={server['token']}")
    out = Path(__file__).resolve().parent / "artifacts"
    out.mkdir(exist_ok=True)
    page.screenshot(path=str(out / "appointment-mode.png"), full_page=True)
    assert (out / "appointment-mode.png").stat().st_size > 10_000
