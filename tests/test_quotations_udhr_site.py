"""The Declaration as readers get it on the built site: every quoted paragraph, in every
language, is the text of the pinned ``udhr`` package (read from its HTML by tests/udhrkit.py,
not from the extracted copies the build uses); the rights page carries articles 1–9, 13 and
14 beside plain words; and a quotation typed or altered by hand stops the build, naming the
page and the article.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from puebla.model.project import load_project
from sitekit import LANGUAGES, ROOT, lang_prefix, run_puebla
from udhrkit import UDHR, collapse, package_articles

PROVENANCE = yaml.safe_load((UDHR / "provenance.yml").read_text(encoding="utf-8"))
OFFICIAL = {"en", "es", "fr"}  # the UN's official texts among the site's languages
RIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14}
# What article 13 does not give, what its paragraph 1 leaves to a country's laws, what
# article 14(1) does not promise, and that article 9 forbids arbitrary arrest, not every
# arrest, in plain words.
SAFE = {
    "en": (
        "does not give a right to enter another country, or to stay there",
        "a country's laws can still limit this right",
        "does not promise",
        "This does not mean that no one may ever arrest or hold you",
    ),
    "es": (
        "no da derecho a entrar en otro país ni a quedarse en él",
        "las leyes de un país pueden limitar este derecho",
        "no promete",
        "Esto no quiere decir que nadie pueda nunca detenerte ni encerrarte",
    ),
    "fr": (
        "ne donne pas le droit d'entrer dans un autre pays, ni d'y rester",
        "les lois d'un pays peuvent toutefois limiter ce droit",
        "ne promet pas",
        "Cela ne veut pas dire que personne ne puisse jamais vous arrêter ni vous détenir",
    ),
    "ht": (
        "pa bay dwa pou antre nan yon lòt peyi, ni pou rete ladan l",
        "lwa yon peyi ka toujou limite dwa sa a",
        "pa pwomèt",
        "Sa pa vle di pèsonn pa ka janm arete ou ni fèmen ou",
    ),
}

_VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr", "col", "area", "base"}


class _Udhr(HTMLParser):
    """Each ``blockquote.quotation[data-source="udhr"]``: ref, language of its text (its own
    ``lang``, else the nearest ancestor's, else ``<html lang>``), its ``<p>`` texts and its
    footer text, and whether it sits in a folded ``<details>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, str]] = []  # (tag, lang, class)
        self.quotes: list[dict] = []
        self.cur: dict | None = None
        self.depth = 0
        self.where: str | None = None  # "p" or "footer"

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        a = {k: v or "" for k, v in attrs_list}
        lang = a.get("lang") or (self.stack[-1][1] if self.stack else "")
        self.stack.append((tag, lang, a.get("class", "")))
        if self.cur is not None:
            self.depth += 1
            if tag == "footer":
                self.where = "footer"
            elif tag == "p" and self.where != "footer":
                self.where = "p"
                self.cur["p"].append("")
            return
        if tag == "blockquote" and a.get("data-source") == "udhr":
            assert "quotation" in a.get("class", "").split()
            folded = any(t == "details" for t, _, _ in self.stack[:-1])
            self.cur = {"ref": a.get("data-ref", ""), "lang": lang, "p": [], "footer": ""}
            self.cur["folded"] = folded
            self.depth = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:
            top, _, _ = self.stack.pop()
            if self.cur is not None:
                if self.depth == 0:
                    self.quotes.append(self.cur)
                    self.cur = None
                else:
                    self.depth -= 1
                    if top in ("p", "footer"):
                        self.where = None
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.cur is None or self.where is None:
            return
        if self.where == "p":
            self.cur["p"][-1] += data
        else:
            self.cur["footer"] += data


def udhr_quotes(path: Path) -> list[dict]:
    parser = _Udhr()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.quotes


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def _published(lang: str) -> dict[int, list[str]]:
    return package_articles(PROVENANCE["languages"][lang]["file"])


def _expected(lang: str, ref: str) -> list[str]:
    article, _, paragraph = ref.partition(".")
    texts = _published(lang)[int(article)]
    return texts if not paragraph else [texts[int(paragraph) - 1]]


