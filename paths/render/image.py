"""SVG, PNG and PDF of the flow diagram, drawn by the real Graphviz `dot` binary.

`dot` runs as a subprocess with a time limit; a missing binary, a failure or a timeout
becomes a `RenderError` whose `message(lang)` is one sentence for the user. The DOT comes
from `paths.render.dot`, where all user text is already escaped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

from paths.i18n.catalog import UserError
from paths.model.schema import ServicePath
from paths.render.dot import to_dot

# svg keeps emoji as text for the browser; png and pdf go through cairo/pango, which finds
# DejaVu Sans and the colour emoji font through fontconfig.
FORMATS: dict[str, str] = {"svg": "svg", "png": "png:cairo", "pdf": "pdf:cairo", "json": "json"}
PNG_DPI = 144  # sharp on a projector or a 2x screen, still a reasonable file size
DEFAULT_TIMEOUT = 120.0


class RenderError(UserError):
    """The diagram could not be drawn. `message(lang)` is one sentence; `detail` is for logs."""

    key_prefix = "render.error."

    def __init__(self, key: str, detail: str = "", **params: object) -> None:
        super().__init__(key, **params)
        self.detail = detail


def dot_binary() -> str | None:
    """The `dot` program: `POLKU_DOT` when set, else the one on PATH."""
    configured = os.environ.get("POLKU_DOT")
    if configured:
        return configured if os.path.isfile(configured) and os.access(configured, os.X_OK) else None
    return shutil.which("dot")


def render_dot(dot: str, fmt: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Run `dot -T<fmt>` on `dot` and return the image bytes."""
    if fmt not in FORMATS:
        raise RenderError("format", fmt=str(fmt)[:20])
    binary = dot_binary()
    if binary is None:
        raise RenderError("no_dot")
    args = [binary, f"-T{FORMATS[fmt]}"]
    if fmt == "png":
        args.append(f"-Gdpi={PNG_DPI}")
    try:
        result = subprocess.run(args, input=dot.encode("utf-8"), capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired as exc:
        raise RenderError("timeout", seconds=round(timeout)) from exc
    except OSError as exc:
        raise RenderError("no_dot", detail=str(exc)) from exc
    if result.returncode != 0 or not result.stdout:
        detail = result.stderr.decode("utf-8", "replace").strip()[:500]
        raise RenderError("failed", detail=detail, code=result.returncode)
    return result.stdout


def render_path(
    path: ServicePath,
    fmt: str,
    lang: str = "fi",
    audience: str = "professional",
    *,
    timeout: float = DEFAULT_TIMEOUT,
    **options: object,
) -> bytes:
    """The flow diagram of `path` as svg, png or pdf; `options` go to `to_dot` (here, statuses,
    actor_filter, legend)."""
    if fmt not in FORMATS:
        raise RenderError("format", fmt=str(fmt)[:20])
    return render_dot(to_dot(path, lang, audience, **options), fmt, timeout=timeout)  # type: ignore[arg-type]


_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.S)
_TITLE = re.compile(r"<title>[^<]*</title>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SIZE = re.compile(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def inline_svg(svg: bytes | str) -> str:
    """The `dot -Tsvg` drawing ready to put in a page as it is: no XML prologue or DOCTYPE, no comments,
    and no `<title>` elements (they hold the generated node names, `n0`, which a browser would show as
    tooltips and a screen reader might read). The size stays in points; a page scales it with CSS."""
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    return _TITLE.sub("", _COMMENT.sub("", _PROLOGUE.sub("", text, count=1)))


def svg_size(svg: str) -> tuple[float, float]:
    """The drawing's natural (width, height) in points, as `dot` wrote them on the root element."""
    match = _SIZE.search(svg)
    return (float(match.group(1)), float(match.group(2))) if match else (0.0, 0.0)


def page_drawing(dot: str, *, timeout: float = DEFAULT_TIMEOUT) -> tuple[str, float]:
    """`dot` drawn as an SVG to put in a page (`inline_svg`), with its natural width in points: what the
    flow-diagram component shows. Raises RenderError."""
    svg = inline_svg(render_dot(dot, "svg", timeout=timeout))
    return svg, svg_size(svg)[0]
