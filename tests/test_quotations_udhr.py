"""UDHR quotations render as the shared quotation marker, with the package's exact words.

The blockquote is read back the way the site's tests read built pages (the marker
``blockquote.quotation[data-source]``, its ``<p>`` texts with whitespace collapsed), after
going through Python-Markdown with the site's extensions, and compared with the package's
HTML (tests/udhrkit.py), not with the extracted copies the function read.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
import yaml

from puebla.model.locales import Locale
from puebla.model.project import load_project
from puebla.model.udhr import OFFICIAL
from puebla.site.quotations_udhr import QuotationError, udhr_quotation
from sitekit import ROOT
from udhrkit import UDHR, collapse, package_articles

PROJECT = load_project(ROOT)
PROVENANCE = yaml.safe_load((UDHR / "provenance.yml").read_text(encoding="utf-8"))
TEXT_LANGS = list(PROVENANCE["languages"])
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables"]


class _Quotes(HTMLParser):
    """Every quotation's attributes, paragraph texts and footer text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.quotes: list[dict] = []
        self._in: str | None = None
        self._inside = False  # within a quotation's blockquote

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "blockquote" and "quotation" in a.get("class", "").split():
            self.quotes.append({"attrs": a, "p": [], "footer": "", "footer_attrs": {}})
            self._inside = True
        elif self._inside and tag in ("p", "footer"):
            self._in = tag
            if tag == "p":
                self.quotes[-1]["p"].append("")
            else:
                self.quotes[-1]["footer_attrs"] = a

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None
        if tag == "blockquote":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._in == "p":
            self.quotes[-1]["p"][-1] += data
        elif self._in == "footer":
            self.quotes[-1]["footer"] += data


def rendered(page_lang: str, ref: str, text_lang: str | None = None) -> dict:
    quotation = udhr_quotation(PROJECT.udhr, PROJECT.locales[page_lang], ref, text_lang)
    page = f"Before.\n\n{quotation.html()}\n\nAfter.\n"
    parser = _Quotes()
    parser.feed(markdown.markdown(page, extensions=EXTENSIONS))
    assert len(parser.quotes) == 1
    return parser.quotes[0]


@pytest.mark.parametrize("lang", TEXT_LANGS)
def test_every_paragraph_quoted_equals_the_package(lang: str) -> None:
    published = package_articles(PROVENANCE["languages"][lang]["file"])
    page_lang = lang if lang in PROJECT.locales else "es"  # Mayan pages are in Spanish
    for article in PROVENANCE["articles"]:
        whole = rendered(page_lang, str(article), lang)
        assert [collapse(p) for p in whole["p"]] == published[article], (lang, article)
        assert whole["attrs"]["data-ref"] == str(article)
        for i, text in enumerate(published[article], 1):
            one = rendered(page_lang, f"{article}.{i}", lang)
            assert [collapse(p) for p in one["p"]] == [text], (lang, article, i)
            assert one["attrs"]["data-ref"] == f"{article}.{i}"


@pytest.mark.parametrize("lang", ["en", "es", "fr", "ht"])
def test_marker_in_the_pages_own_language(lang: str) -> None:
    quote = rendered(lang, "13.1")
    attrs = quote["attrs"]
    assert attrs["data-source"] == "udhr" and attrs["class"] == "quotation"
    assert "lang" not in attrs and "lang" not in quote["footer_attrs"]
    assert attrs["cite"] == PROVENANCE["languages"][lang]["ohchr_page"]
    locale = PROJECT.locales[lang]
    assert locale.t("udhr_title") in quote["footer"]
    assert locale.t("udhr_article", ref="13(1)") in quote["footer"]
    official = locale.t("udhr_official") in quote["footer"]
    assert official is (lang in OFFICIAL)


@pytest.mark.parametrize("text_lang", ["quc", "mam", "kek"])
def test_a_mayan_text_on_a_spanish_page_carries_its_own_lang(text_lang: str) -> None:
    quote = rendered("es", "1", text_lang)
    assert quote["attrs"]["lang"] == text_lang
    assert quote["footer_attrs"]["lang"] == "es"  # the footer is in the page's language
    name = PROJECT.locales["es"].language_names[text_lang]  # "k'iche'", not "K'iche', Central"
    assert PROJECT.locales["es"].t("udhr_published", language=name) in quote["footer"]
    assert "'" in quote["p"][0]  # the apostrophe of k', q', b' kept as the source writes it


def test_numbered_articles_keep_their_numbers() -> None:
    html = udhr_quotation(PROJECT.udhr, PROJECT.locales["en"], "14").html()
    assert html.count("<li><p>") == 2
    assert "<ol>" not in udhr_quotation(PROJECT.udhr, PROJECT.locales["en"], "14.1").html()
    assert "<ol>" not in udhr_quotation(PROJECT.udhr, PROJECT.locales["en"], "2").html()


@pytest.mark.parametrize(
    ("ref", "text_lang", "words"),
    [
        ("12", None, "not among the extracted articles"),
        ("13.3", None, "has 2 paragraph(s), not 3"),
        ("13(1)", None, "not a UDHR reference"),
        ("1", "pt", "no published UDHR text for the language 'pt'"),
    ],
)
def test_bad_references_say_what_and_how_to_fix(ref: str, text_lang: str | None, words: str):
    with pytest.raises(QuotationError) as caught:
        udhr_quotation(PROJECT.udhr, PROJECT.locales["en"], ref, text_lang)
    assert words in str(caught.value) and caught.value.hint


def test_on_a_page_with_the_spanish_interface_only_the_mayan_text_carries_its_lang() -> None:
    """A K'iche' page until its interface is translated: <html lang="es">, Spanish footer."""
    es = PROJECT.locales["es"]
    quc = Locale("quc", "K'iche'", es.path, es.strings, "es", interface="es")
    mayan = udhr_quotation(PROJECT.udhr, quc, "13.1")
    assert mayan.attributes["lang"] == "quc" and mayan.page_lang == "es"
    assert mayan.paragraphs == (package_articles("declaration/quc.html")[13][0],)
    spanish = udhr_quotation(PROJECT.udhr, quc, "13.1", "es")
    assert "lang" not in spanish.attributes
    assert '<footer lang="es">' in mayan.html() and "<footer>" in spanish.html()
