"""K'iche', Mam and Q'eqchi' on the built site: published texts only, everything else Spanish.

Why: no machine-made or self-written text may appear in these languages (a wrong sentence in
a reader's first language does more harm than Spanish). So on every page under /quc/, /mam/
and /kek/ the only text marked with the language is a whole article or paragraph of the UDHR
as the package publishes it (read here from the package's HTML, tests/udhrkit.py), or the
switcher's name of a language; the page is ``<html lang="es">`` and nothing else carries a
language but Spanish. The rights page has the eleven articles, each with the Spanish official
text one tap away, and the help block.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from htmlscan import Page
from sitekit import ROOT
from udhrkit import UDHR, collapse, package_articles

PROVENANCE = yaml.safe_load((UDHR / "provenance.yml").read_text(encoding="utf-8"))
MAYAN = [
    p.stem
    for p in sorted((ROOT / "locales").glob("*.yml"))
    if yaml.safe_load(p.read_text(encoding="utf-8")).get("fallback") == "es"
    and "strings" not in yaml.safe_load(p.read_text(encoding="utf-8"))
]
RIGHTS_ARTICLES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14]  # issue 15: articles 1–9, 13 and 14
ES = yaml.safe_load((ROOT / "locales" / "es.yml").read_text(encoding="utf-8"))


def test_the_mayan_languages_are_there() -> None:
    assert sorted(MAYAN) == ["kek", "mam", "quc"]


class _Marked(HTMLParser):
    """Every element carrying ``lang``, with its text and the paragraphs inside it (a
    quotation's footer left out: it is the source line, in the page's language)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marked: list[dict] = []
        self._open: list[dict] = []
        self._stack: list[str] = []
        self._footer = 0
        self._p: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("meta", "link", "br", "img", "input", "hr", "source", "wbr"):
            return
        self._stack.append(tag)
        if "lang" in a:
            self._open.append(
                {"tag": tag, "attrs": a, "text": "", "p": [], "depth": len(self._stack)}
            )
        if tag == "footer":
            self._footer += 1
        if tag == "p" and self._open:
            self._p = []

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack:
            top = self._stack.pop()
            if top == "footer":
                self._footer -= 1
            if top == "p" and self._p is not None:
                for element in self._open:
                    if not self._footer:
                        element["p"].append(collapse("".join(self._p)))
                self._p = None
            if self._open and self._open[-1]["depth"] == len(self._stack) + 1:
                done = self._open.pop()
                done["text"] = collapse(done["text"])
                self.marked.append(done)
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element["text"] += data
        if self._p is not None:
            self._p.append(data)


def marked(path: Path) -> list[dict]:
    parser = _Marked()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.marked


def _published(lang: str) -> dict[int, list[str]]:
    return package_articles(PROVENANCE["languages"][lang]["file"])


OWN_PAGES = ("index.html", "campaigns/rights/rights/index.html")  # written for these languages


def _foreign(elements: list[dict], lang: str) -> list[tuple[str, str, str]]:
    """Marked elements other than Spanish, the switcher's names and the language's quotes."""
    return [
        (e["tag"], e["attrs"]["lang"], e["text"])
        for e in elements
        if e["tag"] != "html"
        and "md-select__link" not in e["attrs"].get("class", "").split()
        and e["attrs"]["lang"] not in ("es", lang)
    ]


@pytest.mark.parametrize("lang", MAYAN)
def test_only_published_texts_and_language_names_carry_the_language(site: Path, lang: str) -> None:
    """A page shown in Spanish may carry what the Spanish page itself marks (the communiqué
    quoted in its English original, lang="en"); the pages written for the language only
    Spanish, the switcher's names and the published translation."""
    published = _published(lang)
    wholes = list(published.values())
    singles = [[p] for paras in published.values() for p in paras]
    names = {
        yaml.safe_load(p.read_text(encoding="utf-8"))["name"]
        for p in (ROOT / "locales").glob("*.yml")
    }
    pages = sorted((site / lang).rglob("*.html"))
    assert len(pages) >= 20, pages
    quoted = 0
    for path in pages:
        rel = path.relative_to(site / lang).as_posix()
        elements = marked(path)
        for element in elements:
            value, attrs = element["attrs"]["lang"], element["attrs"]
            if element["tag"] == "html":
                assert value == "es", rel
            elif "md-select__link" in attrs.get("class", "").split():
                assert element["text"] in names, (rel, element["text"])  # the switcher
            elif value == lang:
                assert element["tag"] == "blockquote" and "quotation" in attrs["class"], rel
                assert element["p"] in wholes or element["p"] in singles, (rel, element["p"])
                quoted += 1
        foreign = _foreign(elements, lang)
        if rel in OWN_PAGES:
            assert not foreign, (rel, foreign)
        elif foreign:
            spanish = set(_foreign(marked(site / "es" / rel), lang))
            assert set(foreign) <= spanish, (rel, set(foreign) - spanish)
    assert quoted >= len(RIGHTS_ARTICLES) + 1  # the rights page and the home page's article 1


