"""The app's pages through Streamlit's AppTest, on a real SQLite store filled from data/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from paths.i18n import t
from paths.loading import builtin_paths
from paths.model import Audience, ServicePath
from paths.render_text import anchor_id
from paths.store import Store
from paths.validation import validate
from tests.factories import branching_path

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60
BUILTIN = {path.id: path for path in builtin_paths()}


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One SQLite store for the module; tests that write use their own path ids."""
    directory = tmp_path_factory.mktemp("app")
    url = f"sqlite:///{directory / 'polku.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLKU_DATABASE_URL", url)
        patch.setenv("POLKU_PERSONAL_DATABASE_URL", f"sqlite:///{directory / 'personal.db'}")
        patch.setenv("POLKU_DATA_DIR", str(directory))
        yield url


def run_app(database_url: str, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def subheaders(at: AppTest) -> list[str]:
    return [element.value for element in at.subheader]


def markdown_text(at: AppTest) -> str:
    return "\n".join(line for element in at.markdown for line in element.value.split("  \n"))


def open_tab(at: AppTest, lang: str, name: str) -> AppTest:
    """Open a path-page tab as a click would (the tabs are lazy: only the open one is drawn)."""
    at.session_state[f"_polku_tabs_{lang}"] = t(f"pathpage.tab.{name}", lang)
    at.run()
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
    assert [tab.label for tab in at.tabs] == [t(f"pathpage.tab.{name}", "sv") for name in ("flow", "blueprint", "text")]


def test_path_page_shows_ari_with_tabs_and_flow_diagram(database_url: str) -> None:
    at = run_app(database_url, path="ari")
    assert at.title[0].value.replace("\\", "") == BUILTIN["ari"].title.fi
    assert [tab.label for tab in at.tabs] == [t(f"pathpage.tab.{name}", "fi") for name in ("flow", "blueprint", "text")]
    charts = at.get("graphviz_chart")
    assert len(charts) == 1
    dot = charts[0].proto.spec
    assert dot.count("💡") >= len(BUILTIN["ari"].coordinator_steps)
    assert at.caption  # the short description under the diagram
    # The downloads are drawn when their section is opened.
    assert not at.get("download_button")
    at.session_state["_polku_downloads_open"] = True
    at.run()
    labels = [button.label for button in at.get("download_button")]
    for fmt in ("svg", "png", "pdf", "yaml", "json", "md"):
        assert t(f"pathpage.download.{fmt}", "fi") in labels
    assert t("pathpage.no_problems", "fi") in [caption.value for caption in at.caption]


def test_text_tab_follows_the_audience_switch(database_url: str) -> None:
    ari = BUILTIN["ari"]
    hidden = [step for step in ari.steps if step.audience == Audience.professionals]
    visible = [step for step in ari.steps if step.audience == Audience.everyone]
    assert hidden, "Ari's path has a professionals-only step"

    def step_blocks(at: AppTest) -> set[str]:
        html = "\n".join(element.proto.body for element in at.get("html"))
        return {step.id for step in ari.steps if f'id="{anchor_id("ari", "step", step.id)}"' in html}

    at = open_tab(run_app(database_url, path="ari"), "fi", "text")
    assert step_blocks(at) == {step.id for step in ari.steps}
    at.segmented_control(key="_polku_audience_choice").set_value("client").run()
    assert at.query_params["audience"] == "client"
    assert step_blocks(at) == {step.id for step in visible}
    # The client's plain-language text replaces the professional description.
    html = "\n".join(element.proto.body for element in at.get("html"))
    assert visible[0].client_text.fi.split(".")[0] in html


def test_blueprint_tab_shows_the_chart_and_step_details(database_url: str) -> None:
    at = open_tab(run_app(database_url, path="ari"), "fi", "blueprint")
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
    assert len(at.get("graphviz_chart")) == 1
    # The problems follow the language.
    at = run_app(database_url, path="rikki", lang="en")
    assert validate(path, "en")[0].message in problem_warnings(at)[0]


def test_unknown_path_is_one_clear_sentence(database_url: str) -> None:
    at = run_app(database_url, path="ei-tallaista")
    assert [error.value for error in at.error] == [t("pathpage.not_found", "fi")]
    assert not at.tabs
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


def test_open_tab_and_audience_survive_a_language_switch(database_url: str) -> None:
    at = open_tab(run_app(database_url, path="ari", audience="client"), "fi", "text")
    at.sidebar.segmented_control[0].set_value("en").run()
    assert not at.exception
    html = "\n".join(element.proto.body for element in at.get("html"))
    assert 'lang="en"' in html and "polku-text" in html
    assert at.segmented_control(key="_polku_audience_choice").value == "client"