def test_every_udhr_quotation_in_every_language_is_the_package_text(site: Path) -> None:
    checked: dict[str, int] = {}
    wrong = []
    for path in _pages(site):
        for q in udhr_quotes(path):
            assert q["lang"] in PROVENANCE["languages"], (path, q["lang"])
            shown = [collapse(p) for p in q["p"]]
            if shown != _expected(q["lang"], q["ref"]):
                wrong.append(f"{path.relative_to(site)} [{q['lang']} {q['ref']}]: {shown}")
            top = path.relative_to(site).parts[0]
            page_lang = top if top in LANGUAGES else "en"
            checked[page_lang] = checked.get(page_lang, 0) + 1
    assert not wrong, "\n".join(wrong)
    for lang in LANGUAGES:  # the rights page alone quotes eleven articles
        assert checked.get(lang, 0) >= len(RIGHTS), (lang, checked)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_rights_page_quotes_articles_1_to_9_13_and_14(site: Path, lang: str) -> None:
    project = load_project(ROOT)
    locale = project.locales[lang]
    path = site / lang_prefix(lang) / "campaigns" / "rights" / "rights" / "index.html"
    quotes = [q for q in udhr_quotes(path) if not q["folded"]]
    assert {int(q["ref"].split(".")[0]) for q in quotes} >= RIGHTS, [q["ref"] for q in quotes]
    own = lang if lang in PROVENANCE["languages"] else locale.interface
    for q in quotes:
        assert q["lang"] == own, (q["ref"], q["lang"])  # the page's own published text first
        name = locale.text_name(q["lang"], PROVENANCE["languages"][q["lang"]]["name"])
        status = (
            locale.t("udhr_official")
            if q["lang"] in OFFICIAL
            else locale.t("udhr_published", language=name)
        )
        assert status in collapse(q["footer"]), (q["ref"], q["footer"])
        assert locale.t("udhr_title") in q["footer"]
    if lang in SAFE:  # the pages written in the language itself (not only published texts)
        asylum = [q for q in quotes if q["ref"].startswith("14")]
        assert all(q["ref"] == "14.1" for q in asylum), "14(1) is the article these pages cite"
        html = path.read_text(encoding="utf-8")
        for article in RIGHTS:  # a stable anchor per article (other pages link to them)
            assert f'id="article-{article}"' in html, article


# The name a reader sees for a published translation (not an official text), written by hand
# in the words of the page's interface: the package's English name ("Haitian Creole French
# (Popular)", "K'iche', Central") is provenance data and stays in provenance.yml.
TEXT_NAMES = {"ht": "kreyòl ayisyen", "quc": "k'iche'", "mam": "mam", "kek": "q'eqchi'"}


@pytest.mark.parametrize("lang", sorted(TEXT_NAMES))
def test_a_published_translation_is_named_in_the_reader_s_words(site: Path, lang: str) -> None:
    path = site / lang / "campaigns" / "rights" / "rights" / "index.html"
    own = [q for q in udhr_quotes(path) if q["lang"] == lang]
    assert len(own) >= len(RIGHTS), [q["ref"] for q in own]
    package_name = PROVENANCE["languages"][lang]["name"]
    for q in own:
        footer = collapse(q["footer"])
        assert f"({TEXT_NAMES[lang]})" in footer, (q["ref"], footer)
        assert package_name not in footer, (q["ref"], footer)


def test_french_pages_write_article_1_as_premier(site: Path) -> None:
    """French writes "article premier" / "art. 1er", never "article 1" (the official text's
    heading is "Article premier"); the other articles keep their digits."""
    rights = site / "fr" / "campaigns" / "rights" / "rights" / "index.html"
    footers = {q["ref"]: collapse(q["footer"]) for q in udhr_quotes(rights) if not q["folded"]}
    assert "article 1er." in footers["1"], footers["1"]
    assert "article 3." in footers["3"], footers["3"]
    myths = site / "fr" / "campaigns" / "rights" / "myths-and-facts" / "index.html"
    text = collapse(re.sub(r"<[^>]+>", " ", myths.read_text(encoding="utf-8")))
    text = text.replace("&#x27;", "'").replace("’", "'")
    assert "L'article premier dit" in text and "articles 1er et 2" in text
    for path in (rights, myths):
        page = collapse(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))
        assert not re.search(r"\b[Aa]rt(?:icles?|\.) 1(?![\d(er])", page), path


def _section(path: Path, anchor: str) -> str:
    """The text of the page from the heading ``anchor`` to the next heading."""
    html = path.read_text(encoding="utf-8")
    part = html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]
    part = re.sub(r"<blockquote.*?</blockquote>", " ", part, flags=re.S)
    return collapse(re.sub(r"<[^>]+>", " ", part))


