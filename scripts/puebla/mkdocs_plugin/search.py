"""One search index per language, as a small script the site's own search loads on first use.

Why: Material's search plugin (with mkdocs-static-i18n) writes a single index mixing every
language, so a Spanish reader gets English and French results, and the whole 350 KB index is
downloaded by every reader. The site's script (``assets/site.js``) loads only
``search/<lang>.js``: the reader's language, as plain text. It is a script rather than JSON so
it also loads from ``file://`` (the offline kit), where browsers refuse ``fetch``.

Material's index is read after mkdocs-static-i18n has written its final, all-language version;
the mixed index is then removed, so no page can load it.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

INDEX = Path("search") / "search_index.json"
GLOBAL = "pueblaSearchIndex"
SITE_SCRIPT = Path("assets") / "site.js"


class _Text(HTMLParser):
    """Text of an HTML fragment, with block ends as spaces (``<p>a</p><p>b</p>`` → ``a b``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        self.parts.append(" ")


@lru_cache(maxsize=8192)  # make serve splits the index after every save; most entries repeat
def plain_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return re.sub(r"\s+", " ", html.unescape("".join(parser.parts))).strip()


def language_of(location: str, languages: list[str]) -> str:
    """``es/communique/`` → ``es``; pages of the default (first) language have no prefix."""
    first = location.split("/", 1)[0]
    return first if first in languages[1:] else languages[0]


def split_index(entries: list[dict], languages: list[str]) -> dict[str, list[list[str]]]:
    """Entries per language as ``[location, title, text, page title]`` (page title of a section)."""
    per_lang: dict[str, list[list[str]]] = {lang: [] for lang in languages}
    page_titles: dict[str, str] = {}
    for entry in entries:
        location = str(entry.get("location", ""))
        page, _, anchor = location.partition("#")
        title = plain_text(str(entry.get("title", "")))
        if not anchor:
            page_titles[page] = title
        record = [location, title, plain_text(str(entry.get("text", ""))), ""]
        if anchor:
            record[3] = page_titles.get(page, "")
        per_lang[language_of(location, languages)].append(record)
    return per_lang


def write_language_indexes(
    site_dir: Path, languages: list[str], built: list[str] | None = None
) -> None:
    """Replace Material's mixed index by ``search/<lang>.js``, one per language.

    Only for the site's own search (``assets/site.js``): a build with Material's bundle (the
    vanilla comparison of ``make bench``) keeps the index that bundle loads. ``built`` (default:
    all) are the languages this build made; ``make serve`` rebuilds some and keeps the others'.
    """
    index = site_dir / INDEX
    if not index.exists() or not (site_dir / SITE_SCRIPT).exists():
        return
    entries = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    for lang, records in split_index(entries, languages).items():
        if built is not None and lang not in built:
            continue
        data = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
        (site_dir / "search" / f"{lang}.js").write_text(
            f"window.{GLOBAL}={data};\n", encoding="utf-8"
        )
    index.unlink()
