"""The benchmark's synthetic paths are valid and have what the benchmark claims."""

from __future__ import annotations

import pytest

from bench.synthetic import synthetic_path
from paths.model.schema import StepKind
from paths.model.validation import validate


@pytest.mark.parametrize("n_steps", [3, 20, 200])
def test_synthetic_path_is_valid_with_exactly_n_steps(n_steps: int) -> None:
    path = synthetic_path(n_steps, seed=1)
    assert len(path.steps) == n_steps
    assert validate(path, "en") == []


def test_synthetic_path_has_branches_loops_and_light_bulbs() -> None:
    path = synthetic_path(200)
    kinds = {step.kind for step in path.steps}
    assert {StepKind.decision, StepKind.network_meeting, StepKind.end} <= kinds
    assert len(path.coordinator_steps) > 10
    order = {step.id: i for i, step in enumerate(path.steps)}
    assert any(order[tr.target] < order[tr.source] for tr in path.transitions)  # a loop back
    assert len(path.stages) >= 3
    assert synthetic_path(200) == path  # same seed, same path
