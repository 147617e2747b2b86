"""Logs carry no personal data: a whole browser session against a real `streamlit run` - a
professional makes a personal path with a name and a PIN, the client opens the link, fills in a
step's note, who they met, the goals, a contact and the next appointment, saves, reloads, downloads
the PDF, and erases nothing - then the server's whole log (standard output and error, at the
level a deployment runs it) is searched for every one of those texts and for the link's token."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from paths.i18n.catalog import t
from paths.store.library import Store
from tests.support.browser import streamlit_server, wait_idle
from tests.support.factories import branching_path

pytestmark = pytest.mark.browser
SLOW = 60_000
NAME = "Salanimi Kuusikko"
NOTE = "Kerroin selkäkivusta ja unettomuudesta"
MET = "Terapeutti Vuorela"
GOALS = "Palata osa-aikatyöhön keväällä"
CONTACT = "Sisko Marjatta"
APPOINTMENT = "Tiistaina kello 13 terveysasemalla"
PIN = "8642"


def test_a_whole_personal_path_session_leaves_nothing_personal_in_the_logs(chromium: Browser, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'polku.db'}")
    store.ensure_seeded()
    store.save_path(branching_path(), "Testaaja")
    store.close()
    with streamlit_server(tmp_path, env={"POLKU_AUTH": ""}) as url:
        professional = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fi-FI")
        client = chromium.new_context(viewport={"width": 412, "height": 900}, locale="fi-FI", accept_downloads=True)
        try:
            page = professional.new_page()
            page.goto(f"{url}/personal")
            wait_idle(page, SLOW)
            page.get_by_role("textbox", name=t("personal.field.display_name", "fi")).fill(NAME)
            page.get_by_role("textbox", name=t("personal.pro.pin_optional", "fi")).fill(PIN)
            page.get_by_role("button", name=t("personal.pro.create", "fi")).click()
            code = page.locator("[data-testid='stCode'] code").first
            expect(code).to_be_visible(timeout=SLOW)
            link = code.inner_text().strip()
            token = link.split("token=", 1)[1]

            phone = client.new_page()
            phone.goto(link)
            wait_idle(phone, SLOW)
            phone.get_by_role("textbox", name=t("personal.client.pin_label", "fi")).fill(PIN)
            phone.get_by_role("button", name=t("personal.client.pin_submit", "fi")).click()
            expect(phone.get_by_role("heading", name=f"Minun polkuni: {NAME}")).to_be_visible(timeout=SLOW)
            card = phone.locator("[data-testid='stForm'] [class*='_step0']").first
            card.get_by_text(f"✓ {t('personal.status.done', 'fi')}", exact=True).click()
            card.locator("textarea").fill(NOTE)
            card.get_by_role("textbox", name=t("personal.field.met", "fi")).fill(MET)
            phone.locator("[class*='_goals'] textarea").fill(GOALS)
            phone.get_by_role("textbox", name=t("personal.field.contact_name", "fi")).first.fill(CONTACT)
            phone.locator("[class*='_next'] input").fill(APPOINTMENT)
            phone.get_by_role("button", name=t("personal.save", "fi")).click()
            expect(phone.get_by_text(t("personal.message.saved", "fi"))).to_be_visible(timeout=SLOW)
            phone.reload()  # a new session: the PIN is asked again
            wait_idle(phone, SLOW)
            phone.get_by_role("textbox", name=t("personal.client.pin_label", "fi")).fill(PIN)
            phone.get_by_role("button", name=t("personal.client.pin_submit", "fi")).click()
            expect(phone.locator("[class*='_goals'] textarea")).to_have_value(GOALS, timeout=SLOW)
            with phone.expect_download(timeout=120_000) as download:
                phone.get_by_role("button", name=t("personal.download_pdf", "fi")).click()
            assert download.value.path().read_bytes().startswith(b"%PDF")
        finally:
            professional.close()
            client.close()
    logs = "\n".join(file.read_text(errors="replace") for file in tmp_path.glob("streamlit-*.log"))
    assert "Traceback" not in logs, logs[-3000:]
    for personal in (NAME, *NAME.split(), NOTE, MET, GOALS, CONTACT, APPOINTMENT, token):
        assert personal not in logs, f"the server log holds {personal!r}"
