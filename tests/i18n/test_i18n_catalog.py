"""The translation catalog is complete: every key in fi, sv and en, once, with the same placeholders,
double-quoted; and every literal key the code asks for exists."""

from __future__ import annotations

import ast
import string
from collections import Counter
from pathlib import Path

import pytest
import yaml

from paths.i18n.catalog import LOCALES_DIR, catalog, t

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("fi", "sv", "en")
LOCALE_FILES = sorted(LOCALES_DIR.glob("*.yaml"))
CODE_FILES = [
    *sorted((ROOT / "paths").rglob("*.py")),
    *sorted((ROOT / "components").rglob("*.py")),
    *sorted(ROOT.glob("*.py")),
]
TRANSLATORS = {"t", "tr"}
MODULES = {"i18n", "common"}


def entries(file: Path) -> list[tuple[str, yaml.Node]]:
    """(key, value node) pairs of one area file, duplicates included (safe_load would hide them)."""
    root = yaml.compose(file.read_text(encoding="utf-8"))
    if root is None:
        return []
    assert isinstance(root, yaml.MappingNode), f"{file.name}: the top level must be a mapping"
    return [(key.value, value) for key, value in root.value]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def all_entries() -> list[tuple[str, str, yaml.Node]]:
    return [(file.name, key, node) for file in LOCALE_FILES for key, node in entries(file)]


def test_there_are_area_files():
    assert len(LOCALE_FILES) >= 3
    assert catalog(), "the catalog loads"


def test_no_key_is_defined_twice_in_or_across_files():
    counts = Counter(key for _, key, _ in all_entries())
    duplicates = sorted(key for key, n in counts.items() if n > 1)
    assert not duplicates, f"keys defined more than once: {duplicates}"


def test_every_key_has_fi_sv_and_en_double_quoted_and_nothing_else():
    problems = []
    for file, key, node in all_entries():
        if not isinstance(node, yaml.MappingNode):
            problems.append(f"{file}: {key} is not a mapping of languages")
            continue
        langs = {k.value: v for k, v in node.value}
        missing = [lang for lang in LANGS if not (isinstance(langs.get(lang), yaml.ScalarNode) and langs[lang].value)]
        if missing:
            problems.append(f"{file}: {key} lacks {', '.join(missing)}")
        extra = sorted(set(langs) - set(LANGS))
        if extra:
            problems.append(f"{file}: {key} has unknown languages {extra}")
        for lang, value in langs.items():
            if isinstance(value, yaml.ScalarNode) and value.style != '"':
                problems.append(f"{file}: {key}.{lang} is not double-quoted")
    assert not problems, "\n".join(problems)


def test_placeholders_are_the_same_in_every_language():
    problems = []
    for key, texts in catalog().items():
        try:
            found = {lang: placeholders(texts.get(lang, "")) for lang in LANGS}
        except ValueError as exc:
            problems.append(f"{key}: broken braces ({exc})")
            continue
        if len({frozenset(names) for names in found.values()}) > 1:
            problems.append(f"{key}: {found}")
    assert not problems, "placeholders differ between languages:\n" + "\n".join(problems)


def test_no_placeholder_collides_with_the_arguments_of_t():
    clashing = [key for key, texts in catalog().items() if placeholders(texts["fi"]) & {"key", "lang"}]
    assert not clashing, f"placeholders named key or lang cannot be passed to t(): {clashing}"


def test_every_text_formats_with_its_placeholders():
    for key, texts in catalog().items():
        params = {name: "x" for name in placeholders(texts["fi"]) - {"key", "lang"}}
        for lang in LANGS:
            assert t(key, lang, **params) if params else t(key, lang)


def literal_keys(file: Path) -> list[tuple[int, str]]:
    """Literal first arguments of t(...)/tr(...) calls (also `i18n.t`, `common.tr`), and of both branches
    of `a if c else b`. Methods such as `self.tr` that add a prefix of their own are not the catalog's."""
    tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        if isinstance(func, ast.Name):
            name = func.id
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in MODULES:
            name = func.attr
        else:
            continue
        if name not in TRANSLATORS:
            continue
        first = node.args[0]
        candidates = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
        found += [
            (node.lineno, c.value) for c in candidates if isinstance(c, ast.Constant) and isinstance(c.value, str)
        ]
    return found


def test_code_asks_only_for_keys_in_the_catalog():
    known = set(catalog())
    missing = [
        f"{file.relative_to(ROOT)}:{line}: {key}"
        for file in CODE_FILES
        for line, key in literal_keys(file)
        if key not in known
    ]
    assert not missing, "keys used in code but missing from paths/i18n/locales/*.yaml:\n" + "\n".join(missing)


def test_the_scanner_finds_literal_keys(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'tr("a.b")\nt("c.d", lang)\ncommon.tr("e" if y else "f")\nt(f"dyn.{k}")\nprint("g")\nself.tr("h")\n'
    )
    assert sorted(key for _, key in literal_keys(sample)) == ["a.b", "c.d", "e", "f"]


@pytest.mark.parametrize("key", ["appointment.coordinator_helps", "a11y.title", "view.name.partner"])
def test_own_areas_present_in_all_languages(key):
    texts = {lang: t(key, lang) for lang in LANGS}
    assert len(set(texts.values())) == 3, texts
