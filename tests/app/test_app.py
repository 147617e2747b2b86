"""The app's pages through Streamlit's AppTest, on a real SQLite store filled from data/."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import auth, diagrams
from paths.accounts.auth import Accounts
from paths.formats.files import builtin_paths
from paths.i18n.catalog import t
from paths.model.schema import Audience, AudienceView, ServicePath
from paths.model.validation import validate
from paths.render import palette
from paths.render.dot import handoffs
from paths.render.text_html import anchor_id
from paths.store.library import Store
from paths.views.configured import VIEW_NAMES, view_problems
from tests.support.apptest import flow_drawings, opened_app, page_pictures, picture_data
from tests.support.factories import branching_path

SHOWN_WIDGET = "_polku_shown_choice"

APP = str(Path(__file__).resolve().parents[2] / "app.py")
TIMEOUT = 60
BUILTIN = {path.id: path for path in builtin_paths()}


def run_app(database_url: str, **query: str) -> AppTest:
    """The app on the module's store (the fixture sets it up) with `query` in its URL."""
    return opened_app(**query)


def subheaders(at: AppTest) -> list[str]:
    """The library cards' titles: level-2 headings straight under the page's h1 (axe "heading-order")."""
    assert not at.subheader, "a card title must not skip a heading level"
    return [element.value for element in at.header]


def markdown_text(at: AppTest) -> str:
    return "\n".join(line for element in at.markdown for line in element.value.split("  \n"))


def main_switches(at: AppTest) -> list[str]:
    """The keys of the segmented controls in the page (not the sidebar's language switch)."""
    return [element.key for element in at.main.segmented_control]


def shown_words(at: AppTest, lang: str) -> list[str]:
    """The options of the path page's "show as" switch, as the page words them."""
    assert at.segmented_control(key=SHOWN_WIDGET).label == t("pathpage.show_label", lang)
    return at.segmented_control(key=SHOWN_WIDGET).options


def show_as(at: AppTest, name: str) -> AppTest:
    """Show the path as `name` (flow, blueprint, text) as a click on the switch would: only that is drawn."""
    at.segmented_control(key=SHOWN_WIDGET).set_value(name).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def problem_warnings(at: AppTest) -> list[str]:
    """The path page's problem list (other warnings, e.g. a demo-mode banner, have other icons)."""
    return [warning.value.replace("\\", "") for warning in at.warning if warning.icon == "⚠️"]


def page_text(at: AppTest) -> str:
    parts = [element.value for kind in ("title", "subheader", "markdown", "caption") for element in getattr(at, kind)]
    parts += [element.proto.body for element in at.get("html")]
    return "\n".join(parts)


def test_library_lists_the_builtin_paths_with_counts(database_url: str) -> None:
    at = run_app(database_url)
    assert at.title[0].value == t("library.title", "fi")
    titles = subheaders(at)
    for path in BUILTIN.values():
        assert any(path.title.fi.replace("-", "\\-") in title for title in titles), path.id
    text = markdown_text(at)
    for path in BUILTIN.values():
        assert t("library.bulbs", "fi", count=len(path.coordinator_steps)) in text
        assert t("library.counts", "fi", stages=len(path.stages), steps=len(path.steps)) in text
    assert t("app.status.published", "fi") in text
    links = at.get("page_link")
    assert len(links) == len(BUILTIN)
    assert {dict(p.split("=") for p in link.proto.query_string.split("&"))["path"] for link in links} == set(BUILTIN)


def test_search_filters_by_title_persona_and_summary(database_url: str) -> None:
    at = run_app(database_url)
    at.text_input(key="library_search").input("maija").run()
    assert len(subheaders(at)) == 1
    assert "Maija" in subheaders(at)[0]
    # Persona text: Ari is a client of the municipal employment pilot.
    at.text_input(key="library_search").input("kuntakokeilu").run()
    assert len(subheaders(at)) >= 1
    assert all("Maija" not in title for title in subheaders(at))
    at.text_input(key="library_search").input("zzz-ei-mitään").run()
    assert subheaders(at) == []
    assert at.info[0].value == t("library.no_match", "fi")


