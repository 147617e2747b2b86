"""In AppTest: the path page offers the BPMN, Mermaid, ODS and published-page downloads; the
column-mapping step remembers a mapping for the next sheet of the same shape and the mapping
reaches the path. (Uploading through the real uploader is tests/formats/test_browser_import.py:
AppTest cannot upload a file, so here the step is given the uploaded file's two methods.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from paths.i18n.catalog import t
from tests.support.apptest import app_databases

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(scope="module")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with app_databases(tmp_path_factory.mktemp("formats-app")) as (url, _):
        yield url


def test_path_page_offers_the_interchange_downloads(database_url: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["path"] = "pohjanmaa"
    at.query_params["audience"] = "client"
    at.run()
    assert not at.exception
    at.session_state["_polku_downloads_open"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    labels = [button.label for button in at.get("download_button")]
    for fmt in ("bpmn", "mermaid_flowchart", "mermaid_journey", "ods", "publish"):
        assert t(f"formats.download.{fmt}", "fi") in labels
    assert t("pathpage.download.svg", "fi") in labels  # the page's own downloads are still there


def mapping_script() -> None:
    """The mapping step for an uploaded sheet, as the new-path panel calls it; `which` picks the sheet."""
    import streamlit as st

    from components import import_mapping

    class Upload:
        def __init__(self, name: str, data: bytes) -> None:
            self.name, self._data = name, data

        def getvalue(self) -> bytes:
            return self._data

    which = st.session_state.get("which", "eka")
    first = "Eka" if which == "eka" else "Toka"
    data = f"Vaihe;Askel;Seuraava;Huomioita\nAlku;{first};Kaksi;tärkeä\nAlku;Kaksi;;\n".encode()
    upload = Upload(f"{which}.csv", data)
    import_mapping.mapping_step(upload, "fi")
    if st.session_state.get("create"):
        path = import_mapping.read_upload(upload, "polku-" + which, "Polku", "fi")
        st.session_state["made"] = path.step(path.steps[0].id).description.fi


def test_the_mapping_is_remembered_for_the_next_sheet_of_the_same_shape(database_url: str) -> None:
    at = AppTest.from_function(mapping_script, default_timeout=60).run()
    assert not at.exception
    assert any(t("formats.mapping.heading", "fi") in m.value for m in at.markdown)
    chooser = at.selectbox[0]
    assert chooser.label == t("formats.mapping.column", "fi", header="Huomioita") and chooser.value == "-"
    assert not any(t("formats.mapping.remembered", "fi") in c.value for c in at.caption)
    chooser.set_value("description").run()
    at.session_state["which"] = "toka"
    at.session_state["create"] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(t("formats.mapping.remembered", "fi") in c.value for c in at.caption)
    assert at.selectbox[0].value == "description"
    assert at.session_state["made"] == "tärkeä"
