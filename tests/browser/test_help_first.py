"""Help first, on a phone, in Chromium: the first screen has a number to tap, every page a Help
link and share links that call no other host, and the country chooser works without JavaScript.

Also axe-core on every page at two phone sizes (360 × 740 and 412 × 915), where tables and
the help block meet a narrow screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext

from sitekit import html_lang

from .browserkit import WCAG_TAGS, language_of, origin_of, page_urls, prefix, watch

PHONE_390 = {"width": 390, "height": 844}
PHONES = ({"width": 360, "height": 740}, {"width": 412, "height": 915})
HELP_FIRST = (  # pages that must show the help block in the first screen, below a language
    "",
    "campaigns/rights/",
    "campaigns/trafficking/",
    "campaigns/rights/help/",
    "campaigns/trafficking/help/",
)

FIRST_TEL = """() => {
  const link = [...document.querySelectorAll('a[href^="tel:"]')]
    .find(a => a.offsetParent !== null);
  if (!link) return null;
  const box = link.getBoundingClientRect();
  return {top: box.top + window.scrollY, bottom: box.bottom + window.scrollY,
          href: link.getAttribute('href'), inBlock: !!link.closest('#help-now')};
}"""


def _help_pages(languages: list[str]) -> list[str]:
    return [prefix(lang, languages) + path for lang in languages for path in HELP_FIRST]


def test_a_tel_link_in_the_first_phone_screen(
    context: BrowserContext, base_url: str, languages: list[str]
) -> None:
    page = context.new_page()
    page.set_viewport_size(PHONE_390)
    late = {}
    try:
        for url in _help_pages(languages):
            page.goto(base_url + url, wait_until="load")
            tel = page.evaluate(FIRST_TEL)
            if tel is None or not tel["inBlock"] or tel["bottom"] > PHONE_390["height"]:
                late[url] = tel
            else:
                assert tel["href"].startswith("tel:") and len(tel["href"]) > len("tel:1")
    finally:
        page.close()
    assert not late, f"no visible tel: link of the help block within the first 844 px: {late}"


def test_header_help_link_on_every_page(
    context: BrowserContext, base_url: str, site: Path, languages: list[str]
) -> None:
    page = context.new_page()
    page.set_viewport_size(PHONE_390)
    missing = []
    try:
        for url in page_urls(site):
            page.goto(base_url + url, wait_until="domcontentloaded")
            link = page.locator(".md-header a.puebla-help-link")
            if link.count() != 1 or not link.is_visible():
                missing.append(url)
                continue
            href = link.evaluate("a => a.href")  # resolved, as the browser follows it
            lang = language_of(url, languages)
            expected = f"{base_url}{prefix(lang, languages)}campaigns/rights/help/#help-now"
            assert href == expected, (url, href)
        page.goto(base_url + prefix(languages[-1], languages), wait_until="load")
        page.locator(".md-header a.puebla-help-link").click()
        page.wait_for_load_state("load")
        assert page.url.endswith(
            f"{prefix(languages[-1], languages)}campaigns/rights/help/#help-now"
        )
        assert page.locator("#help-now a[href^='tel:']").count() > 0
    finally:
        page.close()
    assert not missing, missing


@pytest.fixture
def no_js_context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE_390, java_script_enabled=False)
    watch(context, origin_of(base_url))
    yield context
    context.close()


def test_country_chooser_works_without_javascript(
    no_js_context: BrowserContext, base_url: str, languages: list[str]
) -> None:
    page = no_js_context.new_page()
    for lang in languages:
        page.goto(base_url + prefix(lang, languages) + "campaigns/trafficking/", wait_until="load")
        panels = page.locator(".help-now-country")
        total = panels.count()
        assert total >= 5, "every country of the help-line file has a panel"
        assert all(panels.nth(i).is_visible() for i in range(total)), "none chosen: all shown"
        chips = page.locator(".help-now-countries a")
        assert chips.count() == total
        seen_line = seen_none = False
        for i in range(chips.count()):
            chip = chips.nth(i)
            target = (chip.get_attribute("href") or "").lstrip("#")
            chip.click()
            assert page.url.endswith("#" + target)
            visible = [
                panels.nth(j).get_attribute("id")
                for j in range(total)
                if panels.nth(j).is_visible()
            ]
            assert visible == [target], (lang, target, visible)
            chosen = page.locator(f"#{target}")
            if chosen.locator("a[href^='tel:']").count():
                seen_line = True
            else:
                text = chosen.inner_text()
                name = chip.inner_text().strip()
                assert name in text and chosen.locator(".help-now-none").count() == 1, text
                seen_none = True
        assert seen_line and seen_none, "both kinds of country are tested"
    page.close()


def test_share_links_make_no_request_to_another_host(
    browser: Browser, base_url: str, languages: list[str]
) -> None:
    """With every other host refused: the links are plain links, and using the page's share
    buttons (copy, Web Share) sends nothing anywhere."""
    context = browser.new_context(viewport=PHONE_390)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=origin_of(base_url))
    traffic = watch(context, origin_of(base_url))
    page = context.new_page()
    try:
        for lang in languages:
            page.goto(base_url + prefix(lang, languages) + "campaigns/rights/", wait_until="load")
            share = page.locator(".puebla-share")
            assert share.count() == 1
            hrefs = [a.get_attribute("href") or "" for a in share.locator("a").all()]
            canonical = page.locator("link[rel=canonical]").get_attribute("href") or ""
            assert any(h.startswith("https://wa.me/?text=") for h in hrefs), hrefs
            assert any(h.startswith("sms:") for h in hrefs) and any(
                h.startswith("mailto:") for h in hrefs
            ), hrefs
            assert all(canonical in unquote(h) for h in hrefs), (canonical, hrefs)
            copy = share.locator("[data-puebla-copy]")
            assert copy.is_visible(), "copy link is offered where the clipboard API exists"
            copy.click()
            page.wait_for_function(
                "() => document.querySelector('.puebla-share__status').textContent.length > 0"
            )
            assert page.evaluate("() => navigator.clipboard.readText()") == canonical
            native = share.locator("[data-puebla-share]")
            has_share = page.evaluate("() => typeof navigator.share === 'function'")
            assert native.is_visible() == has_share
        assert traffic.foreign == [], traffic.foreign
        assert traffic.console_errors == [], traffic.console_errors
    finally:
        context.close()


def test_share_links_on_every_page(site: Path) -> None:
    missing = []
    for url in page_urls(site):
        if url.endswith("404.html"):
            continue  # a page that does not exist has nothing to share
        file = site / (url + "index.html" if url == "" or url.endswith("/") else url)
        if 'class="puebla-share"' not in file.read_text(encoding="utf-8"):
            missing.append(url)
    assert not missing, missing


@pytest.mark.parametrize("viewport", PHONES, ids=lambda v: f"{v['width']}x{v['height']}")
def test_no_accessibility_violations_on_phones(
    browser: Browser, base_url: str, site: Path, viewport: dict[str, int]
) -> None:
    context = browser.new_context(viewport=viewport, reduced_motion="reduce")
    watch(context, origin_of(base_url))
    page = context.new_page()
    axe = Axe()
    found = {}
    try:
        for url in page_urls(site):
            page.goto(base_url + url, wait_until="load")
            report = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
            if report.response["violations"]:
                found[url] = [
                    f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}"
                    for v in report.response["violations"]
                ]
    finally:
        context.close()
    assert not found, found


def test_status_table_fits_or_can_be_reached_by_keyboard(
    context: BrowserContext, base_url: str, languages: list[str]
) -> None:
    page = context.new_page()
    try:
        for viewport in PHONES:
            page.set_viewport_size(viewport)
            for lang in languages:
                page.goto(
                    base_url + prefix(lang, languages) + "translation-status/", wait_until="load"
                )
                wide = page.evaluate(
                    "() => document.documentElement.scrollWidth > window.innerWidth"
                )
                assert not wide, f"the status page scrolls sideways at {viewport}"
                region = page.locator(".table-region")
                assert region.get_attribute("tabindex") == "0"
                assert region.get_attribute("role") == "region" and region.get_attribute(
                    "aria-label"
                )
    finally:
        page.close()


FIRST_TEXT_LANG = """() => {
  const article = document.querySelector('article');
  for (const el of article.querySelectorAll('h1, h2, h3, p, li, blockquote, td, dt, dd')) {
    if (el.closest('details') || el.closest('.md-source-file') || !el.innerText.trim()) continue;
    const scope = el.closest('[lang]');
    return {lang: scope ? scope.getAttribute('lang') : '', text: el.innerText.slice(0, 60)};
  }
  return null;
}"""
ENGLISH_BEFORE_OWN = """(lang) => {
  const article = document.querySelector('article');
  let own = false;
  for (const el of article.querySelectorAll('p, li, blockquote, h1, h2, h3')) {
    if (el.closest('details') || !el.innerText.trim()) continue;
    const scope = el.closest('[lang]');
    const l = scope ? scope.getAttribute('lang') : '';
    if (l === lang) own = true;
    else if (l === 'en' && !own) return el.innerText.slice(0, 80);
  }
  return null;
}"""


def test_no_english_before_the_page_language_on_campaign_pages(
    context: BrowserContext, base_url: str, site: Path, languages: list[str]
) -> None:
    page = context.new_page()
    page.set_viewport_size(PHONE_390)
    found = {}
    try:
        for url in page_urls(site):
            lang = language_of(url, languages)
            if lang == languages[0] or "/campaigns/" not in "/" + url:
                continue
            # The language the page is written in: Spanish on K'iche', Mam and Q'eqchi' pages.
            own = html_lang(lang)
            page.goto(base_url + url, wait_until="domcontentloaded")
            first = page.evaluate(FIRST_TEXT_LANG)
            early = page.evaluate(ENGLISH_BEFORE_OWN, own)
            if first is None or first["lang"] != own or early:
                found[url] = (first, early)
    finally:
        page.close()
    assert not found, found