class _Quotations(HTMLParser):
    """Every ``blockquote.quotation``: attributes, paragraphs, footer, inside <details>?"""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.quotes: list[dict] = []
        self.summaries: list[str] = []
        self._details = 0
        self._inside = False  # within a quotation (they do not nest)
        self._in: str | None = None  # "p", "footer" or "summary"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "details":
            self._details += 1
        elif tag == "summary":
            self._in = "summary"
            self.summaries.append("")
        elif tag == "blockquote" and "quotation" in a.get("class", "").split():
            self.quotes.append({"attrs": a, "p": [], "footer": "", "folded": self._details > 0})
            self._inside = True
        elif self._inside and tag == "footer":
            self._in = "footer"
        elif self._inside and tag == "p" and self._in != "footer":
            self._in = "p"
            self.quotes[-1]["p"].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "details":
            self._details -= 1
        elif tag == "blockquote":
            self._inside, self._in = False, None
        elif tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "p":
            self.quotes[-1]["p"][-1] += data
        elif self._in == "footer":
            self.quotes[-1]["footer"] += data
        elif self._in == "summary":
            self.summaries[-1] += data


def quotations(path: Path) -> _Quotations:
    parser = _Quotations()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("lang", MAYAN)
def test_the_rights_page_has_the_eleven_articles_with_spanish_one_tap_away(
    site: Path, page: Callable[[str], Page], lang: str
) -> None:
    path = site / lang / "campaigns" / "rights" / "rights" / "index.html"
    found = quotations(path)
    own = [q for q in found.quotes if q["attrs"].get("lang") == lang]
    spanish = [q for q in found.quotes if "lang" not in q["attrs"]]
    assert [int(q["attrs"]["data-ref"]) for q in own] == RIGHTS_ARTICLES
    assert [int(q["attrs"]["data-ref"]) for q in spanish] == RIGHTS_ARTICLES
    published, official = _published(lang), _published("es")
    # Named in Spanish, the page's words ("k'iche'"); the page's own sentence gives the
    # variety as the source names it ("K'iche', Central").
    label = ES["strings"]["udhr_published"].format(language=ES["language_names"][lang])
    for q in own:
        n = int(q["attrs"]["data-ref"])
        assert [collapse(p) for p in q["p"]] == published[n], (lang, n)
        assert not q["folded"], (lang, n)  # the language's own text is shown, not folded
        assert label in q["footer"], (lang, n, q["footer"])
        assert q["attrs"]["cite"] == PROVENANCE["languages"][lang]["ohchr_page"]
    for q in spanish:
        n = int(q["attrs"]["data-ref"])
        assert [collapse(p) for p in q["p"]] == official[n], n
        assert q["folded"], n  # one tap away: inside <details>
        assert ES["strings"]["udhr_official"] in q["footer"]
    beside = ES["strings"]["udhr_beside"].format(language=ES["language_names"]["es"])
    assert found.summaries == [beside] * len(RIGHTS_ARTICLES)
    shown = page(f"{lang}/campaigns/rights/rights/")
    assert shown.lang == "es"
    assert shown.find("section", id="help-now"), "no help block"
    assert any(a.attrs.get("href", "").startswith("tel:") for a in shown.find("a"))
    # The Spanish note: headings and interface in Spanish until a reviewed translation.
    note = ES["strings"]["notice_published_text"].format(
        language=ES["language_names"][lang], interface=ES["language_names"]["es"]
    )
    assert note in shown.main_text


@pytest.mark.parametrize("lang", MAYAN)
def test_the_home_page_leads_to_the_rights_and_to_help(
    site: Path, page: Callable[[str], Page], lang: str
) -> None:
    home = page(f"{lang}/")
    assert home.lang == "es"
    assert home.find("section", id="help-now"), "no help block on the home page"
    links = {a.attrs.get("href", "") for a in home.find("a")}
    for target in ("campaigns/rights/rights/", "campaigns/rights/help/"):
        assert target in links, target
        assert (site / lang / target / "index.html").is_file()
    # The header's Help link leads to this language's help page, whose help block is there.
    header = [a for a in home.find("a") if "puebla-help-link" in a.attrs.get("class", "")]
    assert [a.attrs["href"] for a in header] == ["campaigns/rights/help/#help-now"]
    assert page(f"{lang}/campaigns/rights/help/").find("section", id="help-now")