def test_search_uses_the_current_language(database_url: str) -> None:
    at = run_app(database_url, lang="en")
    at.text_input(key="library_search").input("wellbeing services county").run()
    assert len(subheaders(at)) == 1
    assert "Pohjanmaa" in subheaders(at)[0]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_language_comes_from_the_url(database_url: str, lang: str) -> None:
    at = run_app(database_url, lang=lang)
    assert at.title[0].value == t("library.title", lang)
    assert at.text_input(key="library_search").label == t("library.search_label", lang)
    assert t("library.bulbs", lang, count=len(BUILTIN["ari"].coordinator_steps)) in markdown_text(at)
    assert any(BUILTIN["ari"].title.get(lang).replace("-", "\\-").replace("'", "\\'") in s for s in subheaders(at))


def test_unknown_language_falls_back_to_finnish(database_url: str) -> None:
    at = run_app(database_url, lang="xx")
    assert at.title[0].value == t("library.title", "fi")
    assert at.query_params["lang"] == "fi"


def test_language_selector_writes_the_url_and_keeps_the_page(database_url: str) -> None:
    at = run_app(database_url, path="ari", audience="client")
    selector = at.sidebar.segmented_control[0]
    assert selector.label == t("app.language_label", "fi")
    selector.set_value("sv").run()
    assert not at.exception
    assert at.query_params["lang"] == "sv"
    assert at.query_params["path"] == "ari"
    assert at.query_params["audience"] == "client"
    assert at.title[0].value.replace("\\", "") == BUILTIN["ari"].title.sv
    assert shown_words(at, "sv") == [t(f"pathpage.shown.{name}", "sv") for name in ("flow", "blueprint", "text")]


def test_path_page_shows_ari_with_its_show_as_switch_and_flow_diagram(database_url: str) -> None:
    at = run_app(database_url, path="ari")
    assert at.title[0].value.replace("\\", "") == BUILTIN["ari"].title.fi
    assert shown_words(at, "fi") == [t(f"pathpage.shown.{name}", "fi") for name in ("flow", "blueprint", "text")]
    data = picture_data(at)
    assert set(data["drawings"]) == {"wide", "portrait"}  # automatic: the browser picks by its width
    for svg in data["drawings"].values():
        assert svg.startswith("<svg") and svg.count("💡") >= len(BUILTIN["ari"].coordinator_steps)
    assert sorted(step for step, _title in data["steps"].values()) == sorted(s.id for s in BUILTIN["ari"].steps)
    descriptions = [markup for markup in page_pictures(at) if 'class="polku-description"' in markup]
    assert len(descriptions) == 1 and len(descriptions[0]) > 60  # the short description under the diagram
    # The downloads are drawn when their section is opened.
    assert not at.get("download_button")
    at.session_state["_polku_downloads_open"] = True
    at.run()
    labels = [button.label for button in at.get("download_button")]
    for fmt in ("svg", "png", "pdf", "yaml", "json", "md"):
        assert t(f"pathpage.download.{fmt}", "fi") in labels
    assert any(t("pathpage.no_problems", "fi") in text.value for text in at.markdown)


def test_the_sidebar_note_carries_the_tagline_the_language_and_the_open_pages_stylesheet(database_url: str) -> None:
    from components import library_page, path_page

    def sidebar_html(at: AppTest) -> str:
        return "".join(element.proto.body for element in at.sidebar.get("html"))

    on_path = sidebar_html(run_app(database_url, path="ari", lang="sv"))
    assert t("app.tagline", "sv") in on_path
    assert 'document.documentElement.lang = "sv";' in on_path
    assert path_page.PAGE_CSS in on_path and library_page.CARD_CSS not in on_path
    on_library = sidebar_html(run_app(database_url))
    assert library_page.CARD_CSS in on_library and path_page.PAGE_CSS not in on_library


def test_about_section_shows_provenance_and_notes_when_opened(database_url: str) -> None:
    ari = BUILTIN["ari"]
    assert ari.notes and ari.provenance
    at = run_app(database_url, path="ari", lang="en")
    notes_words = ari.notes.get("en")[:40]
    assert notes_words not in markdown_text(at).replace("\\", "")  # closed: not drawn
    at.session_state["_polku_about_open"] = True
    at.run()
    shown = markdown_text(at).replace("\\", "")
    assert notes_words in shown
    assert ari.provenance.get("en")[:40] in shown