@pytest.mark.parametrize("lang", sorted(SAFE))
def test_plain_words_do_not_overstate_movement_or_asylum(site: Path, lang: str) -> None:
    path = site / lang_prefix(lang) / "campaigns" / "rights" / "rights" / "index.html"
    movement, conditions, asylum, arrest = SAFE[lang]
    article_13 = _section(path, "article-13").replace("’", "'")
    assert movement in article_13
    assert conditions in article_13, "13(1) is what the Declaration says, not a right to settle"
    assert asylum in _section(path, "article-14")
    assert arrest in _section(path, "article-9"), "9 forbids arbitrary arrest, not every arrest"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_women_and_children_quote_article_25_2(site: Path, lang: str) -> None:
    path = site / lang_prefix(lang) / "campaigns" / "rights" / "women-and-children" / "index.html"
    quotes = udhr_quotes(path)
    assert [q["ref"] for q in quotes] == ["25.2"]
    assert [collapse(p) for p in quotes[0]["p"]] == _expected(quotes[0]["lang"], "25.2")


_QUOTED = re.compile(r"(?:“|\"|«\s?)([^\"“”«»<>]{12,600}?)(?:”|\"|\s?»)")


def test_no_hand_typed_quotation_of_the_declaration(site: Path) -> None:
    """Five words or more of any published text of the Declaration between quotation marks,
    outside the marker, would escape the comparison above."""
    published = " ".join(
        p for lang in PROVENANCE["languages"] for ps in _published(lang).values() for p in ps
    )
    found = []
    for path in _pages(site):
        html = path.read_text(encoding="utf-8")
        html = re.sub(r'<(q|blockquote) class="quotation".*?</\1>', "", html, flags=re.S)
        article = html.split("<article", 1)[-1].split("</article>", 1)[0]
        text = collapse(re.sub(r"<[^>]+>", "", article))
        for match in _QUOTED.finditer(text):
            words = match.group(1).strip()
            if len(words.split()) >= 5 and words in published:
                found.append(f"{path.relative_to(site)}: {words[:80]}")
    assert not found, found


# --- A quotation typed or altered by hand stops the build ------------------------------------


def _hand_typed(text: str) -> str:
    return (
        '<blockquote class="quotation" data-source="udhr" data-ref="13.1"><p>'
        f"{text}</p><footer>Declaración Universal de Derechos Humanos, artículo 13(1)</footer>"
        "</blockquote>"
    )


def test_a_hand_typed_udhr_quotation_that_differs_stops_the_build(project_copy: Path) -> None:
    page = project_copy / "campaigns/rights/es/rights.md"
    text = page.read_text(encoding="utf-8")
    real = _published("es")[13][0]
    drifted = real.replace("circular libremente", "circular")
    assert drifted != real
    page.write_text(
        text.replace("<!-- puebla:quote udhr 13 -->", _hand_typed(drifted)), encoding="utf-8"
    )
    build = run_puebla(project_copy, "build")
    assert build.returncode != 0
    assert "campaigns/rights/es/rights.md" in build.stderr
    assert "UDHR article 13(1) (es) is not the published text" in build.stderr
    assert not (project_copy / "site").exists(), "nothing half-written"


def test_a_tampered_copy_of_the_declaration_stops_the_build(project_copy: Path) -> None:
    copy = project_copy / "sources/udhr/fr.yml"
    text = copy.read_text(encoding="utf-8")
    real = _published("fr")[14][0]
    assert real in text
    copy.write_text(text.replace(real, real.replace("persécution", "guerre")), encoding="utf-8")
    build = run_puebla(project_copy, "build")
    assert build.returncode != 0
    assert "sources/udhr/fr.yml" in build.stderr and "article 14(1)" in build.stderr
    assert re.search(
        r"campaigns/rights/fr/rights\.md:\d+: quotes UDHR article 14\(1\) in 'fr'", build.stderr
    ), build.stderr


def test_a_hand_typed_communique_quotation_that_differs_stops_the_build(
    project_copy: Path,
) -> None:
    page = project_copy / "campaigns/rights/en/women-and-children.md"
    text = page.read_text(encoding="utf-8")
    fake = (
        '<blockquote class="quotation" data-source="communique" data-ref="5"><p>'
        "Condemn violations of human rights, except where convenient.</p></blockquote>"
    )
    page.write_text(text.replace("<!-- puebla:quote communique 5 -->", fake), encoding="utf-8")
    build = run_puebla(project_copy, "build")
    assert build.returncode != 0
    assert "campaigns/rights/en/women-and-children.md" in build.stderr
    assert "the communiqué's 5 (en) is not the published text" in build.stderr
