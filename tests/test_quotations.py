"""Quotes cannot drift: every quotation of the communiqué on the built site is, character for
character, the text the site itself publishes in that language (the Conference's English
release, or the project's translation), and no page types a quotation by hand.
"""

from __future__ import annotations

import re
from pathlib import Path

from quotescan import communique_paragraphs, quotations
from sitekit import LANGUAGES, html_lang, lang_prefix


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.parts)


def _communique(site: Path) -> dict[str, tuple[dict[str, str], list[str]]]:
    return {
        lang: communique_paragraphs(site / lang_prefix(lang) / "communique" / "index.html")
        for lang in LANGUAGES
    }


def test_every_communique_quotation_is_the_sites_own_text(site: Path) -> None:
    texts = _communique(site)
    checked = 0
    wrong = []
    for path in _pages(site):
        _page_lang, quotes = quotations(path)
        for q in quotes:
            if q.source != "communique":
                continue
            checked += 1
            commitments, others = texts[q.lang]
            if q.ref.isdigit():
                own = [commitments[q.ref]]
            else:
                assert q.ref.split(".")[0] in ("preamble", "closing"), (path, q.ref)
                own = others
            ok = q.text in own if q.tag == "blockquote" else any(q.text in t for t in own)
            if not ok:
                wrong.append(f"{path.relative_to(site)} [{q.lang} {q.ref}]: {q.text[:80]}")
    assert checked >= 10 * len(LANGUAGES), checked  # the campaigns quote the communiqué a lot
    assert not wrong, "\n".join(wrong)


def test_translated_pages_quote_their_own_language_first(site: Path) -> None:
    """In es and fr the commitment is quoted from the project's translation, with the English
    original folded one click away; where the communiqué is not translated (ht), the English
    text is folded too, after the page's own words."""
    for lang in LANGUAGES[1:]:
        page = site / lang / "campaigns" / "rights" / "index.html"
        page_lang, quotes = quotations(page)
        blocks = [q for q in quotes if q.tag == "blockquote" and q.ref == "6"]
        assert blocks, lang
        english = [q for q in blocks if q.lang == "en"]
        assert english and all(q.in_details for q in english), (lang, blocks)
        own_language = [q for q in blocks if q.lang == page_lang]
        # A language with no interface of its own (K'iche') has Spanish pages: the Spanish
        # communiqué page is the one its readers get.
        written = html_lang(lang)
        translated = "translation_status: untranslated" not in (
            Path(__file__).resolve().parent.parent / "docs" / written / "communique" / "index.md"
        ).read_text(encoding="utf-8")
        assert bool(own_language) == translated, (lang, blocks)
        assert all(not q.in_details for q in own_language)


def test_a_hand_typed_quotation_is_caught(site: Path, tmp_path: Path) -> None:
    """The comparison is not vacuous: one changed word in a copy of a page fails it."""
    page = site / "es" / "campaigns" / "rights" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "erradicar los actos ilícitos" in html
    tampered = tmp_path / "index.html"
    tampered.write_text(
        html.replace("erradicar los actos ilícitos", "erradicar los actos ilegales", 1)
    )
    commitments, _ = _communique(site)["es"]
    _lang, quotes = quotations(tampered)
    bad = [q for q in quotes if q.ref == "6" and q.lang == "es" and q.text != commitments["6"]]
    assert bad


def test_no_blockquote_without_the_quotation_marker(site: Path) -> None:
    """A `>` quotation typed into a campaign page would escape the comparison above."""
    found = []
    for path in _pages(site):
        html = path.read_text(encoding="utf-8")
        for chunk in html.split("<blockquote")[1:]:
            head = chunk.split(">", 1)[0]
            if 'class="quotation"' not in head:
                found.append(str(path.relative_to(site)))
    assert not found, found


def test_a_quotation_that_drifts_stops_the_build(project_copy: Path) -> None:
    from sitekit import run_puebla

    page = project_copy / "campaigns/rights/es/myths-and-facts.md"
    text = page.read_text(encoding="utf-8")
    assert '"es esencial que la migración sea ordenada"' in text
    page.write_text(
        text.replace(
            '"es esencial que la migración sea ordenada"', '"es esencial que sea ordenada"'
        ),
        encoding="utf-8",
    )
    build = run_puebla(project_copy, "build")
    assert build.returncode != 0
    assert "campaigns/rights/es/myths-and-facts.md" in build.stderr
    assert 'the words "es esencial que sea ordenada" are not in preamble.2' in build.stderr


_QUOTED = re.compile(r"(?:“|\"|«\s?)([^\"“”«»<>]{12,400}?)(?:”|\"|\s?»)")


def test_no_hand_typed_quotation_of_the_communique(site: Path) -> None:
    """Words of the communiqué in quotation marks outside the marker would escape the
    comparison: four words or more of any published text of it, quoted by hand, fail."""
    texts = []
    for lang in LANGUAGES:
        commitments, others = communique_paragraphs(
            site / lang_prefix(lang) / "communique" / "index.html"
        )
        texts += [*commitments.values(), *others]
    texts += communique_paragraphs(site / "communique" / "sources" / "index.html")[1]
    published = " ".join(texts)
    found = []
    for path in _pages(site):
        if "communique" in path.relative_to(site).parts:
            continue  # the communiqué's own pages
        html = path.read_text(encoding="utf-8")
        html = re.sub(r'<(q|blockquote) class="quotation".*?</\1>', "", html, flags=re.S)
        article = html.split("<article", 1)[-1].split("</article>", 1)[0]
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", article))
        for match in _QUOTED.finditer(text):
            words = match.group(1).strip()
            if len(words.split()) >= 4 and words in published:
                found.append(f"{path.relative_to(site)}: {words[:80]}")
    assert not found, found