def test_text_tab_follows_the_audience_switch(database_url: str) -> None:
    ari = BUILTIN["ari"]
    hidden = [step for step in ari.steps if step.audience == Audience.professionals]
    visible = [step for step in ari.steps if step.audience == Audience.everyone]
    assert hidden, "Ari's path has a professionals-only step"

    def step_blocks(at: AppTest) -> set[str]:
        html = "\n".join(element.proto.body for element in at.get("html"))
        return {step.id for step in ari.steps if f'id="{anchor_id("ari", "step", step.id)}"' in html}

    at = show_as(run_app(database_url, path="ari"), "text")
    assert step_blocks(at) == {step.id for step in ari.steps}
    at.segmented_control(key="_polku_audience_choice").set_value("client").run()
    assert at.query_params["audience"] == "client"
    assert step_blocks(at) == {step.id for step in visible}
    # The client's plain-language text replaces the professional description.
    html = "\n".join(element.proto.body for element in at.get("html"))
    assert visible[0].client_text.fi.split(".")[0] in html


def test_blueprint_tab_shows_the_chart_and_step_details(database_url: str) -> None:
    at = show_as(run_app(database_url, path="ari"), "blueprint")
    assert len(at.get("plotly_chart")) == 1
    step = BUILTIN["ari"].coordinator_steps[0]
    picker = at.selectbox(key="_polku_step_ari_professional")
    picker.set_value(step.id).run()
    assert not at.exception
    assert step.title.fi in page_text(at)


def broken_path() -> ServicePath:
    path = branching_path(id="rikki", status="draft")
    data = path.model_dump(mode="json")
    data["steps"][1]["stage"] = "ei-ole"
    data["transitions"].append({"source": "tarve", "target": "kadonnut"})
    return ServicePath.model_validate(data)


def test_problems_are_listed_for_a_broken_draft(database_url: str) -> None:
    path = broken_path()
    Store(database_url).save_path(path, author="Testi")
    at = run_app(database_url, path="rikki")
    warnings = problem_warnings(at)
    assert len(warnings) == 1
    warning = warnings[0]
    expected = validate(path, "fi")
    assert len(expected) >= 2
    for problem in expected:
        assert problem.message in warning
    assert t("pathpage.problems_title", "fi", count=len(expected)) in warning
    # The draft is still drawn.
    assert "<svg" in flow_drawings(at)
    # The problems follow the language.
    at = run_app(database_url, path="rikki", lang="en")
    assert validate(path, "en")[0].message in problem_warnings(at)[0]


def test_unknown_path_is_one_clear_sentence(database_url: str) -> None:
    at = run_app(database_url, path="ei-tallaista")
    assert [error.value for error in at.error] == [t("pathpage.not_found", "fi")]
    assert not page_pictures(at) and SHOWN_WIDGET not in main_switches(at)
    at = run_app(database_url, path="<script>alert(1)</script>", lang="sv")
    assert [error.value for error in at.error] == [t("pathpage.not_found", "sv")]


def test_user_text_is_shown_literally(database_url: str) -> None:
    path = branching_path(id="hostile", title={"fi": "**Lihava** [linkki](javascript:alert(1)) :red[punainen]"})
    Store(database_url).save_path(path, author="Testi")
    at = run_app(database_url, path="hostile")
    title = at.title[0].value
    assert "**" not in title.replace("\\*", "")
    assert "](" not in title.replace("\\]\\(", "")
    assert title.replace("\\", "") == path.title.fi


def test_path_page_without_a_path_offers_a_picker(database_url: str) -> None:
    def script() -> None:
        from components import path_page

        path_page.render()

    at = AppTest.from_function(script, default_timeout=TIMEOUT).run()
    assert not at.exception
    picker = at.selectbox(key="_polku_path_pick")
    assert picker.label == t("pathpage.choose", "fi")
    picker.set_value("maija").run()
    assert not at.exception
    assert at.query_params["path"] == "maija"
    assert at.title[0].value.replace("\\", "") == BUILTIN["maija"].title.fi


