"""What the AppTest tests share: both databases on fresh SQLite files, named in the environment, and a script run."""

from __future__ import annotations

import html
import json
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from paths.store.library import Store, get_store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@contextmanager
def app_databases(directory: Path) -> Iterator[tuple[str, str]]:
    """(library URL, personal URL): SQLite files in `directory`, set for the app as `POLKU_DATABASE_URL` and
    `POLKU_PERSONAL_DATABASE_URL` (with `POLKU_DATA_DIR`), sign-in in its default mode, while the block runs."""
    url = f"sqlite:///{directory / 'polku.db'}"
    personal_url = f"sqlite:///{directory / 'personal.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("POLKU_DATABASE_URL", url)
        patch.setenv("POLKU_PERSONAL_DATABASE_URL", personal_url)
        patch.setenv("POLKU_DATA_DIR", str(directory))
        patch.delenv("POLKU_AUTH", raising=False)
        yield url, personal_url


@contextmanager
def seeded_app_store(directory: Path) -> Iterator[Store]:
    """The app's library store in `directory` (see `app_databases`), filled with the built-in paths."""
    with app_databases(directory) as (url, _):
        store = get_store(url)
        store.ensure_seeded()
        yield store


def module_store(name: str):  # noqa: ANN201 - a pytest fixture
    """A module-scoped `store` fixture: the seeded app store (see `seeded_app_store`) in a fresh folder
    named after `name`, shared by one test file's AppTests. Assign it as `store = module_store("…")`."""

    @pytest.fixture(scope="module")
    def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
        with seeded_app_store(tmp_path_factory.mktemp(name)) as seeded:
            yield seeded

    return store


def page_script(module: str, function: str) -> str:
    """The script AppTest runs for one page: import its function and call it."""
    return f"from {module} import {function}\n{function}()\n"


def run_script(script: str, timeout: float = 60, **params: str) -> AppTest:
    """Run a page script once with these query parameters."""
    at = AppTest.from_string(script, default_timeout=timeout)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def ok(at: AppTest) -> AppTest:
    """`at` after a run with no exception on the page (the exceptions' texts are the failure message)."""
    assert not at.exception, [e.value for e in at.exception]
    return at


def run_ok(script: str, timeout: float = 90, **params: str) -> AppTest:
    """`run_script`, then `ok`: a page's first run, which must raise nothing."""
    return ok(run_script(script, timeout=timeout, **params))


def flow_data(component) -> dict:  # noqa: ANN001 - AppTest's element
    """What a flow diagram component was sent, as one dict: components/flow_diagram.py sends bytes, the
    view's JSON after its 4-byte length, then the drawings' JSON deflated."""
    payload = component.proto.bytes
    length = int.from_bytes(payload[:4], "big")
    return {**json.loads(zlib.decompress(payload[4 + length:])), **json.loads(payload[4:4 + length])}


_FRAME = re.compile(r'<div class="polku-flow-frame([^"]*)" data-version="([^"]*)" data-choice="([^"]*)"[^>]*>')
_LAYOUT = re.compile(
    r'<div class="polku-flow polku-layout-(\w+)" data-layout="\w+" data-version="[^"]*">(<svg.*?</svg>)</div>', re.S
)
_QUICK = re.compile(r'data-picture="([^"]*)" data-options="([^"]*)" data-switch="([^"]*)"')
_STEP = re.compile(r'<g id="(?:\w+-)?polku&#45;([^"]+)" class="[^"]*" data-step="([^"]*)"[^>]* aria-label="([^"]*)"'
                   r' aria-pressed="(true|false)">')


def opened_app(**query: str) -> AppTest:
    """The app run once with `query` in its URL (on the databases the environment names), with no exception."""
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_pictures(at: AppTest) -> list[str]:
    """The markup of the server-finished pictures (components/flow_diagram.page_picture) in the page."""
    return [element.value for element in at.markdown if "polku-flow-frame" in element.value]


def picture_data(at: AppTest) -> dict:
    """What the path page's one flow diagram shows, in the shape of `flow_data`: drawings by layout, the
    choice, "fit", the version, the steps (node: [step id, name]) and the chosen one, and for the quick switch
    (components.flow_diagram.QuickSwitch) the picture's id, its options' ids and the switch. Read from its markup, or,
    for drawings too large for markup (components.flow_diagram.MARKUP_LIMIT), from the component's data."""
    pictures = page_pictures(at)
    if not pictures:
        [component] = [element for element in at.get("bidi_component") if element.proto.bytes]
        return flow_data(component)
    [markup] = pictures
    frame = _FRAME.search(markup)
    steps = {node: [html.unescape(step), html.unescape(name)] for node, step, name, _ in _STEP.findall(markup)}
    chosen = {html.unescape(step) for _node, step, _name, pressed in _STEP.findall(markup) if pressed == "true"}
    return {"drawings": dict(_LAYOUT.findall(markup)), "choice": frame.group(3), "fit": "polku-fit" in frame.group(1),
            "version": html.unescape(frame.group(2)), "steps": steps, "selected": next(iter(chosen), None),
            "markup": markup, **_quick(markup)}


def _quick(markup: str) -> dict:
    """The quick switch's attributes of a picture's frame, when it has them."""
    found = _QUICK.search(markup)
    if found is None:
        return {}
    return {"picture": html.unescape(found.group(1)), "options": json.loads(html.unescape(found.group(2))),
            "switch": html.unescape(found.group(3))}


def flow_drawings(at: AppTest) -> str:
    """The SVGs of the page's one flow diagram (the path page's picture, else the one component), joined."""
    if page_pictures(at):
        return "\n".join(picture_data(at)["drawings"].values())
    [component] = at.get("bidi_component")
    return "\n".join(flow_data(component)["drawings"].values())
