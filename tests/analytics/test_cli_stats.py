"""`python -m paths stats` as a real subprocess on its own SQLite store (the built-in paths seeded)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "POLKU_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "POLKU_DEBUG": ""}


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "paths", *args], cwd=ROOT, env=env, capture_output=True,
                          timeout=120, check=False, text=True, encoding="utf-8")


def test_stats_txt_in_english(env: dict[str, str]) -> None:
    result = run(env, "stats", "ari", "--lang", "en")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Figures: Ari's path – a work-ability support client (Professional view)"
    assert any(line.startswith("Hand-offs between actors") and line.endswith(" 4") for line in lines)
    assert any(line.startswith("Share of hand-offs the light bulb supports") and line.endswith("100%")
               for line in lines)


def test_stats_json_and_the_client_view(env: dict[str, str]) -> None:
    result = run(env, "stats", "maija", "--format", "json", "--view", "client")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)["figures"]
    assert (data["view"], data["steps"], data["client_steps"], data["decisions"]) == ("client", 7, 7, 1)


def test_stats_compare_as_csv(env: dict[str, str]) -> None:
    result = run(env, "stats", "ari", "--compare", "maija", "--format", "csv", "--lang", "en")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Key", "Figure", "ari", "maija", "Change"]
    steps = next(row for row in rows if row[0] == "steps")
    assert steps[2:] == ["7", "8", "'+1"]  # the formula guard: a cell starting with + gets a quote
    handoffs = next(row for row in rows if row[0] == "handoffs")
    assert handoffs[2:] == ["4", "2", "−2"]


def test_stats_compare_text_lists_differences(env: dict[str, str]) -> None:
    result = run(env, "stats", "ari", "--compare", "maija", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "- Step added: Network meeting" in result.stdout
    assert "- Hand-off removed:" in result.stdout


@pytest.mark.parametrize("args", [("stats", "no-such-path"), ("stats", "ari", "--compare", "no-such-path")])
def test_unknown_path_is_one_line_and_exit_2(env: dict[str, str], args: tuple[str, ...]) -> None:
    result = run(env, *args, "--lang", "en")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["There is no stored path no-such-path (see: python -m paths list)."]
    assert "Traceback" not in result.stderr


def test_bad_format_is_a_usage_error(env: dict[str, str]) -> None:
    result = run(env, "stats", "ari", "--format", "pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr
