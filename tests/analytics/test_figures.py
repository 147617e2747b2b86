"""The figures of the built-in paths, counted by hand from data/*.yaml (the counts are written out below)."""

from __future__ import annotations

import pytest

from paths.analytics.figures import figures
from paths.editing import experience as ex
from paths.formats.files import load_path_file
from tests.support.factories import branching_path


def builtin(name: str):
    return load_path_file(f"data/{name}.yaml")


def test_ari_professional_view_counted_by_hand() -> None:
    found = figures(builtin("ari"), "professional")
    assert found.steps == 7
    # The client is an actor on every step but "assemble-expert-group" (coordinator and expert group only).
    assert found.client_steps == 6
    # One contact step: the referral through the employment pilot.
    assert found.contacts == 1
    # Responsible actor changes: pilot→coordinator (referral→meeting), coordinator→expert group
    # (group meeting→rehabilitation need), expert group→coordinator (need→guidance), coordinator→client (guidance→end).
    assert found.handoffs == 4
    # Each has a light-bulb step at one end (coordinator-meeting, expert-group-meeting, guidance twice).
    assert found.handoffs_supported == 4 and found.handoff_support_share == 1.0
    # Others on the client's steps: the pilot, the coordinator, the expert group, the rehabilitation services.
    assert found.actors_met == ["employment-pilot", "coordinator", "expert-group", "rehabilitation-services"]
    assert (found.loops, found.decisions) == (0, 0)
    # The main way is the whole straight path; nothing is scored or timed in the source.
    assert found.main_way_steps == 7
    assert (found.scored_steps, found.average_feeling, found.timed_steps) == (0, None, 0)
    assert found.duration_days_min is None


def test_ari_client_view_leaves_out_the_back_office_step() -> None:
    found = figures(builtin("ari"), "client")
    # "assemble-expert-group" is professionals-only: 6 steps, all with the client; the joined arrow
    # coordinator-meeting→expert-group-meeting stays with the coordinator, so still 4 hand-offs.
    assert (found.steps, found.client_steps, found.handoffs, found.main_way_steps) == (6, 6, 4, 6)


def test_maija_professional_view_counted_by_hand() -> None:
    found = figures(builtin("maija"), "professional")
    assert found.steps == 8
    # All but "assemble-network" (coordinator and expert network).
    assert found.client_steps == 7
    assert found.contacts == 1  # the referral to the coordinator
    # sote worker→coordinator (referral→mapping) and coordinator→client (strengthening→end); the rest stay
    # with the coordinator or the sote worker.
    assert found.handoffs == 2
    assert found.handoffs_supported == 2  # mapping and strengthening carry the light bulb
    assert found.actors_met == ["sote-worker", "coordinator", "expert-network"]
    assert found.decisions == 1  # "network-needed"
    assert found.loops == 0
    # need → referral → mapping → network-needed → (first way) assemble-network → network-meeting →
    # strengthening → end.
    assert found.main_way_steps == 8


def test_pohjanmaa_has_one_loop_and_one_decision() -> None:
    path = builtin("pohjanmaa")
    found = figures(path, "professional")
    assert found.steps == len(path.steps) == 14
    assert (found.loops, found.decisions) == (1, 1)
    # 4 hand-offs, 3 of them with a light-bulb step at an end.
    assert (found.handoffs, found.handoffs_supported) == (4, 3)
    assert found.handoff_support_share == 0.75


def test_experience_and_structured_durations_are_summed_along_the_main_way() -> None:
    path = branching_path()
    # Main way: tarve → kirjaus → yhteydenotto → (first way) konsultaatio, an end.
    path = ex.set_duration_range(path, "tarve", 1, 2, "weeks")
    path = ex.set_duration_range(path, "yhteydenotto", 3, 5, "days")
    path = ex.set_duration_range(path, "kokous", 10, 10, "days")  # off the main way: not summed
    path = ex.set_feeling(path, "tarve", -2)
    path = ex.set_feeling(path, "kokous", 1)
    path = ex.set_items(path, "tarve", "pain_points", ["Odotus", "Epäselvyys"], "fi")
    path = ex.set_items(path, "kokous", "opportunities", ["Yksi yhteyshenkilö"], "fi")
    found = figures(path, "professional")
    assert found.main_way_steps == 4
    assert found.timed_steps == 2
    assert (found.duration_days_min, found.duration_days_max) == (7 + 3, 14 + 5)
    assert (found.scored_steps, found.average_feeling) == (2, -0.5)
    assert (found.pain_points, found.opportunities) == (2, 1)
    # branching_path: "seuranta → kokous" goes back; "yhteydenotto" is the one decision.
    assert (found.loops, found.decisions) == (1, 1)
    by_stage = {row.stage_id: row for row in found.stages}
    assert by_stage["tunnistus"].feelings == [-2] and by_stage["verkosto"].average_feeling == 1


@pytest.mark.parametrize("view", ["professional", "client", "partner", "print"])
def test_every_view_has_figures(view: str) -> None:
    found = figures(builtin("pohjanmaa"), view)
    assert found.view == view and found.steps > 0
    assert found.as_dict()["handoff_support_share"] == found.handoff_support_share
