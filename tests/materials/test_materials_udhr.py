"""The Universal Declaration on the printed items, as a reader and a print shop meet them:
the rights poster quotes its articles in full as published (every language, K'iche', Mam and
Q'eqchi' included), the pocket card names each point's article and opens the page with the
full texts, every quoted character survives with a glyph of its own, and the languages with
only a published text get the rights card and poster in Spanish words."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
from fontTools.ttLib import TTFont
from materials_helpers import (
    Rendered,
    item_url,
    pdftotext,
    squash,
    translated,
    udhr_only,
    words_lang,
)
from pdf_reading import chars, rasterise, struct_elements, zbar

from puebla.materials.typography import typeset
from puebla.model.project import Project

POSTERS = ("poster-letter.pdf", "poster-a4.pdf", "poster-letter-print.pdf", "poster-a4-print.pdf")
CARDS = ("card-print.pdf", "card-sheet-letter.pdf", "card-sheet-a4.pdf")


def _flat(text: str) -> str:
    """Whitespace collapsed, and none after a hyphen (a line may end at "non-political")."""
    return re.sub(r"(?<=[-‐])\s+", "", squash(text))


def _citing(rendered: Rendered, project: Project, names: tuple[str, ...]) -> list:
    items = [
        f
        for f in rendered.files
        if f.filename in names and project.campaigns[f.campaign].udhr is not None
    ]
    assert items, f"no {names} of a campaign citing the Declaration"
    return items


def _quoted(project: Project, item) -> list[tuple[int, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    cited = project.campaigns[item.campaign].udhr
    assert cited is not None and project.udhr is not None
    articles = project.udhr.texts[item.lang].articles
    return [(n, articles[n].paragraphs) for n in cited.poster]


def test_every_citing_campaign_and_language_has_its_poster(
    rendered: Rendered, project: Project
) -> None:
    for lang, cid in [*translated(project), *udhr_only(project)]:
        if project.campaigns[cid].udhr is None:
            continue
        names = {f.filename for f in rendered.files if (f.lang, f.campaign) == (lang, cid)}
        assert set(POSTERS) | set(CARDS) <= names, (lang, cid)


def test_the_poster_quotes_at_least_three_articles_as_published(
    rendered: Rendered, project: Project
) -> None:
    """Every paragraph, character for character (glottal apostrophes U+0027 included), in
    the item's own language, with the source named and, outside the official texts, called a
    published translation; never hyphenated, never re-typeset."""
    for item in _citing(rendered, project, POSTERS):
        text = _flat(pdftotext(item.path))
        quoted = _quoted(project, item)
        assert len(quoted) >= 3
        loc = project.locales[item.lang]
        for number, paragraphs in quoted:
            for paragraph in paragraphs:
                assert _flat(paragraph) in text, (item.url_path, number, paragraph[:60])
            label = loc.t("materials_udhr_article", number=loc.article_number(number))
            assert label in text, (item.url_path, number)
        wl = words_lang(project, item.lang)
        assert _flat(typeset(loc.t("udhr_title"), wl)) in text, item.url_path
        published = project.udhr.texts[item.lang]  # type: ignore[union-attr]
        if published.official:
            assert _flat(typeset(loc.t("udhr_official"), wl)) in text, item.url_path
        else:
            status = typeset(loc.t("udhr_published", language="\x00"), wl)
            name = loc.text_name(item.lang, published.name)  # the readers' name for it
            status = status.replace("\x00", name)
            assert _flat(status) in text, (item.url_path, "not called a published translation")
            assert name in text  # "k'iche'" keeps its apostrophe


def test_the_help_stays_first_and_largest_on_the_poster(
    rendered: Rendered, project: Project
) -> None:
    """The quotations come after the help lines and are smaller than every help number."""
    for item in _citing(rendered, project, ("poster-letter.pdf", "poster-a4.pdf")):
        page = chars(item.path, 0)
        first_para = _quoted(project, item)[0][1][0]
        quote_chars = [c for c in page if c.text.strip()]
        joined = "".join(c.text for c in quote_chars)
        start = joined.find(re.sub(r"\s+", "", first_para)[:20])
        assert start > 0, (item.url_path, "quotation not found in the text layer")
        quote_size = max(c.size for c in quote_chars[start : start + 20])
        numbers = [c.size for c in quote_chars[:start] if c.text.isdigit()]
        assert numbers and min(s for s in numbers if s >= 20) >= 28 > quote_size, item.url_path


def _font_problems(path: Path, needed: set[str]) -> list[str]:
    """Glyphs the PDF's fonts lack: a character drawn with .notdef (CID 0 in a ToUnicode
    map) or a quoted character missing from the embedded regular font's cmap."""
    problems = []
    reader = pypdf.PdfReader(path)
    for number, pg in enumerate(reader.pages):
        fonts = pg["/Resources"].get("/Font", {})
        for name, ref in fonts.items():
            font = ref.get_object()
            unicode_map = font.get("/ToUnicode")
            if unicode_map is not None:
                data = unicode_map.get_object().get_data().decode("latin1")
                blocks = re.findall(r"begin(bfchar|bfrange)(.*?)end\1", data, re.S)
                if any(re.search(r"(^|\n)\s*<0+>", body) for _, body in blocks):
                    problems.append(f"page {number + 1} {name}: a character drawn with .notdef")
            base = str(font.get("/BaseFont", ""))
            if base.endswith("Bold"):
                continue
            descendant = font["/DescendantFonts"][0].get_object()
            data = descendant["/FontDescriptor"].get_object()["/FontFile2"].get_object()
            cmap = TTFont(io.BytesIO(data.get_data())).getBestCmap() or {}
            missing = sorted(c for c in needed if ord(c) not in cmap)
            if missing:
                problems.append(f"page {number + 1} {base}: no glyph for {missing}")
    return problems


