"""mkdocs-static-i18n's search de-duplication, with the same result, in time linear in entries.

Why: once per site, ``reconfigure_search_duplicates`` (``mkdocs_static_i18n/reconfigure.py``)
compares every entry of the default language with every entry of every other language (and
removes a match with ``list.remove``, a scan of the whole index): the work grows with the
number of languages times the square of the pages. At 12 languages that is over half a
million comparisons.

The upstream loop removes a translated entry whose title and text equal a default-language
entry's and whose location ends with that entry's location. Its iterators run over lists it
shrinks meanwhile, so an entry right after a removed one is not looked at in that pass; this
version reproduces that, looking up candidates by (title, text) instead of scanning. It runs
only where that reproduction is exact: every entry a distinct dict with location, title and
text, all default-language entries before the others (the default language is built first).
Otherwise the upstream function runs as it is.

It replaces the method only for the code it was written against (the source hash below,
mkdocs-static-i18n 1.3.1); ``tests/test_i18n_search.py`` fails after an upgrade that changes
it, and compares both on real and constructed indexes.

Note, left as upstream does it: in this site the default language has no ``/en/`` copy, so
the de-duplication only drops translated entries that happen to equal English ones (a
section titled "Honduras" whose text is a phone number), from that language's search.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from collections import defaultdict
from typing import Any

from mkdocs_static_i18n.reconfigure import ExtendedPlugin

log = logging.getLogger("puebla.i18n_search")  # not "mkdocs.": a warning must not fail a build

UPSTREAM_VERSION = "1.3.1"
UPSTREAM_SHA256 = "af6b4924f53aebbb62013296c84f135ff7be77cfb4072d348d6d6b5bd3d96f16"

_original = ExtendedPlugin.reconfigure_search_duplicates
_warned = False


def upstream_hash() -> str:
    return hashlib.sha256(inspect.getsource(_original).encode("utf-8")).hexdigest()


def _exact_here(entries: list[dict], prefixes: tuple[str, ...]) -> bool:
    """Whether the fast version gives exactly the upstream result for ``entries``."""
    seen: set[tuple] = set()
    in_targets = False
    for entry in entries:
        if not isinstance(entry, dict) or not {"location", "title", "text"} <= entry.keys():
            return False
        try:
            key = tuple(sorted((k, repr(v)) for k, v in entry.items()))
        except TypeError:
            return False
        if key in seen:
            return False  # list.remove would take the first of two equal entries
        seen.add(key)
        target = str(entry["location"]).startswith(prefixes)
        if in_targets and not target:
            return False  # a default entry after a translated one
        in_targets = in_targets or target
    return True


def remove_duplicates(entries: list[dict], languages: list[str]) -> None:
    """``reconfigure_search_duplicates`` for ``entries`` that pass :func:`_exact_here`."""
    prefixes = tuple(f"{lang}/" for lang in languages)
    targets = [e for e in entries if e["location"].startswith(prefixes)]
    defaults = [e for e in entries if not e["location"].startswith(prefixes)]
    by_key: dict[tuple, list[int]] = defaultdict(list)
    for position, entry in enumerate(targets):
        by_key[(entry["title"], entry["text"])].append(position)
    following = list(range(1, len(targets) + 1))  # the next entry still in the list
    preceding = list(range(-1, len(targets) - 1))
    removed = [False] * len(targets)
    for default in defaults:
        skipped = -2  # the entry after one just removed: upstream's iterator steps over it
        for position in by_key.get((default["title"], default["text"]), ()):
            if removed[position] or not targets[position]["location"].endswith(default["location"]):
                continue
            if position == skipped:
                continue
            removed[position] = True
            before, after = preceding[position], following[position]
            if before >= 0:
                following[before] = after
            if after < len(targets):
                preceding[after] = before
            skipped = after
    gone = {id(targets[p]) for p, out in enumerate(removed) if out}
    if gone:
        entries[:] = [e for e in entries if id(e) not in gone]


def _reconfigure_search_duplicates(self: Any, search_index_entries: list) -> None:
    languages = list(self.build_languages)
    if not _exact_here(search_index_entries, tuple(f"{lang}/" for lang in languages)):
        _original(self, search_index_entries)
        return
    remove_duplicates(search_index_entries, languages)


def share_search_duplicates() -> bool:
    """Install (idempotent); False, with one warning, if the plugin is not the one reviewed."""
    global _warned
    if upstream_hash() != UPSTREAM_SHA256:
        if not _warned:
            _warned = True
            log.warning(
                "mkdocs-static-i18n's reconfigure_search_duplicates is not the one "
                "puebla/mkdocs_plugin/i18n_search.py was written for (version %s): it runs "
                "as it is, which only costs time. Review that module.",
                UPSTREAM_VERSION,
            )
        ExtendedPlugin.reconfigure_search_duplicates = _original  # type: ignore[method-assign]
        return False
    ExtendedPlugin.reconfigure_search_duplicates = _reconfigure_search_duplicates  # type: ignore[method-assign]
    return True
