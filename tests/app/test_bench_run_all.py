"""bench/run_all.py: every bench_*.py runs in its own process, its output shows, and a failure fails the run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUN_ALL = ROOT / "bench" / "run_all.py"


def run_all(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUN_ALL), *args], capture_output=True, text=True, timeout=120, check=False
    )


def test_runs_every_script_in_order_and_fails_when_one_fails(tmp_path: Path) -> None:
    (tmp_path / "bench_a.py").write_text("import sys\nprint('figure a', sys.executable)\n")
    (tmp_path / "bench_b.py").write_text("print('figure b')\nraise SystemExit(3)\n")
    (tmp_path / "bench_c.py").write_text("print('figure c')\n")
    (tmp_path / "helper.py").write_text("raise SystemExit('not a benchmark: never run')\n")
    result = run_all("--dir", str(tmp_path))
    assert result.returncode == 1
    out = result.stdout
    assert out.index("figure a") < out.index("figure b") < out.index("figure c")  # all run, in name order
    assert f"figure a {sys.executable}" in out  # the same Python
    assert "not a benchmark" not in out + result.stderr
    assert "bench_b.py" in out and "FAILED (exit 3)" in out


def test_all_passing_exits_zero_and_only_filters(tmp_path: Path) -> None:
    (tmp_path / "bench_one.py").write_text("print('one ran')\n")
    (tmp_path / "bench_two.py").write_text("raise SystemExit(1)\n")
    result = run_all("--dir", str(tmp_path), "--only", "one")
    assert result.returncode == 0
    assert "one ran" in result.stdout and "bench_two" not in result.stdout


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    result = run_all("--dir", str(tmp_path))
    assert result.returncode == 1
    assert "no bench_*.py scripts" in result.stdout


def test_the_makefile_bench_target_uses_it() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "bench/run_all.py" in makefile