def test_every_quoted_character_has_its_glyph(rendered: Rendered, project: Project) -> None:
    for item in _citing(rendered, project, POSTERS):
        needed = {c for _, paragraphs in _quoted(project, item) for p in paragraphs for c in p}
        needed -= {" "}
        assert not _font_problems(item.path, needed), (
            item.url_path,
            _font_problems(item.path, needed),
        )


def test_a_quotation_in_another_language_is_tagged_in_it(
    rendered: Rendered, project: Project
) -> None:
    """On a Spanish-framed K'iche' poster: the document is es, each quotation /Lang quc."""
    items = [f for f in _citing(rendered, project, ("poster-letter.pdf", "poster-a4.pdf"))]
    others = [f for f in items if words_lang(project, f.lang) != f.lang]
    assert {f.lang for f in others} == {lang for lang, _ in udhr_only(project)}
    for item in items:
        reader = pypdf.PdfReader(item.path)
        quotes = [e for e in struct_elements(reader) if e["/S"] == "/BlockQuote"]
        assert len(quotes) == len(_quoted(project, item)), item.url_path
        expected = project.udhr.texts[item.lang].bcp47  # type: ignore[union-attr]
        if item in others:
            assert str(reader.trailer["/Root"]["/Lang"]) == words_lang(project, item.lang)
            assert {str(e.get("/Lang")) for e in quotes} == {expected}, item.url_path
        else:
            assert all("/Lang" not in e for e in quotes), item.url_path


def test_the_card_names_each_point_s_article(rendered: Rendered, project: Project) -> None:
    for item in _citing(rendered, project, ("card-print.pdf",)):
        cited = project.campaigns[item.campaign].udhr
        assert cited is not None
        # In drawing order (-raw): pdftotext's reading order moves a line whose label nearly
        # touches its point ("Art. 1er Vous…") after the others.
        text = squash(pdftotext(item.path, "-raw", "-f", "1", "-l", "1"))
        points = project.campaigns[item.campaign].texts[words_lang(project, item.lang)].card_points
        loc = project.locales[item.lang]
        position = -1
        for number, point in zip(cited.card_points, points, strict=True):
            label = loc.t("materials_udhr_article", number=loc.article_number(number))
            first_word = typeset(point, words_lang(project, item.lang)).split()[0]
            found = re.search(
                re.escape(label) + r"\s+" + re.escape(first_word), text[position + 1 :]
            )
            assert found, (item.url_path, label, point)
            position += 1 + found.start()
        source = typeset(loc.t("udhr_title"), words_lang(project, item.lang))
        assert squash(source) in text[position:], (item.url_path, "the articles' source")


def test_the_card_s_qr_code_opens_the_page_with_the_full_texts(
    rendered: Rendered, project: Project, tmp_path: Path
) -> None:
    for item in _citing(rendered, project, ("card-print.pdf",)):
        cited = project.campaigns[item.campaign].udhr
        assert cited is not None
        url = item_url(project, item)
        assert url.endswith(f"/campaigns/{item.campaign}/{cited.page}/")
        png = rasterise(item.path, 1, 300, tmp_path / f"{item.lang}-{item.campaign}")
        assert zbar(png) == [url], item.url_path


def test_the_card_back_has_a_local_contact_box(rendered: Rendered, project: Project) -> None:
    """Write-in on the print-shop card, a field on home sheets (its 7 pt label is checked
    with all card text by test_materials_pdf.test_card_text_is_at_least_7_pt)."""
    for item in [f for f in rendered.files if f.filename in CARDS]:
        label = project.locales[item.lang].t("materials_local_contact")
        text = squash(pdftotext(item.path, "-f", "2", "-l", "2"))  # the backs
        assert label in text, item.url_path
        fields = pypdf.PdfReader(item.path).get_fields() or {}
        if item.filename == "card-print.pdf":
            assert not fields, item.url_path
        else:
            assert fields, f"{item.url_path}: no fillable local contact"


