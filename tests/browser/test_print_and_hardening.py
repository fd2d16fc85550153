"""Printing, the Content-Security-Policy at work, reproducible builds, and a sub-path host.

A printed page is for a notice board or a handout: the article only, without the header,
menus, search or footer. The CSP is proven by trying what it forbids. Two clean builds must be
byte-identical, and the site must work when served below ``/puebla/``.
"""

from __future__ import annotations

import filecmp
import io
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Browser, Page

from .browserkit import build_copy, language_of, origin_of, page_urls, prefix, serve, watch

CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-skip"]


@pytest.mark.parametrize("url", ["communique/about/", "es/campaigns/rights/"])
def test_page_prints_without_navigation_chrome(open_page: Callable[..., Page], url: str) -> None:
    page = open_page(url)
    article = page.inner_text("article")
    nav_only = [
        text.strip()
        for text in page.locator(".md-sidebar--primary .md-nav__link").all_inner_texts()
        if text.strip() and text.strip() not in article
    ]
    assert nav_only  # the check below means something
    page.emulate_media(media="print")
    for selector in CHROME:
        assert page.locator(selector).first.is_hidden(), selector
    assert page.locator("article h1").is_visible()
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = " ".join(p.extract_text() for p in pdf.pages)
    printed = " ".join(printed.split())
    assert " ".join(page.inner_text("article h1").split()) in printed
    shown = [text for text in nav_only if " ".join(text.split()) in printed]
    assert not shown, shown


def test_csp_blocks_inline_and_foreign_scripts(open_page: Callable[..., Page]) -> None:
    """What an injected script would try: inline code, and a script from another host."""
    page = open_page("")
    blocked = page.evaluate(
        """() => new Promise(resolve => {
          const seen = [];
          document.addEventListener('securitypolicyviolation',
            e => seen.push(e.effectiveDirective));
          const inline = document.createElement('script');
          inline.textContent = 'window.__inline = true';
          document.head.appendChild(inline);
          const foreign = document.createElement('script');
          foreign.src = 'https://example.com/x.js';
          foreign.onerror = () => setTimeout(() => resolve({
            inlineRan: window.__inline === true, violations: seen.sort() }), 50);
          document.head.appendChild(foreign);
        })"""
    )
    assert blocked == {"inlineRan": False, "violations": ["script-src-elem", "script-src-elem"]}


def test_two_clean_builds_are_identical(site: Path, tmp_path: Path) -> None:
    """Byte for byte, file for file (sitemap.xml.gz and the search indexes included)."""
    again = build_copy(tmp_path)
    left = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    right = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert left == right
    _, mismatch, errors = filecmp.cmpfiles(site, again, left, shallow=False)
    assert not mismatch and not errors, (mismatch, errors)


def test_site_works_below_a_sub_path(
    browser: Browser, tmp_path: Path, languages: list[str]
) -> None:
    """Built for https://example.org/puebla/ and served at /puebla/: click around."""
    built = build_copy(tmp_path, site_url="https://example.org/puebla/")
    with serve(built, prefix="/puebla/") as base:
        context = browser.new_context(reduced_motion="reduce")
        traffic = watch(context, origin_of(base))
        failed: list[str] = []
        context.on(
            "response",
            lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        page = context.new_page()
        page.goto(base)
        # Navigation: the menu's links, one after another.
        links = page.eval_on_selector_all(
            ".md-sidebar--primary a.md-nav__link", "a => a.map(x => x.href)"
        )
        assert links and all(link.startswith(base) for link in links), links
        for link in links[:6]:
            page.goto(link)
        # Language switch and search in another language.
        other = languages[1]
        page.goto(base + "communique/about/")
        page.click(".md-select button")
        page.click(f".md-select__link[hreflang={other}]")
        page.wait_for_load_state("load")
        assert page.url == base + prefix(other, languages) + "communique/about/"
        page.click(".md-search__input")
        page.fill(".md-search__input", "Puebla")
        page.wait_for_selector(".md-search-result__link")
        result = page.eval_on_selector(".md-search-result__link", "a => a.href")
        assert language_of(result[len(base) :], languages) == other
        page.click(".md-search-result__link >> nth=0")
        page.wait_for_load_state("load")
        assert page.url.startswith(base + prefix(other, languages))
        # Every page of the build loads with all its assets, and the 404 pages' links work.
        for url in page_urls(built):
            page.goto(base + url)
        for lang in languages:
            page.goto(base + prefix(lang, languages) + "404.html")
            home = page.eval_on_selector("article a", "a => a.href")
            assert home == base + prefix(lang, languages), home
        context.close()
    assert not failed, failed
    assert not traffic.foreign and not traffic.console_errors, traffic
