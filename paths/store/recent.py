"""Latest version numbers read recently, per database URL, shared by that database's Stores in this
process (a page may show a number read a moment ago instead of asking the database again).
"""

from __future__ import annotations

import threading
import time


class _RecentVersions:
    """Latest version numbers read recently from one database, shared by its Stores in this process.

    Every write through any of those Stores forgets them all; a count of writes keeps a read that
    raced a write from putting an old number back.
    """

    def __init__(self) -> None:
        self._numbers: dict[str, tuple[float, int | None]] = {}
        self._lock = threading.Lock()
        self.writes = 0

    def get(self, path_id: str, max_age: float) -> tuple[int | None] | None:
        """(number,) when one was read at most `max_age` seconds ago, else None."""
        recent = self._numbers.get(path_id)
        if recent is None or time.monotonic() - recent[0] > max_age:
            return None
        return (recent[1],)

    def remember(self, path_id: str, version: int | None, read_at: float, writes_before: int) -> None:
        with self._lock:
            if self.writes == writes_before:
                self._numbers[path_id] = (read_at, version)

    def forget(self) -> None:
        with self._lock:
            self.writes += 1
            self._numbers.clear()


_recent_by_url: dict[str, _RecentVersions] = {}
_recent_by_url_lock = threading.Lock()


def _recent_versions_for(url: str) -> _RecentVersions:
    with _recent_by_url_lock:
        return _recent_by_url.setdefault(url, _RecentVersions())
