"""Adding a language is one command: ``make language LANG=xx NAME="Name"``.

It registers the language in ``mkdocs.yml``, creates ``locales/xx.yml`` (English strings to
translate), an interface-language file for the theme if Material has none, and one skeleton
per page marked ``translation_status: untranslated``. Readers of the new language then get
every page in English with a notice in their language, never a 404, and the site builds.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model.docs import MIRROR_MARKER
from .model.locales import SOURCE_LANGUAGE, language_code_problem
from .model.translation import SKELETON_MARK, set_front_matter
from .translate import CommandError

SKELETON_NOTE = (
    SKELETON_MARK + " Translate {source} into this file, keeping the same structure and "
    "links, then run: make translated FILE={target} -->\n"
)


def _english_pages(root: Path) -> list[tuple[Path, Path]]:
    """(English source, path of the new language's file with LANG placeholder) pairs."""
    pairs = []
    docs_en = root / "docs" / SOURCE_LANGUAGE
    mirrored = {p.parent for p in docs_en.rglob(MIRROR_MARKER)}
    for path in sorted(docs_en.rglob("*.md")):
        if not any(m in path.parents for m in mirrored):
            pairs.append((path, Path("docs") / "{lang}" / path.relative_to(docs_en)))
    for path in sorted((root / "campaigns").glob(f"*/{SOURCE_LANGUAGE}/*.md")):
        campaign = path.parent.parent.name
        pairs.append((path, Path("campaigns") / campaign / "{lang}" / path.name))
    return pairs


def _fallback_settings(lines: list[str], start: int, end: int, fallback: str | None) -> str:
    """The fallback language's per-language lines (copyright, site_description) in mkdocs.yml:
    a language shown in Spanish must not carry an English footer and meta description."""
    if not fallback:
        return ""
    out, inside = [], False
    for line in lines[start + 1 : end]:
        if line.startswith("        - "):
            inside = line.strip() == f"- locale: {fallback}"
        elif inside and re.match(r"^          (copyright|site_description):", line):
            out.append(line if line.endswith("\n") else line + "\n")
    return "".join(out)


def _register_in_mkdocs(root: Path, code: str, name: str, fallback: str | None = None) -> None:
    path = root / "mkdocs.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if line.strip() == "languages:" and line.startswith("      ")
        ),
        None,
    )
    if start is None:
        raise CommandError("mkdocs.yml: the i18n plugin's 'languages:' list was not found")
    end = start + 1
    while end < len(lines) and (lines[end].startswith("        ") or not lines[end].strip()):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    # Quoted: a name such as K'iche' or one with a colon must stay one YAML string.
    entry = f"        - locale: {code}\n          name: {json.dumps(name, ensure_ascii=False)}\n          build: true\n"
    entry += _fallback_settings(lines, start, end, fallback)
    lines.insert(end, entry)
    path.write_text("".join(lines), encoding="utf-8")


def _theme_language(root: Path, code: str, fallback: str | None = None) -> Path | None:
    """Material's interface strings for a language it does not ship: English until translated,
    or, for a language shown with its fallback's interface, that language's (Material then
    writes ``<html lang>`` in the fallback's code, which is the language the page is in)."""
    import material

    shipped = (
        Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{code}.html"
    )
    target = root / "overrides" / "partials" / "languages" / f"{code}.html"
    if shipped.exists() or target.exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    if fallback:
        target.write_text(
            f"{{#- The interface of '{code}' is that of '{fallback}' until a reviewed translation "
            "is recorded;\n    then list this language's own keys here (see Material's "
            "partials/languages/en.html). -#}\n"
            f'{{% import "partials/languages/{fallback}.html" as interface %}}\n'
            "{% macro t(key) %}{{ interface.t(key) }}{% endmacro %}\n",
            encoding="utf-8",
        )
        return target
    target.write_text(
        "{#- Material's interface strings for this language. Keys not listed fall back to English;\n"
        "    copy keys from Material's partials/languages/en.html to translate them. -#}\n"
        '{% macro t(key) %}{{ {\n  "language": "'
        + code
        + '",\n  "search.config.lang": "en"\n}[key] }}{% endmacro %}\n',
        encoding="utf-8",
    )
    return target


def _locale_text(code: str, name: str, english: str, fallback: str | None) -> str:
    quoted = json.dumps(name, ensure_ascii=False)
    if fallback:
        return (
            f"# {name}: no interface strings yet, so its pages show those of '{fallback}', and its\n"
            f"# untranslated pages show the '{fallback}' page. To translate the interface, copy\n"
            "# 'strings:' from en.yml, translate every value, and have a native speaker review it.\n"
            f"name: {quoted}\nfallback: {fallback}\n"
        )
    body = english.split("\nstrings:", 1)[1]
    return (
        f"# Interface strings for {name}. Still in English: translate each value, keep the keys\n"
        f"# and the {{placeholders}}.\nname: {quoted}\nstrings:{body}"
    )


def add_language(root: Path, code: str, name: str, fallback: str | None = None) -> list[Path]:
    """Add a language; return the files created. Refuses codes already present.

    ``fallback``: the language whose interface and pages readers get until translations are
    recorded (e.g. ``es`` for K'iche'); without it, English.
    """
    problem = language_code_problem(code)
    if problem:
        raise CommandError(problem + "; nothing was changed")
    if not name.strip():
        raise CommandError('give the language\'s name in itself, e.g. NAME="Kreyòl ayisyen"')
    locale = root / "locales" / f"{code}.yml"
    if locale.exists():
        raise CommandError(f"the language '{code}' already exists ({locale.relative_to(root)})")
    created: list[Path] = []
    if fallback is not None and (
        fallback == code or not (root / "locales" / f"{fallback}.yml").is_file()
    ):
        languages = sorted(p.stem for p in (root / "locales").glob("*.yml"))
        raise CommandError(
            f"the fallback '{fallback}' is not a language of the site ({', '.join(languages)}); "
            "nothing was changed"
        )
    english = (root / "locales" / f"{SOURCE_LANGUAGE}.yml").read_text(encoding="utf-8")
    locale.write_text(_locale_text(code, name, english, fallback), encoding="utf-8")
    created.append(locale)
    for source, pattern in _english_pages(root):
        target = root / str(pattern).format(lang=code)
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        # Titles and descriptions (menus, search, link previews) in the language readers get.
        shown = Path(str(pattern).format(lang=fallback)) if fallback else None
        text = (root / shown if shown and (root / shown).is_file() else source).read_text(
            encoding="utf-8"
        )
        front = text.split("\n---", 1)[0] + "\n---\n" if text.startswith("---") else "---\n---\n"
        front = re.sub(r"(?m)^(translation_source|translation_status|reviewed_by):.*\n", "", front)
        rel_source = source.relative_to(root).as_posix()
        rel_target = target.relative_to(root).as_posix()
        target.write_text(
            front + "\n" + SKELETON_NOTE.format(source=rel_source, target=rel_target),
            encoding="utf-8",
        )
        set_front_matter(target, {"translation_status": "untranslated"})
        created.append(target)
    theme = _theme_language(root, code, fallback)
    if theme:
        created.append(theme)
    _register_in_mkdocs(root, code, name, fallback)
    return created
