"""The payload list of the hostile probe: what a careless user or an attacker puts into a text.

Every output (DOT, SVG, HTML, Markdown, PDF, XML, CSV, XLSX) and every page is checked against
these: each comes out as literal text, no script runs, nothing loads from another host.
"""

from __future__ import annotations

PWNED = "window.__pwned=1"
EXTERNAL_HOST = "example.invalid"

SCRIPTS = [
    f"<script>{PWNED}</script>",
    f'"><script>{PWNED}</script>',
    f"<img src=x onerror=\"{PWNED}\">",
    f"<svg onload=\"{PWNED}\"></svg>",
    f"<a href=\"javascript:{PWNED}\">linkki</a>",
    f"<iframe src=\"javascript:{PWNED}\"></iframe>",
    f"</style><script>{PWNED}</script>",
    f"' onmouseover='{PWNED}' x='",
]
LINKS = [
    f"javascript:{PWNED}",
    f"[klikkaa](javascript:{PWNED})",
    f"![i](https://{EXTERNAL_HOST}/pixel.png)",
    f"[linkki](https://{EXTERNAL_HOST}/track)",
    f"<https://{EXTERNAL_HOST}/auto>",
    f"https://{EXTERNAL_HOST}/bare",
    f"<img src=https://{EXTERNAL_HOST}/img.png>",
    f"<link rel=stylesheet href=https://{EXTERNAL_HOST}/x.css>",
    f"<style>@import url(https://{EXTERNAL_HOST}/x.css);</style>",
    f":material/home: :red[punainen] $x^2$ <img src=//{EXTERNAL_HOST}/proto.png>",
]
GRAPHVIZ = ["\\N \\G \\E \\T \\H \\L", "\"];evil[label=\"x", "<<b>html</b>>", "}\ndigraph x {", "\\\\\\"]
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1+1", "\r=1+1", " =1+1", "=HYPERLINK(\"https://example.invalid\")"]
UNICODE = [
    "\u202eevil\u202c txt.exe",
    "zero\u200bwidth\u200c\u200djoin\ufeff",
    "RTL עברית مرحبا",
    "👩‍⚕️ 🇫🇮 💡",
    "e\u0301 a\u0308",
    "\u2028line\u2029para",
]
CONTROLS = ["nul\x00byte", "vertical\vtab", "form\ffeed", "bell\x07", "esc\x1b[31m", "c1\x85\x9b"]
SURROGATES = ["lone \ud800 high", "lone \udfff low"]


def huge_title(length: int = 1_000_000) -> str:
    """A 10⁶-character title (made at test time, never committed)."""
    return ("Pitkä otsikko " * (length // 14 + 1))[:length]


ALL: list[str] = [*SCRIPTS, *LINKS, *GRAPHVIZ, *FORMULAS, *UNICODE, *CONTROLS, *SURROGATES]
# What a stored text may hold: the text rule refuses NUL and lone surrogates at the door.
STORABLE: list[str] = [p for p in ALL if "\x00" not in p and not any("\ud800" <= c <= "\udfff" for c in p)]
