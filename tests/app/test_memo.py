"""The in-process cache the pages use for what every rerun asks again (components/memo.py)."""

from __future__ import annotations

from components.memo import memo


def test_underscore_arguments_are_not_part_of_the_key() -> None:
    calls: list[tuple] = []

    @memo(4)
    def drawn(version: str, _content: list[str], size: int = 1) -> str:
        calls.append((version, size))
        return f"{version}:{len(_content)}:{size}"

    assert drawn("v1", ["a"]) == "v1:1:1"
    assert drawn("v1", ["a", "b", "c"]) == "v1:1:1", "the version names the content: kept, not recomputed"
    assert drawn("v2", ["a", "b"]) == "v2:2:1"
    assert drawn("v1", ["a"], size=3) == "v1:1:3", "a keyword argument is part of the key"
    assert calls == [("v1", 1), ("v2", 1), ("v1", 3)]


def test_the_least_recently_used_entry_goes_first() -> None:
    calls: list[int] = []

    @memo(2)
    def square(number: int) -> int:
        calls.append(number)
        return number * number

    for number in (1, 2, 1, 3, 1, 2):
        square(number)
    assert calls == [1, 2, 3, 2], "2 was the least recently used when 3 came; 1 stayed"
