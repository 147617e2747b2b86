"""Who may do what: facilitator sign-in and the participant lock.

- Facilitator pages (editing, history, restoring, running a workshop) start with
  `name = require_facilitator()`: it returns the facilitator's name, or shows the sign-in and stops.
- The sign-in mode comes from `paths.accounts.auth.resolve_mode`: local accounts (the name is kept in the
  session), the organisation's identity provider through `st.login` (`POLKU_AUTH=oidc`), or, with
  no account at all, a labelled single-user demo mode.
- A participant's join code opens only the participant view. `participant_only()` is true when
  this browser holds a join (the URL's `?join=CODE`, the session's, or the `polku_join` cookie of an
  open workshop) and nobody has signed in as a facilitator: app.py then registers the join page
  alone, and `require_facilitator()` refuses as well, whatever URL is typed. The cookie is what
  keeps a reload or a typed URL (a new Streamlit session) inside the participant view.
"""

from __future__ import annotations

import os
import re
import time

import streamlit as st
from streamlit.errors import StreamlitAuthError

from components.common import current_lang, database_url, md_escape, page_link, store, tr
from paths.accounts.auth import MODE_ENV, OIDC_PROVIDER_ENV, Accounts, AuthMode, oidc_display_name, resolve_mode
from paths.workshops.rules import normalise_code
from paths.workshops.workshop import WorkshopStore

FACILITATOR_KEY = "_polku_facilitator"
JOIN_KEY = "_polku_join_code"
LEFT_KEY = "_polku_left_join"
PARTICIPANT_KEY = "_polku_participant_token"
JOIN_PARAM = "join"
JOIN_COOKIE = "polku_join"
PARTICIPANT_COOKIE = "polku_participant"
JOIN_COOKIE_SECONDS = 12 * 3600
PARTICIPANT_COOKIE_SECONDS = 30 * 24 * 3600
_COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
_COOKIES_KEY = "_polku_cookies"
_HAS_USERS_KEY = "_polku_has_users"
# How long a session trusts its last "are there any accounts?" answer, in seconds. "Yes" may be kept
# longer: a stale yes only keeps the stricter sign-in rules a little longer. "No" (the demo mode) is
# kept only briefly, so the first account ends the demo mode in every open session within seconds.
HAS_USERS_TTL = {True: 60.0, False: 2.0}


@st.cache_resource(show_spinner=False)
def _accounts_for(url: str | None) -> Accounts:
    """One per store: the hasher and its timing-equaliser hash are made once."""
    return Accounts(store())


@st.cache_resource(show_spinner=False)
def _workshops_for(url: str | None) -> WorkshopStore:
    return WorkshopStore(store())


def accounts() -> Accounts:
    return _accounts_for(database_url())


def workshops() -> WorkshopStore:
    return _workshops_for(database_url())


def has_accounts() -> bool:
    """Whether any local account exists; one query per session every few seconds, not per rerun.

    The answer is kept in the session with the store's URL for `HAS_USERS_TTL` seconds, and is
    renewed at sign-in and sign-out.
    """
    url = database_url()
    now = time.monotonic()
    kept = st.session_state.get(_HAS_USERS_KEY)
    if kept is not None and kept[0] == url and 0 <= now - kept[2] < HAS_USERS_TTL[kept[1]]:
        return kept[1]
    found = accounts().has_users()
    st.session_state[_HAS_USERS_KEY] = (url, found, now)
    return found


def forget_has_accounts() -> None:
    st.session_state.pop(_HAS_USERS_KEY, None)


def auth_mode() -> AuthMode:
    """The sign-in mode now: adding the first account ends the demo mode within `HAS_USERS_TTL[False]` s."""
    setting = os.environ.get(MODE_ENV)
    if (setting or "").strip().lower() == "oidc":
        return "oidc"
    return resolve_mode(setting, has_accounts())


def _oidc_name() -> str | None:
    try:
        return oidc_display_name(st.user.to_dict())
    except (AttributeError, KeyError, StreamlitAuthError):
        return None


def signed_in_name() -> str | None:
    """The facilitator signed in in this session (None in demo mode: nobody signs in there)."""
    mode = auth_mode()
    if mode == "oidc":
        return _oidc_name()
    if mode == "local":
        return st.session_state.get(FACILITATOR_KEY)
    return None


def _session_cookies() -> dict[str, str]:
    """Our cookies as the browser sent them when this session started, read once per session.

    `st.context.cookies` never changes during a session (it is the opening request's), so keeping
    it in the session is exact; cookies set by our script reach only the next session.
    """
    kept = st.session_state.get(_COOKIES_KEY)
    if kept is not None:
        return kept
    try:
        sent = st.context.cookies
        kept = {name: sent.get(name) for name in (JOIN_COOKIE, PARTICIPANT_COOKIE)}
    except (AttributeError, RuntimeError):
        return {}
    kept = {name: value for name, value in kept.items() if isinstance(value, str) and _COOKIE_VALUE.match(value)}
    st.session_state[_COOKIES_KEY] = kept
    return kept


def cookie(name: str) -> str | None:
    """A cookie the browser sent when this session started, when it looks like one of ours."""
    return _session_cookies().get(name)


def held_join_code() -> str | None:
    """The join code this browser holds: the URL's, else the session's, else the cookie's (unless left)."""
    raw = st.query_params.get(JOIN_PARAM)
    if raw:
        return raw
    code = st.session_state.get(JOIN_KEY) or cookie(JOIN_COOKIE)
    if code and code != st.session_state.get(LEFT_KEY):
        return code
    return None


