#!/bin/sh
# The container's start: bring both databases' schema up to date (under a database lock, so any number
# of replicas starting together migrate once), then run Streamlit in the foreground.
set -eu
python -m paths migrate
exec python -m streamlit run app.py \
    --server.port "${PORT:-8501}" \
    --server.address 0.0.0.0 \
    --server.headless true \
    --server.fileWatcherType none \
    --browser.gatherUsageStats false
