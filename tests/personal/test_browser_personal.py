"""A client on a phone-sized Chromium opens the personal link, marks a step done with a note,
reloads, still sees it, and downloads the PDF — against a real `streamlit run`."""

from __future__ import annotations

from pathlib import Path

import pytest

from paths.formats.files import load_path_file
from paths.i18n.catalog import t
from paths.personal.model import client_steps
from paths.personal.store import PersonalStore
from tests.support.browser import ROOT, streamlit_server, wait_idle

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NOTE = "Kysyn kuntoutuksesta – äiti tulee mukaan"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("personal_browser")
    personal = PersonalStore(f"sqlite:///{tmp / 'polku-personal.db'}")
    path = load_path_file(ROOT / "data" / "pohjanmaa.yaml")
    made, token = personal.create(path, 1, owner="Olli", display_name="Ari", lang="fi")
    other, other_token = personal.create(path, 1, owner="Olli", display_name="Toinen", lang="fi")
    personal.revoke_link(other.id)
    with streamlit_server(tmp) as url:
        yield url, personal, made.id, token, other_token
    personal.engine.dispose()


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(viewport=PHONE, locale="fi-FI", accept_downloads=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def open_link(page, url: str) -> None:  # noqa: ANN001 - Playwright's Page
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']")
    wait_idle(page)


def first_step(page):  # noqa: ANN001, ANN201
    """The first step's card in the form (its container's key ends in `_step0`)."""
    return page.locator("[data-testid='stForm'] [class*='_step0']").first


def test_client_fills_in_on_a_phone_reloads_and_downloads(server, phone, tmp_path: Path) -> None:  # noqa: ANN001
    url, personal, personal_id, token, _ = server
    first = client_steps(personal.get(personal_id).source)[0]
    open_link(phone, f"{url}/my-path?token={token}")
    phone.get_by_role("heading", name="Minun polkuni: Ari").wait_for()
    card = first_step(phone)
    assert first.title.fi in card.inner_text()
    card.get_by_text(f"✓ {t('personal.status.done', 'fi')}", exact=True).click()
    card.locator("textarea").fill(NOTE)
    phone.get_by_role("button", name=t("personal.save", "fi")).click()
    wait_idle(phone)
    phone.get_by_text(t("personal.message.saved", "fi")).wait_for()
    assert personal.get(personal_id).fill.entries[first.id].note == NOTE

    phone.reload()
    wait_idle(phone)
    phone.get_by_role("heading", name="Minun polkuni: Ari").wait_for()
    card = first_step(phone)
    assert card.get_by_role("radio", name=f"✓ {t('personal.status.done', 'fi')}").is_checked()
    assert card.locator("textarea").input_value() == NOTE
    # Phone-sized: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    with phone.expect_download(timeout=120_000) as download_info:
        phone.get_by_role("button", name=t("personal.download_pdf", "fi")).click()
    saved = tmp_path / "oma.pdf"
    download_info.value.save_as(saved)
    data = saved.read_bytes()
    assert data.startswith(b"%PDF")
    assert "Ari" not in download_info.value.suggested_filename  # no name in the file name
    assert token not in phone.evaluate("document.title")


def test_a_revoked_link_is_a_polite_not_found(server, phone) -> None:  # noqa: ANN001
    url, _, _, _, other_token = server
    open_link(phone, f"{url}/my-path?token={other_token}")
    phone.get_by_text(t("personal.client.not_found", "fi")).wait_for()
    assert "Toinen" not in phone.inner_text("body")
    assert phone.locator("textarea").count() == 0
