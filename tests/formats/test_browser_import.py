"""The new-path dialog in real Chromium: a sheet with a header Polku does not know gets the
column-mapping step (a list per unknown column and a preview of the first rows) and the chosen
column reaches the path; a BPMN file becomes a path with the report of what was not mapped shown
with it; a hostile BPMN file is one sentence and no path. (That a mapping is remembered for the next
sheet of the same shape is tested in AppTest: tests/formats/test_formats_app.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from paths.i18n.catalog import t
from tests.support.browser import wait_idle

pytestmark = pytest.mark.browser
SLOW = 120_000
FIXTURES = Path(__file__).with_name("fixtures") / "bpmn"
SHEET = "Vaihe;Askel;Seuraava;Huomioita\nAlku;Yhteydenotto;Tapaaminen;soitto tai chat\nAlku;Tapaaminen;;\n"


def open_new_path(page, url: str, title: str) -> None:  # noqa: ANN001 - Playwright's Page
    page.goto(f"{url}/edit")
    page.get_by_text(t("editor.new.mode.sheet", "fi")).wait_for(timeout=SLOW)
    wait_idle(page, SLOW)
    page.wait_for_timeout(1500)  # the previous page's elements fade out
    page.get_by_text(t("editor.new.mode.sheet", "fi")).click()
    wait_idle(page, SLOW)
    page.wait_for_timeout(500)
    page.get_by_label(t("editor.new.title", "fi")).filter(visible=True).first.fill(title)
    page.keyboard.press("Tab")
    wait_idle(page, SLOW)


def upload(page, file: Path) -> None:  # noqa: ANN001
    """Choose `file` and wait until the server has it and has run with it: a click on "Luo polku" before that
    run was lost now and then (the upload's rerun took the button's press with it)."""
    with page.expect_response(lambda response: "upload_file" in response.url and response.request.method == "PUT",
                              timeout=SLOW):
        page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(file))
    page.wait_for_timeout(500)  # the rerun that carries the file starts after the upload's answer
    wait_idle(page, SLOW)


def create(page) -> None:  # noqa: ANN001
    page.get_by_role("button", name=t("editor.new.go", "fi")).click()
    wait_idle(page, SLOW)


def test_unknown_header_gets_a_mapping_step_with_a_preview(app_url: str, page, tmp_path: Path) -> None:  # noqa: ANN001
    first = tmp_path / "eka.csv"
    first.write_text(SHEET, encoding="utf-8")
    open_new_path(page, app_url, "Kartoituspolku")
    upload(page, first)
    step = page.locator(".st-key-_polku_mapping_step")
    step.wait_for(timeout=SLOW)
    step.locator("[data-testid='stDataFrame']").wait_for(timeout=SLOW)  # the first rows: the step is drawn whole
    wait_idle(page, SLOW)
    assert t("formats.mapping.heading", "fi") in step.text_content()
    assert t("formats.mapping.preview", "fi", count=2) in step.text_content()
    chooser = step.get_by_label(t("formats.mapping.column", "fi", header="Huomioita"))
    chooser.click()
    chooser.press("ArrowDown")  # a click focuses the list; the arrow key opens it
    page.get_by_role("option", name="kuvaus", exact=True).click()
    wait_idle(page, SLOW)
    create(page)
    page.get_by_role("heading", level=1).filter(has_text="Kartoituspolku").wait_for(timeout=SLOW)
    page.get_by_text("Yhteydenotto").first.wait_for(state="attached", timeout=SLOW)



def test_bpmn_upload_becomes_a_path_with_the_report(app_url: str, page) -> None:  # noqa: ANN001
    open_new_path(page, app_url, "Camunda-polku")
    upload(page, FIXTURES / "camunda_referral.bpmn")
    create(page)
    expect(page.get_by_role("heading", level=1).filter(has_text="Camunda-polku")).to_be_visible(timeout=SLOW)
    report = page.get_by_text(t("formats.bpmn.report_heading", "fi", count=3))
    report.wait_for(timeout=SLOW)
    alert = page.locator("[data-testid='stAlert']").filter(has_text=t("formats.bpmn.report_heading", "fi", count=3))
    assert "Asiakassuunnitelma" in alert.text_content() and "Tiedote" in alert.text_content()


def test_bad_bpmn_is_one_sentence_and_no_path(app_url: str, page, tmp_path: Path) -> None:  # noqa: ANN001
    bomb = tmp_path / "pommi.bpmn"
    bomb.write_bytes(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "x"><!ENTITY b "&a;&a;">]><d>&b;</d>')
    open_new_path(page, app_url, "Pommi")
    upload(page, bomb)
    create(page)
    alert = page.locator("[data-testid='stAlert']").filter(has_text="pommi.bpmn")
    expect(alert).to_be_visible(timeout=SLOW)
    assert "XML" in alert.text_content()
    assert page.get_by_role("heading", level=1).filter(has_text="Pommi").count() == 0
