"""Editors and translators: freshness, notices, status page, checks, adding a language.

Each test works on a temporary copy of the project and runs the same commands an editor runs
(`puebla check`, `puebla translated`, `puebla language`, `puebla build`).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from htmlscan import read_page
from sitekit import LANGUAGES, ROOT, html_lang, run_puebla

run = run_puebla


def _status_row(site: Path, lang_name: str) -> list[str]:
    html = (site / "translation-status" / "index.html").read_text(encoding="utf-8")
    row = re.search(rf"<tr>\s*<td>{re.escape(lang_name)}.*?</tr>", html, re.S)
    assert row, f"no status row for {lang_name}"
    return re.findall(r"<td[^>]*>(.*?)</td>", row.group(0))[1:]


def test_changed_english_page_makes_its_translations_outdated(project_copy: Path) -> None:
    english = project_copy / "campaigns/rights/en/women-and-children.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("## ", "## Updated: ", 1), encoding="utf-8"
    )

    check = run(project_copy, "check")
    assert check.returncode == 0, "an outdated translation is a warning, not an error"
    for lang in ("es", "fr"):
        message = f"campaigns/rights/{lang}/women-and-children.md [translation_source]: outdated translation"
        assert message in check.stderr
    assert "added:   ## Updated: " in check.stderr, (
        "shows what changed since the translated version"
    )
    assert "English page, line " in check.stderr
    assert "make translated FILE=campaigns/rights/es/women-and-children.md" in check.stderr

    assert run(project_copy, "build").returncode == 0
    site = project_copy / "site"
    page = read_page(site / "es/campaigns/rights/women-and-children/index.html")
    assert "Esta traducción puede estar desactualizada" in page.main_text
    assert (
        "Esta traducción puede estar desactualizada"
        not in read_page(site / "es/campaigns/rights/help/index.html").main_text
    )
    up, outdated, missing, review, published, total = (
        int(x) for x in _status_row(site, "Español (<code>es</code>)")
    )
    # No Spanish page has been reviewed by a native speaker: the rest await review.
    assert (outdated, missing, up, review, published) == (1, 0, 0, total - 1, 0)

    done = run(project_copy, "translated", "campaigns/rights/es/women-and-children.md")
    assert done.returncode == 0, done.stderr
    after = run(project_copy, "check")
    assert "campaigns/rights/es/women-and-children.md [translation_source]" not in after.stderr
    assert "campaigns/rights/fr/women-and-children.md [translation_source]" in after.stderr


NEW_LANGUAGE = next(code for code in ("pt", "it", "nl", "de") if code not in LANGUAGES)


def test_adding_a_language_gives_a_site_that_builds_with_fallback_notices(
    project_copy: Path,
) -> None:
    added = run(project_copy, "language", NEW_LANGUAGE, "--name", "Português")
    assert added.returncode == 0, added.stderr
    assert f"locale: {NEW_LANGUAGE}" in (project_copy / "mkdocs.yml").read_text(encoding="utf-8")

    build = run(project_copy, "build")
    assert build.returncode == 0, build.stderr
    site = project_copy / "site"
    page = read_page(site / NEW_LANGUAGE / "campaigns/trafficking/warning-signs/index.html")
    assert page.lang == NEW_LANGUAGE
    assert "This page is not yet translated into Português" in page.main_text
    assert "Warning signs" in page.main_text, "the English page is shown instead of a 404"
    english_links = [
        e
        for e in page.find("a")
        if e.attrs.get("hreflang") == "en" and "warning-signs" in e.attrs.get("href", "")
    ]
    assert english_links
    assert (site / NEW_LANGUAGE / "404.html").is_file()
    counts = _status_row(site, f"Português (<code>{NEW_LANGUAGE}</code>)")
    assert counts[0] == "0" and counts[2] == counts[5] != "0"

    materials = read_page(site / NEW_LANGUAGE / "materials/index.html").main_text
    assert "not yet available in Português" in materials

    skeleton = f"docs/{NEW_LANGUAGE}/communique/about.md"
    refused = run(project_copy, "translated", skeleton)
    assert refused.returncode == 2 and "still the empty skeleton" in refused.stderr
    refused = run(project_copy, "reviewed", skeleton, "--by", "Someone")
    assert refused.returncode == 2 and "not a finished translation" in refused.stderr
    assert "translation_status: untranslated" in (project_copy / skeleton).read_text(
        encoding="utf-8"
    )

    again = run(project_copy, "language", NEW_LANGUAGE, "--name", "Português")
    assert again.returncode == 2 and "already exists" in again.stderr


def test_script_in_markdown_is_an_error_with_file_and_line(project_copy: Path) -> None:
    page = project_copy / "campaigns/trafficking/fr/harms.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(12, '<script src="https://tracker.example/t.js"></script>')
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(project_copy, "check")
    assert result.returncode == 1
    assert (
        "campaigns/trafficking/fr/harms.md:13: a <script> element is not allowed" in result.stderr
    )


def test_inline_handler_and_javascript_link_are_errors(project_copy: Path) -> None:
    page = project_copy / "docs/en/communique/about.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n<a href="#" onclick="x()">x</a>\n\n[y](javascript:alert(1))\n',
        encoding="utf-8",
    )
    result = run(project_copy, "check")
    assert result.returncode == 1
    assert "inline event handler" in result.stderr and "javascript: link" in result.stderr


def test_broken_link_in_a_campaign_page_names_the_source_file_and_line(project_copy: Path) -> None:
    page = project_copy / "campaigns/rights/es/myths-and-facts.md"
    text = page.read_text(encoding="utf-8")
    assert "(rights.md)" in text
    page.write_text(text.replace("(rights.md)", "(derechos.md)", 1), encoding="utf-8")
    line = next(
        i
        for i, row in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if "(derechos.md)" in row
    )
    result = run(project_copy, "check")
    assert result.returncode == 1
    assert (
        f"campaigns/rights/es/myths-and-facts.md:{line}: the link 'derechos.md' points to a page that does not exist"
        in result.stderr
    )


def test_status_page_counts_are_true(site: Path) -> None:
    """Counts on the status page match the pages built and the files' own front matter."""

    names = {
        lang: yaml.safe_load((ROOT / "locales" / f"{lang}.yml").read_text(encoding="utf-8"))["name"]
        for lang in LANGUAGES[1:]
    }
    for lang, name in names.items():  # every language has its row
        up, outdated, missing, review, published, total = (
            int(x) for x in _status_row(site, f"{name} (<code>{lang}</code>)")
        )
        pages = {p for p in site.rglob("index.html") if p.relative_to(site).parts[0] == lang}
        assert total == len(pages)
        assert up + outdated + missing + review + published == total
        files = [*ROOT.glob(f"docs/{lang}/**/*.md"), *ROOT.glob(f"campaigns/*/{lang}/*.md")]
        files = [f for f in files if not (f.parent / ".mirrored").exists()]
        texts = [f.read_text(encoding="utf-8") for f in files]
        assert missing == sum("translation_status: untranslated" in t for t in texts)
        # A page without the field counts as awaiting review (model/translation.py).
        heads = [t.split("\n---", 1)[0] for t in texts]
        assert review == sum(
            "translation_status: awaiting-review" in h or "translation_status:" not in h
            for h in heads
        )
        assert published == sum("translation_status: published-texts" in t for t in texts)
    assert int(_status_row(site, "Kreyòl ayisyen (<code>ht</code>)")[3]) >= 5


