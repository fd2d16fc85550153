"""The linear search de-duplication (mkdocs_plugin/i18n_search.py) removes exactly what
mkdocs-static-i18n's own removes, and stops applying when an upgrade changes the plugin."""

from __future__ import annotations

import copy
import random
from types import SimpleNamespace

import pytest


def test_the_patched_method_is_the_one_reviewed() -> None:
    from puebla.mkdocs_plugin import i18n_search

    assert i18n_search.upstream_hash() == i18n_search.UPSTREAM_SHA256, (
        "mkdocs-static-i18n changed reconfigure_search_duplicates: review i18n_search.py"
    )


def _index(rng: random.Random, languages: list[str], pages: int) -> list[dict]:
    """Default-language entries first, then each language's; few distinct titles and texts,
    so that duplicates, runs of adjacent duplicates and near misses are common."""
    titles, texts = ["Honduras", "Help", "Aide", "Nicaragua"], ["+504 145", "", "text", "911"]
    entries = []
    for lang in languages:
        prefix = "" if lang == languages[0] else f"{lang}/"
        for page in range(pages):
            for section in range(rng.randint(1, 4)):
                anchor = rng.choice(["", f"#s{section}", "#help-hn", f"#x{section}"])
                # Locations that end with another's (p1/ and p11/, a/ and ba/): both match.
                name = rng.choice(["a", "ba", "cba", f"p{rng.randint(0, page)}"])
                entries.append(
                    {
                        "location": f"{prefix}{name}/{anchor}",
                        "title": rng.choice(titles),
                        "text": rng.choice(texts),
                    }
                )
    unique, seen = [], set()
    for entry in entries:  # the fast path needs distinct entries (else upstream runs)
        key = tuple(sorted(entry.items()))
        if key not in seen:
            seen.add(key)
            unique.append(entry)
    return unique


@pytest.mark.parametrize("seed", range(60))
def test_same_result_as_upstream(seed: int) -> None:
    from puebla.mkdocs_plugin import i18n_search

    rng = random.Random(seed)
    languages = ["en", "es", "fr", "ht", "qaa", "qab"][: rng.randint(2, 6)]
    entries = _index(rng, languages, rng.randint(1, 12))
    plugin = SimpleNamespace(build_languages=languages)
    expected, ours = copy.deepcopy(entries), copy.deepcopy(entries)
    i18n_search._original(plugin, expected)
    assert i18n_search._exact_here(ours, tuple(f"{lang}/" for lang in languages))
    i18n_search.remove_duplicates(ours, languages)
    assert ours == expected
    if seed == 0:
        assert len(expected) < len(entries), "the cases include removals"


def test_falls_back_to_upstream_where_it_would_differ() -> None:
    from puebla.mkdocs_plugin import i18n_search

    languages = ["en", "es"]
    twice = {"location": "es/a/", "title": "T", "text": "x"}
    entries = [
        {"location": "a/", "title": "T", "text": "x"},
        dict(twice),
        {"location": "es/b/", "title": "U", "text": "y"},
        dict(twice),
    ]
    assert not i18n_search._exact_here(entries, ("en/", "es/"))
    late_default = [
        {"location": "es/a/", "title": "T", "text": "x"},
        {"location": "a/", "title": "T", "text": "x"},
    ]
    assert not i18n_search._exact_here(late_default, ("en/", "es/"))
    plugin = SimpleNamespace(build_languages=languages)
    expected, ours = copy.deepcopy(entries), copy.deepcopy(entries)
    i18n_search._original(plugin, expected)
    i18n_search._reconfigure_search_duplicates(plugin, ours)
    assert ours == expected


def test_an_entry_right_after_a_removed_one_is_kept_as_upstream_keeps_it() -> None:
    from puebla.mkdocs_plugin import i18n_search

    entries = [
        {"location": "a/", "title": "T", "text": "x"},
        {"location": "es/a/", "title": "T", "text": "x"},
        {"location": "es/ba/", "title": "T", "text": "x"},  # upstream's iterator skips it
        {"location": "es/cba/", "title": "T", "text": "x"},
    ]
    expected, ours = copy.deepcopy(entries), copy.deepcopy(entries)
    i18n_search._original(SimpleNamespace(build_languages=["en", "es"]), expected)
    i18n_search.remove_duplicates(ours, ["en", "es"])
    assert ours == expected == [entries[0], entries[2]]