def _commitment_line(campaign: str) -> str:
    """The closing line of a campaign page in Spanish, as text (its link's words kept)."""
    number = yaml.safe_load((ROOT / "campaigns" / campaign / "campaign.yml").read_text())[
        "commitment"
    ]
    template = re.sub(r"\[([^]]*)\]\([^)]*\)", r"\1", ES["strings"]["commitment_footer"])
    return template.format(number=number)


@pytest.mark.parametrize("lang", MAYAN)
def test_untranslated_pages_show_the_spanish_page_with_its_closing_line(
    page: Callable[[str], Page], lang: str
) -> None:
    notice = ES["strings"]["notice_fallback_text"].format(
        language=ES["language_names"][lang], fallback=ES["language_names"]["es"]
    )
    for campaign in ("rights", "trafficking"):
        shown = page(f"{lang}/campaigns/{campaign}/")
        spanish = page(f"es/campaigns/{campaign}/")
        assert notice in shown.main_text
        body = spanish.main_text.split(ES["strings"]["notice_english_link"], 1)[1].strip()
        assert body in shown.main_text, campaign  # the whole Spanish page, closing line included
        assert _commitment_line(campaign) in shown.main_text


def test_the_status_page_counts_published_texts_apart(page: Callable[[str], Page]) -> None:
    status = page("es/translation-status/")
    header = ES["strings"]["status_published"]
    assert header in status.main_text
    for path in sorted((ROOT / "locales").glob("*.yml")):  # every language but the source
        if path.stem != "en":
            name = yaml.safe_load(path.read_text(encoding="utf-8"))["name"]
            assert f"{name} ( {path.stem} )" in status.main_text, path.stem
    for lang in MAYAN:
        published = [
            p
            for p in [
                *(ROOT / "docs" / lang).rglob("*.md"),
                *(ROOT / "campaigns").glob(f"*/{lang}/*.md"),
            ]
            if "translation_status: published-texts" in p.read_text(encoding="utf-8")
            and not (p.parent / ".mirrored").exists()  # the build's copies of campaign pages
        ]
        assert len(published) == 2, (lang, published)  # the home page and the rights page
        name = yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text())["name"]
        # The row: name (code), up to date, outdated, not translated, awaiting review,
        # published texts, total.
        row = re.search(rf"{re.escape(name)} \( {lang} \) ((?:\d+ ){{5}}\d+)", status.main_text)
        assert row, (lang, status.main_text[:600])
        counts = [int(n) for n in row.group(1).split()]
        assert counts[4] == len(published) and counts[0] == counts[3] == 0, counts
        assert sum(counts[:5]) == counts[5]


class _PlainWords(HTMLParser):
    """Per ``h2`` id, the paragraphs outside quotations and folded texts (the plain words)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[str]] = {}
        self._section = ""
        self._quoted = 0  # inside a blockquote or a details element
        self._p: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "h2" and a.get("id"):
            self._section = a["id"]
        elif tag in ("blockquote", "details"):
            self._quoted += 1
        elif tag == "p" and not self._quoted and self._section:
            self._p = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("blockquote", "details"):
            self._quoted -= 1
        elif tag == "p" and self._p is not None:
            self.sections.setdefault(self._section, []).append(collapse("".join(self._p)))
            self._p = None

    def handle_data(self, data: str) -> None:
        if self._p is not None:
            self._p.append(data)


def plain_words(path: Path) -> dict[str, list[str]]:
    parser = _PlainWords()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.sections


@pytest.mark.parametrize("lang", MAYAN)
def test_articles_13_and_14_carry_the_spanish_pages_safe_words(site: Path, lang: str) -> None:
    """Freedom of movement gives no right to enter or stay; the right to seek asylum is no
    promise of it: the Spanish rights page says so in plain words, and so must these pages
    (in Spanish: they have no plain words of their own in the language)."""
    spanish = plain_words(site / "es" / "campaigns" / "rights" / "rights" / "index.html")
    here = plain_words(site / lang / "campaigns" / "rights" / "rights" / "index.html")
    for section in ("article-13", "article-14"):
        assert spanish.get(section), f"the Spanish page has no plain words under #{section}"
        assert here.get(section) == spanish[section], (lang, section)
