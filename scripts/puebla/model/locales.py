"""Interface strings per language (``locales/<lang>.yml``).

The site's languages are exactly the locale files present. English is the source: every key
it defines must exist in every other locale, so a new language cannot ship half-labelled.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Collector, shown
from .frontmatter import read_yaml_file

SOURCE_LANGUAGE = "en"
_CODE = re.compile(r"^[a-z]{2,3}$")


@dataclass
class Locale:
    code: str
    name: str  # the language's name in itself, e.g. "Español"
    path: Path
    strings: dict[str, str] = field(default_factory=dict)

    def t(self, key: str, **values: object) -> str:
        """The string ``key``, with ``{name}`` placeholders filled in."""
        return self.strings[key].format(**values)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _strings(path: Path, strings: dict, issues: Collector) -> dict[str, str]:
    """The text strings of a locale; a value that is not text, or a broken {…}, is an error."""
    found: dict[str, str] = {}
    for key, value in strings.items():
        where = f"strings.{str(key)[:40]}"
        if not isinstance(value, str):
            issues.error(
                path,
                f"the interface string {shown(key, 40)} is not text",
                'write it on one line after the key, in double quotes: key: "text"',
                field=where,
            )
            continue
        try:
            names = _placeholders(value)
        except ValueError:
            issues.error(
                path,
                f"the interface string {shown(key, 40)} has a '{{' or '}}' that is not a placeholder",
                "keep {placeholders} exactly as in English; write no other curly brackets",
                field=where,
            )
            continue
        if any(not n.isidentifier() for n in names):
            issues.error(
                path,
                f"the interface string {shown(key, 40)} has a malformed {{placeholder}}",
                "keep {placeholders} exactly as in English",
                field=where,
            )
            continue
        found[str(key)] = value
    return found


def load_locales(folder: Path, issues: Collector) -> dict[str, Locale]:
    locales: dict[str, Locale] = {}
    for path in sorted(folder.glob("*.yml")):
        code = path.stem
        if not _CODE.match(code):
            issues.error(path, f"'{code}' is not a language code", "name the file like 'es.yml'")
            continue
        data = read_yaml_file(path, issues)
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
        locales[code] = Locale(code, name, path, _strings(path, strings, issues))
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
                    f"copy it from locales/{source.path.name} and translate it",
                    field=f"strings.{key}",
                )
            elif loc is not source:
                extra = _placeholders(loc.strings[key]) - _placeholders(source.strings[key])
                if extra:
                    issues.error(
                        loc.path,
                        f"the interface string '{key}' has {{{sorted(extra)[0]}}}, which "
                        f"locales/{source.path.name} does not have",
                        "keep the {placeholders} exactly as in the English string",
                        field=f"strings.{key}",
                    )
    return locales
