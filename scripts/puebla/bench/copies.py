"""Throw-away copies of the project for ``make bench``: as is, with more languages, and bare.

The bare copy is the yardstick the issue asks for: the same pages with the same text (the
Markdown the project's plugin hands to MkDocs, captured from a real build) built by Material
and mkdocs-static-i18n alone, with no project plugin, no overrides, no materials.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from ..languages import _register_in_mkdocs, _theme_language
from ..model.locales import SOURCE_LANGUAGE, language_code_problem
from ..site.markdown import EXTENSIONS

_TOP = shutil.ignore_patterns(".venv", "site", "site.old", ".site-build-*", ".cache", ".git")
_ANYWHERE = shutil.ignore_patterns("__pycache__", "*.egg-info")


def _ignore(root: Path):
    """Build outputs at the top only: ``scripts/puebla/site`` is code, not a built site."""

    def ignore(folder: str, names: list[str]) -> set[str]:
        skipped = set(_ANYWHERE(folder, names))
        if Path(folder) == root:
            skipped |= set(_TOP(folder, names))
        return skipped

    return ignore


# The 12-language copy carries the Spanish pages under generated codes (a copy for timing,
# not a translation). They are three-letter codes from ISO 639-3's range for local use
# (qaa–qtz, never a real language), so they pass the same locale check as K'iche' ``quc``
# (``model.locales.language_code_problem``) and take the path a Mayan language takes: no
# interface strings in Material, the theme's language partial written as ``make language``
# writes it.
WIDE = 12


def generated_codes(existing: list[str], total: int = WIDE) -> tuple[str, ...]:
    """Codes to add to ``existing`` languages for ``total`` in all (none if already there)."""
    codes = []
    for second in "abcdefghijklmnopqrst":
        for third in "abcdefghijklmnopqrstuvwxyz":
            code = f"q{second}{third}"
            if len(existing) + len(codes) >= total:
                break
            if code not in existing and language_code_problem(code) is None:
                codes.append(code)
    return tuple(codes)


def project_copy(root: Path, target: Path) -> Path:
    """The project without build outputs (mirrored campaign pages included)."""
    shutil.copytree(root, target, ignore=_ignore(root))
    for mirrored in target.glob("docs/*/campaigns/*/.mirrored"):
        shutil.rmtree(mirrored.parent)
    return target


def _copy_language_in(value: Any, like: str, codes: tuple[str, ...], languages: set[str]) -> Any:
    """Every mapping keyed by all the project's languages gets the extra codes, copied."""
    if isinstance(value, list):
        return [_copy_language_in(v, like, codes, languages) for v in value]
    if isinstance(value, dict):
        out = {k: _copy_language_in(v, like, codes, languages) for k, v in value.items()}
        if like in out and languages <= set(out):
            for code in codes:
                out.setdefault(code, out[like])
        return out
    return value


def project_languages(copy: Path) -> list[str]:
    return sorted(p.stem for p in (copy / "locales").glob("*.yml"))


_OWN_LANGUAGE_QUOTE = re.compile(r"(<!--\s*puebla:quote\s+udhr\s+[0-9.]+)(\s*-->)")


def _quote_in(copy: Path, code: str, like: str) -> None:
    """A generated language has no published Declaration: its copied pages quote ``like``'s
    text, as a K'iche' page names the language of its quotation (``udhr 13 quc``)."""
    folders = [copy / "docs" / code, *(c / code for c in (copy / "campaigns").iterdir())]
    for folder in folders:
        for page in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            text = page.read_text(encoding="utf-8")
            quoted = _OWN_LANGUAGE_QUOTE.sub(rf"\1 {like}\2", text)
            if quoted != text:
                page.write_text(quoted, encoding="utf-8")


def add_languages(copy: Path, total: int = WIDE, like: str = "es") -> tuple[str, ...]:
    """Give a project copy ``total`` languages, the new ones each a copy of ``like``."""
    languages = set(project_languages(copy))
    codes = generated_codes(sorted(languages), total)
    for code in codes:
        text = (copy / "locales" / f"{like}.yml").read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        lines = [f"name: Bench {code}\n" if line.startswith("name:") else line for line in lines]
        (copy / "locales" / f"{code}.yml").write_text("".join(lines), encoding="utf-8")
        shutil.copytree(copy / "docs" / like, copy / "docs" / code)
        for campaign in (copy / "campaigns").iterdir():
            if (campaign / like).is_dir():
                shutil.copytree(campaign / like, campaign / code)
        _quote_in(copy, code, like)
        _register_in_mkdocs(copy, code, f"Bench {code}")
        _theme_language(copy, code, like)
    for path in sorted((copy / "campaigns").rglob("*.yml")):
        if path.parent.name in languages or path.parent.name in codes:
            continue  # a language's own file: copied above
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = _copy_language_in(data, like, codes, languages)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return codes


def bare_copy(pages: dict[str, str], languages: list[dict[str, Any]], target: Path) -> Path:
    """A MkDocs project of ``pages`` ({'es/index.md': Markdown}) for Material + static-i18n.

    ``languages`` are the i18n plugin's language entries of the real configuration. Material
    lacks interface strings for some project languages (ht): those theme files alone are
    copied, as ``make language`` would add them to any site.
    """
    docs = target / "docs"
    for src_uri, markdown in pages.items():
        path = docs / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    import material

    shipped = Path(material.__file__).parent / "templates" / "partials" / "languages"
    for entry in languages:
        code = entry["locale"]
        if not (shipped / f"{code}.html").exists():
            partial = target / "overrides" / "partials" / "languages" / f"{code}.html"
            partial.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(
                '{% macro t(key) %}{{ {"language": "' + code + '"}[key] }}{% endmacro %}\n',
                encoding="utf-8",
            )
    extensions = [{name: opts} if opts else name for name, opts in EXTENSIONS.items()]
    config = {
        "site_name": "Bare",
        "site_url": "https://bare.example.org/",
        "docs_dir": "docs",
        "use_directory_urls": True,
        "strict": False,
        # The captured pages link to materials and previews this copy does not have.
        "validation": {
            "omitted_files": "info",
            "absolute_links": "info",
            "unrecognized_links": "info",
            "anchors": "info",
            "links": {"not_found": "info"},
        },
        "theme": {"name": "material", "language": SOURCE_LANGUAGE, "font": False},
        "markdown_extensions": extensions,
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "folder",
                    "fallback_to_default": False,
                    "reconfigure_material": True,
                    "reconfigure_search": True,
                    "languages": languages,
                }
            },
        ],
    }
    if (target / "overrides").is_dir():
        config["theme"]["custom_dir"] = "overrides"
    (target / "mkdocs.yml").write_text(json.dumps(config, indent=1), encoding="utf-8")
    return target
