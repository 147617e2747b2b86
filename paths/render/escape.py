"""The one Markdown escape, the one HTML escape, and the one rule for which URLs may become links.

Every place where path or user text reaches Markdown — the Markdown export, and every Streamlit
call that renders Markdown (st.markdown, st.write, st.caption, st.title/header/subheader, widget
labels and options, st.table cells) — goes through `md_escape`; every link through `md_link`.

`md_escape` backslash-escapes *all* ASCII punctuation that CommonMark, GFM or Streamlit's own
syntax can read (emphasis, links and images `![..](..)`, autolinks `https://`, HTML `<...>` and
entities `&...;`, tables `|`, strike-through `~`, Streamlit's `:red[...]`, `:material/icon:` and
`$math$`), so the text is shown literally and never becomes markup that loads anything. It keeps a
text on one line (whitespace runs become one space) and drops control characters, so that a text
cannot start a heading, a list or a code block either.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
_MD_URL_SAFE = ":/?#@!$&'*+,;=%~-._[]"  # no parentheses: `)` would end the Markdown link
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Every ASCII punctuation character Markdown or Streamlit may read (CommonMark lets any of them be
# backslash-escaped, so escaping one that would not be read costs nothing but a backslash).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&\"'=^%])")


def html_escape(text: str) -> str:
    """User text as HTML text or the value of a quoted attribute: `&`, `<`, `>`, `"` and `'` escaped."""
    return html.escape(text, quote=True)


def md_escape(text: str) -> str:
    """User text as literal Markdown on one line (see the module docstring)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(_CONTROL.sub("", text).split()))


def safe_href(url: str) -> str | None:
    """`url` when it may become a link (http, https, mailto, no spaces or control characters), else None.

    Characters that have no place in a URL (quotes, angle brackets) are percent-encoded."""
    url = url.strip()
    if not url or any(ch.isspace() for ch in url) or _CONTROL.search(url):
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return quote(url, safe=_URL_SAFE) if scheme in SAFE_SCHEMES else None


def md_link(label: str, url: str) -> str:
    """A Markdown link `[label](url)` when the URL may be a link; else the label and the URL as
    literal text (a URL holding a space, a newline or another scheme never becomes a link)."""
    href = safe_href(url)
    if href is None:
        return f"{md_escape(label)}: {md_escape(url)}" if label else md_escape(url)
    return f"[{md_escape(label or url)}]({quote(href, safe=_MD_URL_SAFE)})"
