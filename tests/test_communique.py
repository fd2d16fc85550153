"""The communiqué section: both English texts verbatim, anchors, gaps, translations, comparison."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from htmlscan import normalize
from sitekit import LANGUAGES, ROOT, lang_prefix

SOURCES = ROOT / "sources" / "communique"


def _source_paragraphs(name: str) -> list[str]:
    """Every paragraph of a source file, whitespace-normalised, markup and numbering removed."""
    text = (SOURCES / name).read_text(encoding="utf-8")
    text = re.sub(r"\n(?=\d{1,2}\. )", "\n\n", text)  # one commitment per line in the release
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        block = normalize(block).replace("**", "").lstrip("# ").strip()
        block = re.sub(r"^\d{1,2}\.\s+", "", block)
        if block:
            paragraphs.append(block)
    return paragraphs


@pytest.mark.parametrize("name", ["communique-rcm-1996.txt", "communique-un-ga-1996.txt"])
def test_both_english_sources_appear_in_full_on_the_sources_page(page, name: str) -> None:
    text = page("communique/sources/").main_text
    paragraphs = _source_paragraphs(name)
    assert len(paragraphs) >= 27
    for paragraph in paragraphs:
        assert paragraph in text, f"missing from /communique/sources/: {paragraph[:80]}"


def test_english_communique_page_is_the_conference_release_verbatim(page) -> None:
    text = page("communique/").main_text
    for paragraph in _source_paragraphs("communique-rcm-1996.txt"):
        assert paragraph in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_commitment_has_the_same_anchor_in_every_language(page, lang: str) -> None:
    wanted = {f"commitment-{n}" for n in range(1, 22)}
    assert wanted <= page(f"{lang_prefix(lang)}communique/").ids()
    assert wanted <= page(f"{lang_prefix(lang)}communique/compare/").ids()
    sources = page(f"{lang_prefix(lang)}communique/sources/").ids()
    assert {f"release-{a}" for a in wanted} | {f"un-{a}" for a in wanted} <= sources


def test_commitment_anchor_holds_that_commitment(page) -> None:
    p = page("communique/")
    html = Path(p.path).read_text(encoding="utf-8")
    para = re.search(r'<p[^>]*id="commitment-6"[^>]*>(.*?)</p>', html, re.S)
    assert para and "Encourage public awareness about the human rights of migrants" in para.group(1)


def test_un_gaps_are_marked_as_editorial_notes_not_filled(page) -> None:
    html = Path(page("communique/sources/").path).read_text(encoding="utf-8")
    un_part = html.split('id="un"', 1)[1]
    notes = re.findall(r'<span class="editorial-note">(.*?)</span>', un_part, re.S)
    assert len(notes) == 7
    # The UN text itself stays as supplied: the gap is followed by the note, not by the word.
    assert "without detriment to the bilateral cooperation <span" in un_part
    assert "bilateral cooperation programmes" not in un_part


def test_gap_notes_say_probably_and_quote_what_the_release_really_has(page) -> None:
    html = Path(page("communique/sources/").path).read_text(encoding="utf-8")
    un_part = html.split('id="un"', 1)[1]
    release_part = html.split('id="un"', 1)[0]
    notes = re.findall(r'<span class="editorial-note">(.*?)</span>', un_part, re.S)
    for note in notes:
        assert "probably" in note, note
        quoted = re.findall(r"“(.*?)”", note)
        assert len(quoted) == 2, note
        assert quoted[1] in release_part, f"the release does not contain “{quoted[1]}”"
    assert any(
        "“programmes”" in n and "“without detriment to bilateral cooperation programs”" in n
        for n in notes
    )
    assert any("“prosecution of migrant traffickers”" in n for n in notes)


def test_every_heading_of_the_un_text_is_shown(page) -> None:
    html = Path(page("communique/sources/").path).read_text(encoding="utf-8")
    un_part = html.split('id="un"', 1)[1]
    titles = re.findall(r'<p class="communique-title"><strong>(.*?)</strong></p>', un_part)
    assert titles == [
        "Regional Conference on Migration",
        "Joint Communique' issued in Puebla on 14 March 1996",
    ]


@pytest.mark.parametrize(
    ("lang", "label"), [("es", "Traducción no oficial"), ("fr", "Traduction non officielle")]
)
def test_translations_are_labelled_unofficial_and_link_to_the_sources(
    page, lang: str, label: str
) -> None:
    p = page(f"{lang}/communique/")
    assert label in p.main_text
    hrefs = {e.attrs.get("href") for e in p.find("a")}
    assert "sources/" in hrefs and "compare/" in hrefs
    # The translation is complete: 21 commitments of real text, numbered in order.
    html = Path(p.path).read_text(encoding="utf-8")
    numbers = re.findall(
        r'<p class="commitment" id="commitment-(\d+)"><strong>(\d+)\.</strong>', html
    )
    assert [int(a) for a, _ in numbers] == list(range(1, 22))
    assert all(a == b for a, b in numbers)


def test_comparison_marks_the_differing_words(page) -> None:
    html = Path(page("communique/compare/").path).read_text(encoding="utf-8")
    section = html.split('id="commitment-6"', 1)[1].split('id="commitment-7"', 1)[0]
    marks = re.findall(r"<mark>(.*?)</mark>", section)
    assert "Encourage" in marks and "Enhance" in marks
    assert "public awareness" not in " ".join(marks)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_introduction_explains_commitments_6_and_16(page, lang: str) -> None:
    p = page(f"{lang_prefix(lang)}communique/about/")
    hrefs = {e.attrs.get("href", "") for e in p.find("a")}
    assert any(h.endswith("#commitment-6") for h in hrefs)
    assert any(h.endswith("#commitment-16") for h in hrefs)