def test_no_translation_counts_as_reviewed_without_a_recorded_review(project) -> None:
    """es and fr carry review states like ht: a page without a review recorded by
    `make reviewed` (which names the reviewer) is awaiting review, never reviewed."""
    from puebla.model.pages import site_pages
    from puebla.model.translation import translation_states

    states = translation_states(project, site_pages(project))
    for state in states:
        if state.status == "reviewed":
            assert state.page.doc.meta.get("reviewed_by"), state.page.doc.path
    by_lang = {s.page.lang for s in states if s.awaiting_review}
    # Languages with interface strings of their own; K'iche', Mam and Q'eqchi' have no
    # translation yet (only published texts, counted apart), so none awaits review.
    assert {lang for lang in LANGUAGES[1:] if html_lang(lang) == lang} <= by_lang


def test_spanish_usted_forms_are_a_register_warning(project_copy: Path) -> None:
    page = project_copy / "campaigns/rights/es/help.md"
    text = page.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    page.write_text(
        head + "\n---\n" + body + "\nTenga en cuenta que usted puede llamar.\n", encoding="utf-8"
    )
    result = run(project_copy, "check")
    assert result.returncode == 0, "a warning, not an error"
    assert "campaigns/rights/es/help.md:" in result.stderr
    assert "'Tenga' addresses the reader as usted" in result.stderr
    assert "'usted' addresses the reader as usted" in result.stderr


def test_haitian_creole_builds_with_its_notices(page) -> None:
    home = page("ht/")
    assert home.lang == "ht"
    assert "Ap tann revizyon" in home.main_text  # awaiting review by a native speaker
    fallback = page("ht/campaigns/rights/myths-and-facts/")
    assert fallback.lang == "ht"
    assert "Paj sa a poko tradui an kreyòl ayisyen" in fallback.main_text  # lower case
    # Haitian Creole falls back to French (locales/ht.yml): the French page is shown.
    french = (ROOT / "campaigns/rights/fr/myths-and-facts.md").read_text(encoding="utf-8")
    heading = next(line[2:] for line in french.splitlines() if line.startswith("# "))
    assert heading in fallback.main_text
    help_page = page("ht/campaigns/trafficking/help/")
    assert "1-888-373-7888" in help_page.main_text and "Etazini" in help_page.main_text


def test_hard_english_is_a_readability_warning(project_copy: Path) -> None:
    page = project_copy / "campaigns/trafficking/en/harms.md"
    dense = (
        "Notwithstanding considerable institutional heterogeneity, intergovernmental "
        "arrangements concerning transnational irregular migratory movements necessitate "
        "comprehensive multidimensional operationalization of internationally recognized "
        "protection obligations, particularly regarding unaccompanied adolescents experiencing "
        "exploitative circumstances, administrative detention, and systematic discrimination. "
    )
    text = page.read_text(encoding="utf-8")
    head, _body = text.split("\n---\n", 1)
    page.write_text(head + "\n---\n" + (dense * 12) + "\n", encoding="utf-8")
    result = run(project_copy, "check")
    assert result.returncode == 0, "a warning, not an error"
    assert "campaigns/trafficking/en/harms.md: this page reads at about grade" in result.stderr


def test_campaign_pages_read_at_about_8th_grade(project) -> None:
    from puebla.checks.readability import MAX_GRADE, grade
    from puebla.model.pages import site_pages

    for rel, page in site_pages(project)["en"].items():
        if rel.startswith("campaigns/"):
            score, _words = grade(page.doc.body)
            assert score <= MAX_GRADE, (rel, round(score, 1))