def test_what_is_shown_and_the_view_survive_a_language_switch(database_url: str) -> None:
    at = show_as(run_app(database_url, path="ari", audience="client"), "text")
    assert at.query_params["show"] == "text"
    at.sidebar.segmented_control[0].set_value("en").run()
    assert not at.exception
    html = "\n".join(element.proto.body for element in at.get("html"))
    assert 'lang="en"' in html and "polku-text" in html
    assert at.segmented_control(key="_polku_audience_choice").value == "client"
    assert at.segmented_control(key=SHOWN_WIDGET).value == "text" and not page_pictures(at)


def test_a_link_opens_what_it_shows_and_the_default_leaves_the_url(database_url: str) -> None:
    at = run_app(database_url, path="ari", show="blueprint")
    assert len(at.get("plotly_chart")) == 1 and not page_pictures(at)
    show_as(at, "flow")
    assert "show" not in at.query_params and len(page_pictures(at)) == 1
    at = run_app(database_url, path="ari", show="<b>nope</b>")  # anything else: the flow diagram
    assert at.segmented_control(key=SHOWN_WIDGET).value == "flow" and len(page_pictures(at)) == 1


# -- the four views, the actor filter and the hand-offs ------------------------------------------------


def graphviz_spec(at: AppTest) -> str:
    """The wide flow diagram the page sends, as `dot` drew it (the steps' names, which repeat their texts for
    screen readers, left out)."""
    return re.sub(r' aria-label="[^"]*"', "", picture_data(at)["drawings"]["wide"])


def html_bodies(at: AppTest) -> str:
    """Every HTML the page shows: its st.html elements and the markup under the picture."""
    return "\n".join([element.proto.body for element in at.get("html")] + page_pictures(at))


def handoff_items(at: AppTest) -> list[str]:
    """The items of the page's hand-off list, tags stripped."""
    section = re.search(r'<section class="polku-handoff-section".*?</section>', html_bodies(at), re.S)
    if section is None:
        return []
    return [re.sub(r"<[^>]+>", "", item) for item in re.findall(r"<li[^>]*>(.*?)</li>", section.group(0), re.S)]


def test_the_view_switch_offers_all_four_views(database_url: str) -> None:
    at = run_app(database_url, path="ari", lang="en")
    switch = at.segmented_control(key="_polku_audience_choice")
    assert switch.options == [t(f"pathpage.audience.{name}", "en") for name in VIEW_NAMES]
    assert switch.value == "professional"
    # Unknown views in a link fall back to the whole path.
    at = run_app(database_url, path="ari", audience="javascript:alert(1)")
    assert at.segmented_control(key="_polku_audience_choice").value == "professional"


def test_switching_to_the_partner_view_highlights_an_actor_and_lists_its_handoffs(database_url: str) -> None:
    ari = BUILTIN["ari"]
    at = run_app(database_url, path="ari")
    assert "★" not in graphviz_spec(at) and not handoff_items(at)
    at.segmented_control(key="_polku_audience_choice").set_value("partner").run()
    assert not at.exception
    assert at.query_params["audience"] == "partner"
    picker = at.selectbox(key="_polku_actor_partner")
    # No actor configured for Ari: the first network partner that takes part in a hand-off.
    assert picker.value == "employment-pilot"
    assert "" not in picker.options  # the partner view always has an actor
    dot = graphviz_spec(at)
    focus_steps = [step for step in ari.steps if "employment-pilot" in step.actors]
    assert dot.count(f"★ {t('render.filter.focus', 'fi')}") == len(focus_steps)
    expected = [h for h in handoffs(ari) if "employment-pilot" in (h.from_actor, h.to_actor)]
    assert expected and dot.count('class="edge handoff"') == len(expected)
    items = handoff_items(at)
    assert len(items) == len(expected)
    names = {actor.id: actor.name.fi for actor in ari.actors}
    for item, handoff in zip(items, expected, strict=True):
        assert names[handoff.from_actor] in item and names[handoff.to_actor] in item
        cue = "views.handoff.covered_yes" if handoff.covered_by_coordinator else "views.handoff.covered_no"
        assert t(cue, "fi") in item
    # The page's legend explains the filter's marks in words as well.
    assert t("render.legend.handoff", "fi") in html_bodies(at)

    picker.set_value("coordinator").run()
    assert not at.exception
    assert at.query_params["actor"] == "coordinator"
    dot = graphviz_spec(at)
    assert dot.count(f"★ {t('render.filter.focus', 'fi')}") == len([s for s in ari.steps if "coordinator" in s.actors])
    expected = [h for h in handoffs(ari) if "coordinator" in (h.from_actor, h.to_actor)]
    assert len(handoff_items(at)) == len(expected) == dot.count('class="edge handoff"')
    assert t("pathview.handoffs_of", "fi", actor=names["coordinator"]) in html_bodies(at)


