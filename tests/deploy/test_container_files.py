"""The container files hold what docs/deployment.md promises. Building the image needs a registry
for the base image, so it is not done here; the nginx config of compose is checked by Debian's own
nginx (`nginx -t`) with the compose host names pointed at loopback and a throw-away certificate."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import yaml

from tests.deploy.cluster import NGINX
from tests.support.browser import ROOT


def test_the_image_is_slim_non_root_with_dot_fonts_and_a_health_check() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in dockerfile
    assert "setup-system.sh run" in dockerfile  # graphviz, the fonts, Pango, pg_dump: the one list
    run_lines = [line.split()[0] for line in (ROOT / "scripts" / "system-packages.txt").read_text().splitlines()
                 if line.strip() and not line.startswith("#") and line.split()[1] == "run"]
    assert {"graphviz", "fonts-dejavu-core", "fonts-symbola", "libpango-1.0-0"} <= set(run_lines)
    assert "\nUSER polku\n" in dockerfile and "useradd --system --uid 10001" in dockerfile
    assert "HEALTHCHECK" in dockerfile and "/_stcore/health" in dockerfile
    entrypoint = (ROOT / "deploy" / "entrypoint.sh").read_text()
    assert entrypoint.index("python -m paths migrate") < entrypoint.index("exec python -m streamlit run")
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".git", "var", "node_modules", ".streamlit/secrets.toml"} <= set(ignored)


def test_compose_has_postgresql_two_replicas_with_one_secret_and_nginx_in_front() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "app-a", "app-b", "proxy"}
    assert services["db"]["image"].startswith("postgres:15")
    assert services["app-a"] == services["app-b"]
    environment = services["app-a"]["environment"]
    assert environment["STREAMLIT_SERVER_COOKIE_SECRET"].startswith("${POLKU_COOKIE_SECRET")
    assert environment["POLKU_DATABASE_URL"].startswith("postgresql+psycopg://polku:")
    assert services["app-a"]["depends_on"]["db"]["condition"] == "service_healthy"
    mounts = " ".join(services["proxy"]["volumes"])
    assert "compose.conf" in mounts and "polku-http.conf" in mounts and "polku-proxy.conf" in mounts


def test_debian_nginx_accepts_the_compose_config_with_tls(tmp_path: Path) -> None:
    tls = tmp_path / "tls"
    tls.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )
    deploy = ROOT / "deploy" / "nginx"
    conf = (
        (deploy / "compose.conf").read_text()
        .replace("/etc/nginx/polku/", f"{deploy}/")
        .replace("/etc/nginx/tls/", f"{tls}/")
        .replace("/var/log/nginx/", f"{tmp_path}/")
        .replace("app-a:8501", "127.0.0.1:9")
        .replace("app-b:8501", "127.0.0.1:10")
        .replace("listen 80;", "listen 127.0.0.1:18080;")
        .replace("listen 443 ssl", "listen 127.0.0.1:18443 ssl")
    )
    (tmp_path / "site.conf").write_text(conf)
    (tmp_path / "nginx.conf").write_text(
        f"{'user root;' if os.geteuid() == 0 else ''}\nerror_log {tmp_path}/error.log;\npid {tmp_path}/nginx.pid;\n"
        f"events {{}}\nhttp {{\n    include {tmp_path}/site.conf;\n}}\n"
    )
    checked = subprocess.run(
        [NGINX, "-t", "-p", f"{tmp_path}/", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr
