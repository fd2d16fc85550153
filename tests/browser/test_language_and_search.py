"""The language switcher and the search, used as a reader uses them.

Material's search (with mkdocs-static-i18n) mixes every language in one index; the site's
own search loads the reader's language only. These tests click the switcher and type into the
real search box, in every language the build has.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page

from sitekit import html_lang

from .browserkit import DESKTOP, PHONE, language_of, prefix, switch_pairs


def _site_path(page: Page, base_url: str) -> str:
    assert page.url.startswith(base_url), page.url
    return page.url[len(base_url) :].split("#", 1)[0]


@pytest.mark.parametrize("path", ["", "communique/about/", "campaigns/rights/"])
def test_switcher_lands_on_the_same_page(
    open_page: Callable[..., Page], base_url: str, languages: list[str], path: str
) -> None:
    page = open_page(path)
    for source, target in switch_pairs(languages):
        page.goto(base_url + prefix(source, languages) + path)
        page.click(".md-select button")  # focus opens the list, as with the keyboard
        page.click(f".md-select__link[hreflang={target}]")
        page.wait_for_load_state("load")
        assert _site_path(page, base_url) == prefix(target, languages) + path
        assert page.locator("html").get_attribute("lang") == html_lang(target)


def search(page: Page, query: str) -> list[str]:
    """Type ``query`` into the search box as a reader would; the result links (absolute)."""
    opener = page.locator(".puebla-search-open")
    if opener.is_visible():
        opener.click()
    else:
        page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.wait_for_function("() => window.pueblaSearchIndex !== undefined")
    page.wait_for_function(
        "q => document.querySelector('.md-search-result__meta').dataset.query === q", arg=query
    )
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")


def _title_word(page: Page) -> str:
    """The longest word of the page's main heading: a word of the page's own language."""
    return max(re.findall(r"\w+", page.inner_text("article h1")), key=len)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_finds_a_page_by_its_own_words_in_the_readers_language(
    open_page: Callable[..., Page], base_url: str, languages: list[str], viewport: dict
) -> None:
    for lang in languages:
        target = prefix(lang, languages) + "communique/about/"
        page = open_page(target, viewport)
        word = _title_word(page)
        paths = [link[len(base_url) :] for link in search(page, word)]
        assert any(p.split("#", 1)[0] == target for p in paths), (lang, word, paths)
        assert all(language_of(p, languages) == lang for p in paths), (lang, word, paths)
        page.click(".md-search-result__link >> nth=0")
        page.wait_for_load_state("load")
        assert page.locator("html").get_attribute("lang") == html_lang(lang)


def test_a_word_of_every_language_finds_only_the_readers_pages(
    open_page: Callable[..., Page], base_url: str, languages: list[str]
) -> None:
    """The word Puebla is on pages of every language; a reader gets those of their own only."""
    for lang in languages:
        page = open_page(prefix(lang, languages))
        links = search(page, "Puebla")
        assert links, lang
        found = {language_of(link[len(base_url) :], languages) for link in links}
        assert found == {lang}, links


def test_search_ignores_accents_and_case(open_page: Callable[..., Page]) -> None:
    page = open_page("es/")
    accented = search(page, "Migración")
    plain = search(page, "MIGRACION")
    assert accented and accented == plain


def test_search_says_when_nothing_is_found(open_page: Callable[..., Page]) -> None:
    page = open_page("")
    assert search(page, "zzxqv") == []
    assert page.inner_text(".md-search-result__meta").strip()
