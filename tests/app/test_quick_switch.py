"""The path page's quick switch (components.flow_diagram.QuickSwitch, flow_clicks.js): the browser shows a
picture it has shown before by its id the moment a view is chosen, so each option's id must be the id of the
picture the server then draws, and one id must always name the same markup. Through AppTest on a real store."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from paths.formats.files import builtin_paths
from paths.views.configured import VIEW_NAMES, apply_view
from tests.support.apptest import opened_app, picture_data

SWITCH = "_polku_audience_choice"
BUILTIN = {path.id: path for path in builtin_paths()}


def opened(database_url: str, **query: str) -> AppTest:
    """The app with `query` in its URL, on the module's store (`database_url` only asks for the fixture)."""
    return opened_app(**query)


def shown(markup: str) -> str:
    """A picture's markup without the options its frame carries: what a copy of it shows (the browser reads
    the options from Streamlit's own drawing only)."""
    return re.sub(r' data-options="[^"]*"', "", markup)


def chosen(at: AppTest, view: str) -> dict:
    at.segmented_control(key=SWITCH).set_value(view).run()
    assert not at.exception, [e.value for e in at.exception]
    return picture_data(at)


STARTS = [
    {"path": "ari"},
    {"path": "ari", "actor": "coordinator"},  # the professional view filtered by an actor
    {"path": "ari", "step": BUILTIN["ari"].steps[0].id},  # a chosen step that every view shows
    {"path": "ari", "step": "assemble-expert-group"},  # a chosen step that the client view does not show
    {"path": "maija", "audience": "client", "layout": "portrait", "lang": "sv"},
    {"path": "pohjanmaa", "audience": "partner", "actor": "kela"},
]


def test_the_starts_cover_a_step_that_a_view_leaves_out() -> None:
    assert "assemble-expert-group" not in {step.id for step in apply_view(BUILTIN["ari"], "client").steps}


@pytest.mark.parametrize("start", STARTS, ids=lambda start: "-".join(start.values()))
def test_each_option_names_the_picture_the_server_then_draws(database_url: str, start: dict) -> None:
    first = picture_data(opened(database_url, **start))
    assert first["switch"] == SWITCH and len(first["options"]) == len(VIEW_NAMES)
    assert first["options"][VIEW_NAMES.index(first["version"].split("|")[2])] == first["picture"]
    for index, view in enumerate(VIEW_NAMES):
        wanted = first["options"][index]
        if view == "print":
            assert wanted == ""  # the print view changes the whole page: no picture stands in for it
            continue
        at = opened(database_url, **start)
        drawn = chosen(at, view)
        assert drawn["picture"] == wanted, view
        # The same id is the same markup, however the page got there (the browser keeps markup by id).
        again = picture_data(opened(database_url, **dict(at.query_params)))
        assert again["picture"] == wanted and shown(again["markup"]) == shown(drawn["markup"]), view


def test_one_id_shows_the_same_whatever_else_the_url_holds(database_url: str) -> None:
    # The client view leaves this step out: with it in the URL or not, the client's picture is the same.
    plain = picture_data(opened(database_url, path="ari", audience="client"))
    linked = picture_data(opened(database_url, path="ari", audience="client", step="assemble-expert-group"))
    assert plain["picture"] == linked["picture"] and shown(plain["markup"]) == shown(linked["markup"])
    assert plain["options"] != linked["options"]  # the professional view shows the step: its option differs


def test_a_picture_id_follows_the_layout_fit_and_chosen_step(database_url: str) -> None:
    ids = {picture_data(opened(database_url, **query))["picture"]
           for query in ({"path": "ari"}, {"path": "ari", "layout": "portrait"},
                         {"path": "ari", "step": BUILTIN["ari"].steps[1].id}, {"path": "ari", "lang": "en"})}
    assert len(ids) == 4
    at = opened(database_url, path="ari")
    plain = picture_data(at)["picture"]
    at.toggle(key="_polku_flow_fit").set_value(True).run()
    assert picture_data(at)["picture"] not in ("", plain)


def test_the_page_never_shows_where_the_store_is(database_url: str) -> None:
    markup = picture_data(opened(database_url, path="ari"))["markup"]
    assert database_url not in markup and "sqlite" not in markup
    assert "|ari@1|" not in markup and ":ari@" in markup  # the store by its number, the path and its version