def participant_only() -> bool:
    """True when this session may see the participant view and nothing else."""
    if signed_in_name():
        return False
    if st.query_params.get(JOIN_PARAM):
        return True
    code = held_join_code()
    return bool(code) and workshops().find_open(code) is not None


def remember_join(code: str) -> None:
    """Keep the join in the session and, for reloads and typed URLs, in a cookie."""
    st.session_state[JOIN_KEY] = code
    st.session_state.pop(LEFT_KEY, None)
    if cookie(JOIN_COOKIE) != code and normalise_code(code) == code:
        _set_cookie(JOIN_COOKIE, code, JOIN_COOKIE_SECONDS)


def forget_join() -> None:
    """Leave the workshop in this browser: the session forgets the code and the cookie is removed."""
    code = st.session_state.pop(JOIN_KEY, None) or cookie(JOIN_COOKIE) or ""
    st.session_state[LEFT_KEY] = code
    st.session_state["_polku_clear_join_cookie"] = True
    if JOIN_PARAM in st.query_params:
        del st.query_params[JOIN_PARAM]


def participant_token() -> str:
    """This browser's random participant token (no account): from the cookie, or a new one saved in it."""
    from paths.workshops.rules import new_participant_token

    token = st.session_state.get(PARTICIPANT_KEY)
    if token:
        return token
    token = cookie(PARTICIPANT_COOKIE)
    if token is None or len(token) < 16:
        token = new_participant_token()
        _set_cookie(PARTICIPANT_COOKIE, token, PARTICIPANT_COOKIE_SECONDS)
    st.session_state[PARTICIPANT_KEY] = token
    return token


def _set_cookie(name: str, value: str, max_age: int) -> None:
    """Set a cookie from the browser (Streamlit has no server-side Set-Cookie); values are [A-Za-z0-9_-] only."""
    if not _COOKIE_VALUE.match(value) or not _COOKIE_VALUE.match(name):
        return
    st.html(
        "<script>document.cookie = '"
        + f"{name}={value}; path=/; max-age={int(max_age)}; SameSite=Lax'"
        + " + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
    )


def clear_join_cookie_if_asked() -> None:
    if st.session_state.pop("_polku_clear_join_cookie", False):
        _set_cookie(JOIN_COOKIE, "x", 0)


# -- facilitators ----------------------------------------------------------------------------------


def require_facilitator() -> str:
    """The signed-in facilitator's name; otherwise the sign-in (or a refusal) and `st.stop()`."""
    if participant_only():
        st.error(tr("auth.participant_refused"), icon="🚫")
        page_link("join", tr("auth.to_join"), icon="🙋")
        st.stop()
    mode = auth_mode()
    if mode == "demo":
        return tr("auth.demo_name")
    if mode == "oidc":
        name = _oidc_name()
        if name:
            return name
        _oidc_sign_in()
        st.stop()
    name = st.session_state.get(FACILITATOR_KEY)
    if name and accounts().exists(name):
        return name
    st.session_state.pop(FACILITATOR_KEY, None)
    sign_in_form()
    st.stop()
    raise AssertionError("unreachable")


def sign_in_form() -> None:
    """Local accounts: name and password; a refused attempt says why and how long to wait."""
    st.header(tr("auth.sign_in_title"), anchor=False)
    if not accounts().has_users():
        st.info(tr("auth.no_accounts"))
        return
    st.caption(tr("auth.sign_in_intro"))
    with st.form("polku_sign_in", enter_to_submit=True):
        name = st.text_input(tr("auth.name"), max_chars=100, autocomplete="username", key="_polku_sign_in_name")
        password = st.text_input(
            tr("auth.password"), type="password", max_chars=1024, autocomplete="current-password",
            key="_polku_sign_in_password",
        )
        submitted = st.form_submit_button(tr("auth.sign_in"), type="primary")
    if not submitted:
        return
    result = accounts().sign_in(name, password)
    if result.ok:
        st.session_state[FACILITATOR_KEY] = result.name
        forget_has_accounts()
        st.rerun()
    st.error(result.message(current_lang()), icon="⛔")


def _oidc_sign_in() -> None:
    st.header(tr("auth.sign_in_title"), anchor=False)
    st.caption(tr("auth.oidc_intro"))
    if st.button(tr("auth.oidc_button"), type="primary", key="_polku_oidc_login"):
        try:
            st.login(os.environ.get(OIDC_PROVIDER_ENV) or None)
        except StreamlitAuthError:
            st.error(tr("auth.oidc_not_configured"), icon="⛔")


def sign_out() -> None:
    forget_has_accounts()
    if auth_mode() == "oidc":
        st.logout()
        return
    st.session_state.pop(FACILITATOR_KEY, None)


def auth_banner() -> None:
    """What every page shows about sign-in: the demo-mode warning, or who is signed in with a sign-out."""
    mode = auth_mode()
    if mode == "demo":
        st.warning(tr("auth.demo_banner"), icon="🧪")
        return
    name = signed_in_name()
    if name:
        st.sidebar.caption(tr("auth.signed_in_as", name=md_escape(name)))
        st.sidebar.button(tr("auth.sign_out"), key="_polku_sign_out", on_click=sign_out)
