"""mkdocs-static-i18n's per-file work done once per file and language, not once per lookup.

Why: to find each page's translations (the language switcher, the sitemap), the plugin builds
a fresh ``File`` for every page, in every language, for every other language it tries, in
each of its per-language builds: the work grows with the cube of the number of languages.
Measured at 12 languages before this module: 18,000 calls, over a third of the build, and the
cost per language-page 2.2 times that at 4 languages.

``create_i18n_file`` is a pure function of the file's paths and inclusion, the language being
built, the language list and three settings; its result is computed once per such key and
handed out as a shallow copy (with its own ``alternates``, which the plugin fills in), so each
build still gets objects of its own, identical to what the plugin makes.
"""

from __future__ import annotations

import copy
from typing import Any

from mkdocs_static_i18n import folder
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

_original = folder.create_i18n_file
_made: dict[tuple, Any] = {}


def _create_i18n_file(
    file: Any, current_language: str, default_language: str, all_languages: list, config: Any
) -> Any:
    key = (  # src_path and dest_path derive from these two
        file.src_uri,
        file.dest_uri,
        file.inclusion,
        current_language,
        default_language,
        tuple(all_languages),
        config.docs_dir,
        config.site_dir,
        config.use_directory_urls,
    )
    made = _made.get(key)
    if made is None:
        if len(_made) > 50_000:
            _made.clear()
        made = _made[key] = _original(
            file, current_language, default_language, all_languages, config
        )
    fresh = copy.copy(made)
    fresh.alternates = {current_language: fresh}
    return fresh


_languages = ExtendedPlugin.all_languages


def _all_languages(plugin: Any) -> list[str]:
    """The configured locales, listed once per configuration instead of once per file."""
    key = id(plugin.config.languages)
    cached = plugin.__dict__.get("_puebla_all_languages")
    if cached is None or cached[0] != key:
        cached = plugin.__dict__["_puebla_all_languages"] = (key, _languages.fget(plugin))
    return list(cached[1])


def share_i18n_files() -> None:
    """Install once per process (the per-language builds share it)."""
    folder.create_i18n_file = _create_i18n_file
    ExtendedPlugin.all_languages = property(_all_languages)  # type: ignore[assignment]
