"""What the AppTest tests share: both databases on fresh SQLite files, named in the environment, and a script run."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from paths.store.library import Store, get_store


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


def flow_drawings(at: AppTest) -> str:
    """The SVGs of the page's one flow diagram component, joined."""
    [component] = at.get("bidi_component")
    return "\n".join(flow_data(component)["drawings"].values())
