"""The README's set-up is the whole set-up: `make test`'s set-up from a clean clone with a PATH that
holds only the system's directories (so `python3` is Debian's /usr/bin/python3, not pyenv's), and
the system-package step that installs what is missing or prints the one apt-get line to run."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.browser import ROOT

SYSTEM_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"
SETUP_SECONDS = 900


def _system_env(**extra: str) -> dict[str, str]:
    """The environment of a fresh login on the machine: no pyenv, no virtualenv on PATH."""
    keep = ("HOME", "LANG", "TMPDIR", "PIP_CONFIG_FILE", "PIP_INDEX_URL", "PIP_FIND_LINKS", "npm_config_cache")
    return {"PATH": SYSTEM_PATH, **{name: os.environ[name] for name in keep if name in os.environ}, **extra}


@pytest.mark.skipif(not Path("/usr/bin/python3").exists(), reason="no system python3 at /usr/bin/python3")
def test_make_setup_from_a_clean_clone_uses_only_the_system_python(tmp_path: Path) -> None:
    clone = tmp_path / "polku"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=120)
    assert not (clone / ".venv").exists()

    first = subprocess.run(
        ["make", "--no-print-directory", "setup"], cwd=clone, env=_system_env(),
        capture_output=True, text=True, timeout=SETUP_SECONDS, check=False,
    )
    assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-3000:]
    assert "externally-managed-environment" not in first.stderr
    config = (clone / ".venv" / "pyvenv.cfg").read_text()
    assert "home = /usr/bin\n" in config, config
    assert (clone / "node_modules" / "axe-core" / "axe.min.js").is_file()

    checked = subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-m", "paths", "--lang", "en", "validate", "data/ari.yaml"],
        cwd=clone, env=_system_env(), capture_output=True, text=True, timeout=120, check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "data/ari.yaml" in checked.stdout

    again = subprocess.run(
        ["make", "--no-print-directory", "setup"], cwd=clone, env=_system_env(),
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert again.returncode == 0, again.stderr
    assert "pip install" not in again.stdout and "npm ci" not in again.stdout, "a second set-up reinstalled"


def _as_user_without_sudo(script: Path, package_list: Path) -> subprocess.CompletedProcess[str]:
    """Run the system set-up as someone who is neither root nor allowed password-less sudo."""
    env = {"PATH": SYSTEM_PATH, "POLKU_SYSTEM_PACKAGES": str(package_list)}
    if os.geteuid() == 0:
        command = ["runuser", "-u", "nobody", "--", "bash", str(script), "test"]
    elif subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False).returncode != 0:
        command = ["bash", str(script), "test"]
    else:
        pytest.skip("this user has password-less sudo: the script would install instead of printing")
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A directory the unprivileged user can read (pytest's own temporary directories are private)."""
    directory = Path(tempfile.mkdtemp(prefix="polku-setup-"))
    directory.chmod(0o755)
    shutil.copy(ROOT / "scripts" / "setup-system.sh", directory / "setup-system.sh")
    (directory / "setup-system.sh").chmod(0o755)
    yield directory
    shutil.rmtree(directory, ignore_errors=True)


def test_without_root_the_system_setup_prints_the_one_apt_line_and_stops(shared_dir: Path) -> None:
    package_list = shared_dir / "packages.txt"
    package_list.write_text(
        "# test list\nbash  test\npolku-no-such-package  test\npolku-other|polku-alternative  test\n"
        "polku-run-only  run\n"
    )
    package_list.chmod(0o644)
    result = _as_user_without_sudo(shared_dir / "setup-system.sh", package_list)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1].strip() == "sudo apt-get install polku-no-such-package polku-other polku-run-only", lines


def test_the_system_setup_does_nothing_when_every_package_is_there(shared_dir: Path) -> None:
    package_list = shared_dir / "packages.txt"
    package_list.write_text("bash  run\npolku-not-a-package  test  sh\n")
    package_list.chmod(0o644)
    result = _as_user_without_sudo(shared_dir / "setup-system.sh", package_list)
    assert result.returncode == 0, result.stderr
    assert result.stdout == result.stderr == ""


def test_the_project_list_names_what_the_tests_and_the_image_need() -> None:
    """One list for everything: the Makefile, .ci/run and the Dockerfile all go through the script."""
    listed = (ROOT / "scripts" / "system-packages.txt").read_text()
    for package in ("python3-venv", "graphviz", "chromium", "fonts-dejavu-core", "nginx", "postgresql-client"):
        assert f"\n{package}" in listed, package
    for user in ("Makefile", ".ci/run", "Dockerfile"):
        assert "setup-system.sh" in (ROOT / user).read_text() or "make --no-print-directory setup" in (
            ROOT / user
        ).read_text(), user


def test_a_package_the_distribution_lacks_is_left_to_its_fallback(shared_dir: Path) -> None:
    """Ubuntu 24.04 has no chromium deb: a line with a fallback word is then not missing (make setup
    brings Playwright's), while one without is still asked for."""
    package_list = shared_dir / "packages.txt"
    package_list.write_text("polku-no-such-browser  test  polku-no-such-command  playwright\n")
    package_list.chmod(0o644)
    known = _as_user_without_sudo(shared_dir / "setup-system.sh", package_list)
    if not list(Path("/var/lib/apt/lists").glob("*_Packages*")):
        pytest.skip("apt has no package lists here (apt-get update has not run)")
    assert known.returncode == 0, known.stderr
    assert known.stdout == known.stderr == ""

    package_list.write_text("polku-no-such-browser  test  polku-no-such-command\n")
    asked = _as_user_without_sudo(shared_dir / "setup-system.sh", package_list)
    assert asked.returncode == 1
    assert asked.stderr.strip().splitlines()[-1].strip() == "sudo apt-get install polku-no-such-browser"
