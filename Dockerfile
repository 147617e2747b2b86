# Polku's app server: slim, non-root, with Graphviz's dot, the fonts and Pango for the PDFs.
#   docker build -t polku .
#   docker run -p 8501:8501 -v polku-data:/data polku          (one server, SQLite in the volume)
# compose.yaml runs two of these on PostgreSQL behind nginx; see docs/deployment.md.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    POLKU_DATABASE_URL=sqlite:////data/polku.db \
    POLKU_PERSONAL_DATABASE_URL=sqlite:////data/polku-personal.db

WORKDIR /app

# The system packages come from the project's one list (the `run` lines: dot, fonts, Pango, pg_dump).
COPY scripts/system-packages.txt scripts/setup-system.sh scripts/
RUN POLKU_APT_OPTIONS=--no-install-recommends bash scripts/setup-system.sh run \
    && rm -rf /var/lib/apt/lists/*

# Only the runtime part of requirements.txt (everything above "# Tests and tooling").
COPY requirements.txt .
RUN sed '/^# Tests and tooling/,$d' requirements.txt > /tmp/runtime.txt \
    && pip install -r /tmp/runtime.txt \
    && rm /tmp/runtime.txt

RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin polku \
    && mkdir -p /data \
    && chown polku:polku /data
COPY --chown=root:root . .
USER polku
VOLUME ["/data"]
EXPOSE 8501

# Streamlit's own health endpoint (the web server answers); `python -m paths ready` also reaches the databases.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"

ENTRYPOINT ["/app/deploy/entrypoint.sh"]
