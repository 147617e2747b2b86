"""The README's set-up on stock Debian 13 and Ubuntu 24.04, whose system Python refuses `pip install`
(PEP 668): scripts/check-fresh-system.sh debootstraps the system, copies a clean clone of HEAD into
it and runs `make setup`, `make run` and a subset of the tests in a chroot. It needs root, debootstrap
and the distributions' archives, and takes minutes, so it runs only when POLKU_TEST_FRESH_SYSTEMS asks
for it: `.ci/run` asks for Debian 13 (Ubuntu 24.04's browser step needs Playwright's download host,
which this workplace cannot reach)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.support.browser import ROOT

SCRIPT = ROOT / "scripts" / "check-fresh-system.sh"
SUITE_SECONDS = 2400

ASKED = os.environ.get("POLKU_TEST_FRESH_SYSTEMS", "")
# "1" asks for both; a comma-separated list (`.ci/run` sets "trixie") for those systems alone.
SUITES = ["trixie", "noble"] if ASKED == "1" else [suite for suite in ASKED.split(",") if suite]


@pytest.mark.skipif(not SUITES, reason="set POLKU_TEST_FRESH_SYSTEMS=1 (or trixie, noble) to debootstrap stock "
                    "systems and run the set-up in them (root, network, minutes)")
@pytest.mark.parametrize("suite", SUITES or ["trixie"])
def test_the_readme_set_up_works_on_a_stock_system(suite: str) -> None:
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        pytest.fail("POLKU_TEST_FRESH_SYSTEMS=1 needs root and debootstrap (apt-get install debootstrap)")
    done = subprocess.run(
        ["bash", str(SCRIPT), suite, os.environ.get("POLKU_FRESH_SYSTEMS_DIR", "/var/tmp/polku-fresh-systems")],
        capture_output=True, text=True, timeout=SUITE_SECONDS, check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    assert f"=== {suite}: every phase passed" in done.stdout
    assert "externally-managed-environment" not in output
    assert "health: ok" in done.stdout
    assert re.search(r"^\d+ passed", done.stdout, re.MULTILINE), done.stdout[-3000:]
    assert not re.search(r"\d+ (failed|error)", done.stdout), done.stdout[-3000:]
    assert "SKIPPED" not in done.stdout, "a system package that a test needs is missing from the list"
