"""A small in-process LRU cache for what every rerun asks for again.

Used instead of `st.cache_data` / `st.cache_resource` where the keys are short tuples: Streamlit's
per-call signature inspection and argument hashing cost more than the lookup itself, and a page
rerun asks for a dozen entries. Values are shared between sessions, so callers treat them as read-only.
"""

from __future__ import annotations

import inspect
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_MISSING = object()


def memo(max_entries: int) -> Callable[[F], F]:
    """Memoise on every argument except those whose names start with an underscore, as `st.cache_data`
    does: `_path` (a stored version's content, which its key already names) or any other value that the
    key names; least recently used entries go first. Two first calls at once may both compute."""

    def decorate(function: F) -> F:
        names = list(inspect.signature(function).parameters)
        keep = [index for index, name in enumerate(names) if not name.startswith("_")]
        entries: OrderedDict[tuple, Any] = OrderedDict()
        lock = threading.Lock()

        @wraps(function)
        def cached(*args: Any, **kwargs: Any) -> Any:
            if kwargs:
                bound = inspect.signature(function).bind(*args, **kwargs)
                bound.apply_defaults()
                args = bound.args
            cache_key = tuple(args[index] for index in keep if index < len(args))
            with lock:
                value = entries.get(cache_key, _MISSING)
                if value is not _MISSING:
                    entries.move_to_end(cache_key)
                    return value
            value = function(*args)
            with lock:
                entries[cache_key] = value
                while len(entries) > max_entries:
                    entries.popitem(last=False)
            return value

        cached.cache_clear = entries.clear  # type: ignore[attr-defined]
        return cached  # type: ignore[return-value]

    return decorate
