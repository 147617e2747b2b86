"""A choice kept in the URL, drawn as a segmented control: the view, what the path is shown as, the layout.

One rule for all of them: the URL says what is chosen (anything else there counts as the default), the
control shows it, and choosing writes it back, so a shared link opens the same choice and the browser's
address always tells the truth. The default is left out of the URL, which keeps links short.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st


def url_value(param: str, options: Sequence[str], default: str) -> str:
    """The option the URL names in `param`, else `default`."""
    raw = st.query_params.get(param)
    return raw if raw in options else default


def _write(param: str, widget: str, default: str) -> None:
    chosen = st.session_state.get(widget) or default
    if chosen == default:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = chosen


def url_switch(param: str, options: Sequence[str], *, default: str, label: str, words: Callable[[str], str],
               help: str, key: str) -> str:  # noqa: A002 - Streamlit's own name for the tooltip
    """Draw the control for `param` and return the option the URL names (see the module's docstring)."""
    chosen = url_value(param, options, default)
    if st.session_state.get(key) != chosen:
        st.session_state[key] = chosen
    st.segmented_control(label, options=list(options), format_func=words, key=key, required=True, help=help,
                         on_change=_write, args=(param, key, default))
    return chosen
