"""pdf.js (npm `pdfjs-dist`, pinned in package.json) in Chromium, reading a PDF the way a browser's viewer does.

A loopback HTTP server gives `pdfjs.html` (this folder) and `node_modules/pdfjs-dist/` and nothing else: no
CDN, nothing fetched from another host. The PDF's bytes go into the page as base64 and `readPdf` returns
what pdf.js reads from them (see the page's script).
"""

from __future__ import annotations

import base64
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.support.browser import ROOT

PDFJS = ROOT / "node_modules" / "pdfjs-dist"
READER = Path(__file__).with_name("pdfjs.html")


class _Handler(SimpleHTTPRequestHandler):
    """`/reader.html` is the page; `/pdfjs/...` files of pdfjs-dist; anything else is 404."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript"}

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0].split("#", 1)[0]
        if path == "/reader.html":
            return str(READER)
        if path.startswith("/pdfjs/"):
            file = (PDFJS / path.removeprefix("/pdfjs/")).resolve()
            if file.is_relative_to(PDFJS.resolve()):
                return str(file)
        return str(PDFJS / "missing")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextmanager
def pdfjs_server() -> Iterator[str]:
    """The reader's base URL on a free loopback port, for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(PDFJS)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def open_reader(page, base_url: str) -> None:  # noqa: ANN001 - Playwright's page
    """Load the reader page and wait until pdf.js is imported."""
    page.goto(f"{base_url}/reader.html")
    page.wait_for_function("window.pdfjsReady === true", timeout=30_000)


def read_pdf(page, data: bytes) -> dict:  # noqa: ANN001
    """What pdf.js reads from `data`: numPages, markInfo, language, fields (getFieldObjects) and per page
    its view box, text, annotations and structure tree's root role."""
    return page.evaluate("base64 => window.readPdf(base64)", base64.b64encode(data).decode("ascii"))
