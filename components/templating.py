"""Markup and CSS of the experience pages live in files (components/templates, components/static).

Jinja2 escapes every value (autoescape), so user text is literal wherever a template puts it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        # The templates ship with the code: no file check on every render (a stat per template and rerun
        # cost the path page a third of its rerun on a busy disk).
        auto_reload=False,
    )


def render(template: str, **values: object) -> str:
    """The file `template` filled with `values`, escaped."""
    return _environment().get_template(template).render(**values)


@lru_cache(maxsize=8)
def stylesheet(name: str) -> str:
    """A <style> element from components/static."""
    return (HERE / "static" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def style_element(name: str) -> str:
    """A CSS file from components/static (our own, trusted) as a <style> element, for a page that carries it
    with its own styles rather than with a component."""
    return render("style.html", css=Markup((HERE / "static" / name).read_text(encoding="utf-8")))  # noqa: S704