def test_published_text_languages_get_only_the_rights_card_and_poster_in_spanish_words(
    rendered: Rendered, project: Project
) -> None:
    pairs = udhr_only(project)
    assert {lang for lang, _ in pairs} >= {"quc", "mam", "kek"}
    for lang, cid in pairs:
        names = {f.filename for f in rendered.files if (f.lang, f.campaign) == (lang, cid)}
        assert names and all(n.startswith(("poster", "card", cid)) for n in names), names
        words = project.campaigns[cid].texts[words_lang(project, lang)]
        card = next(
            f
            for f in rendered.files
            if (f.lang, f.campaign, f.filename) == (lang, cid, "card-print.pdf")
        )
        text = squash(pdftotext(card.path))
        for point in words.card_points:
            assert squash(typeset(point, "es")).split()[-1] in text, (lang, point)
        draft = project.locales["es"].t("materials_draft")
        assert draft in text, f"{card.url_path}: Spanish words awaiting review print as a draft"
    for lang in {lang for lang, _ in pairs}:
        others = {f.campaign for f in rendered.files if f.lang == lang}
        assert all(project.campaigns[c].udhr is not None for c in others), (lang, others)


# Our own words under article 14, checked against hand-written expectations per words
# language (not the locale string alone): asylum may be asked for, never promised.
NOT_PROMISED = {
    "en": "does not promise",
    "es": "no promete",
    "fr": "ne promet pas",
    "ht": "pa pwomèt",
}


def test_the_poster_says_article_14_does_not_promise_asylum(
    rendered: Rendered, project: Project
) -> None:
    """Under the quoted article 14, after it, in the item's words: each country decides.
    The Creole poster adds that the official texts say "in other countries", not embassies
    (the published Creole text speaks of embassies)."""
    for item in _citing(rendered, project, POSTERS):
        if 14 not in [n for n, _ in _quoted(project, item)]:
            continue
        text = _flat(pdftotext(item.path))
        wl = words_lang(project, item.lang)
        marker = NOT_PROMISED[wl]
        assert marker in text, (item.url_path, "article 14 reads as a promise of asylum")
        last_paragraph = _flat(dict(_quoted(project, item))[14][-1])
        assert text.index(marker) > text.index(last_paragraph), item.url_path
        if item.lang == "ht":
            assert "anbasad" in text[text.index(marker) :], item.url_path


# Hand-written: the name a reader sees for the poster's published translation, in the words
# of the poster (the package's English name stays in provenance.yml).
TEXT_NAMES = {"ht": "kreyòl ayisyen", "quc": "k'iche'", "mam": "mam", "kek": "q'eqchi'"}


def test_the_poster_names_a_published_translation_in_the_reader_s_words(
    rendered: Rendered, project: Project
) -> None:
    checked = set()
    for item in _citing(rendered, project, POSTERS):
        if item.lang not in TEXT_NAMES:
            continue
        text = _flat(pdftotext(item.path))
        assert f"({TEXT_NAMES[item.lang]})" in text, item.url_path
        assert "Haitian Creole" not in text and "Central" not in text, item.url_path
        assert "Northern" not in text, item.url_path
        checked.add(item.lang)
    assert checked == set(TEXT_NAMES), checked


def test_french_items_write_article_1_as_1er(rendered: Rendered, project: Project) -> None:
    """ "Art. 1er" (premier) on the French card and poster; the other articles keep digits."""
    items = [
        f
        for f in _citing(rendered, project, (*POSTERS, "card-print.pdf"))
        if f.lang == "fr" and 1 in project.campaigns[f.campaign].udhr.card_points  # type: ignore[union-attr]
    ]
    assert {f.filename for f in items} >= {"card-print.pdf", "poster-a4.pdf"}
    for item in items:
        text = _flat(pdftotext(item.path))
        assert "Art. 1er" in text, item.url_path
        assert not re.search(r"Art\. 1(?![\der])", text), item.url_path


# Hand-written, per language: how the card restates article 9. French says "ni" after a
# negation; Creole gives the rights page's meaning of "arbitrary" (no proper reason or no
# fair rules), never "without respecting the law", which would allow any arrest a law allows.
CARD_ARTICLE_9 = {
    "en": "No one may arrest or detain you arbitrarily",
    "es": "Nadie puede arrestarte ni detenerte arbitrariamente",
    "fr": "Nul ne peut vous arrêter ni vous détenir arbitrairement",
    "ht": "Pèsonn pa ka arete ou ni fèmen ou san bon rezon oswa san règ ki jis",
}


def test_the_card_restates_article_9_without_narrowing_it(
    rendered: Rendered, project: Project
) -> None:
    checked = set()
    for item in _citing(rendered, project, ("card-print.pdf",)):
        if item.lang not in CARD_ARTICLE_9:
            continue
        text = _flat(pdftotext(item.path, "-f", "1", "-l", "1"))
        assert _flat(typeset(CARD_ARTICLE_9[item.lang], item.lang)) in text, item.url_path
        if item.lang == "fr":  # after "Nul ne", "ni", not "ou"
            points = project.campaigns[item.campaign].texts["fr"].card_points
            assert not [p for p in points if p.startswith("Nul ne") and " ou " in p], points
        if item.lang == "ht":
            assert "lalwa" not in text.lower(), item.url_path
        checked.add(item.lang)
    assert checked == set(CARD_ARTICLE_9), checked
