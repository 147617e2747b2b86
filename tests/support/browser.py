"""Shared support for browser tests: a real `streamlit run` on a free port and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from paths.model.schema import ServicePath
from tests.support.databases import store_with

ROOT = Path(__file__).resolve().parents[2]
# The system's Chromium (Debian's /usr/bin/chromium), or None for Playwright's own build, which
# `make setup` installs where the distribution has no chromium package (Ubuntu 24.04).
CHROMIUM = os.environ.get("POLKU_CHROMIUM") or next(
    (path for path in ("/usr/bin/chromium", shutil.which("chromium")) if path and Path(path).exists()), None
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def streamlit_server(tmp_dir: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    """Start `streamlit run app.py` on its own SQLite store in `tmp_dir`; yield its base URL."""
    port = free_port()
    full_env = {
        **os.environ,
        "POLKU_DATABASE_URL": f"sqlite:///{tmp_dir / 'polku.db'}",
        "POLKU_PERSONAL_DATABASE_URL": f"sqlite:///{tmp_dir / 'polku-personal.db'}",
        "POLKU_DATA_DIR": str(tmp_dir),
        **(env or {}),
    }
    log = open(tmp_dir / f"streamlit-{port}.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=full_env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "streamlit did not start: " + (tmp_dir / f"streamlit-{port}.log").read_text()[-2000:]
                )
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextmanager
def seeded_server(tmp_dir: Path, *paths: ServicePath) -> Iterator[tuple[str, Path]]:
    """`streamlit_server` in single-user mode on a store in `tmp_dir` with the built-in paths and `paths` saved
    (by "Testaaja"); yield (its base URL, its SQLite file)."""
    database = tmp_dir / "polku.db"
    with store_with(f"sqlite:///{database}", *paths, seeded=True):
        pass
    with streamlit_server(tmp_dir, env={"POLKU_AUTH": ""}) as url:
        yield url, database


def launch_chromium(playwright):  # noqa: ANN001, ANN201 - Playwright's own types
    """The system's Chromium through Playwright, else Playwright's own build (CHROMIUM is None)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_idle(page, timeout: float = 30_000) -> None:  # noqa: ANN001
    """Wait until Streamlit has finished the current run."""
    page.wait_for_selector(IDLE, timeout=timeout)


def assert_no_exception(page, where: str = "the page", server_log: str = "") -> None:  # noqa: ANN001
    """Fail with the traceback's own text when Streamlit drew one (and the server's log, where the
    app redacts it from the page), so a CI log says what broke."""
    shown = page.locator("[data-testid='stException']")
    if shown.count():
        raise AssertionError(f"{where} shows a traceback: {shown.first.inner_text()[:2000]}\n{server_log[-4000:]}")
