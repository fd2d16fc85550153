"""Interface strings per language (``locales/<lang>.yml``).

The site's languages are exactly the locale files present. English is the source: every key
it defines must exist in every other locale, so a new language cannot ship half-labelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector
from .frontmatter import load_yaml

SOURCE_LANGUAGE = "en"
# A language of the site is named by a BCP 47 primary language subtag: ISO 639-1 (two letters,
# "es") or, for a language without one, ISO 639-2/3 (three letters: "quc", "mam", "kek").
# This one rule is applied to locale file names, by `make language`, and (through the MkDocs
# adapter, which widens mkdocs-static-i18n's own check to it) by the build.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


def language_code_problem(code: str) -> str | None:
    """Why ``code`` cannot name a language of the site, or None when it can."""
    if LANGUAGE_CODE.match(code):
        return None
    return (
        f"'{code}' is not a language code: use the two-letter ISO 639-1 code in lower case "
        "(es, fr, ht) or, for a language that has none, its three-letter ISO 639-3 code "
        "(quc, mam, kek)"
    )


@dataclass
class Locale:
    code: str
    name: str  # the language's name in itself, e.g. "Español"
    path: Path
    strings: dict[str, str] = field(default_factory=dict)

    def t(self, key: str, **values: object) -> str:
        """The string ``key``, with ``{name}`` placeholders filled in."""
        return self.strings[key].format(**values)


def load_locales(folder: Path, issues: Collector) -> dict[str, Locale]:
    locales: dict[str, Locale] = {}
    for path in sorted(folder.glob("*.yml")):
        code = path.stem
        problem = language_code_problem(code)
        if problem:
            issues.error(path, problem, "name the file like 'es.yml' or 'quc.yml'")
            continue
        data = load_yaml(path, path.read_text(encoding="utf-8"), issues)
        if not isinstance(data, dict):
            if data is not None:
                issues.error(path, "expected 'name:' and 'strings:' at the top level")
            continue
        name = data.get("name")
        strings = data.get("strings")
        if not isinstance(name, str) or not name:
            issues.error(
                path, "the language name is missing", "add 'name: <name in itself>'", field="name"
            )
            name = code
        if not isinstance(strings, dict):
            issues.error(path, "'strings:' is missing or not a mapping", field="strings")
            strings = {}
        locales[code] = Locale(code, name, path, {str(k): str(v) for k, v in strings.items()})
    if SOURCE_LANGUAGE not in locales:
        issues.error(folder / f"{SOURCE_LANGUAGE}.yml", "the source language's strings are missing")
        return locales
    source = locales[SOURCE_LANGUAGE]
    for loc in locales.values():
        for key in source.strings:
            if key not in loc.strings:
                issues.error(
                    loc.path,
                    f"the interface string '{key}' is missing",
                    f"copy it from {source.path.name} and translate it",
                    field=f"strings.{key}",
                )
    return locales