def test_the_partner_view_starts_from_the_configured_actor_and_keeps_it_across_languages(database_url: str) -> None:
    data = BUILTIN["pohjanmaa"].model_dump(mode="json")
    data.update(id="kumppani", views={"partner": {"focus_actor": "kela"}})
    path = ServicePath.model_validate(data)
    Store(database_url).save_path(path, author="Testi")
    at = run_app(database_url, path="kumppani", audience="partner")
    assert at.selectbox(key="_polku_actor_partner").value == "kela"
    # A link names its own actor; an actor the path does not have falls back to the configured one.
    at = run_app(database_url, path="kumppani", audience="partner", actor="worker")
    assert at.selectbox(key="_polku_actor_partner").value == "worker"
    at.sidebar.segmented_control[0].set_value("sv").run()
    assert not at.exception
    assert at.query_params["actor"] == "worker" and at.query_params["audience"] == "partner"
    assert t("pathview.handoffs_of", "sv", actor=path.actor("worker").name.sv) in html_bodies(at)
    at = run_app(database_url, path="kumppani", audience="partner", actor="<b>nobody</b>")
    assert at.selectbox(key="_polku_actor_partner").value == "kela"


def test_the_professional_view_filters_by_actor_and_back(database_url: str) -> None:
    ari = BUILTIN["ari"]
    at = run_app(database_url, path="ari")
    control = at.selectbox(key="_polku_actor_professional")
    assert control.value == "" and control.label == t("pathview.filter_actor", "fi")
    assert control.options[0] == t("pathview.all_actors", "fi")
    control.set_value("client").run()
    assert not at.exception
    assert at.query_params["actor"] == "client"
    dot = graphviz_spec(at)
    assert dot.count(f"★ {t('render.filter.focus', 'fi')}") == len([s for s in ari.steps if "client" in s.actors])
    assert dot.count(f"○ {t('render.filter.other', 'fi')}") == len([s for s in ari.steps if "client" not in s.actors])
    assert len(handoff_items(at)) == len([h for h in handoffs(ari) if "client" in (h.from_actor, h.to_actor)])
    # The blueprint follows the filter too: the chosen actor's lane gets the focus band.
    show_as(at, "blueprint")
    assert palette.FOCUS_FILL.lower() in at.get("plotly_chart")[0].proto.spec.lower()
    at.selectbox(key="_polku_actor_professional").set_value("").run()
    assert "actor" not in at.query_params
    assert palette.FOCUS_FILL.lower() not in at.get("plotly_chart")[0].proto.spec.lower()
    show_as(at, "flow")
    assert "★" not in graphviz_spec(at) and not handoff_items(at)


def test_the_client_view_has_no_actor_control(database_url: str) -> None:
    at = run_app(database_url, path="ari", audience="client", actor="coordinator")
    assert not [box for box in at.selectbox if box.key and box.key.startswith("_polku_actor_")]
    assert "★" not in graphviz_spec(at) and not handoff_items(at)


