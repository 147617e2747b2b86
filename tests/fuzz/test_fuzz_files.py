"""Fuzzing the YAML and JSON readers: every input ends stored-and-exportable or as one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

from paths.formats.files import load_path_bytes
from paths.store.library import Store
from tests.fuzz.checks import stored_or_refused
from tests.fuzz.strategies import json_documents, yaml_documents

pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    fuzz_store = Store(f"sqlite:///{Path(tmp_path_factory.mktemp('fuzz-files')) / 'polku.db'}")
    yield fuzz_store
    fuzz_store.close()


@given(data=yaml_documents)
def test_yaml_reader(store: Store, data: bytes) -> None:
    stored_or_refused(lambda: load_path_bytes(data, "fuzz.yaml"), store)


@given(data=json_documents)
def test_json_reader(store: Store, data: bytes) -> None:
    stored_or_refused(lambda: load_path_bytes(data, "fuzz.json"), store)
