"""The client view hides back-office steps and keeps the path connected."""

from __future__ import annotations

from paths.model.validation import validate
from paths.views.audience import audience_view
from tests.support.factories import branching_path


def test_professional_view_is_the_whole_path():
    path = branching_path()
    assert audience_view(path, "professional") is path


def test_client_view_joins_around_hidden_steps():
    view = audience_view(branching_path(), "client")
    ids = {step.id for step in view.steps}
    assert "kirjaus" not in ids
    assert ("tarve", "yhteydenotto") in {(t.source, t.target) for t in view.transitions}
    assert validate(view) == []


def test_hidden_step_before_a_branch_keeps_the_condition_labels():
    path = branching_path()
    path.steps[2].audience = "professionals"  # the decision itself is back office
    view = audience_view(path, "client")
    conditions = {(t.source, t.target): t.condition.fi for t in view.transitions}
    assert conditions[("tarve", "konsultaatio")] == "Konsultaatio riittää"
    assert conditions[("tarve", "kokous")] == "Tarvitaan useita palveluita"
