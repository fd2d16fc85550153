"""The build's finishing steps for browsers: valid markup, per-language search indexes.

Unit tests of ``puebla.mkdocs_plugin.markup`` and ``.search`` on small inputs, and a look at
the built site's search indexes (no browser needed).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from puebla.mkdocs_plugin.markup import fix_html, reproducible_gzip
from puebla.mkdocs_plugin.search import GLOBAL, plain_text, split_index

from .browserkit import site_languages


def test_fix_html_removes_what_the_checker_rejects() -> None:
    html = (
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" name="q" autocomplete="off">'
        '<label class="md-nav__link" for="__drawer" id="x_label" tabindex="">a</label>'
        '<label class="md-nav__title" for="__toc">b</label>'
    )
    fixed = fix_html(html)
    assert '<input class="md-toggle" type="checkbox" id="__drawer">' in fixed
    assert '<input type="text" name="q" autocomplete="off">' in fixed  # allowed on text
    assert 'tabindex=""' not in fixed
    assert 'for="__drawer"' in fixed  # its checkbox exists
    assert '<label class="md-nav__title">b</label>' in fixed  # no #__toc on the page


def test_reproducible_gzip_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "a.xml.gz"
    path.write_bytes(gzip.compress(b"<urlset/>", mtime=1_700_000_000))
    reproducible_gzip(path)
    data = path.read_bytes()
    assert data[4:8] == b"\0\0\0\0"  # MTIME field of the gzip header
    assert gzip.decompress(data) == b"<urlset/>"


def test_split_index_by_language_with_page_titles() -> None:
    entries = [
        {"location": "", "title": "Home", "text": "<p>Hello &amp; welcome</p>"},
        {"location": "a/#s", "title": "Section", "text": "<p>one</p><p>two</p>"},
        {"location": "es/", "title": "Inicio", "text": "<p>Hola</p>"},
        {"location": "es/a/", "title": "Página", "text": ""},
        {"location": "es/a/#s", "title": "Sección", "text": "<p>uno</p>"},
    ]
    per_lang = split_index(entries, ["en", "es", "fr"])
    assert per_lang["en"] == [
        ["", "Home", "Hello & welcome", ""],
        ["a/#s", "Section", "one two", ""],
    ]
    assert per_lang["es"][2] == ["es/a/#s", "Sección", "uno", "Página"]
    assert per_lang["fr"] == []
    assert plain_text("<code>x&lt;y</code>") == "x<y"


def test_built_site_has_one_search_index_per_language_and_no_mixed_one(site: Path) -> None:
    languages = site_languages(site)
    assert not (site / "search" / "search_index.json").exists()
    for lang in languages:
        script = (site / "search" / f"{lang}.js").read_text(encoding="utf-8")
        match = re.fullmatch(rf"window\.{GLOBAL}=(.*);\n", script, flags=re.S)
        assert match, script[:80]
        records = json.loads(match.group(1))
        assert records, lang
        for location, _title, text, _page in records:
            first = location.split("/", 1)[0]
            own = first if first in languages[1:] else languages[0]
            assert own == lang, (lang, location)
            assert "<" not in text or "&lt;" not in text  # plain text, not HTML