def test_the_print_view_has_everything_and_nothing_to_click(database_url: str) -> None:
    ari = BUILTIN["ari"]
    at = run_app(database_url, path="ari")
    at.segmented_control(key="_polku_audience_choice").set_value("print").run()
    assert not at.exception
    assert at.query_params["audience"] == "print"
    # Only the view switch (to leave the print view) and the sidebar's language switch remain.
    assert not at.selectbox and not at.toggle and not at.expander
    assert not at.get("download_button") and not at.get("plotly_chart")
    assert main_switches(at) == ["_polku_audience_choice"]
    assert [header.value for header in at.header] == [t("pathview.print_flow", "fi"), t("pathview.print_text", "fi")]
    images = at.get("image")
    assert len(images) == 1
    picture = images[0].proto.imgs[0]
    assert picture.url.startswith("data:image/svg+xml;base64,")
    assert picture.alt == t("pathview.print_flow_alt", "fi", title=ari.title.fi)
    svg = base64.b64decode(picture.url.split(",", 1)[1]).decode("utf-8")
    assert svg.count("💡") >= len(ari.coordinator_steps) and t("render.legend.title", "fi") in svg
    html = html_bodies(at)
    for step in ari.steps:  # the text version: every step, professionals-only ones included
        assert f'id="{anchor_id("ari", "step", step.id)}"' in html
    assert len(handoff_items(at)) == len(handoffs(ari))  # every hand-off, none highlighted
    assert "@media print" in html


def test_view_problems_are_listed_with_the_validation_problems(database_url: str) -> None:
    path = broken_path().model_copy(update={"id": "rikki-nakyma"})
    data = path.model_dump(mode="json")
    data["views"] = {"client": {"hidden_steps": ["haamu"]}}
    path = ServicePath.model_validate(data)
    Store(database_url).save_path(path, author="Testi")
    at = run_app(database_url, path="rikki-nakyma", lang="en")
    warnings = problem_warnings(at)
    assert len(warnings) == 1
    found = validate(path, "en") + view_problems(path, "en")
    assert any(problem.code.startswith("view_") for problem in found)
    assert t("pathpage.problems_title", "en", count=len(found)) in warnings[0]
    for problem in found:
        assert problem.message.replace("\\", "") in warnings[0]


def test_diagram_cache_keys_include_the_view_and_the_actor() -> None:
    ari = BUILTIN["ari"]
    key = ("test-cache", "ari", 1)
    partner_dot = diagrams.flow_dot(key, "fi", "partner", ari, "coordinator")
    assert diagrams.flow_dot(key, "fi", "partner", ari, "coordinator") is partner_dot  # drawn once
    assert diagrams.flow_dot(key, "fi", "partner", ari, "client") != partner_dot
    assert diagrams.flow_dot(key, "fi", "professional", ari) != partner_dot
    assert "★" not in diagrams.flow_dot(key, "fi", "professional", ari)
    client_text = diagrams.text_html(key, "fi", "client", None, ari)
    assert client_text != diagrams.text_html(key, "fi", "professional", None, ari)
    hidden = ari.model_copy(update={"views": {"print": AudienceView(hidden_steps=[ari.steps[1].id])}})
    assert len(diagrams.walk(("test-cache", "ari", 2), "print", None, hidden)) == len(ari.steps) - 1
    assert len(diagrams.walk(("test-cache", "ari", 2), "professional", None, hidden)) == len(ari.steps)


# -- the sign-in checks every rerun makes (kept briefly in the session) ---------------------------------


def test_the_first_account_ends_the_demo_mode_in_an_open_session(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'accounts.db'}"
    monkeypatch.setenv("POLKU_DATABASE_URL", url)
    at = run_app(url, path="ari")
    demo = t("auth.demo_banner", "fi")
    assert [warning.value for warning in at.warning if warning.value == demo]
    Accounts(Store(url)).add_user("Fasilitaattori", "kahvi-ja-kehitysideat")
    # The session's "no accounts" answer is kept for HAS_USERS_TTL[False] seconds; once it is old, the
    # next rerun asks again and the demo mode is over.
    monkeypatch.setitem(auth.HAS_USERS_TTL, False, 0.0)
    at.run()
    assert not at.exception
    assert not [warning.value for warning in at.warning if warning.value == demo]
    # Facilitator pages now ask for the sign-in.
    guarded = AppTest.from_string(
        "from components.auth import require_facilitator\nrequire_facilitator()\nimport streamlit as st\n"
        "st.markdown('INSIDE')\n",
        default_timeout=TIMEOUT,
    ).run()
    assert "INSIDE" not in markdown_text(guarded)
    assert t("auth.sign_in_title", "fi") in [header.value for header in guarded.header]


