"""Two `streamlit run` servers on one PostgreSQL database behind Debian's nginx, on loopback.

nginx runs in the foreground with its own prefix and a config that includes the project's own
snippets (deploy/nginx/polku-http.conf and polku-proxy.conf, the same ones compose uses); the test
config adds only the `X-Polku-Upstream` header, so a test can tell which server answered and pick
a sticky key that lands on server A or B.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from paths.i18n.catalog import t
from tests.support.browser import ROOT, free_port, streamlit_server, wait_idle

NGINX = os.environ.get("POLKU_NGINX", "/usr/sbin/nginx")
STICKY_COOKIE = "polku_server"
COOKIE_SECRET = "polku-test-cookie-secret-shared-by-every-server"  # noqa: S105 - a test value

NGINX_CONF = """
{user}worker_processes 1;
error_log {prefix}/error.log info;
pid {prefix}/nginx.pid;
events {{ worker_connections 512; }}
http {{
    include {deploy}/polku-http.conf;
    access_log {prefix}/access.log polku;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream polku {{
        hash $polku_sticky_key consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            include {deploy}/polku-proxy.conf;
            add_header X-Polku-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@dataclass
class Cluster:
    """The proxy's URL and the app servers' URLs (A first); `logs` are every server's log files."""

    url: str
    servers: list[str]
    directories: list[Path]
    prefix: Path
    keys: dict[str, str] = field(default_factory=dict)

    def upstream(self, key: str, path: str = "/_stcore/health") -> str:
        """Which app server (its URL) nginx sends a browser with this sticky key to."""
        headers = {"Cookie": f"{STICKY_COOKIE}={key}"}
        request = urllib.request.Request(f"{self.url}{path}", headers=headers)  # noqa: S310 - loopback
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return "http://" + response.headers["X-Polku-Upstream"].split(",")[-1].strip()

    def key_for(self, server: str) -> str:
        """A sticky-cookie value that nginx hashes to `server`."""
        if server not in self.keys:
            for n in range(500):
                key = f"test-key-{n}"
                if self.upstream(key) == server:
                    self.keys[server] = key
                    break
            else:
                raise AssertionError(f"no sticky key reaches {server}")
        return self.keys[server]

    def logs(self) -> str:
        """Every app server's log and nginx's logs, as text."""
        files = [file for directory in self.directories for file in directory.glob("streamlit-*.log")]
        files += [self.prefix / "access.log", self.prefix / "error.log"]
        return "\n".join(file.read_text(errors="replace") for file in files if file.exists())


def choose(page, label: str, option: str, timeout: float = 60_000) -> None:  # noqa: ANN001 - Playwright's Page
    """Pick an option of a Streamlit selectbox: type to filter, click the option. A rerun that lands
    meanwhile (a fragment's timer) can drop the choice, as it would for a person, who picks again:
    at most three tries, each checked on the box's value after it loses focus."""
    import re

    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect

    for attempt in range(3):
        wait_idle(page, timeout)
        picker = page.get_by_role("combobox", name=label)
        picker.click()
        picker.press_sequentially(option)
        try:
            page.get_by_role("option", name=re.compile(re.escape(option))).first.click(timeout=10_000)
            picker.blur()  # a choice that did not take shows no longer once the box loses focus
            wait_idle(page, timeout)
            expect(picker).to_have_value(re.compile(re.escape(option)), timeout=5_000)
            return
        except (AssertionError, PlaywrightError):
            if attempt == 2:
                raise


def submit_note(page, text: str, step_title: str = "Tarve tunnistetaan") -> None:  # noqa: ANN001
    """A participant's note on a step of the test path, sent (the caller waits for what it needs)."""
    choose(page, t("workshop.note.target", "fi"), step_title)
    page.get_by_label(t("workshop.note.text", "fi"), exact=True).fill(text)
    page.get_by_role("button", name=t("workshop.note.submit", "fi")).click()


def kill_server(url: str) -> None:
    """SIGKILL the process listening on the server's port: no clean shutdown, as in a crash."""
    port = url.rsplit(":", 1)[1]
    pids = subprocess.run(["lsof", "-t", f"-iTCP:{port}", "-sTCP:LISTEN"], capture_output=True, text=True).stdout
    for pid in pids.split():
        os.kill(int(pid), signal.SIGKILL)


def _quit(process: subprocess.Popen) -> None:
    """nginx's graceful stop (SIGQUIT lets the workers finish), SIGKILL after 10 s."""
    process.send_signal(signal.SIGQUIT)
    deadline = time.monotonic() + 10
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if process.poll() is None:
        process.kill()
        process.wait()


@contextmanager
def nginx(upstreams: list[str], prefix: Path) -> Iterator[str]:
    """Debian's nginx in the foreground on a free loopback port, sticky over `upstreams` (host:port)."""
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    servers = "\n".join(f"        server {upstream} max_fails=1 fail_timeout=60s;" for upstream in upstreams)
    conf = NGINX_CONF.format(
        user="user root;\n" if os.geteuid() == 0 else "", prefix=prefix, deploy=ROOT / "deploy" / "nginx",
        servers=servers, port=port,
    )
    (prefix / "nginx.conf").write_text(conf)
    process = subprocess.Popen(
        [NGINX, "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=(prefix / "stderr.log").open("wb"),
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5):  # noqa: S310 - loopback
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start: " + (prefix / "stderr.log").read_text()) from None
                time.sleep(0.2)
        yield url
    finally:
        _quit(process)


@contextmanager
def two_servers(database_url: str, tmp: Path, env: dict[str, str] | None = None) -> Iterator[Cluster]:
    """Servers A and B on one database (library and personal store both in it), nginx in front."""
    shared = {
        "POLKU_DATABASE_URL": database_url,
        "POLKU_PERSONAL_DATABASE_URL": database_url,
        "STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET,
        "POLKU_AUTH": "",
        **(env or {}),
    }
    directories = [tmp / "server-a", tmp / "server-b"]
    with ExitStack() as stack:
        servers = []
        for directory in directories:
            directory.mkdir(parents=True, exist_ok=True)
            servers.append(stack.enter_context(streamlit_server(directory, env=shared)))
        proxy = stack.enter_context(nginx([server.removeprefix("http://") for server in servers], tmp / "nginx"))
        yield Cluster(proxy, servers, directories, tmp / "nginx")
