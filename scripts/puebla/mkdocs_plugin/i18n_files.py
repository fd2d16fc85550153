"""mkdocs-static-i18n's per-file work done once per file, not once per file and language.

Why: to find each page's translations (the language switcher, the sitemap), the plugin builds
a fresh ``File`` for every file of every language in each of its per-language builds: with L
languages, L × L × (pages per language) files per site, each costing several ``pathlib``
operations. Measured at 12 languages: before any of this, 18,000 calls and over a third of
the build; with the memo below alone still 3,200 calls a build, the largest part of the
cost per language-page that grew with the number of languages.

``create_i18n_file`` (``mkdocs_static_i18n/folder.py``) is a pure function of the file's paths
and inclusion, the language being built, the language list and three settings. Two shortcuts,
both handing out a shallow copy with its own ``alternates`` (which the plugin fills in):

- the same inputs give the same result (a memo);
- for a language that is neither the file's own nor the default one, the result differs from
  another such language's only in the leading folder of ``dest_path`` (the language code) and
  what follows from it (``dest_uri``, ``url``, ``abs_dest_path``, ``locale_alternate_of``).
  Those are re-derived exactly as the plugin derives them.

The shortcuts apply only to the code they were written against: the source of
``create_i18n_file`` below (mkdocs-static-i18n 1.3.1). After an upgrade that changes it, they
are not installed, a warning says so, and ``tests/test_i18n_files.py`` fails until this module
is reviewed; it also compares every shortcut's result with the plugin's own for a 12-language
copy of the project.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import os
from pathlib import PurePath
from typing import Any

from mkdocs_static_i18n import folder
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

# Not under "mkdocs.": in a strict build a warning there would fail it, and a shortcut left out
# only costs time.
log = logging.getLogger("puebla.i18n_files")

UPSTREAM_VERSION = "1.3.1"
UPSTREAM_SHA256 = "852c8266e379b14f9c3a6b3780fa03a800b42565d364d53bc1e20967a605d57f"

_original = folder.create_i18n_file
_made: dict[tuple, Any] = {}
_others: dict[tuple, tuple[str, Any]] = {}  # file and settings → (language, its result)


def upstream_hash() -> str:
    """SHA-256 of the source of the function the shortcuts stand in for."""
    return hashlib.sha256(inspect.getsource(_original).encode("utf-8")).hexdigest()


def _derived(rep_lang: str, rep: Any, current_language: str, config: Any) -> Any | None:
    """``rep`` (made for ``rep_lang``) moved to ``current_language``, or None if it cannot be."""
    dest = rep.dest_uri
    if dest == rep_lang:
        rest = None
    elif dest.startswith(rep_lang + "/"):
        rest = dest[len(rep_lang) + 1 :]
    else:
        return None
    fresh = _copy(rep)
    # As the plugin writes it: PurePath(PurePath(lang) / rest).as_posix().
    fresh.dest_path = (
        PurePath(current_language) if rest is None else PurePath(current_language) / rest
    ).as_posix()
    fresh.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, fresh.dest_path))
    fresh.url = fresh._get_url(config.use_directory_urls)
    fresh.locale_alternate_of = current_language
    return fresh


def _create_i18n_file(
    file: Any, current_language: str, default_language: str, all_languages: list, config: Any
) -> Any:
    settings = (  # src_path and dest_path derive from src_uri and dest_uri
        file.src_uri,
        file.dest_uri,
        file.inclusion,
        default_language,
        tuple(all_languages),
        config.docs_dir,
        config.site_dir,
        config.use_directory_urls,
    )
    key = (*settings, current_language)
    made = _made.get(key)
    if made is None:
        if len(_made) > 50_000:
            _made.clear()
            _others.clear()
        other = _others.get(settings)
        if other is not None and current_language not in (other[1].locale, default_language):
            made = _derived(other[0], other[1], current_language, config)
        if made is None:
            made = _original(file, current_language, default_language, all_languages, config)
        _made[key] = made
        if current_language not in (made.locale, default_language):
            _others.setdefault(settings, (current_language, made))
    fresh = _copy(made)
    fresh.alternates = {current_language: fresh}
    return fresh


def _copy(file: Any) -> Any:
    """``copy.copy`` of a ``File`` (no slots, no custom copy), at a fifth of its cost: with
    12 languages the plugin asks for about 1,600 files per language build."""
    fresh = object.__new__(type(file))
    fresh.__dict__.update(file.__dict__)
    return fresh


_languages = ExtendedPlugin.all_languages
_warned = False


def _all_languages(plugin: Any) -> list[str]:
    """The configured locales, listed once per configuration instead of once per file."""
    key = id(plugin.config.languages)
    cached = plugin.__dict__.get("_puebla_all_languages")
    if cached is None or cached[0] != key:
        cached = plugin.__dict__["_puebla_all_languages"] = (key, _languages.fget(plugin))
    return list(cached[1])


def share_i18n_files() -> bool:
    """Install once per process (the per-language builds share it); False if not applied."""
    global _warned
    if upstream_hash() != UPSTREAM_SHA256:
        if not _warned:
            _warned = True
            log.warning(
                "mkdocs-static-i18n's create_i18n_file is not the one puebla/mkdocs_plugin/"
                "i18n_files.py was written for (version %s): its shortcuts are left out, "
                "which only costs time. Review that module.",
                UPSTREAM_VERSION,
            )
        folder.create_i18n_file = _original
        return False
    folder.create_i18n_file = _create_i18n_file
    ExtendedPlugin.all_languages = property(_all_languages)  # type: ignore[assignment]
    return True