def test_a_large_path_is_drawn_one_stage_at_a_time_with_a_step_search(database_url: str) -> None:
    """A 2,000-step path: the page offers the stages and a step search, and draws only the chosen stage;
    a step found by the search opens its stage and its details."""
    from bench.synthetic import synthetic_path

    large = synthetic_path(2000, seed=4).model_copy(update={"id": "iso"})
    Store(database_url).save_path(large, "test")
    at = run_app(database_url, path="iso")
    stage_pick = at.selectbox(key="_polku_large_stage")
    first = large.stages[0].id
    assert stage_pick.value == first
    steps = {step for step, _title in picture_data(at)["steps"].values()}
    assert steps == {step.id for step in large.steps if step.stage == first}
    target = next(step for step in large.steps if step.stage == large.stages[3].id)
    at.selectbox(key="_polku_large_search").set_value(target.id).run()
    assert not at.exception
    assert at.query_params["step"] == [target.id] or at.query_params["step"] == target.id
    assert at.selectbox(key="_polku_large_stage").value == target.stage
    steps = {step for step, _title in picture_data(at)["steps"].values()}
    assert target.id in steps and len(steps) < len(large.steps) / 3


def test_the_pictures_markup_is_one_html_block_whatever_the_text_under_it() -> None:
    """st.markdown reads the picture as one HTML block only while it has no blank line: after one, a text's
    `![i](…)` would become an image. The text under the picture (escaped by its template) may hold blank lines."""
    from components.flow_diagram import _page_markup

    svg = '<svg width="10pt" height="10pt" viewBox="0 0 10 10"><g id="graph0" class="graph"></g></svg>'
    below = "<p>Askel\n\n![i](https://example.invalid/pixel.png)\n \n</p>"
    markup = _page_markup("v|test", "auto", False, None, "Kuva", "Vihje", below, None, ("wide", "portrait"),
                          {"wide": (svg, 10.0), "portrait": (svg, 10.0)}, {})
    assert not re.search(r"\n[ \t]*\n", markup)
    assert markup.count("<svg") == 2 and "polku-auto-10" in markup and "![i]" in markup


def test_drawings_too_large_for_markup_go_compressed_through_the_component(database_url: str) -> None:
    """A path of some hundred steps: its two drawings (250 kB) go deflated through the component (markup would
    be dedented, hashed and sent whole on every rerun); a path of a few steps goes as markup."""
    from bench.synthetic import synthetic_path
    from components.flow_diagram import MARKUP_LIMIT

    large = synthetic_path(100, seed=2).model_copy(update={"id": "sata"})
    Store(database_url).save_path(large, "test")
    at = run_app(database_url, path="sata")
    data = picture_data(at)
    assert not page_pictures(at) and sum(len(svg) for svg in data["drawings"].values()) > MARKUP_LIMIT
    assert {step for step, _title in data["steps"].values()} == {step.id for step in large.steps}
    assert any('class="polku-legend"' in body for body in [h.proto.body for h in at.get("html")])
    small = branching_path().model_copy(update={"id": "pieni"})
    Store(database_url).save_path(small, "test")
    at = run_app(database_url, path="pieni")
    assert len(page_pictures(at)) == 1 and not [c for c in at.get("bidi_component") if c.proto.bytes]


def test_a_large_paths_blueprint_is_drawn_one_stage_at_a_time(database_url: str) -> None:
    """The blueprint of a 2,000-step path: the stage picker is there too and only its stage is drawn (the whole
    path's placement would take minutes)."""
    from bench.synthetic import synthetic_path

    large = synthetic_path(2000, seed=4).model_copy(update={"id": "iso-piirustus"})
    Store(database_url).save_path(large, "test")
    at = run_app(database_url, path="iso-piirustus", show="blueprint")
    first = large.stages[0].id
    assert at.selectbox(key="_polku_large_stage").value == first
    [chart] = at.get("plotly_chart")
    drawn = {point for trace in json.loads(chart.proto.spec)["data"] for point in (trace.get("customdata") or [])
             if isinstance(point, str)}
    in_stage = {step.id for step in large.steps if step.stage == first}
    assert drawn and drawn <= in_stage
    # The step picker offers the stage's steps, every one of them, and no other.
    options = at.selectbox(key="_polku_step_iso-piirustus_professional").options
    assert len(options) == len(in_stage) and set(options) == {step.title.fi for step in large.steps
                                                               if step.stage == first}
