"""The one quotation directive: its UDHR forms render the package's words with the shared
marker, and every bad form is a problem naming the file and the line the editor wrote.

The built site is tested in test_quotations_udhr_site.py; here the directive is expanded on
its own (as the build and ``make check`` do) and read back through Python-Markdown.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from puebla.errors import ContentError
from puebla.model.project import load_project
from puebla.site.directives import DIRECTIVE, expand
from sitekit import ROOT
from test_quotations_udhr import EXTENSIONS, _Quotes
from udhrkit import UDHR, collapse, package_articles

PROJECT = load_project(ROOT)
PROVENANCE = yaml.safe_load((UDHR / "provenance.yml").read_text(encoding="utf-8"))


def quotes(page_lang: str, line: str) -> list[dict]:
    html = markdown.markdown(
        expand(f"Before.\n\n{line}\n\nAfter.\n", page_lang, PROJECT, "page.md"),
        extensions=EXTENSIONS,
    )
    parser = _Quotes()
    parser.feed(html)
    return parser.quotes


def published(lang: str, article: int) -> list[str]:
    return package_articles(PROVENANCE["languages"][lang]["file"])[article]


def test_the_directive_line_accepts_a_paragraph_reference() -> None:
    match = DIRECTIVE.match("<!-- puebla:quote udhr 13.1 quc es-beside -->")
    assert match and match.group(2).split() == ["udhr", "13.1", "quc", "es-beside"]


@pytest.mark.parametrize("lang", ["en", "es", "fr", "ht"])
def test_whole_article_and_one_paragraph_in_the_pages_language(lang: str) -> None:
    (whole,) = quotes(lang, "<!-- puebla:quote udhr 13 -->")
    assert [collapse(p) for p in whole["p"]] == published(lang, 13)
    assert whole["attrs"]["data-ref"] == "13" and "lang" not in whole["attrs"]
    (one,) = quotes(lang, "<!-- puebla:quote udhr 14.1 -->")
    assert [collapse(p) for p in one["p"]] == published(lang, 14)[:1]
    assert one["attrs"]["data-ref"] == "14.1"


def test_another_text_language_and_spanish_one_tap_away() -> None:
    """The K'iche' page's form: the quc text marked lang="quc" on a Spanish page, then the
    Spanish text of the same article folded in a <details> (one tap)."""
    text = expand("<!-- puebla:quote udhr 13 quc es-beside -->\n", "es", PROJECT, "p.md")
    html = markdown.markdown(text, extensions=EXTENSIONS)
    parser = _Quotes()
    parser.feed(html)
    quc, spanish = parser.quotes
    assert quc["attrs"]["lang"] == "quc" and quc["footer_attrs"]["lang"] == "es"
    assert [collapse(p) for p in quc["p"]] == published("quc", 13)
    assert "lang" not in spanish["attrs"]
    assert [collapse(p) for p in spanish["p"]] == published("es", 13)
    folded = html.split('<details class="quotation-beside">', 1)[1]
    assert folded.startswith("<summary>El mismo artículo en español</summary><blockquote")
    assert html.index('lang="quc"') < html.index("<details")


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("<!-- puebla:quote udhr 15 -->", "article 15 is not among the extracted"),
        ("<!-- puebla:quote udhr 13.3 -->", "has 2 paragraph(s), not 3"),
        ("<!-- puebla:quote udhr 13.x -->", "'13.x' is not a UDHR reference"),
        ("<!-- puebla:quote udhr 13 pt -->", "no published UDHR text for the language 'pt'"),
        ("<!-- puebla:quote udhr 13 es-beside -->", "folds the text that is already quoted"),
        ("<!-- puebla:quote udhr 13 quc mam -->", "extra option 'mam'"),
        ("<!-- puebla:quote udhr -->", "names no article"),
        ("<!-- puebla:quote unhcr 1 -->", "'unhcr' is not a source the site quotes"),
        ("<!-- puebla:quote communique 99 -->", "'99' is not a paragraph of the communiqué"),
        ('<!-- puebla:quote udhr 13.1 "Toda persona" -->', "not a special line the build"),
        ("<!-- puebla:Quote udhr 13 -->", "not a special line the build"),
    ],
)
def test_a_bad_quotation_names_file_line_and_fix(tmp_path: Path, line: str, words: str) -> None:
    page = tmp_path / "rights.md"
    source = f"---\ntitle: T\n---\n\n# T\n\nText.\n\n{line}\n\nMore.\n"
    page.write_text(source, encoding="utf-8")
    body = source.split("---\n", 2)[2]
    with pytest.raises(ContentError) as caught:
        expand("A notice the build puts first.\n\n" + body, "es", PROJECT, page)
    (problem,) = caught.value.problems
    assert words in problem.message, problem.message
    assert problem.path == page and problem.line == 9  # the line in the file, front matter included
    assert problem.hint
